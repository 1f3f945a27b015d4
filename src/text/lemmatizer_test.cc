#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace entente {
namespace {

constexpr const char* kDictDir = "/usr/share/hunspell";

class LemmatizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lem = Lemmatizer::Create(kDictDir, "fr");
    ASSERT_TRUE(lem.ok()) << lem.status().ToString();
    fr_ = std::move(lem).value().release();
  }
  static void TearDownTestSuite() {
    delete fr_;
    fr_ = nullptr;
  }
  // The analysis of `word` whose lemma is `lemma` and that is a verb, or null.
  static const Analysis* Verb(const std::string& word, const std::string& lemma) {
    for (const Analysis& a : fr_->Analyze(word)) {
      if (a.lemma == lemma && a.verb) return &a;
    }
    return nullptr;
  }
  static Lemmatizer* fr_;
};

Lemmatizer* LemmatizerTest::fr_ = nullptr;

TEST_F(LemmatizerTest, FrenchVerbs) {
  struct Case {
    const char* word;
    const char* lemma;
    bool ppas, ipre, iimp, ifut;
    bool plural, feminine;
    int person;
  };
  const Case kCases[] = {
      {"entretenu", "entretenir", true, false, false, false, false, false, 0},
      {"rencontré", "rencontrer", true, false, false, false, false, false, -1},
      {"reçu", "recevoir", true, false, false, false, false, false, 0},
      {"tiendra", "tenir", false, false, false, true, false, false, 3},
      {"accusent", "accuser", false, true, false, false, true, false, 3},
      {"sanctionnées", "sanctionner", true, false, false, false, true, true, 0},
      {"signé", "signer", true, false, false, false, false, false, -1},
      {"rendu", "rendre", true, false, false, false, false, false, 0},
      {"avaient", "avoir", false, false, true, false, true, false, 3},
      {"été", "être", true, false, false, false, false, false, 0},
      {"participeront", "participer", false, false, false, true, true, false, 3},
  };
  for (const Case& c : kCases) {
    const Analysis* a = Verb(c.word, c.lemma);
    ASSERT_NE(a, nullptr) << c.word;
    EXPECT_EQ(a->participle_past, c.ppas) << c.word;
    EXPECT_EQ(a->present, c.ipre) << c.word;
    EXPECT_EQ(a->imperfect, c.iimp) << c.word;
    EXPECT_EQ(a->future, c.ifut) << c.word;
    EXPECT_EQ(a->plural, c.plural) << c.word;
    EXPECT_EQ(a->feminine, c.feminine) << c.word;
    if (c.person >= 0) {
      EXPECT_EQ(a->person, c.person) << c.word;
    }
  }
}

TEST_F(LemmatizerTest, NounsAndOthers) {
  bool noun = false;
  for (const Analysis& a : fr_->Analyze("présidente"))
    noun = noun || (a.noun && a.lemma == "président" && a.feminine);
  EXPECT_TRUE(noun);
  // The dictionary spells the apostrophe typographically; the lemma is normalized.
  ASSERT_FALSE(fr_->Analyze("aujourd'hui").empty());
  EXPECT_EQ(fr_->Analyze("aujourd'hui")[0].lemma, "aujourd'hui");
}

TEST_F(LemmatizerTest, UnknownAndNonWords) {
  EXPECT_TRUE(fr_->Analyze("xqzwk").empty());
  EXPECT_TRUE(fr_->Analyze("").empty());
  EXPECT_TRUE(fr_->Analyze("2023").empty());
  EXPECT_TRUE(fr_->Analyze(",").empty());
  EXPECT_TRUE(fr_->Analyze(std::string(500, 'a')).empty());
  EXPECT_TRUE(fr_->Analyze("abc\xff").empty());
}

TEST_F(LemmatizerTest, MemoizedResultIsStable) {
  const std::vector<Analysis>* first = &fr_->Analyze("rencontrent");
  EXPECT_EQ(first, &fr_->Analyze("rencontrent"));
}

TEST_F(LemmatizerTest, ThreadSafe) {
  const std::vector<std::string> words = {"rencontré", "visité", "signé", "accusent", "menacé", "condamné"};
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < 200; ++r) {
        for (const std::string& w : words) found[t] += fr_->Analyze(w).empty() ? 0 : 1;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : found) EXPECT_EQ(f, 200 * static_cast<int>(words.size()));
}

TEST(LemmatizerCreateTest, MissingDictionary) {
  auto lem = Lemmatizer::Create("/nonexistent", "fr");
  ASSERT_FALSE(lem.ok());
  EXPECT_EQ(lem.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(Lemmatizer::Create(kDictDir, "../etc/passwd").ok());
}

TEST(LemmatizerCreateTest, English) {
  if (!std::filesystem::exists(std::string(kDictDir) + "/en_US.aff")) GTEST_SKIP() << "no en_US dictionary";
  auto lem = Lemmatizer::Create(kDictDir, "en");
  ASSERT_TRUE(lem.ok());
  bool visit = false;
  for (const Analysis& a : (*lem)->Analyze("visited"))
    visit = visit || (a.lemma == "visit" && a.participle_past);
  EXPECT_TRUE(visit);
  // British doubled l: the American dictionary's single-l form gives the lemma
  struct Case {
    const char* word;
    const char* lemma;
    bool ing;
  };
  for (const Case& c : {Case{"travelled", "travel", false}, Case{"cancelling", "cancel", true},
                        Case{"signalled", "signal", false}}) {
    bool found = false;
    for (const Analysis& a : (*lem)->Analyze(c.word))
      found = found || (a.lemma == c.lemma && a.verb && (c.ing ? a.participle_present : a.participle_past));
    EXPECT_TRUE(found) << c.word;
  }
  EXPECT_TRUE((*lem)->Analyze("zzzlled").empty());
}

}  // namespace
}  // namespace entente
