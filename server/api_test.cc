// The JSON API over a small store: routes, shapes, and bad input of every kind.
#include "server/api.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/store.h"

namespace entente::server {
namespace {

using Json = nlohmann::json;

Event MakeEvent(const std::string& doc, const std::string& date, const std::string& a_name, const std::string& a_cc,
                const std::string& b_cc, const std::string& sentence) {
  Event e;
  e.doc = doc;
  e.type = "MEET";
  e.cameo = "043";
  e.goldstein = 2.8;
  e.plover = "CONSULT";
  Actor a;
  a.name = a_name;
  a.country = a_cc;
  a.office = "President";
  a.role = Role::kSource;
  a.text = "Poutine";
  a.begin = 0;
  a.end = 7;
  Actor b;
  b.country = b_cc;
  b.role = Role::kTarget;
  b.text = "l'Iran";
  b.begin = 22;
  b.end = 28;
  e.actors = {a, b};
  EventDate d;
  d.from = *Date::Parse(date);
  d.to = d.from;
  d.precision = "day";
  d.text = "jeudi";
  d.begin = 16;
  d.end = 21;
  e.date = d;
  Location l;
  l.name = "Moscow";
  l.country = "RUS";
  l.lat = 55.75;
  l.lon = 37.62;
  l.city = true;
  l.text = "à Moscou";
  l.begin = 29;
  l.end = 38;  // "à" is two bytes
  e.location = l;
  e.evidence.sentence = sentence;
  e.evidence.start = 0;
  e.evidence.end = static_cast<uint32_t>(sentence.size());
  e.evidence.trigger = "a reçu";
  e.evidence.trigger_begin = 8;
  e.evidence.trigger_end = 15;  // "reçu": ç is two bytes
  return e;
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("entente_api_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto s = Store::Open(path_.string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    const std::string sentence = "Poutine a reçu jeudi l'Iran à Moscou.";
    ASSERT_TRUE(store_->BeginBatch().ok());
    for (int i = 0; i < 3; ++i) {
      Document d;
      d.id = "doc" + std::to_string(i);
      d.source = i == 0 ? "Le Monde" : "RFI";
      d.url = i == 2 ? "javascript:alert(1)" : "https://example.org/" + d.id;
      d.title = "<script>alert(1)</script> title " + std::to_string(i);
      d.published = Date::Parse("2023-0" + std::to_string(i + 1) + "-20");
      d.language = "fr";
      d.text = sentence;
      std::string date = "2023-0" + std::to_string(i + 1) + "-19";
      ASSERT_TRUE(store_->Ingest(d, {MakeEvent(d.id, date, "Vladimir Putin", "RUS", "IRN", sentence)}).ok());
    }
    ASSERT_TRUE(store_->CommitBatch().ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }

  ApiResponse Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    ApiRequest r;
    r.method = "GET";
    r.path = path;
    r.params = std::move(params);
    return api_.Handle(*store_, r);
  }

  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  Api api_{ApiOptions{}};
};

TEST_F(ApiTest, HealthAndVersion) {
  ApiResponse h = Get("/api/v1/health");
  ASSERT_EQ(h.status, 200) << h.body;
  Json j = Json::parse(h.body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["documents"], 3);
  ApiResponse v = Get("/api/v1/version");
  ASSERT_EQ(v.status, 200);
  EXPECT_EQ(Json::parse(v.body)["api"], "v1");
}

TEST_F(ApiTest, EventsListPagesAndFilters) {
  ApiResponse r = Get("/api/v1/events", {{"pair", "rus,irn"}, {"limit", "2"}});
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  ASSERT_TRUE(j["events"].is_array());
  const size_t first_page = j["events"].size();
  ASSERT_GE(first_page, 1u);
  EXPECT_EQ(j["events"][0]["quad_class"], 1);
  if (!j["next_offset"].is_null()) {
    Json k = Json::parse(Get("/api/v1/events", {{"pair", "RUS,IRN"}, {"limit", "2"}, {"offset", "2"}}).body);
    EXPECT_GE(k["events"].size(), 1u);
  }
  Json none = Json::parse(Get("/api/v1/events", {{"pair", "FRA,DEU"}}).body);
  EXPECT_TRUE(none["events"].empty());
  EXPECT_TRUE(none["next_offset"].is_null());
  EXPECT_EQ(Get("/api/v1/events", {{"from", "2023-02"}, {"to", "2023"}, {"place", "Moscow"}, {"type", "meet"},
                                   {"cameo_root", "04"}, {"lat", "55.7"}, {"lon", "37.6"}, {"radius", "50"},
                                   {"text", "reçu"}, {"outlet", "RFI"}, {"actor", "Putin"}})
                .status,
            200);
}

TEST_F(ApiTest, OneEventWithHighlightsInSentenceBytes) {
  Json list = Json::parse(Get("/api/v1/events").body);
  const std::string id = list["events"][0]["id"];
  ApiResponse r = Get("/api/v1/events/" + id);
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  ASSERT_FALSE(j["mentions"].empty());
  const Json& ev = j["mentions"][0]["evidence"][0];
  const std::string sentence = ev["sentence"];
  ASSERT_EQ(ev["highlights"].size(), 5u);
  for (const Json& h : ev["highlights"]) {
    const size_t b = h["begin"], e = h["end"];
    EXPECT_EQ(sentence.substr(b, e - b), h["text"].get<std::string>()) << h.dump();
  }
  EXPECT_EQ(Get("/api/v1/events/ev-000000000000").status, 404);
  EXPECT_EQ(Get("/api/v1/events/1' OR '1'='1").status, 400);
}

TEST_F(ApiTest, ActorsPlacesDocumentsPairs) {
  EXPECT_EQ(Get("/api/v1/events", {{"actor", "O'Brien"}, {"place", "Côte d'Ivoire"}}).status, 200);
  Json a = Json::parse(Get("/api/v1/actors", {{"q", "Poutine"}}).body);
  ASSERT_FALSE(a["actors"].empty()) << a.dump();
  EXPECT_EQ(a["actors"][0]["name"], "Vladimir Putin");
  Json one = Json::parse(Get("/api/v1/actors/Vladimir Putin").body);
  EXPECT_EQ(one["events"], 3);
  EXPECT_EQ(one["offices"][0]["office"], "President");
  EXPECT_EQ(one["partners"][0]["country"], "IRN");
  EXPECT_EQ(Get("/api/v1/actors/Nobody At All").status, 404);
  Json p = Json::parse(Get("/api/v1/places", {{"q", "Moscou"}}).body);
  ASSERT_EQ(p["places"].size(), 1u) << p.dump();
  EXPECT_EQ(p["places"][0]["name"], "Moscow");
  Json d = Json::parse(Get("/api/v1/documents", {{"limit", "2"}}).body);
  EXPECT_EQ(d["documents"].size(), 2u);
  EXPECT_EQ(d["next_offset"], 2);
  Json s = Json::parse(Get("/api/v1/pairs/RUS/IRN", {{"by", "month"}}).body);
  EXPECT_EQ(s["events"], 3);
  EXPECT_EQ(s["buckets"].size(), 3u);
}

TEST_F(ApiTest, BadRequestsAre400WithJsonErrors) {
  struct Case {
    std::string path;
    std::multimap<std::string, std::string> params;
  };
  const std::vector<Case> cases = {
      {"/api/v1/events", {{"colour", "red"}}},                    // unknown field
      {"/api/v1/events", {{"from", "2023-13-01"}}},               // bad date
      {"/api/v1/events", {{"from", "yesterday"}}},
      {"/api/v1/events", {{"from", "2023-05"}, {"to", "2023-01"}}},
      {"/api/v1/events", {{"limit", "100000"}}},                  // huge page
      {"/api/v1/events", {{"limit", "-1"}}},
      {"/api/v1/events", {{"limit", "99999999999999999999"}}},
      {"/api/v1/events", {{"offset", "x"}}},
      {"/api/v1/events", {{"actor", "' OR 1=1 --"}}},             // SQL-looking
      {"/api/v1/events", {{"actor", "x; DROP TABLE events"}}},
      {"/api/v1/events", {{"actor", "' OR 1"}}},
      {"/api/v1/events", {{"place", "x' UNION SELECT"}}},
      {"/api/v1/events", {{"text", "a%b"}}},
      {"/api/v1/events", {{"pair", "RUS"}}},
      {"/api/v1/events", {{"pair", "RUS,IRN'--"}}},
      {"/api/v1/events", {{"type", "MEET' OR 1"}}},
      {"/api/v1/events", {{"cameo_root", "4x"}}},
      {"/api/v1/events", {{"lat", "55"}}},                        // lat without lon and radius
      {"/api/v1/events", {{"lat", "NaN"}, {"lon", "1"}, {"radius", "1"}}},
      {"/api/v1/events", {{"actor", std::string(500, 'a')}}},     // too long
      {"/api/v1/events", {{"actor", "a"}, {"actor", "b"}}},       // repeated
      {"/api/v1/actors", {{"q", "<script>"}}},
      {"/api/v1/pairs/RUS/IR1", {}},
      {"/api/v1/pairs/RUS/IRN", {{"by", "week"}}},
      {"/api/v1/documents", {{"limit", "5000"}}},
      {"/api/v1/health", {{"x", "1"}}},
  };
  for (const Case& c : cases) {
    ApiResponse r = Get(c.path, c.params);
    EXPECT_EQ(r.status, 400) << c.path << " " << (c.params.empty() ? "" : c.params.begin()->second) << " → "
                             << r.body;
    Json j = Json::parse(r.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    EXPECT_EQ(j["error"]["code"], "bad_request");
    EXPECT_TRUE(j["error"]["message"].is_string());
  }
  EXPECT_EQ(Get("/api/v1/nothing").status, 404);
  EXPECT_EQ(Get("/api/v2/events").status, 404);
}

TEST_F(ApiTest, IngestIsOffByDefaultAndNeedsTheToken) {
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/v1/documents";
  r.body = "{\"id\":\"x\",\"text\":\"y\"}\n";
  EXPECT_EQ(api_.Handle(*store_, r).status, 403);
  r.method = "DELETE";
  EXPECT_EQ(api_.Handle(*store_, r).status, 405);
}

TEST_F(ApiTest, DeadlineInterruptsAQuery) {
  store_->SetDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
  ApiResponse r = Get("/api/v1/events", {{"text", "Moscou"}});
  store_->SetDeadline(std::nullopt);
  // A query this small may finish before the first progress check; when it
  // is stopped, the answer is a 503 with a JSON error.
  if (r.status != 200) {
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_EQ(Json::parse(r.body)["error"]["code"], "timeout");
  }
  EXPECT_EQ(Get("/api/v1/events").status, 200);
}

}  // namespace
}  // namespace entente::server
