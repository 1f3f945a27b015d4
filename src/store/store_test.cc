#include "entente/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

// A fresh file path per test, removed (with its WAL files) afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("entente_store_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::unique_ptr<Store> OpenOrDie() {
    auto s = Store::Open(path_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  fs::path dir_;
  std::string path_;
};

Actor MakeActor(std::string name, std::string country, Role role) {
  Actor a;
  a.name = std::move(name);
  a.country = std::move(country);
  a.role = role;
  a.text = a.name;
  return a;
}

Event MakeEvent(const std::string& doc, std::string type, const std::string& day,
                std::vector<Actor> actors) {
  Event e;
  e.doc = doc;
  e.type = std::move(type);
  e.cameo = "042";
  e.goldstein = 1.9;
  e.plover = "CONSULT";
  e.actors = std::move(actors);
  if (!day.empty()) {
    EventDate d;
    d.from = *Date::Parse(day);
    d.to = d.from;
    d.precision = "day";
    d.text = "jeudi";
    e.date = d;
  }
  e.evidence.sentence = "Le président a reçu son homologue jeudi.";
  e.evidence.start = 0;
  e.evidence.end = static_cast<uint32_t>(e.evidence.sentence.size());
  return e;
}

Document MakeDoc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.url = "https://example.org/" + id;
  d.source = "Example News";
  d.language = "fr";
  d.title = "Titre";
  d.text = text;
  d.published = *Date::Parse("2023-01-20");
  return d;
}

// doc-a: RUS/IRN phone call on 2023-01-19, FRA/DEU meeting on 2023-03-02.
// doc-b: USA/CHN meeting on 2022-11-14, an undated visit by a UN official.
struct Corpus {
  Document a = MakeDoc("doc-a", "Texte A.");
  std::vector<Event> a_events = {
      MakeEvent("doc-a", "PHONE_CALL", "2023-01-19",
                {MakeActor("Vladimir Putin", "RUS", Role::kSource),
                 MakeActor("Ebrahim Raisi", "IRN", Role::kTarget)}),
      MakeEvent("doc-a", "MEET", "2023-03-02",
                {MakeActor("Emmanuel Macron", "FRA", Role::kSource),
                 MakeActor("Olaf Scholz", "DEU", Role::kTarget)}),
  };
  Document b = MakeDoc("doc-b", "Texte B.");
  std::vector<Event> b_events = {
      MakeEvent("doc-b", "MEET", "2022-11-14",
                {MakeActor("Joe Biden", "USA", Role::kParticipant),
                 MakeActor("Xi Jinping", "CHN", Role::kParticipant)}),
      MakeEvent("doc-b", "VISIT", "", {[] {
                  Actor a = MakeActor("António Guterres", "", Role::kSource);
                  a.org = "UN";
                  return a;
                }()}),
  };
};

Status IngestCorpus(Store& store, const Corpus& c, std::vector<IngestOutcome>* outcomes) {
  ENTENTE_RETURN_IF_ERROR(store.BeginBatch());
  auto ra = store.Ingest(c.a, c.a_events);
  if (!ra.ok()) return ra.status();
  auto rb = store.Ingest(c.b, c.b_events);
  if (!rb.ok()) return rb.status();
  outcomes->push_back(*ra);
  outcomes->push_back(*rb);
  return store.CommitBatch();
}

std::vector<std::string> Types(const std::vector<StoredEvent>& evs) {
  std::vector<std::string> out;
  for (const auto& e : evs) out.push_back(e.event.doc + ":" + e.event.type);
  return out;
}

TEST_F(StoreTest, OpenFreshIsEmpty) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountDocuments(), 0);
  EXPECT_EQ(*store->CountEvents(), 0);
  auto evs = store->Events({});
  ASSERT_TRUE(evs.ok()) << evs.status().ToString();
  EXPECT_TRUE(evs->empty());
}

TEST_F(StoreTest, IngestThenReingestUnchanged) {
  Corpus c;
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::vector<IngestOutcome> out;
  ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());
  EXPECT_EQ(out, (std::vector<IngestOutcome>{IngestOutcome::kAdded, IngestOutcome::kAdded}));
  EXPECT_EQ(*store->CountDocuments(), 2);
  EXPECT_EQ(*store->CountEvents(), 4);

  out.clear();
  ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());
  EXPECT_EQ(out,
            (std::vector<IngestOutcome>{IngestOutcome::kUnchanged, IngestOutcome::kUnchanged}));
  EXPECT_EQ(*store->CountDocuments(), 2);
  EXPECT_EQ(*store->CountEvents(), 4);
}

TEST_F(StoreTest, ChangedDocumentReplacesItsEvents) {
  Corpus c;
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::vector<IngestOutcome> out;
  ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());

  Document a2 = c.a;
  a2.text = "Texte A, corrigé.";
  std::vector<Event> a2_events = {c.a_events[0]};
  ASSERT_TRUE(store->BeginBatch().ok());
  auto r = store->Ingest(a2, a2_events);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, IngestOutcome::kReplaced);
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(*store->CountDocuments(), 2);
  EXPECT_EQ(*store->CountEvents(), 3);
  auto evs = store->Events({});
  ASSERT_TRUE(evs.ok());
  EXPECT_EQ(Types(*evs), (std::vector<std::string>{"doc-b:MEET", "doc-a:PHONE_CALL", "doc-b:VISIT"}));

  // The actors of the deleted event went with it.
  EventQuery q;
  q.actor = "Scholz";
  EXPECT_TRUE(store->Events(q)->empty());
}

TEST_F(StoreTest, OrderAndRoundTrip) {
  Corpus c;
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::vector<IngestOutcome> out;
  ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());
  auto evs = store->Events({});
  ASSERT_TRUE(evs.ok()) << evs.status().ToString();
  // By date, undated last.
  EXPECT_EQ(Types(*evs), (std::vector<std::string>{"doc-b:MEET", "doc-a:PHONE_CALL", "doc-a:MEET",
                                                   "doc-b:VISIT"}));
  const Event& call = (*evs)[1].event;
  EXPECT_EQ(EventToJson(call), EventToJson(c.a_events[0]));
  EXPECT_GT((*evs)[1].id, 0);
  EXPECT_FALSE((*evs)[3].event.date.has_value());
}

TEST_F(StoreTest, Queries) {
  Corpus c;
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::vector<IngestOutcome> out;
  ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());

  struct Case {
    const char* name;
    EventQuery query;
    std::vector<std::string> expected;
  };
  auto q = [](auto fill) {
    EventQuery e;
    fill(e);
    return e;
  };
  const Case cases[] = {
      {"actor name substring, any case", q([](EventQuery& e) { e.actor = "putin"; }),
       {"doc-a:PHONE_CALL"}},
      {"actor country", q([](EventQuery& e) { e.actor = "chn"; }), {"doc-b:MEET"}},
      {"actor org", q([](EventQuery& e) { e.actor = "un"; }), {"doc-b:VISIT"}},
      {"actor wildcard is literal", q([](EventQuery& e) { e.actor = "%"; }), {}},
      {"pair", q([](EventQuery& e) { e.country_a = "RUS"; e.country_b = "IRN"; }),
       {"doc-a:PHONE_CALL"}},
      {"pair reversed", q([](EventQuery& e) { e.country_a = "IRN"; e.country_b = "RUS"; }),
       {"doc-a:PHONE_CALL"}},
      {"pair absent", q([](EventQuery& e) { e.country_a = "RUS"; e.country_b = "USA"; }), {}},
      {"pair same country needs two", q([](EventQuery& e) { e.country_a = "RUS"; e.country_b = "RUS"; }),
       {}},
      {"type", q([](EventQuery& e) { e.type = "MEET"; }), {"doc-b:MEET", "doc-a:MEET"}},
      {"from", q([](EventQuery& e) { e.from = Date::Parse("2023-01-19"); }),
       {"doc-a:PHONE_CALL", "doc-a:MEET"}},
      {"to", q([](EventQuery& e) { e.to = Date::Parse("2023-01-18"); }), {"doc-b:MEET"}},
      {"from to", q([](EventQuery& e) {
         e.from = Date::Parse("2023-01-01");
         e.to = Date::Parse("2023-01-31");
       }),
       {"doc-a:PHONE_CALL"}},
      {"type and date", q([](EventQuery& e) {
         e.type = "MEET";
         e.from = Date::Parse("2023-01-01");
       }),
       {"doc-a:MEET"}},
      {"limit", q([](EventQuery& e) { e.limit = 2; }), {"doc-b:MEET", "doc-a:PHONE_CALL"}},
      {"offset", q([](EventQuery& e) {
         e.limit = 2;
         e.offset = 2;
       }),
       {"doc-a:MEET", "doc-b:VISIT"}},
  };
  for (const Case& tc : cases) {
    auto evs = store->Events(tc.query);
    ASSERT_TRUE(evs.ok()) << tc.name << ": " << evs.status().ToString();
    EXPECT_EQ(Types(*evs), tc.expected) << tc.name;
  }
}

TEST_F(StoreTest, BadQueriesAreRefused) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EventQuery q;
  q.limit = 0;
  EXPECT_EQ(store->Events(q).status().code(), StatusCode::kInvalidArgument);
  q.limit = 100001;
  EXPECT_EQ(store->Events(q).status().code(), StatusCode::kInvalidArgument);
  q.limit = 10;
  q.offset = -1;
  EXPECT_EQ(store->Events(q).status().code(), StatusCode::kInvalidArgument);
  q.offset = 0;
  q.from = Date{2023, 2, 30};
  EXPECT_EQ(store->Events(q).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, IngestOutsideBatchIsRefused) {
  Corpus c;
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Ingest(c.a, c.a_events).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(store->CommitBatch().ok());
  EXPECT_FALSE(store->RollbackBatch().ok());
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_FALSE(store->BeginBatch().ok());
  Document nameless = c.a;
  nameless.id.clear();
  EXPECT_EQ(store->Ingest(nameless, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(store->RollbackBatch().ok());
  EXPECT_EQ(*store->CountDocuments(), 0);
}

TEST_F(StoreTest, RollbackLeavesStoreUnchanged) {
  Corpus c;
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->Ingest(c.a, c.a_events).ok());
  ASSERT_TRUE(store->CommitBatch().ok());

  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->Ingest(c.b, c.b_events).ok());
  Document a2 = c.a;
  a2.title = "Autre titre";
  EXPECT_EQ(*store->Ingest(a2, {}), IngestOutcome::kReplaced);
  ASSERT_TRUE(store->RollbackBatch().ok());

  EXPECT_EQ(*store->CountDocuments(), 1);
  EXPECT_EQ(*store->CountEvents(), 2);
  auto evs = store->Events({});
  ASSERT_TRUE(evs.ok());
  EXPECT_EQ(Types(*evs), (std::vector<std::string>{"doc-a:PHONE_CALL", "doc-a:MEET"}));
}

TEST_F(StoreTest, UnclosedBatchIsRolledBackOnClose) {
  Corpus c;
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(store->Ingest(c.a, c.a_events).ok());
  }
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountDocuments(), 0);
}

TEST_F(StoreTest, SecondOpenOfExistingFile) {
  Corpus c;
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    std::vector<IngestOutcome> out;
    ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());
  }
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountDocuments(), 2);
  EXPECT_EQ(*store->CountEvents(), 4);
  std::vector<IngestOutcome> out;
  ASSERT_TRUE(IngestCorpus(*store, c, &out).ok());
  EXPECT_EQ(out,
            (std::vector<IngestOutcome>{IngestOutcome::kUnchanged, IngestOutcome::kUnchanged}));
}

// The hash is FNV-1a 64 over fixed fields (docs/store-schema.md); it must not
// change between builds, or every re-ingest would count as a replacement.
TEST_F(StoreTest, ContentHashIsStable) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(store->Ingest(MakeDoc("doc-x", "Texte sans événement."), {}).ok());
    ASSERT_TRUE(store->CommitBatch().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT content_hash, ingested_seq FROM documents", -1, &st,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "3caa5c499a664288");
  EXPECT_EQ(sqlite3_column_int(st, 1), 1);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, SecondConnectionSeesCommittedBatchOnly) {
  Corpus c;
  auto writer = OpenOrDie();
  auto reader = OpenOrDie();
  ASSERT_NE(writer, nullptr);
  ASSERT_NE(reader, nullptr);
  ASSERT_TRUE(writer->BeginBatch().ok());
  ASSERT_TRUE(writer->Ingest(c.a, c.a_events).ok());
  EXPECT_EQ(*reader->CountDocuments(), 0);  // WAL: readers are not blocked
  ASSERT_TRUE(writer->CommitBatch().ok());
  EXPECT_EQ(*reader->CountDocuments(), 1);
  EXPECT_EQ(reader->Events({})->size(), 2u);
}

TEST_F(StoreTest, UndatedDocumentAndEmptyFields) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Document d;
  d.id = "bare";
  static constexpr char kText[] = "avec un octet nul \0 au milieu";
  d.text.assign(kText, sizeof(kText) - 1);
  Event e = MakeEvent("bare", "STATEMENT", "", {});
  ASSERT_TRUE(store->BeginBatch().ok());
  auto r = store->Ingest(d, {e});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, IngestOutcome::kAdded);
  EXPECT_EQ(*store->Ingest(d, {e}), IngestOutcome::kUnchanged);
  ASSERT_TRUE(store->CommitBatch().ok());
  EventQuery q;
  q.from = Date::Parse("2000-01-01");
  EXPECT_TRUE(store->Events(q)->empty());  // undated never matches a date filter
  auto all = store->Events({});
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(EventToJson((*all)[0].event), EventToJson(e));
}

TEST_F(StoreTest, SchemaVersionIsSet) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), kStoreSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, NewerSchemaIsRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const std::string sql = "PRAGMA user_version = " + std::to_string(kStoreSchemaVersion + 1);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kStoreError);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, NotADatabaseIsRefused) {
  {
    FILE* f = std::fopen(path_.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not an sqlite file, just some words in a text file\n", f);
    std::fclose(f);
  }
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kStoreError);
}

TEST_F(StoreTest, UnopenablePathIsRefused) {
  auto store = Store::Open((dir_ / "no" / "such" / "dir" / "x.db").string());
  EXPECT_FALSE(store.ok());
  EXPECT_FALSE(Store::Open("").ok());
}

// --- merged events ---------------------------------------------------------------

// Three reports of one Putin–Raisi call (two outlets), one of another call, in four documents.
struct CallCorpus {
  std::vector<Document> docs;
  std::vector<std::vector<Event>> events;
  CallCorpus() {
    auto call = [](const std::string& doc, const std::string& day) {
      return MakeEvent(doc, "PHONE_CALL", day,
                       {MakeActor("Vladimir Putin", "RUS", Role::kSource),
                        MakeActor("Ebrahim Raisi", "IRN", Role::kTarget)});
    };
    for (const char* id : {"c1", "c2", "c3", "c4"}) docs.push_back(MakeDoc(id, std::string("Texte ") + id + "."));
    docs[2].source = "Other Wire";
    events = {{call("c1", "2023-01-19")}, {call("c2", "2023-01-19")}, {call("c3", "2023-01-19")},
              {call("c4", "2023-01-11")}};
  }
};

Status IngestSome(Store& store, const CallCorpus& c, const std::vector<size_t>& which) {
  ENTENTE_RETURN_IF_ERROR(store.BeginBatch());
  for (size_t i : which) {
    auto r = store.Ingest(c.docs[i], c.events[i]);
    if (!r.ok()) return r.status();
  }
  return store.CommitBatch();
}

std::vector<std::string> Summary(Store& store) {
  auto evs = store.MergedEvents(EventQuery{}, /*with_mentions=*/true);
  EXPECT_TRUE(evs.ok()) << evs.status().ToString();
  std::vector<std::string> out;
  if (!evs.ok()) return out;
  for (const MergedEventRow& r : *evs) {
    std::string docs;
    for (const EventMention& m : r.mentions) docs += (docs.empty() ? "" : ",") + m.doc;
    out.push_back(r.id + " " + r.event.date->from.ToString() + " mentions=" + std::to_string(r.num_mentions) +
                  " articles=" + std::to_string(r.num_articles) + " sources=" + std::to_string(r.num_sources) +
                  " [" + docs + "]");
  }
  return out;
}

TEST_F(StoreTest, ReportsOfOneCallAreOneEvent) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  CallCorpus c;
  ASSERT_TRUE(IngestSome(*store, c, {0, 1, 2, 3}).ok());
  EXPECT_EQ(*store->CountEvents(), 4);
  EXPECT_EQ(*store->CountMergedEvents(), 2);
  std::vector<std::string> s = Summary(*store);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_NE(s[0].find("2023-01-11 mentions=1 articles=1 sources=1 [c4]"), std::string::npos) << s[0];
  EXPECT_NE(s[1].find("2023-01-19 mentions=3 articles=3 sources=2 [c1,c2,c3]"), std::string::npos) << s[1];
  auto one = store->GetEvent(s[1].substr(0, s[1].find(' ')));
  ASSERT_TRUE(one.ok() && one->has_value());
  ASSERT_EQ((*one)->mentions.size(), 3u);
  EXPECT_EQ((*one)->mentions[0].rule, "first mention");
  EXPECT_NE((*one)->mentions[1].rule.find("dates overlap"), std::string::npos);
  EXPECT_EQ((*one)->first_seen, "2023-01-20");
  auto none = store->GetEvent("ev-000000000000");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(StoreTest, AnyIngestOrderGivesTheSameEvents) {
  CallCorpus c;
  std::vector<std::string> want;
  {
    auto store = OpenOrDie();
    ASSERT_TRUE(IngestSome(*store, c, {0, 1, 2, 3}).ok());
    want = Summary(*store);
  }
  const std::vector<std::vector<std::vector<size_t>>> orders = {
      {{3, 2, 1, 0}}, {{2}, {0, 3}, {1}}, {{1}, {3}, {0}, {2}}, {{3, 0}, {2, 1}}};
  int n = 0;
  for (const auto& batches : orders) {
    path_ = (dir_ / ("order" + std::to_string(n++) + ".db")).string();
    auto store = OpenOrDie();
    for (const auto& batch : batches) ASSERT_TRUE(IngestSome(*store, c, batch).ok());
    EXPECT_EQ(Summary(*store), want);
    // Re-ingesting changes nothing.
    ASSERT_TRUE(IngestSome(*store, c, {0, 1, 2, 3}).ok());
    EXPECT_EQ(Summary(*store), want);
  }
}

TEST_F(StoreTest, RemovingADocumentTakesItsMentionsOut) {
  auto store = OpenOrDie();
  CallCorpus c;
  ASSERT_TRUE(IngestSome(*store, c, {0, 1, 2, 3}).ok());
  ASSERT_TRUE(store->BeginBatch().ok());
  auto removed = store->RemoveDocument("c4");
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(*removed);
  auto again = store->RemoveDocument("c4");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  ASSERT_TRUE(store->RemoveDocument("c1").ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  std::vector<std::string> s = Summary(*store);
  ASSERT_EQ(s.size(), 1u);  // the 11 January call had no other report: gone
  EXPECT_NE(s[0].find("mentions=2 articles=2 sources=2 [c2,c3]"), std::string::npos) << s[0];
}

TEST_F(StoreTest, MergedQueriesAndPairStats) {
  auto store = OpenOrDie();
  CallCorpus c;
  ASSERT_TRUE(IngestSome(*store, c, {0, 1, 2, 3}).ok());
  Corpus other;
  std::vector<IngestOutcome> outcomes;
  ASSERT_TRUE(IngestCorpus(*store, other, &outcomes).ok());
  auto count = [&](EventQuery q) {
    auto r = store->MergedEvents(q, false);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->size() : 0u;
  };
  // The two calls (doc-a's call of 19 January joins the others), doc-a's meeting, doc-b's two events.
  EXPECT_EQ(count(EventQuery{}), 5u);
  EventQuery q;
  q.country_a = "RUS";
  q.country_b = "IRN";
  EXPECT_EQ(count(q), 2u);
  q = EventQuery{};
  q.outlet = "other wire";
  EXPECT_EQ(count(q), 1u);
  q = EventQuery{};
  q.text = "homologue";
  EXPECT_EQ(count(q), 5u);
  q.text = "zzz";
  EXPECT_EQ(count(q), 0u);
  q = EventQuery{};
  q.cameo_root = "04";
  EXPECT_EQ(count(q), 5u);  // every test event carries 042
  q.cameo_root = "4";
  EXPECT_FALSE(store->MergedEvents(q, false).ok());
  auto stats = store->PairStats("RUS", "IRN", "month", std::nullopt, std::nullopt);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  ASSERT_EQ(stats->size(), 1u);
  EXPECT_EQ((*stats)[0].period, "2023-01");
  EXPECT_EQ((*stats)[0].events, 2);
  EXPECT_DOUBLE_EQ((*stats)[0].goldstein, 3.8);
  EXPECT_FALSE(store->PairStats("RUS", "IRN", "week", std::nullopt, std::nullopt).ok());
}

TEST_F(StoreTest, VersionOneStoreIsMergedOnOpen) {
  {
    auto store = OpenOrDie();
    CallCorpus c;
    ASSERT_TRUE(IngestSome(*store, c, {0, 1, 2, 3}).ok());
  }
  // Make it look like a version 1 file: no blocks, no merged events.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA foreign_keys = ON; UPDATE events SET block = NULL; DELETE FROM merged_events;", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenOrDie();
  EXPECT_EQ(*store->CountMergedEvents(), 2);
}

}  // namespace
}  // namespace entente
