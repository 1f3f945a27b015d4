#include "extract/rules.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "entente/pipeline.h"

namespace entente {
namespace {

TEST(RulesTest, LoadsTheShippedTables) {
  auto r = Rules::Load(DefaultDataDir(), "fr");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Rules& rules = **r;
  ASSERT_NE(rules.Cameo("057"), nullptr);
  EXPECT_DOUBLE_EQ(rules.Cameo("057")->goldstein, 8.0);
  ASSERT_NE(rules.Type("SIGN"), nullptr);
  EXPECT_EQ(rules.Type("SIGN")->cameo, "057");
  EXPECT_FALSE(rules.PatternsFor("rencontrer").empty());
  EXPECT_TRUE(rules.Is("boundary", "que"));
  std::vector<std::string_view> words = {"en", "marge", "du", "sommet"};
  EXPECT_EQ(rules.MatchPhrase("setting", words, 0), 3);
  EXPECT_EQ(rules.MatchPhrase("setting", words, 1), 0);
}

// Every type of the list has a table row and at least one French pattern.
TEST(RulesTest, EveryTypeHasAPattern) {
  auto r = Rules::Load(DefaultDataDir(), "fr");
  ASSERT_TRUE(r.ok());
  for (const char* t : {"MEET", "VISIT", "PHONE_CALL", "SUMMIT", "STATEMENT", "INTENT_COOPERATE", "AGREE", "SIGN",
                        "PRAISE", "CRITICIZE", "ACCUSE", "THREATEN", "SANCTION", "MILITARY_ACTION", "AID"}) {
    EXPECT_NE((*r)->Type(t), nullptr) << t;
  }
}

class BadRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("entente_rules_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "fr");
    std::filesystem::copy_file(std::filesystem::path(DefaultDataDir()) / "cameo.tsv", dir_ / "cameo.tsv");
    std::filesystem::copy_file(std::filesystem::path(DefaultDataDir()) / "event_types.tsv", dir_ / "event_types.tsv");
    std::filesystem::copy_file(std::filesystem::path(DefaultDataDir()) / "fr" / "grammar.tsv",
                               dir_ / "fr" / "grammar.tsv");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void WritePatterns(const std::string& body) {
    std::ofstream(dir_ / "fr" / "patterns.tsv")
        << "id\tlemma\tpos\ttype\tcameo\trefl\tcue\twindow\tslots\tflags\tsource\n" << body;
  }
  std::filesystem::path dir_;
};

TEST_F(BadRulesTest, UnknownTypeNamesFileAndLine) {
  WritePatterns("a\trencontrer\tverb\tHUG\t040\t\t\t0\tsubj=source\t\tme\n");
  auto r = Rules::Load(dir_.string(), "fr");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("patterns.tsv:2"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("HUG"), std::string::npos);
}

TEST_F(BadRulesTest, BadSlotAndPos) {
  WritePatterns("a\trencontrer\tverb\tMEET\t040\t\t\t0\tsubject=source\t\tme\n");
  EXPECT_FALSE(Rules::Load(dir_.string(), "fr").ok());
  WritePatterns("a\trencontrer\tadverb\tMEET\t040\t\t\t0\tsubj=source\t\tme\n");
  EXPECT_FALSE(Rules::Load(dir_.string(), "fr").ok());
  WritePatterns("a\trencontrer\tverb\tMEET\t999\t\t\t0\tsubj=source\t\tme\n");
  EXPECT_FALSE(Rules::Load(dir_.string(), "fr").ok());
  WritePatterns("a\trencontrer\tverb\tMEET\t040\t\tx\t0\tsubj=source\t\tme\n");  // cue without window
  EXPECT_FALSE(Rules::Load(dir_.string(), "fr").ok());
  WritePatterns("a\trencontrer\tverb\tMEET\t040\t\t\t0\tsubj=source\t\tme\n"
                "a\trencontrer\tverb\tMEET\t040\t\t\t0\tsubj=source\t\tme\n");  // duplicate id
  EXPECT_FALSE(Rules::Load(dir_.string(), "fr").ok());
}

}  // namespace
}  // namespace entente
