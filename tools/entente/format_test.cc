#include "format.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace entente::cli {
namespace {

Event MakeEvent(const std::string& from, const std::string& to, const std::string& precision) {
  Event e;
  e.doc = "doc-1";
  e.type = "PHONE_CALL";
  e.cameo = "043";
  Actor a;
  a.name = "Vladimir Putin";
  a.country = "RUS";
  Actor b;
  b.name = "Ebrahim Raisi";
  b.country = "IRN";
  e.actors = {a, b};
  if (!from.empty()) {
    EventDate d;
    d.from = *Date::Parse(from);
    d.to = *Date::Parse(to);
    d.precision = precision;
    e.date = d;
  }
  return e;
}

TEST(FormatTest, EventDateAtItsPrecision) {
  struct Case {
    const char* from;
    const char* to;
    const char* precision;
    const char* expected;
  } cases[] = {
      {"2023-01-19", "2023-01-19", "day", "2023-01-19"},
      {"2022-09-01", "2022-09-30", "month", "2022-09"},
      {"2021-01-01", "2021-12-31", "year", "2021"},
      {"2010-01-01", "2019-12-31", "decade", "2010s"},
      {"2022-07-19", "2022-07-19", "publication", "2022-07-19~"},
      {"2023-01-16", "2023-01-22", "week", "2023-01-16..2023-01-22"},
      {"2023-04-01", "2023-06-30", "quarter", "2023-04-01..2023-06-30"},
      {"", "", "", "undated"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatEventDate(MakeEvent(c.from, c.to, c.precision)), c.expected) << c.precision;
  }
}

TEST(FormatTest, Actors) {
  Actor org;
  org.name = "António Guterres";
  org.org = "UN";
  EXPECT_EQ(FormatActor(org), "António Guterres (UN)");
  Actor country;
  country.country = "FRA";
  EXPECT_EQ(FormatActor(country), "FRA");
  Actor bare;
  bare.text = "un diplomate";
  EXPECT_EQ(FormatActor(bare), "un diplomate");
  EXPECT_EQ(FormatActors(MakeEvent("", "", "")), "Vladimir Putin (RUS) — Ebrahim Raisi (IRN)");
}

TEST(FormatTest, TimelineLine) {
  Event e = MakeEvent("2023-01-19", "2023-01-19", "day");
  EXPECT_EQ(TimelineLine(e),
            "2023-01-19   PHONE_CALL  Vladimir Putin (RUS) — Ebrahim Raisi (IRN)  [doc-1]");
  Location loc;
  loc.name = "Moscow";
  e.location = loc;
  e.future = true;
  e.background = true;
  EXPECT_EQ(TimelineLine(e),
            "2023-01-19   PHONE_CALL  Vladimir Putin (RUS) — Ebrahim Raisi (IRN) @ Moscow "
            "[background] [future]  [doc-1]");
}

TEST(FormatTest, JsonWithId) {
  EXPECT_EQ(JsonWithId(7, R"({"doc":"a","type":"MEET"})"), R"({"id":7,"doc":"a","type":"MEET"})");
  EXPECT_EQ(JsonWithId(7, "{}"), R"({"id":7})");
  EXPECT_EQ(JsonWithId(7, ""), R"({"id":7})");
}

TEST(FormatTest, QueryDates) {
  EXPECT_EQ(*ParseQueryDate("2023-01-19", "--from", false), (Date{2023, 1, 19}));
  EXPECT_EQ(*ParseQueryDate("2023-02", "--from", false), (Date{2023, 2, 1}));
  EXPECT_EQ(*ParseQueryDate("2024-02", "--to", true), (Date{2024, 2, 29}));
  EXPECT_EQ(*ParseQueryDate("2022", "--from", false), (Date{2022, 1, 1}));
  EXPECT_EQ(*ParseQueryDate("2022", "--to", true), (Date{2022, 12, 31}));
  for (const char* bad : {"", "2023-02-30", "2023-13", "19/01/2023", "hier", "20231", "2023-1"}) {
    auto r = ParseQueryDate(bad, "--from", false);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("--from"), std::string::npos);
  }
}

TEST(FormatTest, Pairs) {
  auto p = ParsePair("rus,IRN");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->first, "RUS");
  EXPECT_EQ(p->second, "IRN");
  for (const char* bad : {"", "RUS", "RUS,", ",IRN", "RUS;IRN", "RU,IRN", "RUS,IR1", "RUS,IRN,USA"}) {
    EXPECT_FALSE(ParsePair(bad).ok()) << bad;
  }
}

TEST(FormatTest, TableAlignsByCodePoints) {
  std::string t = FormatTable({"A", "B"}, {{"é", "x"}, {"abc", "y"}});
  EXPECT_EQ(t, "A    B\né    x\nabc  y\n");
}

}  // namespace
}  // namespace entente::cli
