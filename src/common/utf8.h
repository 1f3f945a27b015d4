// UTF-8 checks and conversions, decided once at the reader.
#ifndef ENTENTE_COMMON_UTF8_H_
#define ENTENTE_COMMON_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace entente {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
// When false and `bad_offset` is non-null, it receives the first bad byte's offset.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Windows-1252 (a superset of Latin-1's printable range) to UTF-8. Bytes
// undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to U+FFFD.
std::string Windows1252ToUtf8(std::string_view s);

// True when `s` looks like binary data rather than text: NUL bytes, or many
// control characters other than tab, CR, LF, FF.
bool LooksBinary(std::string_view s);

// Byte length of the UTF-8 sequence starting with lead byte `c` (1 for
// invalid lead bytes, so loops always advance).
inline size_t Utf8SeqLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace entente

#endif  // ENTENTE_COMMON_UTF8_H_
