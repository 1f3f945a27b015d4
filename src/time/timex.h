// Time expressions: found in a sentence's tokens, resolved against a
// reference date (the publication date), never the clock.
//
//   auto tagger = TimeTagger::Create("data");
//   std::vector<TimeExpr> t = (*tagger)->Tag(text, seg.tokens, s.first_token, s.last_token,
//                                            Date{2023, 1, 19}, "fr");
//   // "jeudi" → 2023-01-19 (past reading), future reading 2023-01-19 as well
//
// Words (months, weekdays, relative words, number words) come from
// data/<lang>/time_words.tsv. Tag() is const and thread-safe.
#ifndef ENTENTE_TIME_TIMEX_H_
#define ENTENTE_TIME_TIMEX_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/date.h"
#include "entente/status.h"
#include "text/segment.h"

namespace entente {

enum class Precision : uint8_t { kDay, kWeek, kMonth, kSeason, kQuarter, kYear, kDecade, kCentury };
const char* PrecisionName(Precision p);  // "day", "week", ...

struct TimeExpr {
  uint32_t tok_begin = 0;  // tokens [tok_begin, tok_end)
  uint32_t tok_end = 0;
  uint32_t begin = 0;      // byte span in the original text
  uint32_t end = 0;
  std::string text;        // the expression as in the text
  std::string rule;        // name of the rule that fired ("fr.weekday", "fr.month_last")
  bool is_duration = false;  // "pendant deux heures": a length, not a date; no range
  bool is_time_of_day = false;  // "à 14h30" alone: no date of its own
  // False when the expression needs a reference date and none was given, or
  // cannot be placed on the calendar; the ranges are then invalid.
  bool resolved = false;
  // Reading for a past or present clause (the default).
  Date from;
  Date to;
  std::string value;  // TIMEX3 value: "2023-01-19", "2022-09", "2022-W03", "2002"
  Precision precision = Precision::kDay;
  // True when the reading depends on the clause's tense: a bare weekday, a day
  // or month without a year ("le 18 janvier", "en septembre", "du 16 au 18
  // février"). The future reading is then the next such date on or after the
  // reference; otherwise it equals the past reading.
  bool tense_dependent = false;
  Date future_from;
  Date future_to;
  std::string future_value;
};

class TimeTagger {
 public:
  static Result<std::unique_ptr<TimeTagger>> Create(const std::string& data_dir);
  ~TimeTagger();
  TimeTagger(const TimeTagger&) = delete;  // owns compiled word tables
  TimeTagger& operator=(const TimeTagger&) = delete;

  // Expressions among tokens [begin, end) of `text`, non-overlapping, longest
  // first, in text order. `reference` nullopt: relative expressions come back
  // with resolved == false; absolute ones are still resolved.
  std::vector<TimeExpr> Tag(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                            uint32_t end, std::optional<Date> reference, std::string_view lang) const;

 private:
  TimeTagger();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A cheap guess of whether a sentence speaks of the future, for callers that
// have no clause analysis (`entente time`): future and conditional verb forms
// and "aller + infinitive" in French, will/shall/'ll/"going to" in English, and
// words such as "prochain", "demain", "next", "upcoming". The extractor reads
// tense from its own clause analysis instead.
bool SentenceIsFuture(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                      std::string_view lang);

}  // namespace entente

#endif  // ENTENTE_TIME_TIMEX_H_
