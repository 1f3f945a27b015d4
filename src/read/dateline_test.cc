#include "read/dateline.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

struct Case {
  const char* text;
  const char* place;  // nullptr: no dateline expected
  int year, month, day;
  const char* agency;
  const char* rest;  // the text right after the dateline
};

TEST(DatelineTest, Table) {
  const Case cases[] = {
      {"MOSCOU, 7 décembre (AFP) - Le ministre a reçu", "MOSCOU", 0, 12, 7, "AFP", "Le ministre a reçu"},
      {"PARIS, 3 mars 2024 (Reuters) — La France a", "PARIS", 2024, 3, 3, "Reuters", "La France a"},
      {"WASHINGTON, Jan 19 (Reuters) - The president", "WASHINGTON", 0, 1, 19, "Reuters", "The president"},
      {"Moscow, December 7, 2023 – Officials said", "Moscow", 2023, 12, 7, "", "Officials said"},
      {"BRUXELLES, 1er février 2023 (AFP) - Les", "BRUXELLES", 2023, 2, 1, "AFP", "Les"},
      {"NEW YORK, Sept. 4 (AP) -- The council", "NEW YORK", 0, 9, 4, "AP", "The council"},
      {"Saint-Pétersbourg, 12 août 2022 - Le", "Saint-Pétersbourg", 2022, 8, 12, "", "Le"},
      {"LE CAIRE, 5 DÉCEMBRE 2023 (AFP) - Le", "LE CAIRE", 2023, 12, 5, "AFP", "Le"},
      {"BEIJING, 29 Feb 2024 (Xinhua) - China", "BEIJING", 2024, 2, 29, "Xinhua", "China"},
      {"Un titre d'article\n\nKIEV, 9 mai (AFP) - Les", "KIEV", 0, 5, 9, "AFP", "Les"},
      // Not datelines.
      {"Le président a rencontré, 7 décembre, son homologue.", nullptr, 0, 0, 0, "", ""},
      {"PARIS, 31 février (AFP) - Impossible", nullptr, 0, 0, 0, "", ""},
      {"PARIS, 2023 (AFP) - Pas de jour", nullptr, 0, 0, 0, "", ""},
      {"PARIS, 7 décembre la réunion a eu lieu", nullptr, 0, 0, 0, "", ""},
      {"paris, 7 décembre (AFP) - minuscule", nullptr, 0, 0, 0, "", ""},
      {"BEIJING, 29 Feb 2023 (Xinhua) - not a leap year", nullptr, 0, 0, 0, "", ""},
      {"", nullptr, 0, 0, 0, "", ""},
      {"A\nB\nC\nPARIS, 3 mars 2024 - too late", nullptr, 0, 0, 0, "", ""},
  };
  for (const Case& c : cases) {
    std::optional<Dateline> d = FindDateline(c.text);
    if (c.place == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->place, c.place) << c.text;
    EXPECT_EQ(d->year, c.year) << c.text;
    EXPECT_EQ(d->month, c.month) << c.text;
    EXPECT_EQ(d->day, c.day) << c.text;
    EXPECT_EQ(d->agency, c.agency) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(d->end), c.rest) << c.text;
  }
}

TEST(DatelineTest, ToDate) {
  auto d = FindDateline("MOSCOU, 7 décembre (AFP) - Texte");
  ASSERT_TRUE(d.has_value());
  EXPECT_FALSE(d->has_year());
  EXPECT_FALSE(d->ToDate().has_value());
  EXPECT_EQ(d->ToDate(2023)->ToString(), "2023-12-07");
  auto e = FindDateline("PARIS, 3 mars 2024 (Reuters) — Texte");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->ToDate(1999)->ToString(), "2024-03-03");
}

TEST(DatelineTest, MonthNames) {
  struct M {
    const char* name;
    int month;
  } cases[] = {{"janvier", 1}, {"Février", 2},   {"fevrier", 2},  {"AOÛT", 8}, {"aout", 8},
               {"Sept", 9},    {"December", 12}, {"déc", 12},     {"mai", 5},  {"May", 5},
               {"lundi", 0},   {"", 0},          {"decembres", 0}};
  for (const M& m : cases) EXPECT_EQ(MonthFromName(m.name), m.month) << m.name;
}

}  // namespace
}  // namespace entente
