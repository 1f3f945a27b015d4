// Language identification (CLD2) and text normalization (ICU).
#ifndef ENTENTE_TEXT_LANGUAGE_H_
#define ENTENTE_TEXT_LANGUAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente {

struct LanguageGuess {
  std::string code;   // ISO 639-1 ("fr", "en"); "" when unknown
  int percent = 0;    // share of the text in that language
  bool reliable = false;
};

// Thread-safe. Looks at most at the first 64 KiB.
LanguageGuess DetectLanguage(std::string_view utf8_text);

// Text after Unicode normalization, with a map back to the original bytes.
struct NormalizedText {
  std::string text;  // NFC; typographic apostrophes, quotes, dashes and spaces unified
  // to_original[i] = offset in the original of normalized byte i; one extra
  // entry at the end maps text.size() to original.size().
  std::vector<uint32_t> to_original;
};

// REQUIRES: valid UTF-8. Thread-safe.
Result<NormalizedText> Normalize(std::string_view original);

}  // namespace entente

#endif  // ENTENTE_TEXT_LANGUAGE_H_
