#include "common/event_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace entente {
namespace {

Event SampleEvent() {
  Event e;
  e.doc = "doc-1";
  e.type = "MEET";
  e.cameo = "042";
  e.goldstein = 1.9;
  e.plover = "CONSULT";
  e.actors.push_back(Actor{"Emmanuel Macron", "FRA", "", "President of France", Role::kSource,
                           "le président français", 10, 34});
  e.actors.push_back(Actor{"", "DEU", "", "", Role::kTarget, "l'Allemagne", 50, 62});
  e.actors.push_back(Actor{"", "", "UN", "", Role::kParticipant, "l'ONU", 70, 76});
  e.date = EventDate{*Date::Parse("2023-01-19"), *Date::Parse("2023-01-19"), "day", "jeudi", 3, 8};
  e.location = Location{"Berlin", "DEU", 52.52, 13.405, "à Berlin", 80, 89};
  e.future = true;
  e.topics = {"energy", "defence"};
  e.attributes = {"travelled=FRA", "rule=fr.meet.rencontrer"};
  e.evidence =
      Evidence{"Jeudi, le président français a rencontré « ses » homologues.", 0, 63, "a rencontré", 35, 47};
  e.mentions.push_back(Evidence{"Une autre phrase.", 100, 117, "rencontre", 105, 114});
  e.confidence = 0.75;
  return e;
}

void ExpectSameEvidence(const Evidence& a, const Evidence& b) {
  EXPECT_EQ(a.sentence, b.sentence);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.trigger, b.trigger);
  EXPECT_EQ(a.trigger_begin, b.trigger_begin);
  EXPECT_EQ(a.trigger_end, b.trigger_end);
}

TEST(EventJsonTest, RoundTrip) {
  const Event e = SampleEvent();
  const std::string line = EventToJson(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto back = EventFromJson(line);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->doc, e.doc);
  EXPECT_EQ(back->type, e.type);
  EXPECT_EQ(back->cameo, e.cameo);
  EXPECT_DOUBLE_EQ(back->goldstein, e.goldstein);
  EXPECT_EQ(back->plover, e.plover);
  ASSERT_EQ(back->actors.size(), e.actors.size());
  for (size_t i = 0; i < e.actors.size(); ++i) {
    EXPECT_EQ(back->actors[i].name, e.actors[i].name);
    EXPECT_EQ(back->actors[i].country, e.actors[i].country);
    EXPECT_EQ(back->actors[i].org, e.actors[i].org);
    EXPECT_EQ(back->actors[i].office, e.actors[i].office);
    EXPECT_EQ(back->actors[i].role, e.actors[i].role);
    EXPECT_EQ(back->actors[i].text, e.actors[i].text);
    EXPECT_EQ(back->actors[i].begin, e.actors[i].begin);
    EXPECT_EQ(back->actors[i].end, e.actors[i].end);
  }
  ASSERT_TRUE(back->date.has_value());
  EXPECT_EQ(back->date->from, e.date->from);
  EXPECT_EQ(back->date->to, e.date->to);
  EXPECT_EQ(back->date->precision, "day");
  EXPECT_EQ(back->date->text, "jeudi");
  EXPECT_EQ(back->date->begin, 3u);
  EXPECT_EQ(back->date->end, 8u);
  ASSERT_TRUE(back->location.has_value());
  EXPECT_EQ(back->location->name, "Berlin");
  EXPECT_DOUBLE_EQ(back->location->lat, 52.52);
  EXPECT_DOUBLE_EQ(back->location->lon, 13.405);
  EXPECT_EQ(back->location->begin, 80u);
  EXPECT_FALSE(back->background);
  EXPECT_TRUE(back->future);
  EXPECT_FALSE(back->negated);
  EXPECT_EQ(back->topics, e.topics);
  EXPECT_EQ(back->attributes, e.attributes);
  ExpectSameEvidence(back->evidence, e.evidence);
  ASSERT_EQ(back->mentions.size(), 1u);
  ExpectSameEvidence(back->mentions[0], e.mentions[0]);
  EXPECT_DOUBLE_EQ(back->confidence, 0.75);
  // Writing again gives the same bytes.
  EXPECT_EQ(EventToJson(*back), line);
}

TEST(EventJsonTest, KeyOrderAndNulls) {
  Event e = SampleEvent();
  e.date.reset();
  e.location.reset();
  const std::string line = EventToJson(e);
  auto j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"doc", "type", "cameo", "goldstein", "plover", "actors", "date",
                                            "location", "background", "future", "negated", "topics",
                                            "attributes", "evidence", "mentions", "confidence", "version"}));
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_TRUE(j["actors"][1]["name"].is_null());
  EXPECT_TRUE(j["actors"][1]["org"].is_null());
  EXPECT_TRUE(j["actors"][2]["country"].is_null());
  EXPECT_EQ(j["actors"][0]["role"], "source");
  EXPECT_EQ(j["version"], kEventFormatVersion);
  std::vector<std::string> akeys;
  for (auto it = j["actors"][0].begin(); it != j["actors"][0].end(); ++it) akeys.push_back(it.key());
  EXPECT_EQ(akeys,
            (std::vector<std::string>{"name", "country", "org", "office", "role", "text", "start", "end"}));
  auto back = EventFromJson(line);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->date.has_value());
  EXPECT_FALSE(back->location.has_value());
}

TEST(EventJsonTest, RoleNames) {
  EXPECT_STREQ(RoleName(Role::kSource), "source");
  EXPECT_STREQ(RoleName(Role::kTarget), "target");
  EXPECT_STREQ(RoleName(Role::kParticipant), "participant");
  EXPECT_EQ(RoleFromName("target"), Role::kTarget);
  EXPECT_FALSE(RoleFromName("boss").has_value());
}

TEST(EventJsonTest, BadInput) {
  const char* bad[] = {
      "",
      "{",
      "[1,2]",
      R"({"doc":"d"})",
      R"({"type":"MEET","actors":{}})",
      R"({"type":"MEET","actors":[{"role":"boss"}]})",
      R"({"type":"MEET","actors":[{"start":-1}]})",
      R"({"type":"MEET","date":{"from":"2023-02-30"}})",
      R"({"type":"MEET","negated":"no"})",
      R"({"type":"MEET","topics":[1]})",
      R"({"type":"MEET","version":99})",
      R"({"type":"MEET","evidence":[]})",
  };
  for (const char* s : bad) {
    auto r = EventFromJson(s);
    EXPECT_FALSE(r.ok()) << s;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace entente
