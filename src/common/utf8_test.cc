#include "common/utf8.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(Utf8Test, Valid) {
  const char* good[] = {"",
                        "plain ascii",
                        "Élysée",
                        "Путин",
                        "北京",
                        "emoji \xF0\x9F\x98\x80",
                        "\xEF\xBB\xBFwith BOM",
                        "\xF4\x8F\xBF\xBF"};
  for (const char* s : good) EXPECT_TRUE(IsValidUtf8(s)) << s;
}

TEST(Utf8Test, Invalid) {
  struct Case {
    std::string s;
    size_t bad;
  } cases[] = {
      {"caf\xE9", 3},               // Latin-1 é
      {"ab\xC0\xAF", 2},            // overlong '/'
      {"\xE0\x80\xAF", 0},          // overlong 3-byte
      {"x\xED\xA0\x80", 1},         // surrogate
      {"\xF4\x90\x80\x80", 0},      // > U+10FFFF
      {"ok \xC3", 3},               // truncated
      {"\x80", 0},                  // stray continuation
      {"\xE2\x82", 0},              // truncated 3-byte
      {"\xF5\x80\x80\x80", 0},      // invalid lead
      {"\xC3\xA9\xE2\x28\xA1", 2},  // bad continuation
  };
  for (const Case& c : cases) {
    size_t at = 999;
    EXPECT_FALSE(IsValidUtf8(c.s, &at)) << c.s;
    EXPECT_EQ(at, c.bad) << c.s;
  }
}

TEST(Utf8Test, Windows1252) {
  EXPECT_EQ(Windows1252ToUtf8("caf\xE9"), "café");
  EXPECT_EQ(Windows1252ToUtf8("\x93"
                              "citation\x94 \x80 \x9C"
                              "uvre \x85"),
            "“citation” € œuvre …");
  EXPECT_EQ(Windows1252ToUtf8("\x81"), "\xEF\xBF\xBD");
  EXPECT_EQ(Windows1252ToUtf8("\xFF\xA0"), "ÿ\xC2\xA0");
  EXPECT_TRUE(IsValidUtf8(Windows1252ToUtf8(std::string(256, '\x9D'))));
}

TEST(Utf8Test, LooksBinary) {
  EXPECT_TRUE(LooksBinary(std::string("abc\0def", 7)));
  EXPECT_TRUE(LooksBinary("\x01\x02\x03\x04\x05\x06\x07\x08"));
  EXPECT_FALSE(LooksBinary("Le président a rencontré\tson homologue.\r\n\f"));
  EXPECT_FALSE(LooksBinary(""));
}

TEST(Utf8Test, SeqLen) {
  EXPECT_EQ(Utf8SeqLen('a'), 1u);
  EXPECT_EQ(Utf8SeqLen(0xC3), 2u);
  EXPECT_EQ(Utf8SeqLen(0xE2), 3u);
  EXPECT_EQ(Utf8SeqLen(0xF0), 4u);
  EXPECT_EQ(Utf8SeqLen(0x80), 1u);
}

}  // namespace
}  // namespace entente
