// Time expressions: found in a sentence's tokens, resolved against a
// reference date (the publication date), never the clock.
//
//   auto tagger = TimeTagger::Create("data");
//   std::vector<TimeExpr> t = (*tagger)->Tag(text, seg.tokens, s.first_token, s.last_token,
//                                            Date{2023, 1, 19}, "fr");
//   // "jeudi" → 2023-01-19 (past reading), future reading 2023-01-19 as well
//   // "jeudi soir à 20 h" → "2023-01-19T20:00", from/to 2023-01-19
//   // "du 16 au 18 février" → "2023-02-16/2023-02-18" (past) with ends "16" and "18 février"
//
// Words (months, weekdays, relative words, number words, holidays, tense cues)
// come from data/<lang>/time_words.tsv; docs/time.md lists the forms, values
// and resolution rules. Tag(), ClauseTense() are const and thread-safe.
// Failure: Create() returns an error naming the table file and line; Tag()
// never fails (bad or impossible dates are simply not tagged as dates).
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

enum class Precision : uint8_t { kDay, kWeek, kMonth, kSeason, kQuarter, kHalf, kYear, kDecade, kCentury };
const char* PrecisionName(Precision p);  // "day", "week", ...

struct TimeExpr {
  uint32_t tok_begin = 0;  // tokens [tok_begin, tok_end)
  uint32_t tok_end = 0;
  uint32_t begin = 0;      // byte span in the original text
  uint32_t end = 0;
  std::string text;        // the expression as in the text
  std::string rule;        // name of the rule that fired ("fr.weekday", "fr.month_last")
  bool is_duration = false;  // "pendant deux heures": a length, not a date; no range
  bool is_time_of_day = false;  // "à 14h30" alone: no day named (from/to: the day it falls on)
  bool is_set = false;           // a recurrence ("chaque mois" P1M, "tous les jeudis" XXXX-WXX-4): no date
  // False when the expression needs a reference date and none was given, or
  // cannot be placed on the calendar; the ranges are then invalid.
  bool resolved = false;
  // Counted from another event, not from the reference ("la veille", "le
  // lendemain", "two days later"): resolved stays false, and from/to hold the
  // fallback reading against the reference (for callers that know no better
  // anchor), valid when a reference was given.
  bool anchored = false;
  // Reading for a past or present clause (the default).
  Date from;
  Date to;
  // TIMEX3 value: "2023-01-19", "2023-01-19T14:30", "2023-01-19TEV", "2022-09",
  // "2022-W03", "2022-SP", "2016-Q3", "2002", "199" (1990s), "18" (19th century),
  // "2023-02-16/2023-02-18", "P3D", "PRESENT_REF"...
  std::string value;
  Precision precision = Precision::kDay;
  // True when the reading depends on the clause's tense: a bare weekday, a day
  // or month without a year ("le 18 janvier", "en septembre", "du 16 au 18
  // février"), a holiday without a year, an evening or night alone. The future
  // reading is then the next such date on or after the reference; otherwise it
  // equals the past reading.
  bool tense_dependent = false;
  Date future_from;
  Date future_to;
  std::string future_value;
  // A range's two ends as expressions of their own (spans, values, both
  // readings), each placed in the range's year: "du 16 au 18 février" has
  // "16" and "18 février"; "d'ici la fin de l'année" has its one period ("la
  // fin de l'année"). Empty for anything else.
  std::vector<TimeExpr> ends;
};

// The tense of the clause an expression sits in, as ClauseTense() guesses it.
enum class Tense : uint8_t { kPast, kFuture, kUnknown };

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

  // A guess of the tense of the clause around an expression (tokens
  // [expr_begin, expr_end) among [begin, end)), for callers without a clause
  // analysis (`entente time`): the cue nearest to the expression decides —
  // words of the tables (categories tense_past / tense_future: auxiliaries,
  // "prévu", "will", "ago", "jusqu'au") and verb endings (French future,
  // conditional and imperfect; English -ed); a clause boundary counts as five
  // words. kUnknown when the sentence has no cue ("Concert à Besançon mardi.").
  Tense ClauseTense(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                    uint32_t expr_begin, uint32_t expr_end, std::string_view lang) const;

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
// Whether to read a tense-dependent expression forwards: kFuture yes, kPast
// no, kUnknown when the future reading is nearer to the reference than the
// past one (a tie reads back). False for expressions that are not tense
// dependent or not resolved.
bool UseFutureReading(const TimeExpr& e, Tense tense, std::optional<Date> reference);

bool SentenceIsFuture(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                      std::string_view lang);

}  // namespace entente

#endif  // ENTENTE_TIME_TIMEX_H_
