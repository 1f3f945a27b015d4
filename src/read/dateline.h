// Datelines: the "PLACE, DATE (AGENCY) -" opening of a wire story.
//
//   "MOSCOU, 7 décembre (AFP) - Le président ..."      → place MOSCOU, day 7, month 12, no year
//   "PARIS, 3 mars 2024 (Reuters) — ..."               → 2024-03-03
//   "WASHINGTON, Jan 19 (Reuters) - ..."               → day 19, month 1, no year
//   "Moscow, December 7, 2023 – ..."                   → 2023-12-07
//
// Grammar: a capitalized place (letters, spaces, '-', '\'', '.', at most 5
// words and 60 bytes), a comma, a date (day + French or English month name,
// full or abbreviated, optional year; or English month first: "Jan 19",
// "December 7, 2023"), an optional "(AGENCY)", then a dash ("-", "–" or "—").
// French "1er" is accepted. The dateline is looked for at the start of each of
// the first three non-blank lines (a headline may come first).
//
// The month names are a closed, stable list (the two languages' calendars),
// kept here in code rather than in data/.
// Thread safety: pure functions.
#ifndef ENTENTE_READ_DATELINE_H_
#define ENTENTE_READ_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "entente/date.h"

namespace entente {

struct Dateline {
  std::string place;   // as written ("MOSCOU")
  std::string agency;  // "AFP"; empty when absent
  int year = 0;        // 0 when the dateline gives none
  int month = 0;       // 1..12
  int day = 0;         // 1..31
  size_t begin = 0;    // byte span of the whole dateline (through the dash) in the text
  size_t end = 0;

  bool has_year() const { return year != 0; }
  // The date, when the year is known; with `year_hint` (> 0) when it is not.
  std::optional<Date> ToDate(int year_hint = 0) const;
};

// Finds a dateline at the start of `text` (or of one of its first three
// non-blank lines). nullopt when there is none.
std::optional<Dateline> FindDateline(std::string_view text);

// Month number (1..12) of a French or English month name or abbreviation
// ("décembre", "decembre", "déc.", "December", "Dec", "Sept."),
// case-insensitive for ASCII letters; 0 when `word` is not one.
int MonthFromName(std::string_view word);

}  // namespace entente

#endif  // ENTENTE_READ_DATELINE_H_
