#include "entente/date.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(DateTest, Weekday) {
  struct Case {
    const char* date;
    int weekday;
  } cases[] = {
      {"1970-01-01", 3}, {"2023-01-19", 3}, {"2024-02-29", 3}, {"2000-01-01", 5},
      {"1969-12-31", 2}, {"2026-11-30", 0}, {"2023-12-10", 6},
  };
  for (const Case& c : cases) {
    auto d = Date::Parse(c.date);
    ASSERT_TRUE(d.has_value()) << c.date;
    EXPECT_EQ(d->Weekday(), c.weekday) << c.date;
  }
}

TEST(DateTest, AddDays) {
  struct Case {
    const char* from;
    int64_t n;
    const char* to;
  } cases[] = {
      {"2023-01-19", -1, "2023-01-18"}, {"2023-12-31", 1, "2024-01-01"},  {"2024-02-28", 1, "2024-02-29"},
      {"2023-02-28", 1, "2023-03-01"},  {"2024-03-01", -1, "2024-02-29"}, {"2023-01-01", 365, "2024-01-01"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Date::Parse(c.from)->AddDays(c.n).ToString(), c.to) << c.from << " + " << c.n;
  }
}

TEST(DateTest, AddMonths) {
  struct Case {
    const char* from;
    int n;
    const char* to;
  } cases[] = {
      {"2023-01-31", 1, "2023-02-28"},  {"2024-01-31", 1, "2024-02-29"},  {"2023-12-15", 1, "2024-01-15"},
      {"2023-03-31", -1, "2023-02-28"}, {"2023-01-15", -1, "2022-12-15"}, {"2023-05-10", 12, "2024-05-10"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Date::Parse(c.from)->AddMonths(c.n).ToString(), c.to) << c.from << " + " << c.n;
  }
}

TEST(DateTest, LeapYears) {
  EXPECT_EQ(Date::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2023, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(1900, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2000, 2), 29);
  EXPECT_TRUE(Date::Parse("2000-02-29").has_value());
  EXPECT_FALSE(Date::Parse("1900-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
}

TEST(DateTest, ParseAcceptsTimestamps) {
  EXPECT_EQ(Date::Parse("2023-01-19T08:00:00Z")->ToString(), "2023-01-19");
  EXPECT_EQ(Date::Parse("2023-01-19 08:00")->ToString(), "2023-01-19");
}

TEST(DateTest, ParseRejectsBadInput) {
  const char* bad[] = {"",           "2023",       "2023-1-19",  "19/01/2023", "2023-13-01",
                       "2023-00-10", "2023-01-00", "2023-02-30", "abcd-ef-gh", "2023-01-19X",
                       "0000-01-01", "2023_01_19", "2023-01-1 ", "+023-01-19"};
  for (const char* s : bad) EXPECT_FALSE(Date::Parse(s).has_value()) << "'" << s << "'";
}

TEST(DateTest, DaysRoundTrip) {
  for (int64_t d = -719000; d < 2900000; d += 997) {
    Date date = Date::FromDays(d);
    ASSERT_TRUE(date.valid()) << d;
    EXPECT_EQ(date.ToDays(), d);
  }
  EXPECT_FALSE(Date{}.valid());
}

}  // namespace
}  // namespace entente
