#include "common/tsv.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(TsvTest, GoodTable) {
  auto t = TsvTable::Parse(
      "iso3\tname_en\tsource\n"
      "# a comment\n"
      "\n"
      "FRA\tFrance\tiso\n"
      "RUS\tRussia\tiso\n",
      "countries.tsv", {"iso3", "source"});
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows().size(), 2u);
  EXPECT_EQ(t->header().size(), 3u);
  EXPECT_EQ(t->rows()[0].Get("iso3"), "FRA");
  EXPECT_EQ(t->rows()[1].Get("name_en"), "Russia");
  EXPECT_EQ(t->rows()[1].line(), 5);
  EXPECT_EQ(t->rows()[0].Get("nope"), "");
  EXPECT_FALSE(t->rows()[0].Has("nope"));
  EXPECT_EQ(t->rows()[1].Error("bad code").message(), "countries.tsv:5: bad code");
}

TEST(TsvTest, MissingColumn) {
  auto t = TsvTable::Parse("iso3\tname_en\nFRA\tFrance\n", "countries.tsv", {"iso3", "source"});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kDataError);
  EXPECT_NE(t.status().message().find("countries.tsv"), std::string::npos) << t.status().message();
  EXPECT_NE(t.status().message().find("source"), std::string::npos) << t.status().message();
}

TEST(TsvTest, WrongFieldCountNamesFileAndLine) {
  auto t =
      TsvTable::Parse("iso3\tname_en\tsource\nFRA\tFrance\tiso\nRUS\tRussia\n", "countries.tsv", {"iso3"});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("countries.tsv:3"), std::string::npos) << t.status().message();
}

TEST(TsvTest, EmptyRequiredField) {
  auto t = TsvTable::Parse("iso3\tsource\n\tiso\n", "c.tsv", {"iso3"});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("c.tsv:2"), std::string::npos) << t.status().message();
}

TEST(TsvTest, MissingFile) {
  auto t = TsvTable::Read("/nonexistent/table.tsv", {});
  EXPECT_FALSE(t.ok());
}

TEST(TsvTest, SplitList) {
  EXPECT_EQ(SplitList("Poutine| Putin ||Путин"), (std::vector<std::string>{"Poutine", "Putin", "Путин"}));
  EXPECT_TRUE(SplitList("").empty());
}

}  // namespace
}  // namespace entente
