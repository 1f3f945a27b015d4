#include "text/language.h"

#include <gtest/gtest.h>

#include <string>

namespace entente {
namespace {

TEST(LanguageTest, French) {
  LanguageGuess g = DetectLanguage(
      "Le ministre des Affaires étrangères s'est entretenu mardi avec son homologue à Paris. "
      "Les deux hommes ont évoqué la situation dans la région et la reprise des négociations, "
      "selon un communiqué publié dans la soirée par le gouvernement.");
  EXPECT_EQ(g.code, "fr");
  EXPECT_TRUE(g.reliable);
  EXPECT_GT(g.percent, 50);
}

TEST(LanguageTest, English) {
  LanguageGuess g = DetectLanguage(
      "The foreign minister held talks on Tuesday with his counterpart in London. "
      "The two men discussed the situation in the region and the resumption of negotiations, "
      "according to a statement released by the government in the evening.");
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.reliable);
}

TEST(LanguageTest, EmptyAndNoise) {
  EXPECT_EQ(DetectLanguage("").code, "");
  EXPECT_FALSE(DetectLanguage("12 34 56 --- !!!").reliable);
  EXPECT_FALSE(DetectLanguage("abc\xff\xfe").reliable);  // invalid bytes never crash
}

TEST(LanguageTest, LongTextIsCutOnACodePoint) {
  std::string text;
  while (text.size() < 70000) text += "La délégation française est arrivée à Moscou. ";
  EXPECT_EQ(DetectLanguage(text).code, "fr");
}

}  // namespace
}  // namespace entente
