// Language identification with CLD2 (see language.h).
//
// CLD2's tables are static and its detector keeps no state between calls, so
// DetectLanguage() is thread-safe without a lock.
#include <cstdio>  // compact_lang_det.h needs FILE

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>

#include "text/language.h"

namespace entente {
namespace {

constexpr size_t kMaxBytes = size_t{64} * 1024;

// Longest prefix of at most `max` bytes that does not cut a code point.
std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8_text) {
  std::string_view text = Utf8Prefix(utf8_text, kMaxBytes);
  LanguageGuess guess;
  if (text.empty()) return guess;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0, language3,
      percent3, score3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.code = CLD2::LanguageCode(lang);
  if (guess.code == "un") guess.code.clear();
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == lang) {
      guess.percent = percent3[i];
      break;
    }
  }
  guess.reliable = reliable && !guess.code.empty();
  return guess;
}

}  // namespace entente
