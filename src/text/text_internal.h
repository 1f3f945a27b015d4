// Helpers shared by the text stage's sources (not part of its interface).
#ifndef ENTENTE_TEXT_TEXT_INTERNAL_H_
#define ENTENTE_TEXT_TEXT_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace entente::internal {

inline bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Lower case, '`' -> '\''. REQUIRES: IsAscii(s).
inline std::string AsciiNorm(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    } else if (c == '`') {
      c = '\'';
    }
  }
  return out;
}

// The replacement of one code point in normalized text: the code point
// itself, a unified one (’ -> ', – -> -, « -> ", no-break space -> space), or
// -1 to drop it (soft hyphen, zero-width characters).
int32_t UnifyChar(int32_t c);

// Norm and fold (when `fold` is non-null) of a string made only of ASCII,
// Latin (U+0080..U+024F) and General Punctuation code points, from a table;
// false when another code point occurs (then use the ICU path).
bool FastNormFold(std::string_view s, std::string* norm, std::string* fold);

// NormText() through ICU only (no table): the reference the table is checked against.
std::string IcuNormText(std::string_view utf8);

// Accent folding of a string that is already NormText()'s output.
std::string FoldNormalized(std::string_view norm);

}  // namespace entente::internal

#endif  // ENTENTE_TEXT_TEXT_INTERNAL_H_
