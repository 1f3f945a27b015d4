#include "bench/corpus_gen.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/utf8.h"

namespace entente::bench {
namespace {

TEST(CorpusGeneratorTest, SameSeedSameArticles) {
  CorpusGenerator a(7), b(7);
  for (int i = 0; i < 200; ++i) {
    Document x = a.Next(), y = b.Next();
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.text, y.text);
    ASSERT_TRUE(x.published.has_value());
    EXPECT_EQ(*x.published, *y.published);
  }
}

TEST(CorpusGeneratorTest, OtherSeedOtherArticles) {
  CorpusGenerator a(7), b(8);
  EXPECT_NE(a.Next().text, b.Next().text);
}

TEST(CorpusGeneratorTest, ArticlesAreValidVariedFrenchNews) {
  CorpusGenerator gen(20240314);
  std::set<std::string> texts;
  size_t bytes = 0;
  for (int i = 0; i < 500; ++i) {
    Document d = gen.Next();
    EXPECT_EQ(d.language, "fr");
    EXPECT_TRUE(IsValidUtf8(d.text)) << d.id;
    EXPECT_TRUE(IsValidUtf8(d.title)) << d.id;
    ASSERT_TRUE(d.published && d.published->valid());
    EXPECT_GE(*d.published, (Date{2023, 1, 2}));
    EXPECT_LE(*d.published, (Date{2024, 4, 30}));
    EXPECT_EQ(d.text.find("  "), std::string::npos) << d.text;
    bytes += d.text.size();
    texts.insert(d.text);
  }
  EXPECT_EQ(texts.size(), 500u);
  EXPECT_GT(bytes / 500, 500u);  // a few paragraphs each
  EXPECT_EQ(gen.count(), 500u);
}

TEST(Fnv1aTest, KnownValues) {
  EXPECT_EQ(Fnv1a(kFnvOffset, ""), 0xCBF29CE484222325ULL);
  EXPECT_EQ(Fnv1a(kFnvOffset, "a"), 0xAF63DC4C8601EC8CULL);
  EXPECT_EQ(Fnv1a(Fnv1a(kFnvOffset, "fo"), "o"), Fnv1a(kFnvOffset, "foo"));
}

}  // namespace
}  // namespace entente::bench
