#include <gtest/gtest.h>

#include <string>

#include "text/language.h"

namespace entente {
namespace {

struct Case {
  const char* in;
  const char* out;
};

TEST(NormalizeTest, Table) {
  const Case kCases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"Re\u0301publique", "République"},
      {"l’Iran", "l'Iran"},
      {"«\u00a0Paix\u00a0»", "\" Paix \""},
      {"Nord–Sud — fin", "Nord-Sud - fin"},
      {"“Yes”", "\"Yes\""},
      {"négo\u00adciations", "négociations"},
      {"\u2126", "\u03a9"},  // Ohm sign U+2126 becomes Greek Omega U+03A9
      {"a`b", "a'b"},
  };
  for (const Case& c : kCases) {
    auto n = Normalize(c.in);
    ASSERT_TRUE(n.ok()) << c.in;
    EXPECT_EQ(n->text, c.out) << c.in;
    EXPECT_EQ(n->to_original.size(), n->text.size() + 1);
    EXPECT_EQ(n->to_original.back(), std::string(c.in).size());
  }
}

// Maps a normalized span back to the original.
std::string Back(const std::string& original, const NormalizedText& n, size_t b, size_t e) {
  return original.substr(n.to_original[b], n.to_original[e] - n.to_original[b]);
}

TEST(NormalizeTest, MapBackToOriginal) {
  std::string original = "Le pre\u0301sident s’est rendu a\u0300 l’E\u0301lyse\u0301e.";
  auto n = Normalize(original);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "Le président s'est rendu à l'Élysée.");
  auto span = [&](const std::string& word) {
    size_t b = n->text.find(word);
    EXPECT_NE(b, std::string::npos) << word;
    return Back(original, *n, b, b + word.size());
  };
  EXPECT_EQ(span("président"), "pre\u0301sident");
  EXPECT_EQ(span("é"), "e\u0301");
  EXPECT_EQ(span("s'est"), "s’est");
  EXPECT_EQ(span("à"), "a\u0300");
  EXPECT_EQ(span("l'Élysée"), "l’E\u0301lyse\u0301e");
  EXPECT_EQ(span("Le"), "Le");
  EXPECT_EQ(span("."), ".");
  // Offsets never decrease.
  for (size_t i = 1; i < n->to_original.size(); ++i) EXPECT_LE(n->to_original[i - 1], n->to_original[i]);
}

TEST(NormalizeTest, LargeText) {
  std::string text;
  while (text.size() < (2u << 20)) text += "Le pre\u0301sident s’est rendu à l’Élysée « hier ». ";
  auto n = Normalize(text);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->to_original.size(), n->text.size() + 1);
  EXPECT_EQ(n->text.find("pre\u0301"), std::string::npos);
}

TEST(NormalizeTest, InvalidUtf8IsAnError) {
  auto n = Normalize("abc\xff");
  EXPECT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente
