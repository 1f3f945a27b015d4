#include "merge/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace entente {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

// A mention: type, "Name/CTY" or "CTY" actors, date "2023-01-19" (day), "2023-01" (month),
// "pub:2023-01-19" (publication only), place "City/CTY" or "=CTY" (country as a whole).
Mention M(const std::string& doc, int ordinal, const std::string& type, std::vector<std::string> actors,
          const std::string& date, const std::string& place = "", bool background = false, bool future = false) {
  Mention m;
  m.doc = doc;
  m.ordinal = ordinal;
  m.outlet = "outlet-" + doc.substr(0, 1);
  m.event.doc = doc;
  m.event.type = type;
  for (const std::string& a : actors) {
    Actor x;
    size_t slash = a.find('/');
    if (slash == std::string::npos) {
      x.country = a;
    } else {
      x.name = a.substr(0, slash);
      x.country = a.substr(slash + 1);
    }
    m.event.actors.push_back(x);
  }
  EventDate d;
  if (date.rfind("pub:", 0) == 0) {
    d.from = d.to = D(date.substr(4).c_str());
    d.precision = "publication";
    m.published = d.from;
  } else if (date.size() == 7) {
    d.from = D((date + "-01").c_str());
    d.to = Date::LastOfMonth(d.from.year, d.from.month);
    d.precision = "month";
    m.published = D("2023-06-01");
  } else {
    d.from = d.to = D(date.c_str());
    d.precision = "day";
    m.published = d.from.AddDays(1);
  }
  m.event.date = d;
  if (!place.empty()) {
    Location l;
    if (place[0] == '=') {
      l.country = l.name = place.substr(1);
    } else {
      size_t slash = place.find('/');
      l.name = place.substr(0, slash);
      l.country = place.substr(slash + 1);
      l.city = true;
      l.lat = l.name == "Samarkand" ? 39.65 : l.name == "Tashkent" ? 41.3 : 55.75;
      l.lon = l.name == "Samarkand" ? 66.96 : l.name == "Tashkent" ? 69.24 : 37.62;
    }
    m.event.location = l;
  }
  m.event.background = background;
  m.event.future = future;
  return m;
}

// Events as "doc:ordinal+doc:ordinal" groups, sorted, for comparison.
std::vector<std::string> Groups(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const MergedEvent& ev : MergeBlock(ms)) {
    std::vector<std::string> ids;
    for (const MergedMember& m : ev.members) ids.push_back(ms[m.mention].doc + ":" + std::to_string(ms[m.mention].ordinal));
    std::sort(ids.begin(), ids.end());
    std::string g;
    for (const std::string& s : ids) g += (g.empty() ? "" : "+") + s;
    out.push_back(g);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(MergeTest, Families) {
  EXPECT_EQ(TypeFamily("MEET"), "CONTACT");
  EXPECT_EQ(TypeFamily("VISIT"), "CONTACT");
  EXPECT_EQ(TypeFamily("PHONE_CALL"), "PHONE_CALL");
  EXPECT_EQ(BlockKey(M("a", 0, "VISIT", {"Putin/RUS", "IRN"}, "2022-07-19").event), "CONTACT|IRN,RUS");
  EXPECT_EQ(BlockKey(M("a", 0, "MEET", {"Raisi/IRN", "Putin/RUS"}, "2022-07-19").event), "CONTACT|IRN,RUS");
  EXPECT_EQ(BlockKey(M("a", 0, "SUMMIT", {"Putin/RUS", "Xi/CHN"}, "2022-09-15", "Samarkand/UZB").event), "SUMMIT|UZB");
}

TEST(MergeTest, Table) {
  struct Case {
    const char* name;
    std::vector<Mention> mentions;
    std::vector<std::string> want;
  };
  std::vector<Case> cases = {
      {"a day and its month, recalled: one meeting",
       {M("a", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-09-15", "Samarkand/UZB"),
        M("b", 3, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-09", "Samarkand/UZB", true),
        M("c", 1, "MEET", {"RUS", "Raisi/IRN"}, "2022-09", "=UZB", true)},
       {"a:0+b:3+c:1"}},
      {"a visit and the meeting it held are one contact",
       {M("a", 0, "VISIT", {"Putin/RUS", "IRN"}, "2022-07-19", "Tehran/IRN"),
        M("b", 2, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-07", "", true)},
       {"a:0+b:2"}},
      {"calls on different days are different calls",
       {M("a", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-11"),
        M("a", 1, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-18"),
        M("b", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-19"),
        M("c", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-19")},
       {"a:0", "a:1", "b:0+c:0"}},
      {"different people of one country are different meetings",
       {M("a", 0, "MEET", {"Lavrov/RUS", "Abdollahian/IRN"}, "2023-03-01"),
        M("b", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2023-03-01")},
       {"a:0", "b:0"}},
      {"a country alone agrees with its people",
       {M("a", 0, "MEET", {"RUS", "IRN"}, "2023-03-01"), M("b", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2023-03-01")},
       {"a:0+b:0"}},
      {"different cities are different meetings",
       {M("a", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-09-15", "Samarkand/UZB"),
        M("b", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-09-15", "Tashkent/UZB")},
       {"a:0", "b:0"}},
      {"a report dated by its publication joins the event of the days before",
       {M("a", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2023-03-01"),
        M("b", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "pub:2023-03-02")},
       {"a:0+b:0"}},
      {"an undated recall joins only in the same city",
       {M("a", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-07-19", "Tehran/IRN"),
        M("b", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "pub:2023-03-02", "Tehran/IRN", true),
        M("c", 0, "MEET", {"Putin/RUS", "Raisi/IRN"}, "pub:2023-03-02", "", true)},
       {"a:0+b:0", "c:0"}},
      {"a summit's reports may name different days of it",
       {M("a", 0, "SUMMIT", {"Putin/RUS", "Xi/CHN"}, "2024-10-22", "Kazan/RUS"),
        M("b", 0, "SUMMIT", {"RUS"}, "2024-10-24", "Kazan/RUS"),
        M("c", 0, "SUMMIT", {"RUS"}, "2024-11-02", "Kazan/RUS")},
       {"a:0+b:0", "c:0"}},
      {"complete link: a month does not chain two days",
       {M("a", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-11"),
        M("b", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-18"),
        M("c", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01")},
       {"a:0+c:0", "b:0"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Groups(c.mentions), c.want) << c.name;
}

TEST(MergeTest, OrderDoesNotMatter) {
  std::vector<Mention> ms = {
      M("a", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-11"),
      M("a", 1, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-18"),
      M("b", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "2023-01-19"),
      M("c", 0, "PHONE_CALL", {"RUS", "IRN"}, "2023-01"),
      M("d", 0, "PHONE_CALL", {"Putin/RUS", "Raisi/IRN"}, "pub:2023-01-20"),
      M("e", 4, "PHONE_CALL", {"Putin/RUS", "IRN"}, "2023-01-19"),
  };
  std::vector<MergedEvent> want = MergeBlock(ms);
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(ms.begin(), ms.end(), rng);
    std::vector<MergedEvent> got = MergeBlock(ms);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].id, want[i].id);
      EXPECT_EQ(got[i].members.size(), want[i].members.size());
      EXPECT_EQ(got[i].event.date->from, want[i].event.date->from);
    }
  }
}

TEST(MergeTest, BestFieldsCountsAndExplanations) {
  std::vector<Mention> ms = {
      M("b", 3, "MEET", {"RUS", "Raisi/IRN"}, "2022-09", "=UZB", true),
      M("a", 0, "VISIT", {"Putin/RUS", "IRN"}, "2022-09-15", "Samarkand/UZB"),
      M("c", 1, "MEET", {"Putin/RUS", "IRN"}, "2022-09", "", true),
  };
  ms[2].outlet = ms[1].outlet;  // c and a from one outlet
  std::vector<MergedEvent> evs = MergeBlock(ms);
  ASSERT_EQ(evs.size(), 1u);
  const MergedEvent& ev = evs[0];
  EXPECT_EQ(ev.event.type, "MEET");                    // a meeting was reported
  EXPECT_EQ(ev.event.date->precision, "day");          // the most precise date
  EXPECT_EQ(ev.event.location->name, "Samarkand");     // the most specific place
  ASSERT_EQ(ev.event.actors.size(), 2u);
  EXPECT_EQ(ev.event.actors[0].name, "Putin");
  EXPECT_EQ(ev.event.actors[1].name, "Raisi");
  EXPECT_FALSE(ev.event.background);                   // one report is not a recall
  EXPECT_FALSE(ev.recalled);
  EXPECT_EQ(ev.num_articles, 3);
  EXPECT_EQ(ev.num_sources, 2);
  EXPECT_EQ(ev.num_mentions, 3);
  EXPECT_EQ(ev.members[0].rule, "first mention");
  EXPECT_EQ(ms[ev.members[0].mention].doc, "a");
  EXPECT_NE(ev.members[1].rule.find("dates overlap (2022-09-01..2022-09-30 (month) / 2022-09-15 (day))"),
            std::string::npos)
      << ev.members[1].rule;
  EXPECT_EQ(ev.id.rfind("ev-", 0), 0u);
}

TEST(MergeTest, RecallsAloneMakeARecalledEvent) {
  std::vector<MergedEvent> evs =
      MergeBlock({M("b", 3, "MEET", {"Putin/RUS", "Raisi/IRN"}, "2022-09", "", true)});
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(evs[0].recalled);
  EXPECT_TRUE(evs[0].event.background);
}

}  // namespace
}  // namespace entente
