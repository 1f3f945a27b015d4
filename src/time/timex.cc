// The time tagger: word tables from data/<lang>/time_words.tsv compiled into a
// phrase lexicon, and a set of grammar rules (Matcher::Rule*) over token
// categories; the longest expression starting at a token wins. docs/time.md
// lists the forms and values.
//
// Conventions (documented here because they are choices, not facts):
// - Tense-dependent expressions (a bare weekday, a day or month without a year,
//   a season or holiday without a year) get two readings: past = the latest
//   instance that starts on or before the reference; future = the earliest
//   instance that ends on or after it. ClauseTense() guesses the clause's
//   tense; UseFutureReading() picks the nearer reading when it cannot tell.
// - French "mercredi dernier / prochain": the latest before / first after the
//   reference; English "last / next / this Friday": that day of the previous /
//   next / current Monday-Sunday week.
// - Parts of a period: a month splits into days 1-10, 11-20, 21-end; a year into
//   January-April, May-August, September-December; a week into Monday-Wednesday
//   (start), Tuesday-Thursday (middle), Friday-Sunday (end). The value is the
//   whole period's ("2022" for "début 2022"); from/to hold the part.
//   "en début de semaine" (no week named) is tense dependent: past reading
//   Monday..min(Wednesday, reference) of the reference's week; future reading
//   max(Monday, reference)..Wednesday of the first week whose Wednesday is on
//   or after the reference. "en fin de semaine" likewise with Friday..Sunday
//   (past: last week's when the reference is before Friday).
// - Seasons (northern hemisphere, by whole months): spring March-May, summer
//   June-August, autumn September-November, winter December of the year before
//   to February ("2024-WI" is December 2023 - February 2024).
// - Decades: "199" is 1990-01-01..1999-12-31; centuries: "18" is 1800..1899;
//   quarters "2016-Q3", halves "2016-H1".
// - Ranges: value "YYYY-MM-DD/YYYY-MM-DD" (inclusive), precision of the end;
//   TimeExpr::ends holds both ends as expressions of their own.
// - Offsets from the reference land on a day ("il y a trois semaines"); "the
//   last / next N units" are whole units before / after the reference's.
// - Durations: is_duration, value "P3D" / "PT2H" / "PXD", resolved false.
//   Recurrences: is_set ("chaque mois" P1M). Offsets from another event ("un
//   an après", "la veille") are anchored: resolved false, from/to the reading
//   against the reference as a fallback, rule "<lang>.offset_anchor".
// - Times of day: value "2023-01-19T14:30", from/to the day they fall on: the
//   day named with them, else the last day named before them in the sentence,
//   else the reference; is_time_of_day marks that no day was named with them.
//   A part of the day joins its day ("jeudi soir" → "2023-01-19TEV") and turns
//   a following hour to the evening ("ce soir à 8 heures" → T20:00).
// - A day or month without a year takes the year of an explicit year named
//   before it in the same sentence.
// Speed: a sentence without a number or a content word of the tables is
// rejected before any allocation; rules run only within kLeadIn tokens before
// such a word; inner expressions are computed once per token (Best()).
#include "time/timex.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/tsv.h"

namespace entente {

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay: return "day";
    case Precision::kWeek: return "week";
    case Precision::kMonth: return "month";
    case Precision::kSeason: return "season";
    case Precision::kQuarter: return "quarter";
    case Precision::kHalf: return "half";
    case Precision::kYear: return "year";
    case Precision::kDecade: return "decade";
    case Precision::kCentury: return "century";
  }
  return "day";
}

namespace {

enum class Cat : uint8_t {
  kMonth, kWeekday, kNumber, kOrdinal, kRelDay, kDayPart, kRelWeek, kRelMonth, kRelYear, kWeekBare,
  kMonthBare, kYearBare, kModBefore, kModAfter, kPeriodPart, kOf, kSeason, kUnit, kAgoPre, kAgoPost,
  kInFuture, kLater, kDurPre, kDurEn, kApprox, kPrepYear, kSince, kRangeFrom, kRangeTo, kDecadePre,
  kAtTime, kHourMark, kWeekEarlier, kWeekLater, kPresent, kWeekend, kAnchored, kRelDayPart, kClockWord,
  kMinutes, kMinus, kAmPm, kPastTo, kTensePast, kTenseFuture, kHoliday, kVague, kNth, kQuarter, kRest, kWithin, kRefWord, kSet, kDurWord, kCentury, kDecadeWord,
  kCount,  // not a category: their number
};

constexpr uint64_t Bit(Cat c) { return uint64_t{1} << static_cast<unsigned>(c); }
// Categories whose words can open an expression (tense cues, "of", "h" and
// the like never do).
constexpr uint64_t kStartMask =
    ~(Bit(Cat::kTensePast) | Bit(Cat::kTenseFuture) | Bit(Cat::kOf) | Bit(Cat::kHourMark) | Bit(Cat::kAmPm) |
      Bit(Cat::kAgoPost) | Bit(Cat::kRangeTo) | Bit(Cat::kLater) | Bit(Cat::kPastTo) | Bit(Cat::kMinus) |
      Bit(Cat::kCentury));
static_assert(static_cast<unsigned>(Cat::kCount) <= 64, "category masks are 64 bits");
// Categories whose words can carry an expression by themselves, or with only
// function words around them: every expression has one of these or a number
// within its first tokens. A sentence without any is rejected at once.
constexpr uint64_t kStrongMask =
    Bit(Cat::kMonth) | Bit(Cat::kWeekday) | Bit(Cat::kRelDay) | Bit(Cat::kDayPart) | Bit(Cat::kRelWeek) |
    Bit(Cat::kRelMonth) | Bit(Cat::kRelYear) | Bit(Cat::kWeekBare) | Bit(Cat::kMonthBare) | Bit(Cat::kYearBare) |
    Bit(Cat::kSeason) | Bit(Cat::kUnit) | Bit(Cat::kPresent) | Bit(Cat::kWeekend) | Bit(Cat::kAnchored) |
    Bit(Cat::kRelDayPart) | Bit(Cat::kClockWord) | Bit(Cat::kHoliday) | Bit(Cat::kRefWord) | Bit(Cat::kSet) |
    Bit(Cat::kDurWord) | Bit(Cat::kQuarter) | Bit(Cat::kWeekEarlier) | Bit(Cat::kWeekLater) | Bit(Cat::kCentury) |
    Bit(Cat::kAgoPre) | Bit(Cat::kOrdinal) | Bit(Cat::kDecadeWord) | Bit(Cat::kAmPm) | Bit(Cat::kHourMark) | Bit(Cat::kMinutes);
// How far before such a word an expression may start ("au cours des trois derniers mois").
constexpr uint32_t kLeadIn = 6;

bool DigitStart(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

struct CatName {
  const char* name;
  Cat cat;
};
constexpr CatName kCatNames[] = {
    {"month", Cat::kMonth}, {"weekday", Cat::kWeekday}, {"number", Cat::kNumber},
    {"ordinal", Cat::kOrdinal}, {"rel_day", Cat::kRelDay}, {"day_part", Cat::kDayPart},
    {"rel_week", Cat::kRelWeek}, {"rel_month", Cat::kRelMonth}, {"rel_year", Cat::kRelYear},
    {"week_bare", Cat::kWeekBare}, {"month_bare", Cat::kMonthBare}, {"year_bare", Cat::kYearBare},
    {"mod_before", Cat::kModBefore}, {"mod_after", Cat::kModAfter}, {"period_part", Cat::kPeriodPart},
    {"of", Cat::kOf}, {"season", Cat::kSeason}, {"unit", Cat::kUnit}, {"ago_pre", Cat::kAgoPre},
    {"ago_post", Cat::kAgoPost}, {"in_future", Cat::kInFuture}, {"later", Cat::kLater},
    {"dur_pre", Cat::kDurPre}, {"dur_en", Cat::kDurEn}, {"approx", Cat::kApprox},
    {"prep_year", Cat::kPrepYear}, {"since", Cat::kSince}, {"range_from", Cat::kRangeFrom},
    {"range_to", Cat::kRangeTo}, {"decade_pre", Cat::kDecadePre}, {"at_time", Cat::kAtTime},
    {"hour_mark", Cat::kHourMark}, {"week_earlier", Cat::kWeekEarlier}, {"week_later", Cat::kWeekLater},
    {"present", Cat::kPresent}, {"weekend", Cat::kWeekend},
    {"anchored", Cat::kAnchored}, {"rel_day_part", Cat::kRelDayPart}, {"clock_word", Cat::kClockWord},
    {"minutes", Cat::kMinutes}, {"minus", Cat::kMinus}, {"am_pm", Cat::kAmPm}, {"past_to", Cat::kPastTo},
    {"tense_past", Cat::kTensePast}, {"tense_future", Cat::kTenseFuture}, {"holiday", Cat::kHoliday},
    {"vague", Cat::kVague}, {"nth", Cat::kNth}, {"quarter", Cat::kQuarter}, {"rest", Cat::kRest},
    {"within", Cat::kWithin}, {"ref_word", Cat::kRefWord}, {"set", Cat::kSet}, {"dur_word", Cat::kDurWord},
    {"century", Cat::kCentury}, {"decade_word", Cat::kDecadeWord},
};

struct Entry {
  std::vector<std::string> toks;  // folded tokens
  std::vector<std::string> raw;   // the same tokens with their accents (tense cues match these: "a" is not "à")
  Cat cat;
  int ival = 0;
  std::string sval;
  bool abbr = false;  // not the first form of its row (a month or weekday abbreviation)
};

// Hash of a folded word, looked up from string views without a copy.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Lexicon {
  std::vector<Entry> entries;
  std::unordered_map<std::string, std::vector<uint32_t>, WordHash, std::equal_to<>> by_first;
  // The content words of the entries of the strong categories ("janvier",
  // "hier", "semaine", not "la" or "il"): every expression has one of them or
  // a number near its start.
  std::unordered_set<std::string, WordHash, std::equal_to<>> strong;
};

// Function words that start or join table phrases but say nothing of time alone.
bool FunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "la", "le", "l'", "les", "de", "d'", "du", "des", "au", "aux", "a", "en", "et", "il", "y", "ce", "cet",
      "cette", "ces", "un", "une", "the", "of", "in", "on", "at", "this", "that", "-", "'s", "to", "for",
      "par", "pour", "dans"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool Strong(const Lexicon& lex, std::string_view word) {
  // digits, a word of the strong categories, or the "p" of "p.m." / "p m"
  return (!word.empty() && word[0] >= '0' && word[0] <= '9') || lex.strong.find(word) != lex.strong.end() ||
         word == "p";
}

uint64_t CatsOf(const Lexicon& lex, std::string_view word, const std::vector<uint32_t>** entries) {
  auto it = lex.by_first.find(word);
  if (it == lex.by_first.end()) return 0;
  if (entries != nullptr) *entries = &it->second;
  uint64_t mask = 0;
  for (uint32_t idx : it->second) mask |= Bit(lex.entries[idx].cat);
  return mask;
}

// Lower-cases ASCII and strips the accents of the Latin letters French uses.
std::string FoldWord(std::string_view s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"},
      {"î", "i"}, {"ï", "i"}, {"ô", "o"}, {"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"},
      {"ç", "c"}, {"œ", "oe"}, {"æ", "ae"}, {"’", "'"}, {"É", "e"}, {"À", "a"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [from, to] : kMap) {
      std::string_view f(from);
      if (s.substr(i, f.size()) == f) {
        out += to;
        i += f.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    unsigned char c = static_cast<unsigned char>(s[i]);
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    ++i;
  }
  return out;
}

// Splits a table phrase into tokens as the segmenter does: spaces separate,
// a hyphen is its own token, an elided word keeps its apostrophe
// ("l'an" → "l'" "an"; "aujourd'hui" stays whole).
std::vector<std::string> SplitPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    if (c == ' ') {
      flush();
    } else if (c == '-') {
      flush();
      out.push_back("-");
    } else if (c == '\'' && i + 1 < phrase.size() && phrase[i + 1] == 's' &&
               (i + 2 == phrase.size() || phrase[i + 2] == ' ')) {
      flush();  // English "year's" is "year" "'s", as the segmenter splits it
      out.push_back("'s");
      ++i;
    } else if (c == '\'') {
      cur += c;
      if (cur != "aujourd'") flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > 100000) return v;
  }
  return v;
}

std::string Pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}
std::string MonthValue(int y, int m) { return Pad(y, 4) + "-" + Pad(m, 2); }
std::string WeekValue(Date d) {
  Date thursday = d.AddDays(3 - d.Weekday());
  int week = static_cast<int>((thursday.ToDays() - Date{thursday.year, 1, 1}.ToDays()) / 7) + 1;
  return Pad(thursday.year, 4) + "-W" + Pad(week, 2);
}
Date Monday(Date d) { return d.AddDays(-d.Weekday()); }

struct Reading {
  Date from;
  Date to;
  std::string value;
};

// A built candidate: the expression and what the range rule needs to know
// about its explicit parts.
struct Cand {
  uint32_t start = 0;
  uint32_t end = 0;
  TimeExpr e;
  // Explicit parts when the expression is a calendar date or month without
  // help from the reference: kind 'D' day-month, 'M' month, 'Y' year; year 0 when
  // missing. kind 0: anything else.
  char kind = 0;
  int y = 0, m = 0, d = 0;
  std::string part;  // part of the day named with a day ("jeudi soir"): MO AF EV NI
  bool part_alone = false;  // a part of the day without a day ("dans l'après-midi"): joins a day before it
};

void SetPast(TimeExpr& e, const Reading& r) {
  e.from = r.from;
  e.to = r.to;
  e.value = r.value;
}
void SetFuture(TimeExpr& e, const Reading& r) {
  e.future_from = r.from;
  e.future_to = r.to;
  e.future_value = r.value;
}
void SetBoth(TimeExpr& e, const Reading& r) {
  SetPast(e, r);
  SetFuture(e, r);
  e.resolved = true;
}

Reading DayReading(Date d) { return {d, d, d.ToString()}; }
Reading MonthReading(int y, int m) {
  return {Date::FirstOfMonth(y, m), Date::LastOfMonth(y, m), MonthValue(y, m)};
}
Reading YearReading(int y) { return {Date{y, 1, 1}, Date{y, 12, 31}, Pad(y, 4)}; }
Reading WeekReading(Date any) {
  Date mon = Monday(any);
  return {mon, mon.AddDays(6), WeekValue(mon)};
}
std::optional<Reading> SeasonReading(int y, std::string_view code) {
  int first = 0;
  if (code == "SP") first = 3;
  else if (code == "SU") first = 6;
  else if (code == "FA") first = 9;
  else if (code == "WI") first = 12;
  else return std::nullopt;
  int fy = code == "WI" ? y - 1 : y;
  Date from = Date::FirstOfMonth(fy, first);
  Date to = Date::LastOfMonth(first == 12 ? y : y, first == 12 ? 2 : first + 2);
  return Reading{from, to, Pad(y, 4) + "-" + std::string(code)};
}

// Narrows a reading to a part of it: 1 start, 2 middle, 3 end.
Reading PartOf(const Reading& r, int part, Precision p) {
  Reading out = r;
  if (p == Precision::kMonth) {
    int y = r.from.year, m = r.from.month;
    if (part == 1) out.from = Date{y, m, 1}, out.to = Date{y, m, 10};
    if (part == 2) out.from = Date{y, m, 11}, out.to = Date{y, m, 20};
    if (part == 3) out.from = Date{y, m, 21}, out.to = Date::LastOfMonth(y, m);
  } else if (p == Precision::kYear) {
    int y = r.from.year;
    if (part == 1) out.from = Date{y, 1, 1}, out.to = Date{y, 4, 30};
    if (part == 2) out.from = Date{y, 5, 1}, out.to = Date{y, 8, 31};
    if (part == 3) out.from = Date{y, 9, 1}, out.to = Date{y, 12, 31};
  } else if (p == Precision::kWeek) {
    if (part == 1) out.to = r.from.AddDays(2);
    if (part == 2) out.from = r.from.AddDays(1), out.to = r.from.AddDays(3);
    if (part == 3) out.from = r.from.AddDays(4);
  }
  return out;
}

// Past and future readings of a period that recurs every year. `build(y)`
// gives the instance labelled y (nullopt when it does not exist, e.g. Feb 29).
// Past: the latest instance with from <= `past_limit`; future: the earliest
// with to >= `future_limit`.
using Builder = std::function<std::optional<Reading>(int)>;
bool ResolveYearly(const Builder& build, Date past_limit, Date future_limit, int around, Reading* past,
                   Reading* future) {
  bool got_past = false, got_future = false;
  for (int y = around + 1; y >= around - 8 && !got_past; --y) {
    auto r = build(y);
    if (r && r->from <= past_limit) *past = *r, got_past = true;
  }
  for (int y = around - 1; y <= around + 8 && !got_future; ++y) {
    auto r = build(y);
    if (r && r->to >= future_limit) *future = *r, got_future = true;
  }
  return got_past && got_future;
}

// A day that a time of day can join: one day, no range, no time yet (a part
// of the day such as "TEV" is replaced by the time).
bool JoinsTime(const TimeExpr& e) {
  if (e.is_duration || e.is_time_of_day || e.precision != Precision::kDay || e.value.empty()) return false;
  if (e.value[0] == 'P' || e.value.find('/') != std::string::npos) return false;
  size_t t = e.value.find('T');
  return t == std::string::npos || (t + 1 < e.value.size() && e.value[t + 1] >= 'A' && e.value[t + 1] <= 'Z');
}

// "2023-01-19TEV" + "T08:00" → "2023-01-19T20:00": the part of the day
// decides between the morning and the evening hour.
void JoinTime(std::string* day_value, std::string_view time_value) {
  std::string code;
  if (size_t t = day_value->find('T'); t != std::string::npos) {
    code = day_value->substr(t + 1);
    day_value->resize(t);
  }
  std::string tv(time_value);
  if (tv.size() >= 3 && tv[0] == 'T' && AllDigits(tv.substr(1, 2))) {
    int h = ToInt(tv.substr(1, 2));
    if (((code == "AF" || code == "EV") && h < 12) || (code == "NI" && h >= 6 && h < 12)) {
      h += 12;
      tv.replace(1, 2, Pad(h, 2));
    }
  }
  *day_value += tv;
}

// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
Date Easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, month, day};
}

// Orthodox Easter Sunday (the Julian computus), as a Gregorian date: the
// Julian calendar runs 13 days behind from 1900 to 2099.
Date OrthodoxEaster(int y) {
  int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  const int shift = y / 100 - y / 400 - 2;  // days between the calendars in that century
  return Date{y, month, day}.AddDays(shift);
}

// The day a holiday code of data/<lang>/time_words.tsv gives in year y:
// "M12D25", "M11W3N4" (4th Thursday of November), "M5W0N-1" (last Monday of
// May), "M11W3N4+1" (the day after), "E-2" (Easter minus two days).
std::optional<Date> HolidayIn(std::string_view code, int y) {
  if (y < 1583 || y > 9998 || code.empty()) return std::nullopt;
  auto num = [&](size_t* p) {
    bool neg = *p < code.size() && (code[*p] == '-' || code[*p] == '+') && code[*p] == '-';
    if (*p < code.size() && (code[*p] == '-' || code[*p] == '+')) ++*p;
    int v = 0;
    while (*p < code.size() && code[*p] >= '0' && code[*p] <= '9') v = v * 10 + (code[(*p)++] - '0');
    return neg ? -v : v;
  };
  size_t p = 1;
  if (code[0] == 'E') return Easter(y).AddDays(num(&p));
  if (code[0] == 'O') return OrthodoxEaster(y).AddDays(num(&p));
  if (code[0] != 'M') return std::nullopt;
  int month = num(&p);
  if (month < 1 || month > 12 || p >= code.size()) return std::nullopt;
  Date d;
  if (code[p] == 'D') {
    ++p;
    d = Date{y, month, num(&p)};
  } else if (code[p] == 'W') {
    ++p;
    int wd = num(&p);
    if (p >= code.size() || code[p] != 'N') return std::nullopt;
    ++p;
    int nth = num(&p);
    if (nth > 0) {
      Date first = Date::FirstOfMonth(y, month);
      d = first.AddDays((wd - first.Weekday() + 7) % 7 + 7 * (nth - 1));
    } else {
      Date last = Date::LastOfMonth(y, month);
      d = last.AddDays(-((last.Weekday() - wd + 7) % 7));
    }
  }
  if (!d.valid()) return std::nullopt;
  if (p < code.size() && (code[p] == '+' || code[p] == '-')) d = d.AddDays(num(&p));
  return d;
}

struct Hit {
  uint32_t len = 0;
  int ival = 0;
  const Entry* entry = nullptr;
  explicit operator bool() const { return len > 0; }
};

}  // namespace

struct TimeTagger::Impl {
  std::map<std::string, Lexicon, std::less<>> langs;
};

TimeTagger::TimeTagger() : impl_(std::make_unique<Impl>()) {}
TimeTagger::~TimeTagger() = default;

Result<std::unique_ptr<TimeTagger>> TimeTagger::Create(const std::string& data_dir) {
  std::unique_ptr<TimeTagger> tagger(new TimeTagger());
  for (const char* lang : {"fr", "en"}) {
    std::string path = data_dir + "/" + lang + "/time_words.tsv";
    ENTENTE_ASSIGN_OR_RETURN(TsvTable table, TsvTable::Read(path, {"words", "category", "source"}));
    Lexicon& lex = tagger->impl_->langs[lang];
    for (const TsvRow& row : table.rows()) {
      std::string_view cat_name = row.Get("category");
      const CatName* found = nullptr;
      for (const CatName& c : kCatNames) {
        if (cat_name == c.name) found = &c;
      }
      if (found == nullptr) return row.Error("unknown category '" + std::string(cat_name) + "'");
      std::string_view value = row.Get("value");
      int ival = 0;
      if (!value.empty()) {
        bool neg = value[0] == '-';
        std::string_view digits = neg ? value.substr(1) : value;
        if (AllDigits(digits)) {
          ival = neg ? -ToInt(digits) : ToInt(digits);
        } else if (found->cat != Cat::kSeason && found->cat != Cat::kUnit && found->cat != Cat::kDayPart &&
                   found->cat != Cat::kRelDayPart && found->cat != Cat::kHoliday &&
                   found->cat != Cat::kRefWord && found->cat != Cat::kSet && found->cat != Cat::kDurWord) {
          return row.Error("value must be an integer: '" + std::string(value) + "'");
        }
      }
      bool first = true;
      for (const std::string& word : SplitList(row.Get("words"))) {
        Entry e;
        e.toks = SplitPhrase(FoldWord(word));
        e.raw = SplitPhrase(word);
        if (e.raw.size() != e.toks.size()) e.raw = e.toks;
        if (e.toks.empty()) return row.Error("empty word");
        e.cat = found->cat;
        e.ival = ival;
        e.sval = std::string(value);
        e.abbr = !first;
        first = false;
        lex.by_first[e.toks[0]].push_back(static_cast<uint32_t>(lex.entries.size()));
        if (Bit(e.cat) & kStrongMask) {
          for (const std::string& t : e.toks) {
            if (!FunctionWord(t)) lex.strong.insert(t);
          }
        }
        lex.entries.push_back(std::move(e));
      }
    }
  }
  return tagger;
}

namespace {

// Per-call matching state: the tokens of one sentence, the lexicon of one
// language, the reference. Rules are member functions returning candidates.
class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
          std::optional<Date> ref, const Lexicon& lex, std::string_view lang)
      : text_(text), tokens_(tokens), begin_(begin), end_(end), ref_(ref), lex_(lex),
        en_(lang == "en"), prefix_(std::string(lang == "en" ? "en" : "fr") + ".") {
    // one hash look-up per token, done once: Lookup() runs many times per token
    const uint32_t n = end_ > begin_ ? end_ - begin_ : 0;
    first_.resize(n, nullptr);
    cats_.resize(n, 0);
    inner_memo_.resize(n, 0);
    inner_cands_.resize(n);
    strong_next_.resize(n + 1, UINT32_MAX);
    for (uint32_t i = begin_; i < end_; ++i) cats_[i - begin_] = CatsOf(lex_, F(i), &first_[i - begin_]);
    for (uint32_t k = n; k > 0; --k) {
      strong_next_[k - 1] = Strong(lex_, F(begin_ + k - 1)) ? k - 1 : strong_next_[k];
    }
  }

  std::vector<TimeExpr> Run();

  // Whether an expression can start at token i: a number, or a word of the
  // tables that opens one (tense cues, "of", "h" and the like never do).
  bool Starts(uint32_t i) const {
    if (i >= end_ || strong_next_[i - begin_] > i - begin_ + kLeadIn) return false;
    return (cats_[i - begin_] & kStartMask) != 0 || DigitStart(F(i)) ||
           ((Is(i, "q") || Is(i, "h")) && Adjacent(i) && DigitStart(F(i + 1)));  // "Q3", "H1"
  }

 private:
  // ---- token access
  std::string_view F(uint32_t i) const {
    return i < end_ ? std::string_view(tokens_[i].fold.empty() ? tokens_[i].norm : tokens_[i].fold)
                    : std::string_view();
  }
  bool Is(uint32_t i, std::string_view w) const { return i < end_ && F(i) == w; }
  bool Adjacent(uint32_t i) const {  // token i+1 follows token i without a space
    return i + 1 < end_ && tokens_[i + 1].begin == tokens_[i].end;
  }
  bool LowerWord(uint32_t i) const {
    if (i >= end_) return false;
    const Token& t = tokens_[i];
    if (t.capitalized) return false;
    unsigned char c = t.end > t.begin ? static_cast<unsigned char>(text_[t.begin]) : 0;
    return (c >= 'a' && c <= 'z') || c >= 0xC0;
  }

  Hit Lookup(uint32_t i, Cat cat) const {
    Hit best;
    if (i >= end_ || i < begin_) return best;
    const std::vector<uint32_t>* firsts = first_[i - begin_];
    if (!firsts || !(cats_[i - begin_] & (uint64_t{1} << static_cast<unsigned>(cat)))) return best;
    for (uint32_t idx : *firsts) {
      const Entry& e = lex_.entries[idx];
      if (e.cat != cat || e.toks.size() <= best.len || i + e.toks.size() > end_) continue;
      bool ok = true;
      for (size_t k = 1; k < e.toks.size() && ok; ++k) ok = F(i + k) == e.toks[k];
      if (ok) best = Hit{static_cast<uint32_t>(e.toks.size()), e.ival, &e};
    }
    return best;
  }

  // A number written in digits or words: (value, end).
  std::optional<std::pair<int, uint32_t>> Number(uint32_t i) const {
    if (i >= end_) return std::nullopt;
    if (AllDigits(F(i)) && F(i).size() <= 4) return std::make_pair(ToInt(F(i)), i + 1);
    if (Hit h = Lookup(i, Cat::kNumber)) {
      int v = h.ival;
      uint32_t j = i + h.len;
      // "vingt et un", "vingt-deux", "twenty-two"; French "soixante-dix-huit", "quatre-vingt-onze"
      if (v >= 20 && v % 10 == 0 && v < 100) {
        uint32_t k = j;
        if (Is(k, "-") || Is(k, "et")) ++k;
        if (Is(k, "-")) ++k;
        if (auto u = Number(k); u && !AllDigits(F(k)) && u->first > 0 && u->first < ((v == 60 || v == 80) && !en_ ? 20 : 10)) {
          return std::make_pair(v + u->first, u->second);
        }
      }
      // "dix-sept", "dix-huit"
      if (v == 10 && !en_ && Is(j, "-")) {
        if (Hit u = Lookup(j + 1, Cat::kNumber); u && u.ival >= 7 && u.ival <= 9) return std::make_pair(17 + u.ival - 7, j + 1 + u.len);
      }
      return std::make_pair(v, j);
    }
    return std::nullopt;
  }

  // Day of month: "7", "07", "1er", "1" "er", "7th", "premier", "first".
  std::optional<std::pair<int, uint32_t>> DayNum(uint32_t i) const {
    if (i >= end_) return std::nullopt;
    std::string_view f = F(i);
    size_t n = 0;
    while (n < f.size() && f[n] >= '0' && f[n] <= '9') ++n;
    if (n >= 1 && n <= 2) {
      std::string_view suffix = f.substr(n);
      int d = ToInt(f.substr(0, n));
      if (d < 1 || d > 31) return std::nullopt;
      static constexpr std::string_view kSuffixes[] = {"er", "st", "nd", "rd", "th", "e"};
      if (suffix.empty()) {
        if (Adjacent(i)) {
          for (std::string_view s : kSuffixes) {
            if (F(i + 1) == s) return std::make_pair(d, i + 2);
          }
        }
        return std::make_pair(d, i + 1);
      }
      for (std::string_view s : kSuffixes) {
        if (suffix == s) return std::make_pair(d, i + 1);
      }
      return std::nullopt;
    }
    if (Hit h = Lookup(i, Cat::kOrdinal)) return std::make_pair(h.ival, i + h.len);
    // "twenty-first", "thirty first"
    if (Hit t = Lookup(i, Cat::kNumber); t && (t.ival == 20 || t.ival == 30)) {
      uint32_t k = i + t.len;
      if (Is(k, "-")) ++k;
      if (Hit o = Lookup(k, Cat::kOrdinal); o && o.ival < 10 && t.ival + o.ival <= 31) {
        return std::make_pair(t.ival + o.ival, k + o.len);
      }
    }
    return std::nullopt;
  }

  // A year in words: "nineteen seventy eight", "two thousand and eighteen",
  // "two thousand" (English, after a day or month only).
  std::optional<std::pair<int, uint32_t>> YearWords(uint32_t i) const {
    if (!en_ || i >= end_ || AllDigits(F(i))) return std::nullopt;
    auto a = Number(i);
    if (!a) return std::nullopt;
    if (a->first == 2 && Is(a->second, "thousand")) {
      uint32_t k = a->second + 1;
      if (Is(k, "and")) ++k;
      if (auto b = Number(k); b && !AllDigits(F(k)) && b->first < 100) return std::make_pair(2000 + b->first, b->second);
      return std::make_pair(2000, a->second + 1);
    }
    if (a->first >= 10 && a->first <= 29) {
      uint32_t k = a->second;
      if (Is(k, "hundred")) return std::make_pair(a->first * 100, k + 1);
      if (Is(k, "oh") || Is(k, "o") || Is(k, "zero")) {
        if (auto b = Number(k + 1); b && b->first < 10) return std::make_pair(a->first * 100 + b->first, b->second);
      }
      if (auto b = Number(k); b && !AllDigits(F(k)) && b->first >= 10 && b->first < 100) {
        return std::make_pair(a->first * 100 + b->first, b->second);
      }
    }
    return std::nullopt;
  }

  // A four-digit year 1000..2999.
  std::optional<std::pair<int, uint32_t>> Year(uint32_t i) const {
    if (i >= end_ || F(i).size() != 4 || !AllDigits(F(i))) return std::nullopt;
    int y = ToInt(F(i));
    if (y < 1000 || y > 2999) return std::nullopt;
    return std::make_pair(y, i + 1);
  }

  // A month name. `licensed`: a number or a preposition makes it a date.
  // Abbreviations need `licensed`; in English the name must be capitalized,
  // and "May" / short forms need `licensed` too. The dot after an abbreviation
  // is consumed.
  std::optional<std::pair<int, uint32_t>> Month(uint32_t i, bool licensed, bool after_day = false) const {
    Hit h = Lookup(i, Cat::kMonth);
    if (!h) return std::nullopt;
    // An abbreviation ("sept", "oct", "Dec") only next to a day: "sept" is
    // also the number seven.
    const bool day_next = NumberFollows(i + h.len) || (en_ && DayAfterMonth(i + h.len));
    if (h.entry->abbr && !day_next && !after_day && !(i > begin_ && DayNum(i - 1))) return std::nullopt;
    if (en_) {
      if (!tokens_[i].capitalized && (F(i) == "may" || !day_next) && !after_day &&
          !(licensed && !AmbiguousMonth(i))) {
        return std::nullopt;
      }
      if (F(i) == "may" && !licensed) return std::nullopt;
    }
    uint32_t j = i + h.len;
    if (h.entry->abbr && Is(j, ".")) ++j;
    return std::make_pair(h.ival, j);
  }

  // A day number right after a month name, past a glued "." "-" "/":
  // "Oct. 2", "Oct-2", "Jan first". Returns its (day, end).
  std::optional<std::pair<int, uint32_t>> DayAfterMonth(uint32_t j) const {
    if (j < end_ && (Is(j, ".") || ((Is(j, "-") || Is(j, "/")) && Adjacent(j - 1) && Adjacent(j)))) ++j;
    if (j >= end_) return std::nullopt;
    if (auto dn = DayNum(j)) return dn;
    // "twenty one", "twenty-first"
    if (auto n = Number(j); n && n->first >= 1 && n->first <= 31 && !AllDigits(F(j))) return n;
    return std::nullopt;
  }

  // English month names that are also common words or names.
  bool AmbiguousMonth(uint32_t i) const {
    std::string_view w = F(i);
    return w == "may" || w == "march" || w == "august" || w == "june" || w.size() <= 4;
  }

  bool NumberFollows(uint32_t j) const {
    if (Is(j, ".") || Is(j, ",") || ((Is(j, "-") || Is(j, "/")) && j > begin_ && Adjacent(j - 1) && Adjacent(j))) ++j;
    return j < end_ && !F(j).empty() && F(j)[0] >= '0' && F(j)[0] <= '9';
  }

  // ---- explicit dates
  struct Dmy {
    int y = 0, m = 0, d = 0;
    uint32_t end = 0;
    const char* rule = "";
  };
  std::optional<Dmy> NumericDate(uint32_t i) const;
  std::optional<Dmy> ParseDmy(uint32_t i) const;

  // ---- rules
  void Emit(std::vector<Cand>* out, uint32_t start, uint32_t end, const char* rule, Cand c) const {
    c.start = start;
    c.end = end;
    c.e.rule = prefix_ + rule;
    out->push_back(std::move(c));
  }
  void RulesAt(uint32_t i, bool inner, std::vector<Cand>* out) const;
  void RuleDate(uint32_t i, std::vector<Cand>* out) const;
  void RuleWeekday(uint32_t i, std::vector<Cand>* out) const;
  void RuleRelative(uint32_t i, std::vector<Cand>* out) const;
  void RuleMonthYear(uint32_t i, bool inner, std::vector<Cand>* out) const;
  void RulePart(uint32_t i, std::vector<Cand>* out) const;
  void RuleSeason(uint32_t i, std::vector<Cand>* out) const;
  void RuleDecade(uint32_t i, std::vector<Cand>* out) const;
  void RuleOffset(uint32_t i, std::vector<Cand>* out) const;
  void RuleTime(uint32_t i, std::vector<Cand>* out) const;
  void RuleDayPart(uint32_t i, std::vector<Cand>* out) const;
  void RuleHoliday(uint32_t i, std::vector<Cand>* out) const;
  void RuleLastN(uint32_t i, std::vector<Cand>* out) const;
  void RuleWords(uint32_t i, std::vector<Cand>* out) const;
  void RuleWeekThenDay(uint32_t i, std::vector<Cand>* out) const;
  void RuleWeekNumber(uint32_t i, std::vector<Cand>* out) const;
  void RuleCentury(uint32_t i, std::vector<Cand>* out) const;
  void RuleByEnd(uint32_t i, std::vector<Cand>* out) const;
  void RuleNth(uint32_t i, std::vector<Cand>* out) const;
  void RuleQuarter(uint32_t i, std::vector<Cand>* out) const;
  void RuleRest(uint32_t i, std::vector<Cand>* out) const;
  void RuleDayOfMonth(uint32_t i, std::vector<Cand>* out) const;
  std::optional<std::pair<int, uint32_t>> Nth(uint32_t i) const;
  bool PeriodAfter(uint32_t k, Reading* past, Reading* future, Precision* p, uint32_t* end) const;
  struct Clock {
    int h = 0, m = 0;
    uint32_t end = 0;
  };
  std::optional<Clock> ParseClock(uint32_t j, bool at) const;
  void MinutesAfter(Clock* c) const;
  int AmPm(uint32_t k, uint32_t* end) const;
  void RuleSince(uint32_t i, std::vector<Cand>* out) const;
  void RuleRange(uint32_t i, std::vector<Cand>* out) const;
  std::optional<Cand> Best(uint32_t i, bool inner) const;
  void AddEnds(TimeExpr* range, const Cand& x, const Cand& y, Precision joint) const;

  // ---- resolution helpers
  Cand DayMonth(int y, int m, int d) const;
  Cand MonthOf(int y, int m, int mod) const;
  std::optional<Cand> UnitOffset(int n, std::string_view unit, int sign) const;
  // NUMBER UNIT: (count, unit code); `fraction` (optional) receives the
  // decimals of "2.5 hours", "30,4 secondes".
  std::optional<std::pair<int, std::string>> NumberUnit(uint32_t i, uint32_t* end,
                                                         std::string* fraction = nullptr) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t begin_, end_;
  std::optional<Date> ref_;
  const Lexicon& lex_;
  bool en_;
  std::string prefix_;
  std::vector<const std::vector<uint32_t>*> first_;  // lex_.by_first entry of each token, or null
  std::vector<uint64_t> cats_;                         // categories of those entries, one bit each
  std::vector<uint32_t> strong_next_;                  // the first strong token at or after each token
  mutable std::vector<uint8_t> inner_memo_;            // Best(i, inner): 0 not yet, 1 none, 2 inner_cands_[i]
  mutable std::vector<Cand> inner_cands_;
};

std::optional<Matcher::Dmy> Matcher::NumericDate(uint32_t i) const {
  // Up to five contiguous tokens: "07" "/" "12" "/" "2023", "2023" "-" "12" "-" "07",
  // or one token "07/12/2023". Never from the middle of a longer group.
  if (i > begin_ && tokens_[i - 1].end == tokens_[i].begin &&
      (Is(i - 1, "/") || Is(i - 1, "-") || Is(i - 1, ".") || AllDigits(F(i - 1)))) {
    return std::nullopt;
  }
  std::string s(F(i));
  uint32_t j = i;
  while (j - i < 4 && Adjacent(j)) {
    ++j;
    s += F(j);
  }
  // Try the longest prefix of whole tokens that parses.
  for (uint32_t last = j + 1; last > i; --last) {
    std::string t;
    for (uint32_t k = i; k < last; ++k) t += F(k);
    std::vector<std::string> nums;
    std::string seps;
    std::string cur;
    bool bad = false;
    for (char c : t) {
      if (c >= '0' && c <= '9') {
        cur += c;
      } else if (c == '/' || c == '-' || c == '.') {
        if (cur.empty()) bad = true;
        nums.push_back(cur);
        cur.clear();
        seps += c;
      } else {
        bad = true;
      }
    }
    if (bad || cur.empty()) continue;
    nums.push_back(cur);
    if (nums.size() == 2) {
      // "11/2016", "11-2016", "2016-11", "2014/10" (month); "17/02" after "le" (day and month).
      Dmy r;
      if (nums[0].size() <= 2 && nums[1].size() == 4 && (seps[0] == '/' || seps[0] == '-')) {
        r = Dmy{ToInt(nums[1]), ToInt(nums[0]), 0, last, "numeric_month"};
      } else if (nums[0].size() == 4 && nums[1].size() <= 2 && (seps[0] == '-' || seps[0] == '/')) {
        r = Dmy{ToInt(nums[0]), ToInt(nums[1]), 0, last, "numeric_month"};
      } else if (nums[0].size() <= 2 && nums[1].size() <= 2 && seps[0] == '/' &&
                 (i == begin_ || Is(i - 1, "le") || Is(i - 1, "du") || Is(i - 1, "au") || Is(i - 1, "on") ||
                  Is(i - 1, "jusqu'au") || Is(i - 1, "until") || Is(i - 1, "by") || Is(i - 1, "since") ||
                  Is(i - 1, "from") || Is(i - 1, "depuis") || Lookup(i - 1, Cat::kWeekday))) {
        int a = ToInt(nums[0]), b = ToInt(nums[1]);
        bool month_first = en_ && a <= 12;
        r = Dmy{0, month_first ? a : b, month_first ? b : a, last, "numeric_day_month"};
        if (r.m < 1 || r.m > 12 || r.d < 1 || r.d > Date::DaysInMonth(2000, r.m)) continue;
        return r;
      } else {
        continue;
      }
      if (r.m < 1 || r.m > 12 || r.y < 1000) continue;
      return r;
    }
    if (nums.size() != 3 || seps[0] != seps[1]) continue;
    Dmy r;
    r.end = last;
    if (nums[0].size() == 4 && nums[1].size() <= 2 && nums[2].size() <= 2) {
      // "2023-12-07", "2015/5/13", "2015.5.13"
      r = Dmy{ToInt(nums[0]), ToInt(nums[1]), ToInt(nums[2]), last, seps[0] == '-' ? "iso_date" : "numeric_date"};
    } else if (nums[0].size() <= 2 && nums[1].size() <= 2 && (nums[2].size() == 4 || nums[2].size() == 2)) {
      int a = ToInt(nums[0]), b = ToInt(nums[1]), y = ToInt(nums[2]);
      if (nums[2].size() == 2) y += y < 70 ? 2000 : 1900;
      bool month_first = en_ && a <= 12;
      r = Dmy{y, month_first ? a : b, month_first ? b : a, last, "numeric_date"};
    } else {
      continue;
    }
    if (!Date{r.y, r.m, r.d}.valid()) continue;
    return r;
  }
  return std::nullopt;
}

std::optional<Matcher::Dmy> Matcher::ParseDmy(uint32_t i) const {
  if (i >= end_) return std::nullopt;
  if (auto n = NumericDate(i)) return n;
  // "31/Oct/1974", "05-aug-2016", "2019-sep-1": a month name between glued separators
  if (AllDigits(F(i)) && Adjacent(i) && Adjacent(i + 1) && Adjacent(i + 2) && Adjacent(i + 3) &&
      (Is(i + 1, "/") || Is(i + 1, "-") || Is(i + 1, ".")) && F(i + 3) == F(i + 1) && AllDigits(F(i + 4))) {
    if (Hit mh = Lookup(i + 2, Cat::kMonth); mh && mh.len == 1) {
      std::string_view a = F(i), b = F(i + 4);
      int y = 0, d = 0;
      if (a.size() <= 2 && (b.size() == 4 || b.size() == 2)) {
        d = ToInt(a), y = ToInt(b);
        if (b.size() == 2) y += y < 50 ? 2000 : 1900;
      } else if (a.size() == 4 && b.size() <= 2) {
        y = ToInt(a), d = ToInt(b);
      }
      if (y != 0 && Date{y, mh.ival, d}.valid()) return Dmy{y, mh.ival, d, i + 5, "numeric_date"};
    }
  }
  // "sep-23-2020", "Oct/26/2016": a month name first, glued to its day and year
  if (Hit mh = Lookup(i, Cat::kMonth); mh && mh.len == 1 && Adjacent(i) && Adjacent(i + 1) && Adjacent(i + 2) &&
                                       Adjacent(i + 3) && (Is(i + 1, "-") || Is(i + 1, "/")) && F(i + 3) == F(i + 1) &&
                                       AllDigits(F(i + 2)) && F(i + 2).size() <= 2 && F(i + 4).size() == 4) {
    if (auto y = Year(i + 4); y && Date{y->first, mh.ival, ToInt(F(i + 2))}.valid()) {
      return Dmy{y->first, mh.ival, ToInt(F(i + 2)), i + 5, "numeric_date"};
    }
  }
  // "11 / 2016", "2016 - 11": a month and a year around a spaced separator
  if (AllDigits(F(i)) && (Is(i + 1, "/") || Is(i + 1, "-")) && AllDigits(F(i + 2)) &&
      !(Adjacent(i) && Adjacent(i + 1))) {
    std::string_view a = F(i), b = F(i + 2);
    int y = 0, m = 0;
    if (a.size() <= 2 && b.size() == 4) m = ToInt(a), y = ToInt(b);
    else if (a.size() == 4 && b.size() <= 2) y = ToInt(a), m = ToInt(b);
    if (y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && !(i + 3 < end_ && (Is(i + 3, "/") || Is(i + 3, "-")))) {
      return Dmy{y, m, 0, i + 3, "numeric_month"};
    }
  }
  // "20200701": a compact ISO date
  if (F(i).size() == 8 && AllDigits(F(i))) {
    const int v = ToInt(F(i).substr(0, 4)), mo = ToInt(F(i).substr(4, 2)), d = ToInt(F(i).substr(6, 2));
    if (v >= 1900 && v <= 2100 && Date{v, mo, d}.valid()) return Dmy{v, mo, d, i + 1, "iso_date"};
  }
  // "20 02 2014": day, month and year as separate numbers
  if (AllDigits(F(i)) && F(i).size() <= 2 && AllDigits(F(i + 1)) && F(i + 1).size() <= 2 && Year(i + 2) &&
      !Adjacent(i) && !Adjacent(i + 1)) {
    int d = ToInt(F(i)), m = ToInt(F(i + 1)), y = Year(i + 2)->first;
    if (m >= 1 && m <= 12 && Date{y, m, d}.valid()) return Dmy{y, m, d, i + 3, "numeric_date"};
  }
  auto valid_dm = [](int m, int d) { return d >= 1 && d <= Date::DaysInMonth(2000, m); };
  // D [of] MONTH [YEAR]; French days in words ("le deux mars", "vingt et un mai")
  auto dn = DayNum(i);
  if (!dn && !AllDigits(F(i))) {
    if (auto n = Number(i); n && n->first >= 1 && n->first <= 31 && Lookup(n->second, Cat::kMonth)) dn = n;
  }
  if (dn) {
    uint32_t j = dn->second;
    if (en_ && Is(j, "of")) ++j;
    if (Is(j, ".") && Adjacent(j - 1) && Lookup(j + 1, Cat::kMonth)) ++j;  // "16. Nov. 2016"
    if (auto m = Month(j, true, /*after_day=*/true)) {
      if (!valid_dm(m->first, dn->first)) return std::nullopt;
      Dmy r{0, m->first, dn->first, m->second, "day_month"};
      uint32_t k = r.end;
      if (Is(k, ",") || ((Is(k, "de") || Is(k, "of")) && Year(k + 1))) ++k;
      if (auto y = Year(k) ? Year(k) : YearWords(k)) {
        if (!Date{y->first, r.m, r.d}.valid()) return std::nullopt;
        r.y = y->first, r.end = y->second, r.rule = "day_month_year";
      } else if (AllDigits(F(k)) && F(k).size() == 2 && (k + 1 >= end_ || tokens_[k + 1].kind == TokenKind::kPunct)) {
        // "le 10 novembre 93"
        int y = ToInt(F(k));
        y += y < 30 ? 2000 : 1900;
        if (Date{y, r.m, r.d}.valid()) r.y = y, r.end = k + 1, r.rule = "day_month_year";
      }
      return r;
    }
  }
  // MONTH D [,] [YEAR] (English): "March 3", "Oct. 2", "Jan-1", "May twenty-first"; in French only
  // glued or after an abbreviation ("Oct. 2", "oct/2", "Jan-1")
  auto glued_day = [&](uint32_t month_tok, uint32_t after) {
    if (en_) return true;
    if (Lookup(month_tok, Cat::kMonth).entry->abbr) return AllDigits(F(after)) || Is(after, ".") || Is(after, "-") || Is(after, "/");
    return (Is(after, "-") || Is(after, "/") || Is(after, ".")) && Adjacent(after - 1) && AllDigits(F(after + 1));
  };
  {
    if (auto m = Month(i, NumberFollows(i + 1)); m && glued_day(i, m->second) && !(m->second < end_ && Year(m->second))) {
      if (auto dn = DayAfterMonth(m->second); dn && (en_ || AllDigits(F(dn->second - 1)))) {
        if (!valid_dm(m->first, dn->first)) return std::nullopt;
        // "March 2023" is a month, not the 20th: DayNum takes at most two digits.
        Dmy r{0, m->first, dn->first, dn->second, "month_day"};
        uint32_t k = r.end;
        if (Is(k, ",")) ++k;
        if (auto y = Year(k) ? Year(k) : YearWords(k)) {
          if (!Date{y->first, r.m, r.d}.valid()) return std::nullopt;
          r.y = y->first, r.end = y->second, r.rule = "month_day_year";
        }
        return r;
      }
    }
  }
  return std::nullopt;
}

Cand Matcher::DayMonth(int y, int m, int d) const {
  Cand c;
  c.kind = 'D', c.y = y, c.m = m, c.d = d;
  c.e.precision = Precision::kDay;
  if (y != 0) {
    SetBoth(c.e, DayReading(Date{y, m, d}));
    return c;
  }
  c.e.tense_dependent = true;
  c.e.value = "XXXX-" + Pad(m, 2) + "-" + Pad(d, 2);
  if (!ref_) return c;
  Reading past, future;
  Builder b = [&](int yy) -> std::optional<Reading> {
    Date x{yy, m, d};
    if (!x.valid()) return std::nullopt;
    return DayReading(x);
  };
  if (ResolveYearly(b, *ref_, *ref_, ref_->year, &past, &future)) {
    SetPast(c.e, past);
    SetFuture(c.e, future);
    c.e.resolved = true;
  }
  return c;
}

// mod: 2 bare (tense dependent), -1 strictly before the reference month, 1
// strictly after, 0 "this" (same as bare).
Cand Matcher::MonthOf(int y, int m, int mod) const {
  Cand c;
  c.kind = 'M', c.y = y, c.m = m;
  c.e.precision = Precision::kMonth;
  if (y != 0) {
    SetBoth(c.e, MonthReading(y, m));
    return c;
  }
  c.e.value = "XXXX-" + Pad(m, 2);
  c.e.tense_dependent = mod == 2 || mod == 0;
  if (!ref_) return c;
  Builder b = [&](int yy) -> std::optional<Reading> { return MonthReading(yy, m); };
  Reading past, future;
  Date first = Date::FirstOfMonth(ref_->year, ref_->month);
  Date last = Date::LastOfMonth(ref_->year, ref_->month);
  if (mod == -1) {
    ResolveYearly(b, first.AddDays(-1), first, ref_->year, &past, &future);
    c.e.resolved = true;
    SetBoth(c.e, past);
  } else if (mod == 1) {
    Reading p2;
    ResolveYearly(b, last, last.AddDays(1), ref_->year, &p2, &future);
    // Strictly after: the first instance starting after this month.
    if (future.from <= last) future = *b(future.from.year + 1);
    SetBoth(c.e, future);
  } else {
    ResolveYearly(b, *ref_, *ref_, ref_->year, &past, &future);
    SetPast(c.e, past);
    SetFuture(c.e, future);
    c.e.resolved = true;
  }
  return c;
}

void Matcher::RuleDate(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  bool weekday = false;
  if (Hit mb = Lookup(j, Cat::kModBefore); mb && mb.ival == 0) j += mb.len;
  if (Hit wd = Lookup(j, Cat::kWeekday)) {
    j += wd.len;
    if (Is(j, ".")) ++j;
    if (Is(j, ",")) ++j;
    weekday = true;
  } else {
    j = i;
  }
  if (Is(j, "le") || Is(j, "the")) ++j;
  auto dmy = ParseDmy(j);
  if (!dmy && weekday) {
    // "mardi 25", "tue 13th": the day of the month that falls on that weekday, the latest on or before
    // the reference and the first on or after it
    auto dn = DayNum(j);
    if (!dn || Lookup(dn->second, Cat::kMonth) || Lookup(dn->second, Cat::kUnit) ||
        (dn->second < end_ && (Is(dn->second, "/") || Is(dn->second, ":") || Is(dn->second, "h")))) {
      return;
    }
    uint32_t w = Lookup(i, Cat::kModBefore) ? i + Lookup(i, Cat::kModBefore).len : i;
    const int wd = Lookup(w, Cat::kWeekday).ival;
    Cand c;
    c.e.precision = Precision::kDay;
    c.d = dn->first;  // a range may lend it a month: "du samedi 13 au dimanche 15 juillet"
    if (ref_) {
      std::optional<Date> past, future;
      Date first = Date::FirstOfMonth(ref_->year, ref_->month);
      for (int m = 0; m <= 14 && (!past || !future); ++m) {
        Date b = first.AddMonths(-m), f = first.AddMonths(m);
        Date pb{b.year, b.month, dn->first}, pf{f.year, f.month, dn->first};
        if (!past && pb.valid() && pb <= *ref_ && pb.Weekday() == wd) past = pb;
        if (!future && pf.valid() && pf >= *ref_ && pf.Weekday() == wd) future = pf;
      }
      if (!past || !future) return;
      SetPast(c.e, DayReading(*past));
      SetFuture(c.e, DayReading(*future));
      c.e.resolved = true;
      c.e.tense_dependent = *past != *future;
    } else {
      c.e.value = "XXXX-XX-" + Pad(dn->first, 2);
    }
    Emit(out, i, dn->second, "weekday_day", std::move(c));
    return;
  }
  if (!dmy) return;
  if (dmy->d == 0) {  // a numeric month, "11/2016"
    if (weekday) return;
    Emit(out, j, dmy->end, dmy->rule, MonthOf(dmy->y, dmy->m, 2));
    return;
  }
  Cand c = DayMonth(dmy->y, dmy->m, dmy->d);
  // "dimanche 17 juin": the weekday picks the year (the nearest to the
  // reference where the date falls on that weekday).
  if (weekday && dmy->y == 0 && ref_) {
    int wd = Lookup(Lookup(i, Cat::kModBefore) ? i + Lookup(i, Cat::kModBefore).len : i, Cat::kWeekday).ival;
    std::optional<Date> best;
    for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) {
      Date d{y, dmy->m, dmy->d};
      if (!d.valid() || d.Weekday() != wd) continue;
      if (!best || std::llabs(d.ToDays() - ref_->ToDays()) < std::llabs(best->ToDays() - ref_->ToDays())) best = d;
    }
    if (best) {
      c.e.tense_dependent = false;
      SetBoth(c.e, DayReading(*best));
    }
  }
  uint32_t end = dmy->end;
  // "le 8 mars dernier": the latest one strictly before the reference;
  // "le 8 mars prochain": the first one strictly after.
  const char* rule = weekday ? "weekday_date" : dmy->rule;
  if (Hit ma = Lookup(end, Cat::kModAfter); ma && dmy->y == 0) {
    end += ma.len;
    rule = ma.ival < 0 ? "day_month_last" : "day_month_next";
    if (ref_) {
      for (int k = 0; k <= 8; ++k) {
        int y = ma.ival < 0 ? ref_->year - k : ref_->year + k;
        Date d{y, dmy->m, dmy->d};
        if (d.valid() && (ma.ival < 0 ? d < *ref_ : d > *ref_)) {
          SetBoth(c.e, DayReading(d));
          c.y = y;  // a range ending here takes this year
          break;
        }
      }
    }
    c.e.tense_dependent = false;
  }
  if (Hit part = Lookup(end, Cat::kDayPart); part && dmy->y == 0) end += part.len;
  uint32_t start = weekday ? i : dmy->end > j ? j : i;
  if (!weekday && (Is(i, "le") || Is(i, "the"))) start = i + 1;
  Emit(out, weekday ? i : start, end, rule, std::move(c));
}

void Matcher::RuleWeekday(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  int mod = 2;  // 2 bare
  if (Hit mb = Lookup(j, Cat::kModBefore)) {
    mod = mb.ival;
    j += mb.len;
  }
  Hit wd = Lookup(j, Cat::kWeekday);
  if (!wd || wd.entry->abbr) return;
  j += wd.len;
  if (mod == 2) {
    if (Hit ma = Lookup(j, Cat::kModAfter)) {
      mod = ma.ival;
      j += ma.len;
    }
  }
  // "Friday after next": the second one to come
  if (mod == 2 && en_ && Is(j, "after") && Is(j + 1, "next")) {
    Cand c;
    c.e.precision = Precision::kDay;
    if (ref_) {
      Date next = ref_->AddDays(1);
      next = next.AddDays((wd.ival - next.Weekday() + 7) % 7 + 7);
      SetBoth(c.e, DayReading(next));
    }
    Emit(out, i, j + 2, "weekday_after_next", std::move(c));
    return;
  }
  std::string part_code;
  if (Hit part = Lookup(j, Cat::kDayPart)) j += part.len, part_code = part.entry->sval;
  Cand c;
  c.e.precision = Precision::kDay;
  c.part = part_code;
  if (mod == 2) {
    uint32_t k = j;
    if (Hit of = Lookup(k, Cat::kOf)) k += of.len;
    if (Hit week = Lookup(k, Cat::kRelWeek)) {
      if (ref_) SetBoth(c.e, DayReading(Monday(ref_->AddDays(7 * week.ival)).AddDays(wd.ival)));
      Emit(out, i, k + week.len, "weekday_of_week", std::move(c));
      return;
    }
  }
  c.e.tense_dependent = mod == 2 || (mod == 0 && !en_);
  // English "next Friday", "last Friday", "this Friday": that day of the next,
  // previous or current week (weeks start on Monday).
  // ("this past Friday" is the latest Friday before the reference, as in French)
  if (en_ && mod != 2 && Lookup(i, Cat::kModBefore) && Lookup(i, Cat::kModBefore).len == 1) {
    if (ref_) SetBoth(c.e, DayReading(Monday(*ref_).AddDays(7 * mod + wd.ival)));
    Emit(out, i, j, mod == -1 ? "weekday_last" : mod == 1 ? "weekday_next" : "weekday_this", std::move(c));
    return;
  }
  if (ref_) {
    int w = wd.ival;
    auto on_or_before = [&](Date d) { return d.AddDays(-((d.Weekday() - w + 7) % 7)); };
    auto on_or_after = [&](Date d) { return d.AddDays((w - d.Weekday() + 7) % 7); };
    if (mod == -1) {
      SetBoth(c.e, DayReading(on_or_before(ref_->AddDays(-1))));
    } else if (mod == 1) {
      SetBoth(c.e, DayReading(on_or_after(ref_->AddDays(1))));
    } else {
      SetPast(c.e, DayReading(on_or_before(*ref_)));
      SetFuture(c.e, DayReading(on_or_after(*ref_)));
      c.e.resolved = true;
    }
  }
  Emit(out, i, j, mod == -1 ? "weekday_last" : mod == 1 ? "weekday_next" : "weekday", std::move(c));
}

void Matcher::RuleRelative(uint32_t i, std::vector<Cand>* out) const {
  // "la veille", "le lendemain": days counted from another event, not from
  // the reference; tagged so that they are not mistaken for it, unresolved.
  if (Hit h = Lookup(i, Cat::kAnchored)) {
    uint32_t j = i + h.len;
    Cand c;
    if (Hit part = Lookup(j, Cat::kDayPart)) j += part.len, c.part = part.entry->sval;
    // "le lendemain du 13 février", "the day after March 3": anchored to the date named
    if (Is(j, "du") || Is(j, "de") || Is(j, "of") || (en_ && h.ival != 0)) {
      std::optional<Cand> a = Best(Is(j, "du") || Is(j, "de") || Is(j, "of") ? j + 1 : j, true);
      if (a && a->e.resolved && JoinsTime(a->e) && a->e.value.find('T') == std::string::npos) {
        Cand d;
        d.e.precision = Precision::kDay;
        SetPast(d.e, DayReading(a->e.from.AddDays(h.ival)));
        SetFuture(d.e, DayReading(a->e.future_from.AddDays(h.ival)));
        d.e.resolved = true;
        d.e.tense_dependent = a->e.tense_dependent;
        Emit(out, i, a->end, "anchored_date", std::move(d));
      }
    }
    c.e.value = h.ival < 0 ? "P" + std::to_string(-h.ival) + "D_BEFORE" : "P" + std::to_string(h.ival) + "D_AFTER";
    c.e.anchored = true;
    if (ref_) {
      SetPast(c.e, DayReading(ref_->AddDays(h.ival)));
      SetFuture(c.e, DayReading(ref_->AddDays(h.ival)));
      c.e.value = h.ival < 0 ? "P" + std::to_string(-h.ival) + "D_BEFORE" : "P" + std::to_string(h.ival) + "D_AFTER";
    }
    Emit(out, i, j, "offset_anchor", std::move(c));
  }
  if (Hit h = Lookup(i, Cat::kPresent)) {
    Cand c;
    if (ref_) {
      SetBoth(c.e, DayReading(*ref_));
      c.e.value = "PRESENT_REF";
    }
    Emit(out, i, i + h.len, "present", std::move(c));
  }
  if (Hit h = Lookup(i, Cat::kRelDay)) {
    uint32_t j = i + h.len;
    Cand c;
    if (Hit part = Lookup(j, Cat::kDayPart)) j += part.len, c.part = part.entry->sval;
    if (ref_) SetBoth(c.e, DayReading(ref_->AddDays(h.ival)));
    Emit(out, i, j, "rel_day", std::move(c));
  }
  if (Hit h = Lookup(i, Cat::kRelDayPart)) {
    Cand c;
    c.part = h.entry->sval;
    if (ref_) SetBoth(c.e, DayReading(*ref_));
    Emit(out, i, i + h.len, "rel_day", std::move(c));
  }
  // Week, month, year relative to the reference: a table phrase, or a bare
  // noun with a modifier ("l'année passée", "semaine prochaine").
  struct Kind {
    Cat rel, bare;
    Precision p;
    const char* rule;
  };
  static constexpr Kind kKinds[] = {{Cat::kRelWeek, Cat::kWeekBare, Precision::kWeek, "rel_week"},
                                    {Cat::kRelMonth, Cat::kMonthBare, Precision::kMonth, "rel_month"},
                                    {Cat::kRelYear, Cat::kYearBare, Precision::kYear, "rel_year"}};
  for (const Kind& k : kKinds) {
    int v = 0;
    uint32_t j = i;
    if (Hit h = Lookup(i, k.rel)) {
      v = h.ival, j = i + h.len;
    } else if (Hit b = Lookup(i, k.bare)) {
      Hit ma = Lookup(i + b.len, Cat::kModAfter);
      if (!ma) continue;
      v = ma.ival, j = i + b.len + ma.len;
    } else {
      continue;
    }
    Cand c;
    c.e.precision = k.p;
    if (ref_) {
      if (k.p == Precision::kWeek) SetBoth(c.e, WeekReading(ref_->AddDays(7 * v)));
      if (k.p == Precision::kMonth) {
        Date d = Date::FirstOfMonth(ref_->year, ref_->month).AddMonths(v);
        SetBoth(c.e, MonthReading(d.year, d.month));
      }
      if (k.p == Precision::kYear) SetBoth(c.e, YearReading(ref_->year + v));
    }
    Emit(out, i, j, k.rule, std::move(c));
  }
  // The weekend (Saturday-Sunday): "ce week-end" is tense dependent, "le
  // week-end dernier" the latest one over before the reference, "next
  // weekend" the first one starting after it.
  {
    uint32_t j = i;
    int mod = 2;
    if (Hit mb = Lookup(j, Cat::kModBefore)) mod = mb.ival, j += mb.len;
    else if (Is(j, "le") || Is(j, "the")) ++j;
    if (Hit we = Lookup(j, Cat::kWeekend)) {
      j += we.len;
      if (mod == 2) {
        if (Hit ma = Lookup(j, Cat::kModAfter)) mod = ma.ival, j += ma.len;
      }
      if (mod != 2 || Is(i, "le") || Is(i, "the")) {
        Cand c;
        c.e.precision = Precision::kWeek;
        if (ref_) {
          auto weekend = [](Date saturday) {
            return Reading{saturday, saturday.AddDays(1), WeekValue(saturday) + "-WE"};
          };
          Date sat_before = ref_->AddDays(-((ref_->Weekday() - 5 + 7) % 7));  // on or before
          Date next_sat = sat_before.AddDays(7);
          if (mod == -1) {
            SetBoth(c.e, weekend(sat_before.AddDays(1) < *ref_ ? sat_before : sat_before.AddDays(-7)));
          } else if (mod == 1) {
            SetBoth(c.e, weekend(next_sat));
          } else if (mod == 0 && en_) {
            SetBoth(c.e, weekend(Monday(*ref_).AddDays(5)));  // "this weekend": the current week's
          } else {
            // Past: the latest weekend that has begun; future: the first not over.
            Reading past = weekend(sat_before);
            Reading future = past.to >= *ref_ ? past : weekend(next_sat);
            c.e.tense_dependent = true;
            SetPast(c.e, past);
            SetFuture(c.e, future);
            c.e.resolved = true;
          }
        }
        Emit(out, i, j, "weekend", std::move(c));
      }
    }
  }
  // "earlier this week": Monday..reference-1; "later this week": reference+1..Sunday.
  for (Cat cat : {Cat::kWeekEarlier, Cat::kWeekLater}) {
    Hit h = Lookup(i, cat);
    if (!h) continue;
    Cand c;
    c.e.precision = Precision::kWeek;
    if (ref_) {
      Reading r = WeekReading(*ref_);
      if (cat == Cat::kWeekEarlier) r.to = std::max(r.from, ref_->AddDays(-1));
      else r.from = std::min(r.to, ref_->AddDays(1));
      SetBoth(c.e, r);
    }
    Emit(out, i, i + h.len, cat == Cat::kWeekEarlier ? "week_earlier" : "week_later", std::move(c));
  }
}

void Matcher::RuleMonthYear(uint32_t i, bool inner, std::vector<Cand>* out) const {
  uint32_t j = i;
  bool licensed = inner;
  bool weak = false;
  Hit prep = Lookup(j, Cat::kPrepYear);
  if (prep) {
    j += prep.len;
    licensed = true;
    weak = prep.ival == 1;
  }
  int mod = 2;
  if (Hit mb = Lookup(j, Cat::kModBefore); mb && (en_ || Lookup(j + mb.len, Cat::kMonth))) {
    mod = mb.ival, j += mb.len, licensed = true;  // "this June", "cette septembre"
  }
  uint32_t start = j;
  // "le mois de juin", "the month of June"
  if (Hit mb = Lookup(j, Cat::kMonthBare)) {
    uint32_t k = j + mb.len;
    if (Hit of = Lookup(k, Cat::kOf); of && Lookup(k + of.len, Cat::kMonth)) j = k + of.len, licensed = true;
  }
  // YEAR alone, after a preposition (or inside a range).
  if (auto y = Year(j); y && mod == 2 && licensed) {
    if (!(weak && !inner && LowerWord(y->second) && !Lookup(y->second, Cat::kRangeTo))) {
      Cand c;
      c.kind = 'Y', c.y = y->first;
      c.e.precision = Precision::kYear;
      SetBoth(c.e, YearReading(y->first));
      Emit(out, start, y->second, "year", std::move(c));
    }
  }
  // A two-digit year after a strong preposition, before punctuation ("en 97,").
  if (prep && !weak && mod == 2 && j < end_ && F(j).size() == 2 && AllDigits(F(j)) && !en_) {
    uint32_t k = j + 1;
    if (k >= end_ || (tokens_[k].kind == TokenKind::kPunct && !Is(k, "-") && !Is(k, "/"))) {
      int yy = ToInt(F(j));
      int y = yy >= 30 ? 1900 + yy : 2000 + yy;
      Cand c;
      c.kind = 'Y', c.y = y;
      c.e.precision = Precision::kYear;
      SetBoth(c.e, YearReading(y));
      Emit(out, j, k, "year", std::move(c));
    }
  }
  // A bare year 1900-2099 between a word and punctuation ("le bilan 2001.",
  // "la saison 2002/2003").
  // Also the second year of "2002/2003", and a year between a noun and "de" ("le bilan 2001 de la
  // délinquance"); never after a quantity word ("les 2000 de la ville").
  static constexpr std::string_view kQuantity[] = {"les", "des", "ces", "ses", "leurs", "nos", "vos", "plus",
                                                  "moins", "environ", "quelque", "sur", "the", "some", "about"};
  const bool after_word = i > begin_ && tokens_[i - 1].kind == TokenKind::kWord &&
                          std::none_of(std::begin(kQuantity), std::end(kQuantity), [&](std::string_view q) {
                            return F(i - 1) == q;
                          });
  const bool after_year = i > begin_ + 1 && Is(i - 1, "/") && Adjacent(i - 1) && Year(i - 2);
  if (!prep && mod == 2 && (after_word || after_year)) {
    if (auto y = Year(i); y && y->first >= 1900 && y->first < 2100 &&
                          (y->second >= end_ || tokens_[y->second].kind == TokenKind::kPunct ||
                           (!en_ && after_word && tokens_[i - 1].norm.size() >= 4 &&
                            (Is(y->second, "de") || Is(y->second, "du") || Is(y->second, "des"))))) {
      Cand c;
      c.kind = 'Y', c.y = y->first;
      c.e.precision = Precision::kYear;
      SetBoth(c.e, YearReading(y->first));
      Emit(out, i, y->second, "year_bare", std::move(c));
    }
  }
  // A year that is the whole sentence ("1950." as a heading)
  if (i == begin_ && mod == 2 && !prep) {
    if (auto y = Year(i); y && (y->second >= end_ || (y->second + 1 == end_ && Is(y->second, ".")))) {
      Cand c;
      c.kind = 'Y', c.y = y->first;
      c.e.precision = Precision::kYear;
      SetBoth(c.e, YearReading(y->first));
      Emit(out, i, y->second, "year_alone", std::move(c));
    }
  }
  // "l'an 2000", "l'année 2022", "the year 2022"
  if (Hit yb = Lookup(i, Cat::kYearBare)) {
    if (auto y = Year(i + yb.len)) {
      Cand c;
      c.kind = 'Y', c.y = y->first;
      c.e.precision = Precision::kYear;
      SetBoth(c.e, YearReading(y->first));
      Emit(out, i, y->second, "year", std::move(c));
    }
  }
  // "2016 November", "2016, nov": a year before its month
  if (auto y = Year(j); y && mod == 2) {
    uint32_t x = y->second;
    if (Is(x, ",")) ++x;
    if (auto m2 = Month(x, true, /*after_day=*/true); m2 && !DayAfterMonth(m2->second)) {
      Emit(out, start, m2->second, "year_month", MonthOf(y->first, m2->first, 2));
    }
  }
  // A month name that is the whole sentence ("april", "Février")
  const bool alone = j == begin_ && Lookup(j, Cat::kMonth) && j + Lookup(j, Cat::kMonth).len == end_;
  licensed = licensed || alone;
  auto m = Month(j, licensed || NumberFollows(j + 1), /*after_day=*/alone);
  if (!m) return;
  uint32_t k = m->second;
  if (((Is(k, "/") || Is(k, "-")) && Adjacent(k - 1) && Adjacent(k)) ||
      ((Is(k, ",") || Is(k, "of") || Is(k, "de")) && Year(k + 1))) {
    ++k;  // "dec/2018", "dec, 2018", "june of 1992"
  }  // "dec/2018"
  if (auto y = Year(k) ? Year(k) : YearWords(k)) {
    Emit(out, start, y->second, "month_year", MonthOf(y->first, m->first, 2));
    return;
  }
  // "juillet 98,": a two-digit year before punctuation or the end
  if (!en_ && AllDigits(F(k)) && F(k).size() == 2 && (k + 1 >= end_ || tokens_[k + 1].kind == TokenKind::kPunct) &&
      !Is(k + 1, "/") && !Is(k + 1, "-") && !Is(k + 1, ":")) {
    int y = ToInt(F(k));
    y += y < 30 ? 2000 : 1900;
    Emit(out, start, k + 1, "month_year", MonthOf(y, m->first, 2));
    return;
  }
  k = m->second;
  // "juin de l'année prochaine", "June next year"
  {
    uint32_t x = k;
    if (Hit of = Lookup(x, Cat::kOf)) x += of.len;
    if (Hit ry = Lookup(x, Cat::kRelYear); ry && mod == 2) {
      if (ref_) {
        Emit(out, start, x + ry.len, "month_rel_year", MonthOf(ref_->year + ry.ival, m->first, 2));
      } else {
        Cand c = MonthOf(0, m->first, 2);
        c.e.resolved = false;
        c.e.tense_dependent = false;
        Emit(out, start, x + ry.len, "month_rel_year", std::move(c));
      }
      return;
    }
  }
  if (mod == 2) {
    if (Hit ma = Lookup(k, Cat::kModAfter)) {
      Emit(out, start, k + ma.len, ma.ival < 0 ? "month_last" : "month_next", MonthOf(0, m->first, ma.ival));
      return;
    }
  }
  // English: a full month name that is no other word ("February", not "May",
  // "March", "August", "June") stands alone.
  if (en_ && !licensed && AmbiguousMonth(j)) return;
  // French month names are lower case: a capitalized bare one inside a
  // sentence is a name ("Mars" the planet).
  if (!licensed && mod == 2 && tokens_[j].capitalized && j > begin_ && !Is(j - 1, ".") && !Is(j - 1, "\"")) return;
  Emit(out, start, k, mod == -1 ? "month_last" : mod == 1 ? "month_next" : "month", MonthOf(0, m->first, mod));
}

void Matcher::RulePart(uint32_t i, std::vector<Cand>* out) const {
  Hit part = Lookup(i, Cat::kPeriodPart);
  if (!part) return;
  static constexpr const char* kSuffix[] = {"", "_start", "_mid", "_end"};
  const std::string suffix = kSuffix[std::clamp(part.ival, 0, 3)];
  uint32_t j = i + part.len;
  if (Hit of = Lookup(j, Cat::kOf)) j += of.len;
  else if (Is(j, "-")) ++j;
  Cand c;
  // Year
  if (auto y = Year(j)) {
    c.e.precision = Precision::kYear;
    SetBoth(c.e, PartOf(YearReading(y->first), part.ival, Precision::kYear));
    c.e.value = Pad(y->first, 4);
    Emit(out, i, y->second, ("year" + suffix).c_str(), std::move(c));
    return;
  }
  // Month [Year]
  if (auto m = Month(j, true)) {
    uint32_t k = m->second;
    int year = 0;
    if (auto y = Year(k)) year = y->first, k = y->second;
    c = MonthOf(year, m->first, 2);
    c.kind = 0;
    if (c.e.resolved) {
      Reading p{c.e.from, c.e.to, c.e.value}, f{c.e.future_from, c.e.future_to, c.e.future_value};
      SetPast(c.e, PartOf(p, part.ival, Precision::kMonth));
      SetFuture(c.e, PartOf(f, part.ival, Precision::kMonth));
    }
    Emit(out, i, k, ("month" + suffix).c_str(), std::move(c));
    return;
  }
  // Relative or bare year / month / week.
  struct Kind {
    Cat rel, bare;
    Precision p;
    const char* rule;
  };
  static constexpr Kind kKinds[] = {{Cat::kRelYear, Cat::kYearBare, Precision::kYear, "year"},
                                    {Cat::kRelMonth, Cat::kMonthBare, Precision::kMonth, "month"},
                                    {Cat::kRelWeek, Cat::kWeekBare, Precision::kWeek, "week"}};
  for (const Kind& kd : kKinds) {
    int v = 0;
    uint32_t k = j;
    bool bare = false;
    if (Hit h = Lookup(j, kd.rel)) {
      v = h.ival, k = j + h.len;
    } else if (Hit b = Lookup(j, kd.bare)) {
      k = j + b.len;
      if (Hit ma = Lookup(k, Cat::kModAfter)) v = ma.ival, k += ma.len;
      else bare = true;
    } else {
      continue;
    }
    c.e.precision = kd.p;
    if (ref_) {
      Reading r;
      if (kd.p == Precision::kYear) r = YearReading(ref_->year + v);
      if (kd.p == Precision::kMonth) {
        Date d = Date::FirstOfMonth(ref_->year, ref_->month).AddMonths(v);
        r = MonthReading(d.year, d.month);
      }
      if (kd.p == Precision::kWeek) r = WeekReading(ref_->AddDays(7 * v));
      Reading p = PartOf(r, part.ival, kd.p);
      if (bare && kd.p == Precision::kWeek) {
        // The part of the reference's week, cut at the reference, or the
        // previous week's when it has not begun yet; future: the first such
        // part that ends on or after the reference.
        Reading past = p;
        if (past.from > *ref_) past = PartOf(WeekReading(ref_->AddDays(-7)), part.ival, kd.p);
        else past.to = std::min(past.to, *ref_);
        Reading future = p;
        if (future.to < *ref_) future = PartOf(WeekReading(ref_->AddDays(7)), part.ival, kd.p);
        else future.from = std::max(future.from, *ref_);
        past.value = WeekValue(past.from);
        future.value = WeekValue(future.from);
        c.e.tense_dependent = true;
        SetPast(c.e, past);
        SetFuture(c.e, future);
        c.e.resolved = true;
      } else {
        SetBoth(c.e, p);
      }
    }
    Emit(out, i, k, (kd.rule + suffix).c_str(), std::move(c));
    return;
  }
}

void Matcher::RuleSeason(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  if (Is(j, "l'") || Is(j, "the") || Is(j, "au") || Is(j, "en") || Is(j, "in")) ++j;
  int mod = 2;
  if (Hit mb = Lookup(j, Cat::kModBefore)) mod = mb.ival, j += mb.len;
  Hit s = Lookup(j, Cat::kSeason);
  if (!s) return;
  const uint32_t start = i;
  std::string code = s.entry->sval;
  j += s.len;
  Cand c;
  c.e.precision = Precision::kSeason;
  if (auto y = Year(j)) {
    if (auto r = SeasonReading(y->first, code)) SetBoth(c.e, *r);
    Emit(out, start, y->second, "season_year", std::move(c));
    return;
  }
  if (mod == 2) {
    if (Hit ma = Lookup(j, Cat::kModAfter)) mod = ma.ival, j += ma.len;
  }
  Builder b = [&](int y) { return SeasonReading(y, code); };
  if (mod == 2 && !Is(i, "au") && !Is(i, "en") && !Is(i, "in") && !Is(i, "l'") && !Is(i, "the")) return;
  if (ref_) {
    Reading past, future;
    if (mod == -1) {
      for (int y = ref_->year + 1; y >= ref_->year - 2; --y) {
        if (auto r = b(y); r && r->to < *ref_) {
          SetBoth(c.e, *r);
          break;
        }
      }
    } else if (mod == 1) {
      for (int y = ref_->year - 1; y <= ref_->year + 2; ++y) {
        if (auto r = b(y); r && r->from > *ref_) {
          SetBoth(c.e, *r);
          break;
        }
      }
    } else if (mod == 0) {
      int y = code == "WI" ? (ref_->month == 12 ? ref_->year + 1 : ref_->month <= 6 ? ref_->year : ref_->year + 1)
                           : ref_->year;
      SetBoth(c.e, *b(y));
    } else {
      ResolveYearly(b, *ref_, *ref_, ref_->year, &past, &future);
      SetPast(c.e, past);
      SetFuture(c.e, future);
      c.e.resolved = true;
      c.e.tense_dependent = true;
    }
  } else {
    c.e.tense_dependent = mod == 2;
  }
  Emit(out, start, j, mod == -1 ? "season_last" : mod == 1 ? "season_next" : "season", std::move(c));
}

void Matcher::RuleDecade(uint32_t i, std::vector<Cand>* out) const {
  Hit pre = Lookup(i, Cat::kDecadePre);
  uint32_t j = i + pre.len;
  // "the seventies", "the nineties": value 197, 199
  if (Hit w = Lookup(j, Cat::kDecadeWord); w && (pre || j == begin_)) {
    const int y = w.ival * 10;
    Cand c;
    c.e.precision = Precision::kDecade;
    SetBoth(c.e, Reading{Date{y, 1, 1}, Date{y + 9, 12, 31}, Pad(w.ival, 3)});
    Emit(out, i, j + w.len, "decade", std::move(c));
    return;
  }
  if (!pre && !en_) return;
  // Contiguous tokens: "1990s", "1990" "s", "'90s", "90s".
  std::string s;
  uint32_t k = j;
  while (k < end_ && k - j < 3) {
    s += F(k);
    ++k;
    if (!Adjacent(k - 1)) break;
  }
  for (uint32_t last = k; last > j; --last) {
    std::string t;
    for (uint32_t x = j; x < last; ++x) t += F(x);
    bool apostrophe = !t.empty() && t[0] == '\'';
    if (apostrophe) t = t.substr(1);
    bool plural_s = !t.empty() && t.back() == 's';
    if (plural_s) t.pop_back();
    if (plural_s && !t.empty() && t.back() == '\'') t.pop_back();  // "70's"
    if (!AllDigits(t) || t.back() != '0') continue;
    if (en_ && !plural_s) continue;
    if (!en_ && (plural_s || !pre)) continue;
    int y = 0;
    if (t.size() == 4) y = ToInt(t);
    else if (t.size() == 2) y = 1900 + ToInt(t);
    else continue;
    if (y < 1000) continue;
    Cand c;
    c.e.precision = Precision::kDecade;
    Reading r{Date{y, 1, 1}, Date{y + 9, 12, 31}, Pad(y / 10, 3)};
    SetBoth(c.e, r);
    Emit(out, i, last, "decade", std::move(c));
    return;
  }
}

// NUMBER UNIT with an optional approximation word before the number.
std::optional<std::pair<int, std::string>> Matcher::NumberUnit(uint32_t i, uint32_t* end,
                                                               std::string* fraction) const {
  uint32_t j = i;
  if (Hit a = Lookup(j, Cat::kApprox)) j += a.len;
  // never from the middle of "2.5", "1/4", "3,5"
  if (j > begin_ && AllDigits(F(j)) && tokens_[j - 1].end == tokens_[j].begin &&
      (Is(j - 1, ".") || Is(j - 1, ",") || Is(j - 1, "/"))) {
    return std::nullopt;
  }
  auto n = Number(j);
  if (!n) return std::nullopt;
  // "2.5 hours", "3,5 ans": the whole part counts for the calendar
  uint32_t k = n->second;
  if (AllDigits(F(j)) && (Is(k, ".") || Is(k, ",")) && Adjacent(k - 1) && Adjacent(k) && AllDigits(F(k + 1)) &&
      F(k + 1).size() <= 3) {
    if (fraction != nullptr) fraction->assign(F(k + 1));
    k += 2;
  }
  Hit u = Lookup(k, Cat::kUnit);
  if (!u) return std::nullopt;
  *end = k + u.len;
  return std::make_pair(n->first, u.entry->sval);
}

std::optional<Cand> Matcher::UnitOffset(int n, std::string_view unit, int sign) const {
  Cand c;
  // Offsets that leave the calendar (years 1..9999) are not dates.
  if (ref_ && (unit == "Y" || unit == "M" || unit == "W") &&
      (ref_->year + sign * n < 2 || ref_->year + sign * n > 9998)) {
    return std::nullopt;
  }
  if (!ref_) {
    c.e.precision = unit == "Y" ? Precision::kYear : unit == "M" ? Precision::kMonth
                    : unit == "W" ? Precision::kWeek : Precision::kDay;
    return c;
  }
  // The day the offset lands on ("il y a trois semaines" → the reference minus 21 days).
  Date d = *ref_;
  if (unit == "D") d = ref_->AddDays(static_cast<int64_t>(sign) * n);
  else if (unit == "W") d = ref_->AddDays(static_cast<int64_t>(sign) * 7 * n);
  else if (unit == "M") d = ref_->AddMonths(sign * n);
  else if (unit == "Y") d = ref_->AddMonths(sign * 12 * n);
  else if (unit != "H" && unit != "MIN" && unit != "S") return std::nullopt;
  if (unit == "H" || unit == "MIN" || unit == "S") {
    const int64_t minutes = unit == "S" ? n / 60 : static_cast<int64_t>(n) * (unit == "H" ? 60 : 1);
    // without the hour of the reference, an offset of less than a day stays on its day
    if (minutes >= 24 * 60) d = ref_->AddDays(sign * (minutes / (24 * 60)));
  }
  if (!d.valid()) return std::nullopt;
  SetBoth(c.e, DayReading(d));
  return c;
}

std::string DurationValue(int n, std::string_view unit, std::string_view fraction = {}) {
  std::string num = std::to_string(n);
  if (!fraction.empty()) num += "." + std::string(fraction);
  if (unit == "H") return "PT" + num + "H";
  if (unit == "MIN") return "PT" + num + "M";
  if (unit == "S") return "PT" + num + "S";
  return "P" + num + std::string(unit);
}

void Matcher::RuleOffset(uint32_t i, std::vector<Cand>* out) const {
  uint32_t end = 0;
  // il y a N UNIT
  if (Hit ago = Lookup(i, Cat::kAgoPre)) {
    if (auto nu = NumberUnit(i + ago.len, &end)) {
      if (auto c = UnitOffset(nu->first, nu->second, -1)) Emit(out, i, end, "offset_ago", std::move(*c));
    }
  }
  // "in half an hour", "in a few minutes", "dans quelques secondes": within the reference day
  if (Hit in = Lookup(i, Cat::kInFuture); in && ref_) {
    uint32_t k = i + in.len;
    if (Hit a = Lookup(k, Cat::kApprox)) k += a.len;
    if (Is(k, "a") || Is(k, "an") || Is(k, "une") || Is(k, "un")) ++k;
    bool part = false;
    if (Hit v = Lookup(k, Cat::kVague)) k += v.len, part = true;
    else if (Hit mw = Lookup(k, Cat::kMinutes)) k += mw.len, part = true;  // "half", "a quarter"
    if (part && (Is(k, "of") || Is(k, "d'") || Is(k, "de"))) ++k;
    if (part && (Is(k, "an") || Is(k, "a") || Is(k, "une"))) ++k;
    if (Hit u = Lookup(k, Cat::kUnit); part && u && (u.entry->sval == "H" || u.entry->sval == "MIN" || u.entry->sval == "S")) {
      Cand c;
      SetBoth(c.e, DayReading(*ref_));
      Emit(out, i, k + u.len, "offset_in", std::move(c));
    }
  }
  // dans N UNIT / in N UNIT
  if (Hit in = Lookup(i, Cat::kInFuture)) {
    if (auto nu = NumberUnit(i + in.len, &end)) {
      if (auto c = UnitOffset(nu->first, nu->second, 1)) Emit(out, i, end, "offset_in", std::move(*c));
    }
  }
  // N UNIT before / after / from a day named ("trois jours avant Noël", "two days after tomorrow",
  // "4 months from tomorrow", "2 weeks before May 13 1999")
  if (auto nu = NumberUnit(i, &end); nu && nu->second != "H" && nu->second != "MIN" && nu->second != "S") {
    Hit later = Lookup(end, Cat::kLater);
    int sign = later ? (later.ival < 0 ? -1 : 1) : 0;
    uint32_t k = end + later.len;
    if (!later && en_ && Is(end, "from")) sign = 1, k = end + 1;
    if (Is(k, "le") || Is(k, "the")) ++k;
    std::optional<Cand> a = sign != 0 ? Best(k, true) : std::nullopt;
    if (a && a->e.resolved && JoinsTime(a->e) && a->e.value.find('T') == std::string::npos) {
      auto shift = [&](Date d) {
        const std::string& u = nu->second;
        const int n = sign * nu->first;
        return u == "D" ? d.AddDays(n) : u == "W" ? d.AddDays(7 * n) : u == "M" ? d.AddMonths(n) : d.AddMonths(12 * n);
      };
      Date p = shift(a->e.from), f = shift(a->e.future_from);
      if (p.valid() && f.valid()) {
        Cand c;
        c.e.precision = Precision::kDay;
        SetPast(c.e, DayReading(p));
        SetFuture(c.e, DayReading(f));
        c.e.resolved = true;
        c.e.tense_dependent = a->e.tense_dependent;
        Emit(out, i, a->end, "offset_from", std::move(c));
      }
    }
  }
  // N UNIT ago / N UNIT later (anchored elsewhere: left unresolved)
  if (auto nu = NumberUnit(i, &end)) {
    if (Hit ago = Lookup(end, Cat::kAgoPost)) {
      // "two weeks ago" (value -1), "two weeks from now" / "hence" (value 1)
      const int sign = ago.ival > 0 ? 1 : -1;
      if (auto c = UnitOffset(nu->first, nu->second, sign)) {
        Emit(out, i, end + ago.len, sign < 0 ? "offset_ago" : "offset_in", std::move(*c));
      }
    } else if (Hit later = Lookup(end, Cat::kLater)) {
      Cand c;
      if (auto fallback = UnitOffset(nu->first, nu->second, later.ival < 0 ? -1 : 1); fallback && ref_) {
        c.e = fallback->e;  // the reading against the reference, for want of the anchor
        c.e.resolved = false;
      }
      c.e.anchored = true;
      c.e.value = DurationValue(nu->first, nu->second);
      Emit(out, i, end + later.len, "offset_anchor", std::move(c));
    }
  }
  // "d'ici deux semaines", "within 3 years": from the reference to N units on.
  if (Hit w = Lookup(i, Cat::kWithin)) {
    if (auto nu = NumberUnit(i + w.len, &end); nu && (nu->second == "D" || nu->second == "W" || nu->second == "M" ||
                                                      nu->second == "Y")) {
      if (auto to = UnitOffset(nu->first, nu->second, 1)) {
        Cand c;
        c.e.precision = Precision::kDay;
        if (ref_ && to->e.resolved) SetBoth(c.e, Reading{*ref_, to->e.to, ref_->ToString() + "/" + to->e.to.ToString()});
        Emit(out, i, end, "within", std::move(c));
      }
    }
  }
  // "plusieurs jours", "quelques mois", "a few weeks": a length of unknown count.
  if (Hit v = Lookup(i, Cat::kVague)) {
    if (Hit u = Lookup(i + v.len, Cat::kUnit)) {
      Cand c;
      c.e.is_duration = true;
      const std::string& unit = u.entry->sval;
      c.e.value = unit == "H" ? "PTXH" : unit == "MIN" ? "PTXM" : "PX" + unit;
      Emit(out, i, i + v.len + u.len, "duration", std::move(c));
    }
  }
  // A bare NUMBER UNIT ("deux jours de négociations"): a length.
  std::string fraction;
  if (auto nu = NumberUnit(i, &end, &fraction)) {
    Cand c;
    c.e.is_duration = true;
    c.e.value = DurationValue(nu->first, nu->second, fraction);
    Emit(out, i, end, "duration", std::move(c));
  }
  // Durations: pendant / for / depuis [plus de] N UNIT; French "en N UNIT".
  for (Cat cat : {Cat::kDurPre, Cat::kDurEn, Cat::kSince}) {
    Hit pre = Lookup(i, cat);
    if (!pre) continue;
    fraction.clear();
    if (auto nu = NumberUnit(i + pre.len, &end, &fraction)) {
      Cand c;
      c.e.is_duration = true;
      c.e.value = DurationValue(nu->first, nu->second, fraction);
      Emit(out, i, end, "duration", std::move(c));
    }
  }
}

// "pm", "p.m.", "p m", "du soir", "in the afternoon" at token k: 12 for the
// afternoon and evening, 0 for the morning, -1 when there is none.
int Matcher::AmPm(uint32_t k, uint32_t* end) const {
  if (Hit h = Lookup(k, Cat::kAmPm)) {
    *end = k + h.len;
    return h.ival;
  }
  if (en_ && (Is(k, "a") || Is(k, "p"))) {
    uint32_t x = k + 1;
    if (Is(x, ".")) ++x;
    if (!Is(x, "m")) return -1;
    ++x;
    if (Is(x, ".")) ++x;
    *end = x;
    return Is(k, "p") ? 12 : 0;
  }
  return -1;
}

// Minutes after an hour word: "trente", "15", "et quart", "moins le quart",
// "moins cinq". Adds them to `c` and moves its end.
void Matcher::MinutesAfter(Clock* c) const {
  uint32_t k = c->end;
  if (Hit mw = Lookup(k, Cat::kMinutes)) {
    if (mw.ival < 0) {
      c->h = (c->h + 23) % 24;
      c->m = 60 + mw.ival;
    } else {
      c->m = mw.ival;
    }
    c->end = k + mw.len;
    return;
  }
  if (Hit minus = Lookup(k, Cat::kMinus)) {
    if (auto n = Number(k + minus.len); n && n->first > 0 && n->first < 60) {
      c->h = (c->h + 23) % 24;
      c->m = 60 - n->first;
      c->end = n->second;
    }
    return;
  }
  if (AllDigits(F(k)) && F(k).size() == 2 && ToInt(F(k)) < 60) {
    c->m = ToInt(F(k));
    c->end = k + 1;
    if (Hit u = Lookup(c->end, Cat::kUnit); u && u.entry->sval == "MIN") c->end += u.len;
    return;
  }
  if (!AllDigits(F(k))) {
    if (auto n = Number(k); n && n->first < 60 && !Lookup(n->second, Cat::kUnit)) {
      c->m = n->first;
      c->end = n->second;
    } else if (n && n->first < 60) {
      if (Hit u = Lookup(n->second, Cat::kUnit); u && u.entry->sval == "MIN") {
        c->m = n->first;
        c->end = n->second + u.len;
      }
    }
  }
}

std::optional<Matcher::Clock> Matcher::ParseClock(uint32_t j, bool at) const {
  if (j >= end_) return std::nullopt;
  Clock c;
  // "midi", "minuit", "noon", "midnight" (lower case: "le Midi" is a region)
  if (Hit w = Lookup(j, Cat::kClockWord)) {
    if (tokens_[j].capitalized && !at && j > begin_) return std::nullopt;
    c.h = w.ival / 60, c.m = w.ival % 60, c.end = j + w.len;
    MinutesAfter(&c);
    return c;
  }
  // Digits glued to separators and suffixes: "14h30", "15:15", "3pm", "3:15p", "3.30pm", "330pm".
  {
    uint32_t k = j;
    std::vector<uint32_t> ends;
    while (k < end_ && k - j < 8) {
      ++k;
      ends.push_back(k);
      if (!Adjacent(k - 1)) break;
    }
    auto parse = [&](std::string_view t, int* h, int* m) {
      size_t p = 0;
      while (p < t.size() && p < 4 && t[p] >= '0' && t[p] <= '9') ++p;
      if (p == 0 || (p < t.size() && t[p] >= '0' && t[p] <= '9')) return false;
      std::string_view digits = t.substr(0, p);
      std::string_view rest = t.substr(p);
      bool sep = false, dot = false;
      *m = 0;
      if (digits.size() > 2) {
        if (digits.size() == 3) *h = ToInt(digits.substr(0, 1)), *m = ToInt(digits.substr(1));
        else *h = ToInt(digits.substr(0, 2)), *m = ToInt(digits.substr(2));
      } else {
        *h = ToInt(digits);
        if (!rest.empty() && (rest[0] == 'h' || rest[0] == ':' || rest[0] == '.')) {
          const char s = rest[0];
          rest.remove_prefix(1);
          if (rest.size() >= 2 && AllDigits(rest.substr(0, 2)) && (rest.size() == 2 || rest[2] < '0' || rest[2] > '9')) {
            *m = ToInt(rest.substr(0, 2));
            rest.remove_prefix(2);
            if (rest.size() >= 3 && rest[0] == ':' && AllDigits(rest.substr(1, 2))) rest.remove_prefix(3);  // seconds
          } else if (s != 'h') {
            return false;
          }
          sep = s != '.';
          dot = s == '.';
        }
      }
      int ampm = -1;
      if (rest == "pm" || rest == "p.m." || rest == "p.m" || rest == "p" || rest == "p.") ampm = 12;
      else if (rest == "am" || rest == "a.m." || rest == "a.m" || rest == "a" || rest == "a.") ampm = 0;
      else if (!rest.empty()) return false;
      if (ampm < 0 && (!sep || digits.size() > 2)) {
        // bare digits: only when an am/pm word follows (handled by the caller); "3.30" only after "at"
        if (!(dot && at && en_)) return false;
      }
      if (ampm >= 0) {
        if (*h < 1 || *h > 12) return false;
        if (ampm == 12 && *h < 12) *h += 12;
        if (ampm == 0 && *h == 12) *h = 0;
      }
      return *h <= 24 && *m <= 59 && (*h < 24 || *m == 0);
    };
    std::string t;
    for (size_t n = ends.size(); n > 0; --n) {
      t.clear();
      for (uint32_t x = j; x < ends[n - 1]; ++x) t += F(x);
      int h = 0, m = 0;
      if (parse(t, &h, &m)) {
        c.h = h, c.m = m, c.end = ends[n - 1];
        // "8h du soir", "3:15 in the afternoon"
        uint32_t e2 = 0;
        int ap = AmPm(c.end, &e2);
        if (ap >= 0 && t.find_first_of("apm") == std::string::npos) {
          if (ap == 12 && c.h < 12) c.h += 12;
          if (ap == 0 && c.h == 12) c.h = 0;
          c.end = e2;
        }
        return c;
      }
    }
  }
  // Spaced: "14 h 30", "quinze heures trente", "3 pm", "3 o'clock", "huit heures du soir".
  std::optional<std::pair<int, uint32_t>> n;
  // "330 p.m.", "1140 a.m."; "at 1030"
  if (AllDigits(F(j)) && (F(j).size() == 3 || F(j).size() == 4)) {
    uint32_t e2 = 0;
    int ap = AmPm(j + 1, &e2);
    int v = ToInt(F(j)), h = v / 100, m = v % 100;
    if (ap < 0) {
      if (!(at && en_ && Is(j - 1, "at")) || h > 23 || m > 59) return std::nullopt;
      return Clock{h, m, j + 1};
    }
    if (h < 1 || h > 12 || m > 59) return std::nullopt;
    if (ap == 12 && h < 12) h += 12;
    if (ap == 0 && h == 12) h = 0;
    return Clock{h, m, e2};
  }
  if (AllDigits(F(j)) && F(j).size() <= 2) n = std::make_pair(ToInt(F(j)), j + 1);
  else if (!AllDigits(F(j))) n = Number(j);
  if (!n || n->first > 24) return std::nullopt;
  c.h = n->first;
  c.end = n->second;
  uint32_t e2 = 0;
  // "ten thirty am", "seven thirty p.m.", "at three twenty": an hour and minutes in words
  if (en_ && !AllDigits(F(j)) && c.h >= 1 && c.h <= 12) {
    if (auto mins = Number(c.end); mins && !AllDigits(F(c.end)) && mins->first >= 10 && mins->first < 60) {
      int ap = AmPm(mins->second, &e2);
      if (ap >= 0 || at) {
        Clock w{c.h, mins->first, ap >= 0 ? e2 : mins->second};
        if (ap == 12 && w.h < 12) w.h += 12;
        if (ap == 0 && w.h == 12) w.h = 0;
        return w;
      }
    }
  }
  if (int ap = AmPm(c.end, &e2); ap >= 0 && (at || !en_ || Lookup(c.end, Cat::kAmPm).len <= 1)) {
    if (c.h < 1 || c.h > 12) return std::nullopt;
    if (ap == 12 && c.h < 12) c.h += 12;
    if (ap == 0 && c.h == 12) c.h = 0;
    c.end = e2;
    return c;
  }
  // "at 3 15": an hour and its minutes after "at"
  if (at && en_ && AllDigits(F(j)) && AllDigits(F(c.end)) && F(c.end).size() == 2 && ToInt(F(c.end)) < 60 &&
      c.h <= 24 && (c.end + 1 >= end_ || tokens_[c.end + 1].kind != TokenKind::kWord || AmPm(c.end + 1, &e2) >= 0)) {
    c.m = ToInt(F(c.end));
    ++c.end;
    if (int ap = AmPm(c.end, &e2); ap >= 0) {
      if (ap == 12 && c.h < 12) c.h += 12;
      c.end = e2;
    }
    return c;
  }
  Hit mark = Lookup(c.end, Cat::kHourMark);
  if (!mark) return std::nullopt;
  const bool digits = AllDigits(F(j));
  const bool short_mark = F(c.end) == "h" || (en_ && F(c.end) != "h");  // "14 h", "3 o'clock"
  c.end += mark.len;
  const uint32_t after_mark = c.end;
  MinutesAfter(&c);
  int ap = AmPm(c.end, &e2);
  if (ap >= 0) {
    if (ap == 12 && c.h < 12) c.h += 12;
    if (ap == 0 && c.h == 12) c.h = 0;
    c.end = e2;
  }
  // "deux heures" alone is a length; a clock time needs "à", minutes, "du soir" or "14 h".
  if (!at && c.end == after_mark && !(digits && short_mark) && !(en_ && short_mark)) return std::nullopt;
  if (c.h > 24 || (c.h == 24 && c.m != 0)) return std::nullopt;
  return c;
}

void Matcher::RuleTime(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  Hit at = Lookup(j, Cat::kAtTime);
  if (at) j += at.len;
  if (at) {
    if (Hit a = Lookup(j, Cat::kApprox)) j += a.len;
  }
  if (j >= end_) return;
  std::optional<Clock> c;
  // "a quarter past 3pm", "20 minutes to noon", "half past three"
  if (en_) {
    uint32_t k = j;
    if (Is(k, "a")) ++k;
    int mins = -1;
    if (Hit mw = Lookup(k, Cat::kMinutes)) {
      mins = mw.ival, k += mw.len;
    } else if (auto n = Number(k); n && n->first > 0 && n->first < 60) {
      mins = n->first, k = n->second;
      if (Hit u = Lookup(k, Cat::kUnit); u && u.entry->sval == "MIN") k += u.len;
    }
    Hit pt = mins > 0 ? Lookup(k, Cat::kPastTo) : Hit{};
    if (pt) {
      std::optional<Clock> base = ParseClock(k + pt.len, true);
      if (!base) {
        if (auto n = Number(k + pt.len); n && n->first >= 1 && n->first <= 12) base = Clock{n->first, 0, n->second};
        if (base) {
          uint32_t e2 = 0;
          if (int ap = AmPm(base->end, &e2); ap >= 0) {
            if (ap == 12 && base->h < 12) base->h += 12;
            base->end = e2;
          }
        }
      }
      if (base && base->m == 0) {
        c = *base;
        if (pt.ival > 0) {
          c->m = mins;
        } else {
          c->h = (c->h + 23) % 24;
          c->m = 60 - mins;
        }
      }
    }
  }
  if (!c) c = ParseClock(j, static_cast<bool>(at));
  if (!c || c->end <= j) return;
  Cand cand;
  cand.e.is_time_of_day = true;
  cand.e.value = "T" + Pad(c->h, 2) + ":" + Pad(c->m, 2);
  Emit(out, at ? i : j, c->end, "time_of_day", std::move(cand));
}

// A part of the day without a day named: "le soir", "dans la matinée", "en fin
// d'après-midi", "in the morning", "tôt le matin". The reference day.

// An ordinal 1..5 before a weekday, week, quarter ("first", "2nd", "troisième"),
// or -1 for "last" / "dernier".
std::optional<std::pair<int, uint32_t>> Matcher::Nth(uint32_t i) const {
  if (Hit h = Lookup(i, Cat::kNth)) return std::make_pair(h.ival, i + h.len);
  if (auto dn = DayNum(i); dn && dn->first >= 1 && dn->first <= 5 && (!AllDigits(F(i)) || dn->second > i + 1)) {
    return dn;
  }
  return std::nullopt;
}

// The period an ordinal picks from: "of October 2014", "du mois prochain",
// "of next month", "of 2018", "de cette année". Past and future readings and
// the precision (month or year).
bool Matcher::PeriodAfter(uint32_t k, Reading* past, Reading* future, Precision* p, uint32_t* end) const {
  if (Hit of = Lookup(k, Cat::kOf)) k += of.len;
  else if (Is(k, "in") || Is(k, "du")) ++k;
  else return false;
  std::optional<Cand> c = Best(k, true);
  if (!c || !c->e.resolved || c->e.is_duration || c->e.is_time_of_day) return false;
  if (c->e.precision != Precision::kMonth && c->e.precision != Precision::kYear) return false;
  if (c->e.value.find('/') != std::string::npos) return false;
  *p = c->e.precision;
  *past = Reading{c->e.from, c->e.to, c->e.value};
  if (c->e.tense_dependent) *future = Reading{c->e.future_from, c->e.future_to, c->e.future_value};
  else *future = *past;
  *end = c->end;
  return true;
}

// "the first Monday of October 2014", "le dernier vendredi du mois", "the last
// week of 2015", "la troisième semaine de 2027", "the last day of October",
// "the 20th of next month". Weeks of a month start on its Mondays; weeks of a
// year are ISO weeks.
void Matcher::RuleNth(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  if (Is(j, "the") || Is(j, "le") || Is(j, "la") || Is(j, "l'")) ++j;
  auto nth = Nth(j);
  int day_of_month = 0;
  if (!nth) {
    // "the 20th of next month": a day number before a relative month
    auto dn = DayNum(j);
    if (!dn) return;
    day_of_month = dn->first;
    nth = dn;
  }
  uint32_t k = nth->second;
  enum { kWeekday, kWeek, kDay } what;
  int wd = 0;
  if (day_of_month == 0) {
    if (Hit w = Lookup(k, Cat::kWeekday); w && !w.entry->abbr) {
      what = kWeekday, wd = w.ival, k += w.len;
    } else if (Is(k, "week") || Is(k, "semaine")) {
      what = kWeek, ++k;
    } else if (Is(k, "day") || Is(k, "jour") || Is(k, "journee")) {
      what = kDay, ++k;
    } else {
      return;
    }
  } else {
    what = kDay;
    if (Is(k, "day") || Is(k, "jour")) ++k;
  }
  Reading past, future;
  Precision p;
  uint32_t end = 0;
  if (!PeriodAfter(k, &past, &future, &p, &end)) return;
  if (day_of_month != 0 && p != Precision::kMonth) return;
  const int n = nth->first;
  auto pick = [&](const Reading& r) -> std::optional<Reading> {
    Date from = r.from, to = r.to;
    if (what == kDay) {
      Date d = day_of_month != 0 ? Date{from.year, from.month, day_of_month} : n > 0 ? from.AddDays(n - 1) : to;
      if (!d.valid() || d > to) return std::nullopt;
      return DayReading(d);
    }
    if (what == kWeekday) {
      Date d = n > 0 ? from.AddDays((wd - from.Weekday() + 7) % 7 + 7 * (n - 1))
                     : to.AddDays(-((to.Weekday() - wd + 7) % 7));
      if (d > to || d < from) return std::nullopt;
      return DayReading(d);
    }
    // weeks
    if (p == Precision::kYear) {
      Date jan4{from.year, 1, 4};
      Date w1 = Monday(jan4);
      Date mon = n > 0 ? w1.AddDays(7 * (n - 1)) : Monday(Date{from.year, 12, 28});
      if (n > 0 && Monday(mon.AddDays(3)).AddDays(3).year != from.year) return std::nullopt;
      return WeekReading(mon);
    }
    // weeks of a month: the whole weeks (Monday to Sunday) inside it
    Date first_monday = from.AddDays((7 - from.Weekday()) % 7);
    Date last_monday = Monday(to).AddDays(6) <= to ? Monday(to) : Monday(to).AddDays(-7);
    Date mon = n > 0 ? first_monday.AddDays(7 * (n - 1)) : last_monday;
    if (mon > to || mon < from) return std::nullopt;
    return WeekReading(mon);
  };
  auto rp = pick(past), rf = pick(future);
  if (!rp || !rf) return;
  Cand c;
  c.e.precision = what == kWeek ? Precision::kWeek : Precision::kDay;
  SetPast(c.e, *rp);
  SetFuture(c.e, *rf);
  c.e.resolved = true;
  c.e.tense_dependent = rp->from != rf->from;
  Emit(out, i, end, what == kWeekday ? "nth_weekday" : what == kWeek ? "nth_week" : "nth_day", std::move(c));
}

// Quarters and halves of a year: "Q3 2016", "the third quarter of 2016",
// "le premier trimestre 2015", "H1 2016", "this quarter", "le trimestre
// prochain". Value "2016-Q3" / "2016-H1".
void Matcher::RuleQuarter(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  if (Is(j, "the") || Is(j, "le") || Is(j, "la") || Is(j, "au") || Is(j, "du")) ++j;
  int n = 0, months = 0, mod = 2;
  uint32_t k = j;
  // a year before: "2016 Q3"
  int year = 0;
  if (auto y = Year(k)) {
    year = y->first, k = y->second;
    if (Is(k, "-") && Adjacent(k - 1) && Adjacent(k)) ++k;  // "2019-q1"
  }
  if ((Is(k, "q") || Is(k, "h")) && Adjacent(k) && F(k + 1).size() == 1 && AllDigits(F(k + 1))) {
    months = Is(k, "q") ? 3 : 6;
    n = ToInt(F(k + 1));
    k += 2;
  } else if (year == 0) {
    if (Hit mb = Lookup(k, Cat::kModBefore)) mod = mb.ival, k += mb.len;
    else if (auto nth = Nth(k)) n = nth->first, k = nth->second;
    Hit q = Lookup(k, Cat::kQuarter);
    if (!q) return;
    months = q.ival;
    k += q.len;
    if (mod == 2 && n == 0) {
      if (Hit ma = Lookup(k, Cat::kModAfter)) mod = ma.ival, k += ma.len;
      else return;
    }
  } else {
    return;
  }
  const int parts = 12 / months;
  if (months == 0 || (mod == 2 && (n < 1 || n > parts) && n != -1)) return;
  if (n == -1) n = parts;
  Cand c;
  c.e.precision = months == 3 ? Precision::kQuarter : Precision::kHalf;
  auto reading = [&](int y, int part) {
    Date from = Date::FirstOfMonth(y, (part - 1) * months + 1);
    Date to = Date::LastOfMonth(y, part * months);
    return Reading{from, to, Pad(y, 4) + "-" + (months == 3 ? "Q" : "H") + std::to_string(part)};
  };
  if (year == 0) {
    uint32_t x = k;
    if (Is(x, ",") || (Is(x, "-") && Adjacent(x - 1) && Adjacent(x))) ++x;
    if (Hit of = Lookup(x, Cat::kOf)) x += of.len;
    else if (Is(x, "in") || Is(x, "en")) ++x;
    if (auto y = Year(x)) {
      year = y->first, k = y->second;
    } else if (Hit ry = Lookup(x, Cat::kRelYear); ry && ref_ && mod == 2) {
      year = ref_->year + ry.ival, k = x + ry.len;
    }
  }
  if (year != 0 && mod == 2) {
    SetBoth(c.e, reading(year, n));
  } else if (ref_) {
    const int cur = (ref_->month - 1) / months + 1;
    if (mod != 2) {
      int idx = ref_->year * parts + (cur - 1) + mod;
      SetBoth(c.e, reading(idx / parts, idx % parts + 1));
    } else {
      Builder b = [&](int y) -> std::optional<Reading> { return reading(y, n); };
      Reading past, future;
      if (ResolveYearly(b, *ref_, *ref_, ref_->year, &past, &future)) {
        SetPast(c.e, past);
        SetFuture(c.e, future);
        c.e.resolved = true;
        c.e.tense_dependent = past.from != future.from;
      }
    }
  }
  Emit(out, Is(i, "au") || Is(i, "du") ? i + 1 : i, k, "quarter", std::move(c));
}

// "the rest of the week", "rest of the month", "le reste de l'année": from the
// reference to the end of its week, month or year.
void Matcher::RuleRest(uint32_t i, std::vector<Cand>* out) const {
  Hit r = Lookup(i, Cat::kRest);
  if (!r) return;
  uint32_t k = i + r.len;
  if (Is(k, "the") || Is(k, "this") || Is(k, "my") || Is(k, "current") || Is(k, "la") || Is(k, "l'") ||
      Is(k, "cette") || Is(k, "ce")) {
    ++k;
  }
  Hit u = Lookup(k, Cat::kUnit);
  if (!u || (u.entry->sval != "W" && u.entry->sval != "M" && u.entry->sval != "Y")) return;
  Cand c;
  const std::string& unit = u.entry->sval;
  c.e.precision = unit == "W" ? Precision::kWeek : unit == "M" ? Precision::kMonth : Precision::kYear;
  if (ref_) {
    Date to = unit == "W" ? Monday(*ref_).AddDays(6)
              : unit == "M" ? Date::LastOfMonth(ref_->year, ref_->month) : Date{ref_->year, 12, 31};
    SetBoth(c.e, Reading{*ref_, to, ref_->ToString() + "/" + to.ToString()});
  }
  Emit(out, i, k + u.len, "rest", std::move(c));
}

// A day of the month alone: "the 27th", "le 15," — the latest such day on or
// before the reference, or the next one.
void Matcher::RuleDayOfMonth(uint32_t i, std::vector<Cand>* out) const {
  if (!(Is(i, "the") || Is(i, "le") || (en_ && Is(i, "on") && !Is(i + 1, "the")))) return;
  auto dn = DayNum(i + 1);
  if (!dn) return;
  uint32_t k = dn->second;
  const bool closed = k >= end_ ||
                      (tokens_[k].kind == TokenKind::kPunct && !Is(k, "/") && !Is(k, "-") &&
                       !((Is(k, ".") || Is(k, ",")) && Adjacent(k) && DigitStart(F(k + 1)))) ||
                      Lookup(k, Cat::kAtTime);
  // "the 27th floor", "le 15 du classement": a day number only where the phrase ends
  if (!closed) return;
  const int d = dn->first;
  Cand c;
  c.e.precision = Precision::kDay;
  if (ref_) {
    std::optional<Date> past, future;
    Date first = Date::FirstOfMonth(ref_->year, ref_->month);
    for (int m = 0; m <= 12 && (!past || !future); ++m) {
      Date b = first.AddMonths(-m), f = first.AddMonths(m);
      Date pb{b.year, b.month, d}, pf{f.year, f.month, d};
      if (!past && pb.valid() && pb <= *ref_) past = pb;
      if (!future && pf.valid() && pf >= *ref_) future = pf;
    }
    if (past && future) {
      SetPast(c.e, DayReading(*past));
      SetFuture(c.e, DayReading(*future));
      c.e.resolved = true;
      c.e.tense_dependent = *past != *future;
    }
  } else {
    c.e.value = "XXXX-XX-" + Pad(d, 2);
  }
  Emit(out, i + 1, k, "day_of_month", std::move(c));
}


// Words that stand for a TIMEX3 reference, a recurrence or a length:
// "l'avenir" (FUTURE_REF), "auparavant" (PAST_REF), "chaque mois" (set P1M),
// "tous les jeudis" (set XXXX-WXX-4), "quinquennat" (P5Y). None of them is a
// date: resolved stays false.
void Matcher::RuleWords(uint32_t i, std::vector<Cand>* out) const {
  if (Hit h = Lookup(i, Cat::kRefWord)) {
    Cand c;
    c.e.value = h.entry->sval;
    Emit(out, i, i + h.len, "ref", std::move(c));
  }
  if (Hit h = Lookup(i, Cat::kSet)) {
    Cand c;
    c.e.is_set = true;
    c.e.value = h.entry->sval;
    Emit(out, i, i + h.len, "set", std::move(c));
  }
  if (Hit h = Lookup(i, Cat::kDurWord)) {
    Cand c;
    c.e.is_duration = true;
    c.e.value = h.entry->sval;
    Emit(out, i, i + h.len, "duration", std::move(c));
  }
  // "chaque jeudi", "tous les jeudis", "every Monday", "on Sundays"
  uint32_t j = i;
  bool each = false;
  if (Is(j, "chaque") || Is(j, "every") || Is(j, "each")) ++j, each = true;
  else if ((Is(j, "tous") || Is(j, "toutes")) && Is(j + 1, "les")) j += 2, each = true;
  if (Hit wd = Lookup(j, Cat::kWeekday); wd && (!wd.entry->abbr || (!F(j).empty() && F(j).back() == 's'))) {
    std::string_view w = F(j);
    const bool plural = !w.empty() && w.back() == 's';  // English "Sundays"
    if (each || (en_ && plural && w != "tues" && w != "thurs")) {
      Cand c;
      c.e.is_set = true;
      c.e.value = "XXXX-WXX-" + std::to_string(wd.ival + 1);
      Emit(out, i, j + wd.len, "set_weekday", std::move(c));
    }
  }
}


// "next week on Friday", "this week Friday", "la semaine prochaine, mardi":
// the weekday of the week named before it.
void Matcher::RuleWeekThenDay(uint32_t i, std::vector<Cand>* out) const {
  Hit week = Lookup(i, Cat::kRelWeek);
  if (!week) return;
  uint32_t k = i + week.len;
  if (Is(k, "on") || Is(k, "le") || Is(k, ",")) ++k;
  Hit wd = Lookup(k, Cat::kWeekday);
  if (!wd || (wd.entry->abbr && !en_)) return;
  Cand c;
  c.e.precision = Precision::kDay;
  if (ref_) SetBoth(c.e, DayReading(Monday(ref_->AddDays(7 * week.ival)).AddDays(wd.ival)));
  uint32_t end = k + wd.len;
  if (wd.entry->abbr && Is(end, ".")) ++end;
  Emit(out, i, end, "weekday_of_week", std::move(c));
}

// "week 31", "semaine 10": an ISO week of the reference's year, or of the
// year named after it ("week 3 of 2027").
void Matcher::RuleWeekNumber(uint32_t i, std::vector<Cand>* out) const {
  if (!(Is(i, "week") || Is(i, "semaine") || Is(i, "wk"))) return;
  if (!AllDigits(F(i + 1)) || F(i + 1).size() > 2) return;
  const int n = ToInt(F(i + 1));
  if (n < 1 || n > 53) return;
  uint32_t end = i + 2;
  int year = ref_ ? ref_->year : 0;
  uint32_t k = end;
  if (Hit of = Lookup(k, Cat::kOf)) k += of.len;
  else if (Is(k, "in") || Is(k, "en") || Is(k, ",")) ++k;
  if (auto y = Year(k)) year = y->first, end = y->second;
  if (year == 0) return;
  Date mon = Monday(Date{year, 1, 4}).AddDays(7 * (n - 1));
  if (Monday(mon.AddDays(3)).AddDays(3).year != year && n == 53) return;  // no week 53 that year
  Cand c;
  c.e.precision = Precision::kWeek;
  SetBoth(c.e, WeekReading(mon));
  Emit(out, i, end, "week_number", std::move(c));
}

// A Roman numeral (I..XXI), for centuries: "XIXe siècle".
int Roman(std::string_view w) {
  int total = 0, prev = 0;
  for (size_t k = w.size(); k > 0; --k) {
    int v = 0;
    switch (w[k - 1]) {
      case 'i': v = 1; break;
      case 'v': v = 5; break;
      case 'x': v = 10; break;
      default: return 0;
    }
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

// "the 15th century", "le XIXe siècle", "au 20e siècle": value "18" for the
// 19th century, 1800-1899.
void Matcher::RuleCentury(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  if (Is(j, "the") || Is(j, "le") || Is(j, "au") || Is(j, "du")) ++j;
  int n = 0;
  uint32_t k = j;
  if (auto dn = DayNum(j); dn && dn->second > j + (AllDigits(F(j)) ? 1u : 0u)) {
    n = dn->first, k = dn->second;
  } else if (std::string_view w = F(j); w.size() >= 2 && (w.back() == 'e' || w.substr(w.size() - 2) == "em")) {
    // "xixe", "xixeme" (folded, lower case)
    std::string_view base = w.substr(0, w.find_first_not_of("ivx"));
    if (!base.empty() && (w.substr(base.size()) == "e" || w.substr(base.size()) == "eme")) n = Roman(base), k = j + 1;
  } else if (Roman(w) > 0 && Is(j + 1, "e") && Adjacent(j)) {
    n = Roman(w), k = j + 2;
  }
  if (n < 1 || n > 30) return;
  Hit c = Lookup(k, Cat::kCentury);
  if (!c) return;
  Cand cand;
  cand.e.precision = Precision::kCentury;
  const int first = (n - 1) * 100;
  if (first >= 1) SetBoth(cand.e, Reading{Date{first, 1, 1}, Date{first + 99, 12, 31}, Pad(n - 1, 2)});
  else cand.e.value = Pad(n - 1, 2);
  Emit(out, Is(i, "au") || Is(i, "du") ? i + 1 : i, k + c.len, "century", std::move(cand));
}


// "by the end of the month", "d'ici la fin de l'année", "until the end of next
// week": from the reference to the end of the period.
void Matcher::RuleByEnd(uint32_t i, std::vector<Cand>* out) const {
  uint32_t k = i;
  if (Is(k, "by") || Is(k, "until") || Is(k, "till")) ++k;
  else if (Is(k, "d'") && Is(k + 1, "ici")) k += 2;
  else if (Is(k, "jusqu'") && (Is(k + 1, "a") || Is(k + 1, "au"))) k += 2;
  else return;
  std::optional<Cand> p = Best(k, true);
  if (!p || !p->e.resolved || p->e.rule.size() < 4 || p->e.rule.compare(p->e.rule.size() - 4, 4, "_end") != 0) return;
  if (!ref_ || p->e.to < *ref_) return;
  Cand c;
  c.e.precision = Precision::kDay;
  SetBoth(c.e, Reading{*ref_, p->e.to, ref_->ToString() + "/" + p->e.to.ToString()});
  TimeExpr inner = p->e;  // the period itself ("la fin de l'année") as an expression of its own
  inner.ends.clear();
  inner.tok_begin = p->start;
  inner.tok_end = p->end;
  c.e.ends.push_back(std::move(inner));
  Emit(out, i, p->end, "by_end", std::move(c));
}

// The last or next N whole units before or after the reference's: "the last
// two weeks", "next 3 days", "les trois derniers mois", "ces derniers jours"
// (a vague count: "few", "quelques", "plusieurs" count as three; its value is
// the range all the same).
void Matcher::RuleLastN(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  if (Is(j, "the") || Is(j, "les") || Is(j, "ces") || Is(j, "des") || Is(j, "within")) ++j;
  int mod = 0;
  if (en_) {
    Hit mb = Lookup(j, Cat::kModBefore);
    if (!mb || mb.ival == 0) return;
    mod = mb.ival, j += mb.len;
  }
  int n = 0;
  bool vague = false;
  if (Hit v = Lookup(j, Cat::kVague)) {
    n = v.ival, j += v.len, vague = true;
  } else if (auto num = Number(j); num && num->first > 0 && num->first < 1000) {
    n = num->first, j = num->second;
  }
  Hit u;
  uint32_t k = 0;
  if (!en_) {
    if (Hit ma = Lookup(j, Cat::kModAfter)) {
      mod = ma.ival, j += ma.len;
      if (n == 0 && (Is(i, "ces") || Is(i, "les"))) n = 3, vague = true;  // "ces derniers jours"
      u = Lookup(j, Cat::kUnit);
      k = j + u.len;
      if (u && Lookup(k, Cat::kModAfter)) return;
    } else {
      // "2 semaines passées", "3 mois suivants": the plural modifier after the unit
      u = Lookup(j, Cat::kUnit);
      if (!u || n < 2) return;
      Hit after = Lookup(j + u.len, Cat::kModAfter);
      std::string_view w = F(j + u.len);
      if (!after || w.empty() || (w.back() != 's' && w != "suivant")) return;
      mod = after.ival;
      k = j + u.len + after.len;
    }
  } else {
    u = Lookup(j, Cat::kUnit);
    k = j + u.len;
  }
  if (!u || n == 0) return;
  const std::string unit = u.entry->sval;
  Cand c;
  c.e.precision = unit == "Y" ? Precision::kYear : unit == "M" ? Precision::kMonth
                  : unit == "W" ? Precision::kWeek : Precision::kDay;
  if (ref_) {
    Date from, to;
    const Date r = *ref_;
    if (unit == "D") {
      from = mod < 0 ? r.AddDays(-n) : r.AddDays(1);
      to = mod < 0 ? r.AddDays(-1) : r.AddDays(n);
    } else if (unit == "W") {
      Date mon = Monday(r);
      from = mod < 0 ? mon.AddDays(-7 * n) : mon.AddDays(7);
      to = mod < 0 ? mon.AddDays(-1) : mon.AddDays(7 * n + 6);
    } else if (unit == "M") {
      Date first = Date::FirstOfMonth(r.year, r.month);
      from = mod < 0 ? first.AddMonths(-n) : first.AddMonths(1);
      to = mod < 0 ? first.AddDays(-1) : first.AddMonths(n + 1).AddDays(-1);
    } else if (unit == "Y") {
      if (r.year - n < 2 || r.year + n > 9998) return;
      from = mod < 0 ? Date{r.year - n, 1, 1} : Date{r.year + 1, 1, 1};
      to = mod < 0 ? Date{r.year - 1, 12, 31} : Date{r.year + n, 12, 31};
    } else {
      from = to = r;  // hours and minutes: the reference day
    }
    if (!from.valid() || !to.valid()) return;
    SetBoth(c.e, Reading{from, to, from.ToString() + "/" + to.ToString()});
  }
  if (vague) {
    // "les prochains mois", "the past few days": no count to place on the calendar
    c.e = TimeExpr{};
    c.e.precision = Precision::kDay;
    c.e.value = "PX" + (unit == "MIN" || unit == "H" ? "T" + std::string(unit == "H" ? "H" : "M") : unit);
  }
  Emit(out, i, k, mod < 0 ? "last_n" : "next_n", std::move(c));
}

// A holiday: "Christmas 2013", "next Thanksgiving", "Pâques", "la Pentecôte".
void Matcher::RuleHoliday(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  int mod = 2;
  if (Hit mb = Lookup(j, Cat::kModBefore)) mod = mb.ival, j += mb.len;
  else if (Is(j, "la") || Is(j, "le") || Is(j, "l'") || Is(j, "the") || Is(j, "cette")) ++j;
  Hit h = Lookup(j, Cat::kHoliday);
  if (!h) return;
  const std::string code = h.entry->sval;
  uint32_t k = j + h.len;
  if (mod == 2) {
    if (Hit ma = Lookup(k, Cat::kModAfter)) mod = ma.ival, k += ma.len;
  }
  Cand c;
  c.e.precision = Precision::kDay;
  auto build = [&](int y) -> std::optional<Reading> {
    auto d = HolidayIn(code, y);
    if (!d) return std::nullopt;
    return DayReading(*d);
  };
  uint32_t y_at = k;
  if (Is(y_at, ",") || Is(y_at, "of") || Is(y_at, "in") || Is(y_at, "en") || Is(y_at, "de")) ++y_at;
  if (auto y = Year(y_at)) {
    auto r = build(y->first);
    if (!r) return;
    SetBoth(c.e, *r);
    Emit(out, i, y->second, "holiday_year", std::move(c));
    return;
  }
  if (ref_) {
    if (mod == -1 || mod == 1) {
      for (int y = ref_->year - mod; y != ref_->year + 3 * mod; y += mod) {
        auto r = build(y);
        if (r && (mod < 0 ? r->from < *ref_ : r->from > *ref_)) {
          SetBoth(c.e, *r);
          break;
        }
      }
    } else {
      Reading past, future;
      if (ResolveYearly(build, *ref_, *ref_, ref_->year, &past, &future)) {
        SetPast(c.e, past);
        SetFuture(c.e, future);
        c.e.resolved = true;
        c.e.tense_dependent = true;
      }
    }
  }
  Emit(out, i, k, mod == -1 ? "holiday_last" : mod == 1 ? "holiday_next" : "holiday", std::move(c));
}

void Matcher::RuleDayPart(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  bool licensed = false;
  if (Hit part = Lookup(j, Cat::kPeriodPart)) {
    j += part.len, licensed = true;
    if (Hit of = Lookup(j, Cat::kOf)) j += of.len;
  }
  static constexpr std::string_view kLead[] = {"dans", "pendant", "durant", "in", "during", "en", "au", "for",
                                               "apres", "avant", "after", "before", "a", "at"};
  for (std::string_view w : kLead) {
    if (Is(j, w)) {
      ++j, licensed = true;
      break;
    }
  }
  if (Is(j, "la") || Is(j, "le") || Is(j, "l'") || Is(j, "the")) ++j, licensed = true;
  // "dernière nuit", "prochaine soirée", "la nuit dernière": the day before or after the reference
  int shift = 0;
  if (Hit ma = Lookup(j, Cat::kModAfter); ma && ma.ival != 0 && !en_) shift = ma.ival, j += ma.len, licensed = true;
  Hit dp = Lookup(j, Cat::kDayPart);
  if (!dp) return;
  if (shift == 0 && !en_) {
    if (Hit ma = Lookup(j + dp.len, Cat::kModAfter); ma && ma.ival != 0) shift = ma.ival;
  }
  if (shift != 0) {
    Cand c;
    c.e.precision = Precision::kDay;
    if (ref_) {
      const Date d = ref_->AddDays(shift);
      SetBoth(c.e, Reading{d, d, d.ToString() + "T" + dp.entry->sval});
    }
    uint32_t k = j + dp.len;
    if (Hit ma = Lookup(k, Cat::kModAfter)) k += ma.len;
    Emit(out, i, k, "day_part_rel", std::move(c));
    return;
  }
  uint32_t k = j + dp.len;
  if (Hit part = Lookup(k, Cat::kPeriodPart); part && (Is(k, "tot") || Is(k, "early"))) k += part.len;
  // a bare "morning" only when it is all the text
  if (!licensed && !(i == begin_ && k == end_)) return;
  Cand c;
  c.e.precision = Precision::kDay;
  c.part = dp.entry->sval;
  c.part_alone = true;
  if (ref_) {
    SetBoth(c.e, DayReading(*ref_));
    c.e.value += "T" + dp.entry->sval;
    c.e.future_value = c.e.value;
    if (c.part == "EV" || c.part == "NI") {
      // "dans la nuit" told in the past is, in a paper of the morning, last night
      SetPast(c.e, Reading{ref_->AddDays(-1), ref_->AddDays(-1), ref_->AddDays(-1).ToString() + "T" + c.part});
      c.e.tense_dependent = true;
    }
  } else {
    c.e.value = "T" + dp.entry->sval;
  }
  Emit(out, i, k, "day_part", std::move(c));
}

void Matcher::RuleSince(uint32_t i, std::vector<Cand>* out) const {
  Hit since = Lookup(i, Cat::kSince);
  if (!since) return;
  uint32_t j = i + since.len;
  if (Is(j, "le") || Is(j, "the")) ++j;
  auto inner = Best(j, true);
  if (!inner || inner->e.is_duration || inner->e.is_time_of_day) return;
  Cand c;
  c.e.precision = inner->e.precision;
  c.e.value = inner->e.value;
  if (ref_ && inner->e.resolved && inner->e.from <= *ref_) {
    // The value names the start (as TimeML does for "depuis 1998"); from/to
    // run from it to the reference.
    SetBoth(c.e, Reading{inner->e.from, *ref_, inner->e.value});
  }
  Emit(out, i, inner->end, "since", std::move(c));
}

void Matcher::RuleRange(uint32_t i, std::vector<Cand>* out) const {
  // Without a "from" word only a tight "X-Y" ("3-5 mars", "1982-1990").
  Hit from = Lookup(i, Cat::kRangeFrom);
  const bool tight = !from;
  uint32_t j = i + from.len;
  if (Is(j, "le") || Is(j, "the")) ++j;
  // The first end: a full expression, or a bare day number ("du 16 au 18 février").
  std::optional<Cand> x = Best(j, true);
  uint32_t after_x;
  int bare_day = 0;
  if (x && x->e.rule == prefix_ + "weekday_day" && x->d != 0) {
    bare_day = x->d;  // "du samedi 13 au dimanche 15 juillet": the day takes the second end's month
    after_x = x->end;
    x.reset();
  } else if (x && !x->e.is_duration && !x->e.is_time_of_day) {
    after_x = x->end;
  } else if (auto dn = DayNum(j)) {
    bare_day = dn->first;
    after_x = dn->second;
    x.reset();
  } else {
    return;
  }
  Hit to = Lookup(after_x, Cat::kRangeTo);
  if (!to) return;
  // Without a "from" word: a tight "3-5", or a day number before "au" / "jusqu'au" / " - " and a date
  // ("13 jusqu'au 15 juillet", "14 - 20 sept. 2014").
  const bool day_to_date = bare_day != 0 && (Is(after_x, "-") || Is(after_x, "au") ||
                                             (Is(after_x, "jusqu'") && Is(after_x + 1, "au")));
  // two full dates around a spaced dash: "12 janvier 2016 - 22/01/2016"
  const bool dates_dash = x && x->kind == 'D' && x->y != 0 && Is(after_x, "-");
  if (tight && !day_to_date && !dates_dash &&
      (!Is(after_x, "-") || tokens_[after_x].begin != tokens_[after_x - 1].end || !Adjacent(after_x))) {
    return;
  }
  uint32_t k = after_x + to.len;
  if (Is(k, "le") || Is(k, "the")) ++k;
  std::optional<Cand> y = Best(k, true);
  uint32_t end = 0;
  if (!y || y->e.is_duration || y->e.is_time_of_day) {
    auto dn = DayNum(k);
    if (!dn) return;
    if (!x && bare_day) {
      // "from 4 to 22 this month", "du 4 au 23 du mois prochain": both days in the month named after
      uint32_t m = dn->second;
      if (Hit of = Lookup(m, Cat::kOf)) m += of.len;
      else if (Is(m, "in")) ++m;
      std::optional<Cand> per = Best(m, true);
      if (!per || !per->e.resolved || per->e.precision != Precision::kMonth ||
          per->e.value.find('/') != std::string::npos) {
        return;
      }
      auto days = [&](Date month_from) -> std::optional<Reading> {
        Date a{month_from.year, month_from.month, bare_day}, b{month_from.year, month_from.month, dn->first};
        if (!a.valid() || !b.valid() || b < a) return std::nullopt;
        return Reading{a, b, a.ToString() + "/" + b.ToString()};
      };
      auto past = days(per->e.from), future = days(per->e.future_from);
      if (!past || !future) return;
      Cand c;
      c.e.precision = Precision::kDay;
      SetPast(c.e, *past);
      SetFuture(c.e, *future);
      c.e.resolved = true;
      c.e.tense_dependent = per->e.tense_dependent;
      Emit(out, i, per->end, "range", std::move(c));
      return;
    }
    // "from March 3 to 5": the second end borrows the first's month and year.
    if (!x || x->kind != 'D') return;
    Cand yc;
    yc.kind = 'D', yc.y = x->y, yc.m = x->m, yc.d = dn->first;
    yc.start = k;
    yc.end = dn->second;
    end = dn->second;
    if (Is(end, ",") && Year(end + 1)) ++end;
    if (auto yy = Year(end)) yc.y = yy->first, end = yy->second;
    y = yc;
    if (yc.y != 0) x->y = yc.y;
  } else {
    end = y->end;
  }
  if (bare_day) {
    if (y->kind != 'D') return;
    Cand xc;
    xc.kind = 'D', xc.y = y->y, xc.m = y->m, xc.d = bare_day;
    xc.start = j;
    xc.end = after_x;
    x = xc;
  }
  if (!x) return;
  if (tight && x->kind == 'Y' && (y->kind != 'Y' || x->y >= y->y || x->y < 1900 || y->y > 2100)) return;
  if (tight && x->kind != 'Y' && x->kind != 'D') return;
  Cand c;
  c.e.precision = y->e.precision;
  // Both ends explicit parts of the same kind: resolve them together.
  if (x->kind != 0 && x->kind == y->kind && (x->kind == 'D' || x->kind == 'M')) {
    int yy = y->y != 0 ? y->y : x->y;
    auto build = [&](int year) -> std::optional<Reading> {
      Date a = x->kind == 'D' ? Date{year, x->m, x->d} : Date::FirstOfMonth(year, x->m);
      Date b = y->kind == 'D' ? Date{year, y->m, y->d} : Date::LastOfMonth(year, y->m);
      if (!a.valid() || !b.valid()) return std::nullopt;
      if (b < a) {
        a = x->kind == 'D' ? Date{year - 1, x->m, x->d} : Date::FirstOfMonth(year - 1, x->m);
        if (!a.valid()) return std::nullopt;
      }
      return Reading{a, b, a.ToString() + "/" + b.ToString()};
    };
    c.e.precision = x->kind == 'D' ? Precision::kDay : Precision::kMonth;
    if (yy != 0) {
      if (auto r = build(yy)) SetBoth(c.e, *r);
      else return;
    } else {
      c.e.tense_dependent = true;
      Reading past, future;
      if (ref_ && ResolveYearly(build, *ref_, *ref_, ref_->year, &past, &future)) {
        SetPast(c.e, past);
        SetFuture(c.e, future);
        c.e.resolved = true;
      }
    }
    AddEnds(&c.e, *x, *y, x->kind == 'D' ? Precision::kDay : Precision::kMonth);
    Emit(out, i, end, "range", std::move(c));
    return;
  }
  // Otherwise: from the first's start to the second's end, each resolved alone.
  if (x->e.resolved && y->e.resolved && x->e.from <= y->e.to) {
    SetPast(c.e, Reading{x->e.from, y->e.to, x->e.from.ToString() + "/" + y->e.to.ToString()});
    Date ff = x->e.future_from, ft = y->e.future_to;
    if (ft < ff) ft = y->e.to;
    SetFuture(c.e, Reading{ff, ft, ff.ToString() + "/" + ft.ToString()});
    c.e.tense_dependent = x->e.tense_dependent || y->e.tense_dependent;
    c.e.resolved = true;
  } else if (x->e.resolved && y->e.resolved) {
    return;
  }
  AddEnds(&c.e, *x, *y, Precision::kYear);
  Emit(out, i, end, "range", std::move(c));
}

// The two ends of a range as expressions of their own, each with the range's
// year: "du 16 au 18 février" → "16" (2025-02-16) and "18 février".
// `joint`: kDay or kMonth when both ends were resolved together, else the
// ends keep their own readings.
void Matcher::AddEnds(TimeExpr* range, const Cand& x, const Cand& y, Precision joint) const {
  for (int k = 0; k < 2; ++k) {
    const Cand& c = k == 0 ? x : y;
    if (c.end <= c.start) continue;
    TimeExpr e = c.e;
    e.ends.clear();
    e.tok_begin = c.start;
    e.tok_end = c.end;
    e.rule = range->rule.empty() ? prefix_ + "range_end" : range->rule;
    if (joint != Precision::kYear && range->resolved) {
      auto one = [&](Date from, Date to) {
        Date d = k == 0 ? from : to;
        return joint == Precision::kDay ? DayReading(d) : MonthReading(d.year, d.month);
      };
      e.precision = joint;
      SetPast(e, one(range->from, range->to));
      SetFuture(e, one(range->future_from, range->future_to));
      e.resolved = true;
      e.tense_dependent = range->tense_dependent;
    }
    range->ends.push_back(std::move(e));
  }
}

void Matcher::RulesAt(uint32_t i, bool inner, std::vector<Cand>* out) const {
  RuleDate(i, out);
  RuleWeekday(i, out);
  RuleRelative(i, out);
  RuleMonthYear(i, inner, out);
  RulePart(i, out);
  RuleSeason(i, out);
  RuleDecade(i, out);
  RuleOffset(i, out);
  RuleTime(i, out);
  RuleDayPart(i, out);
  RuleHoliday(i, out);
  RuleLastN(i, out);
  RuleWords(i, out);
  RuleWeekThenDay(i, out);
  RuleWeekNumber(i, out);
  RuleCentury(i, out);
  RuleQuarter(i, out);
  RuleRest(i, out);
  RuleDayOfMonth(i, out);
  if (!inner) {
    RuleNth(i, out);
    RuleByEnd(i, out);
    RuleSince(i, out);
    RuleRange(i, out);
  }
}

std::optional<Cand> Matcher::Best(uint32_t i, bool inner) const {
  if (i < begin_ || i >= end_) return std::nullopt;
  // Rules look at the expression inside (ranges, "since", ordinals) at the
  // same places again and again: inner results are computed once per token.
  if (inner && inner_memo_[i - begin_] != 0) {
    if (inner_memo_[i - begin_] == 1) return std::nullopt;
    return inner_cands_[i - begin_];
  }
  if (!Starts(i)) {
    if (inner) inner_memo_[i - begin_] = 1;
    return std::nullopt;
  }
  std::vector<Cand> cands;
  RulesAt(i, inner, &cands);
  std::optional<Cand> best;
  for (Cand& c : cands) {
    if (c.end <= c.start) continue;
    // Longest match: the furthest end, then the earliest start.
    if (!best || c.end > best->end || (c.end == best->end && c.start < best->start)) best = std::move(c);
  }
  if (inner) {
    inner_memo_[i - begin_] = best ? 2 : 1;
    if (best) inner_cands_[i - begin_] = *best;
  }
  return best;
}

std::vector<TimeExpr> Matcher::Run() {
  std::vector<TimeExpr> out;
  struct Parts {
    char kind;
    int y, m, d;
  };
  std::vector<Parts> parts;  // the explicit parts of each expression of `out` (Cand::kind, y, m, d)
  for (uint32_t i = begin_; i < end_;) {
    // an expression starts with a number or a word of the tables: skip the rules elsewhere
    if (!Starts(i)) {
      ++i;
      continue;
    }
    std::optional<Cand> best = Best(i, false);
    if (!best) {
      ++i;
      continue;
    }
    TimeExpr e = std::move(best->e);
    e.tok_begin = best->start;
    e.tok_end = best->end;
    e.begin = tokens_[best->start].begin;
    e.end = tokens_[best->end - 1].end;
    for (TimeExpr& x : e.ends) {
      x.begin = tokens_[x.tok_begin].begin;
      x.end = tokens_[x.tok_end - 1].end;
      x.text = std::string(text_.substr(x.begin, x.end - x.begin));
      if (!x.tense_dependent && x.resolved) {
        x.future_from = x.from, x.future_to = x.to, x.future_value = x.value;
      }
    }
    if (e.resolved && (!e.from.valid() || !e.to.valid() ||
                       (e.tense_dependent && (!e.future_from.valid() || !e.future_to.valid())))) {
      e.resolved = false;  // cannot happen for sane input; never hand out invalid dates
      e.from = e.to = e.future_from = e.future_to = Date{};
    }
    if (!e.tense_dependent && e.resolved) {
      e.future_from = e.from;
      e.future_to = e.to;
      e.future_value = e.value;
    }
    // "lundi dans l'après-midi", "lundi, en fin d'après-midi": a part of the day after a day
    if (best->part_alone && !out.empty() && JoinsTime(out.back()) && out.back().value.find('T') == std::string::npos &&
        (e.tok_begin == out.back().tok_end || (e.tok_begin == out.back().tok_end + 1 && Is(out.back().tok_end, ",")))) {
      TimeExpr& prev = out.back();
      prev.value += "T" + best->part;
      if (!prev.future_value.empty()) prev.future_value += "T" + best->part;
      prev.tok_end = e.tok_end;
      prev.end = e.end;
      prev.text = std::string(text_.substr(prev.begin, prev.end - prev.begin));
      prev.rule += "+day_part";
      i = best->end;
      continue;
    }
    // "jeudi soir": the part of the day joins the value ("2023-01-19TEV")
    if (!best->part.empty() && !best->part_alone && JoinsTime(e) && e.value.find('T') == std::string::npos) {
      e.value += "T" + best->part;
      if (!e.future_value.empty()) e.future_value += "T" + best->part;
    }
    i = best->end;
    // A time of day right after a day ("jeudi à 14h30", "hier soir vers 22 h", "March 3, 3pm").
    if (e.is_time_of_day && !out.empty() && JoinsTime(out.back())) {
      TimeExpr& prev = out.back();
      uint32_t gap = e.tok_begin - prev.tok_end;
      if (gap == 0 || (gap == 1 && (Is(prev.tok_end, ",") || Is(prev.tok_end, "-") || Is(prev.tok_end, "le")))) {
        prev.tok_end = e.tok_end;
        prev.end = e.end;
        JoinTime(&prev.value, e.value);
        if (!prev.future_value.empty()) JoinTime(&prev.future_value, e.value);
        prev.rule += "+time";
        prev.text = std::string(text_.substr(prev.begin, prev.end - prev.begin));
        continue;
      }
    }
    // A day right after a time of day ("à 16 h le 1er novembre", "3pm tomorrow", "9am on Tuesday").
    if (JoinsTime(e) && !out.empty() && out.back().is_time_of_day && !out.back().resolved) {
      const TimeExpr& prev = out.back();
      uint32_t gap = e.tok_begin - prev.tok_end;
      bool ok = gap <= 2;
      for (uint32_t k = prev.tok_end; k < e.tok_begin && ok; ++k) {
        ok = Is(k, ",") || Is(k, "le") || Is(k, "on") || Is(k, "ce") || Is(k, "the") || Is(k, "du");
      }
      if (ok) {
        JoinTime(&e.value, prev.value);
        if (!e.future_value.empty()) JoinTime(&e.future_value, prev.value);
        e.tok_begin = prev.tok_begin;
        e.begin = prev.begin;
        e.rule += "+time";
        out.pop_back();
        parts.pop_back();
      }
    }
    e.text = std::string(text_.substr(e.begin, e.end - e.begin));
    out.push_back(std::move(e));
    parts.push_back(Parts{best->kind, best->y, best->m, best->d});
  }
  // A day or month without a year takes the year of the last explicit date
  // before it in the sentence ("deux ruptures en 97 (en janvier..., en
  // octobre...)", "Le 3 mars 2021, ... le 5 avril").
  int year_ctx = 0;
  for (size_t k = 0; k < out.size(); ++k) {
    TimeExpr& e = out[k];
    const Parts& p = parts[k];
    if ((p.kind == 'Y' || p.kind == 'D' || p.kind == 'M') && p.y != 0) {
      year_ctx = p.y;
      continue;
    }
    if (e.resolved && !e.tense_dependent && e.precision == Precision::kYear && e.from.year == e.to.year &&
        e.value.find('/') == std::string::npos) {
      year_ctx = e.from.year;  // "cette année", "l'an dernier"
      continue;
    }
    if (year_ctx == 0 || p.y != 0 || !e.tense_dependent || (p.kind != 'D' && p.kind != 'M')) continue;
    const size_t t = e.value.find('T');
    const std::string time = t == std::string::npos ? "" : e.value.substr(t);
    if (p.kind == 'D') {
      Date d{year_ctx, p.m, p.d};
      if (!d.valid()) continue;
      SetBoth(e, DayReading(d));
    } else {
      SetBoth(e, MonthReading(year_ctx, p.m));
    }
    e.value += time;
    e.future_value = e.value;
    e.tense_dependent = false;
  }
  // A time of day with no day of its own falls on the last day named before
  // it in the sentence ("jeudi 16 septembre, à 18 h et à 19 h 30"), else on
  // the reference day.
  const TimeExpr* day = nullptr;
  const std::string part_rule = prefix_ + "day_part";
  for (TimeExpr& e : out) {
    if (e.rule == part_rule && day != nullptr && e.value.size() > 3) {
      // a part of the day without a day: the day named before it ("Le 24 mars, ... la soirée et la nuit")
      const std::string code = e.value.substr(e.value.find('T'));
      e.from = day->from, e.to = day->to, e.future_from = day->future_from, e.future_to = day->future_to;
      e.value = day->from.ToString() + code;
      e.future_value = day->future_from.ToString() + code;
      e.tense_dependent = day->tense_dependent;
      e.resolved = true;
      continue;
    }
    if (!e.is_time_of_day) {
      // a day, with or without a time of its own ("jeudi 16 septembre, à 18 h")
      if (e.resolved && !e.is_duration && !e.is_set && e.precision == Precision::kDay && e.from == e.to &&
          !e.value.empty() && e.value[0] != 'P' && e.value.find('/') == std::string::npos) {
        day = &e;
      }
      continue;
    }
    if (e.resolved) continue;
    if (day != nullptr) {
      auto base = [](const std::string& value, Date d) {
        const size_t t = value.find('T');
        const bool part = t != std::string::npos && t + 1 < value.size() && value[t + 1] >= 'A' && value[t + 1] <= 'Z';
        return d.ToString() + (part ? value.substr(t) : std::string());
      };
      const std::string v = e.value;
      e.from = day->from, e.to = day->to, e.future_from = day->future_from, e.future_to = day->future_to;
      e.value = base(day->value, day->from);
      e.future_value = base(day->future_value.empty() ? day->value : day->future_value, day->future_from);
      JoinTime(&e.value, v);
      JoinTime(&e.future_value, v);
      e.tense_dependent = day->tense_dependent;
      e.resolved = true;
    } else if (ref_) {
      const Reading r = DayReading(*ref_);
      SetBoth(e, Reading{r.from, r.to, r.value + e.value});
    }
  }
  return out;
}

}  // namespace

std::vector<TimeExpr> TimeTagger::Tag(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                                      uint32_t end, std::optional<Date> reference, std::string_view lang) const {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  if (begin >= end) return {};
  // "fr", "fr-FR", "en", "en_GB"...; other languages have no tables.
  std::string_view base = lang.substr(0, 2);
  auto it = impl_->langs.find(base);
  if (it == impl_->langs.end()) return {};
  if (reference && !reference->valid()) reference.reset();
  // Fast reject: no number and no time word, no expression (no allocation).
  bool any = false;
  for (uint32_t i = begin; i < end && !any; ++i) {
    const Token& t = tokens[i];
    std::string_view w = t.fold.empty() ? std::string_view(t.norm) : std::string_view(t.fold);
    any = Strong(it->second, w);
  }
  if (!any) return {};
  Matcher m(text, tokens, begin, end, reference, it->second, base);
  return m.Run();
}

namespace {
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool LooksInfinitive(std::string_view w) {
  return w.size() > 3 && (EndsWith(w, "er") || EndsWith(w, "ir") || EndsWith(w, "re"));
}
}  // namespace

bool SentenceIsFuture(std::string_view /*text*/, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                      std::string_view lang) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  for (uint32_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    std::string_view w = t.fold;
    const std::string_view next = i + 1 < end ? std::string_view(tokens[i + 1].fold) : std::string_view();
    if (lang == "en") {
      if (w == "will" || w == "shall" || w == "'ll" || w == "upcoming" || w == "tomorrow" || w == "next") return true;
      if (w == "going" && next == "to") return true;
      continue;
    }
    if (w == "prochain" || w == "prochaine" || w == "prochains" || w == "prochaines" || w == "demain" ||
        w == "bientot") {
      return true;
    }
    if ((w == "va" || w == "vont" || w == "doit" || w == "doivent" || w == "devrait" || w == "devraient") &&
        LooksInfinitive(next)) {
      return true;
    }
    // Future and conditional endings on a lower-case word of six letters or more
    // ("rencontrera", "signeront", "tiendrait"); shorter words ending so are
    // mostly not verbs ("extra", "aura" is kept by its own length).
    if (!t.capitalized && w.size() >= 5 &&
        (EndsWith(w, "era") || EndsWith(w, "ira") || EndsWith(w, "dra") || EndsWith(w, "ront") ||
         EndsWith(w, "rons") || EndsWith(w, "rez") || EndsWith(w, "rait") || EndsWith(w, "raient") ||
         w == "aura" || w == "sera" || w == "fera" || w == "ira")) {
      return true;
    }
  }
  return false;
}

}  // namespace entente

namespace entente {
namespace {

bool EndsWithAny(std::string_view w, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view s : suffixes) {
    if (w.size() > s.size() + 2 && w.substr(w.size() - s.size()) == s) return true;
  }
  return false;
}

// The participle of a verb whose compound past takes "être" ("arrivé",
// "parties", "morts"): the table's tense_past value 4, any gender and number.
bool EtreParticiple(const Lexicon& lex, std::string_view w) {
  std::string base(w);
  if (!base.empty() && base.back() == 's') base.pop_back();
  for (int k = 0; k < 2; ++k) {
    auto it = lex.by_first.find(base);
    if (it != lex.by_first.end()) {
      for (uint32_t idx : it->second) {
        const Entry& e = lex.entries[idx];
        if (e.cat == Cat::kTensePast && e.ival == 4 && e.toks.size() == 1) return true;
      }
    }
    if (base.empty() || base.back() != 'e') break;
    base.pop_back();  // "arrivee" → "arrive"
  }
  return false;
}

// A word that reads as an infinitive (after "va", "doit", "peut") or a past
// participle (after "est", "sont"), clitics skipped.
uint32_t SkipClitics(const std::vector<Token>& tokens, uint32_t k, uint32_t end) {
  static constexpr std::string_view kClitics[] = {"se", "s'", "y", "en", "le", "la", "les", "l'", "lui", "leur",
                                                 "me", "m'", "te", "t'", "nous", "vous", "ne", "n'", "pas",
                                                 "plus", "jamais", "bien", "deja", "encore", "aussi", "donc"};
  while (k < end) {
    bool clitic = false;
    for (std::string_view c : kClitics) clitic = clitic || tokens[k].fold == c;
    if (!clitic) break;
    ++k;
  }
  return k;
}

}  // namespace

// Cues, nearest first: a word of the tables (tense_past, tense_future), or an
// ending: French future and conditional (-ra, -ront, -rait...) and imperfect
// (-ait, -aient); English -ed. Clause boundaries (punctuation, "que", "qui",
// "that") count as five words of distance.
Tense TimeTagger::ClauseTense(std::string_view /*text*/, const std::vector<Token>& tokens, uint32_t begin,
                              uint32_t end, uint32_t expr_begin, uint32_t expr_end, std::string_view lang) const {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tokens.size()));
  auto it = impl_->langs.find(lang.substr(0, 2));
  if (it == impl_->langs.end() || begin >= end) return Tense::kUnknown;
  const Lexicon& lex = it->second;
  const bool en = lang.substr(0, 2) == "en";
  auto cue_at = [&](uint32_t i) -> int {  // 1 past, 2 future, 0 none
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord) return 0;
    auto found = lex.by_first.find(t.fold);
    if (found != lex.by_first.end()) {
      size_t best_len = 0;
      int best = 0;
      for (uint32_t idx : found->second) {
        const Entry& e = lex.entries[idx];
        if ((e.cat != Cat::kTensePast && e.cat != Cat::kTenseFuture) || e.raw.size() <= best_len) continue;
        if (i + e.raw.size() > end) continue;
        bool ok = true;
        for (size_t k = 0; k < e.raw.size() && ok; ++k) ok = tokens[i + k].norm == e.raw[k];
        if (!ok) continue;
        uint32_t next = SkipClitics(tokens, i + static_cast<uint32_t>(e.raw.size()), end);
        std::string_view nw = next < end ? std::string_view(tokens[next].fold) : std::string_view();
        if (e.ival == 2 && !(EndsWithAny(nw, {"er", "ir", "re", "oir"}) || (en && !nw.empty()))) continue;
        // "s'est éteinte", "est arrivé": a past tense of a pronominal verb or of a verb conjugated with
        // "être" (tense_past value 4); "est prévu", "est fixé" are present passives
        if (e.ival == 3) {
          // "s'est", "se sont", "nous nous sommes" ("Rendez-vous est fixé" is no reflexive)
          const std::string_view prev = i > begin ? std::string_view(tokens[i - 1].fold) : std::string_view();
          const std::string_view prev2 = i > begin + 1 ? std::string_view(tokens[i - 2].fold) : std::string_view();
          const bool reflexive = prev == "s'" || prev == "se" || prev == "me" || prev == "m'" || prev == "t'" ||
                                 prev == "te" || ((prev == "nous" || prev == "vous") && prev2 == prev);
          if (!(reflexive && next < end && tokens[next].kind == TokenKind::kWord) && !EtreParticiple(lex, nw)) continue;
        }
        if (e.ival == 4) continue;  // a participle is no cue of its own
        best_len = e.raw.size();
        best = e.cat == Cat::kTensePast ? 1 : 2;
      }
      if (best) return best;
    }
    if (t.capitalized && !(t.end - t.begin > 1 && t.norm.size() > 0 && i > begin)) return 0;
    std::string_view w = t.fold;
    if (en) return w.size() > 4 && EndsWithAny(w, {"ed"}) && !EndsWithAny(w, {"eed"}) ? 1 : 0;
    if (EndsWithAny(w, {"rait", "raient", "ront", "rons", "rez", "era", "ira", "dra", "rai"})) return 2;
    if (EndsWithAny(w, {"ait", "aient"})) return 1;
    return 0;
  };
  constexpr uint32_t kMaxCueDistance = 15;
  uint32_t best_d = UINT32_MAX;
  Tense best = Tense::kUnknown;
  auto boundary = [&](uint32_t k) {
    const std::string& f = tokens[k].fold;
    return f == "," || f == ";" || f == ":" || f == "\"" || f == "(" || f == ")" || f == "que" || f == "qu'" ||
           f == "qui" || f == "that" || f == "which" || f == "who" || f == "mais" || f == "but";
  };
  for (uint32_t i = begin; i < end; ++i) {
    if (i >= expr_begin && i < expr_end) continue;
    int cue = cue_at(i);
    if (!cue) continue;
    uint32_t lo = i < expr_begin ? i + 1 : expr_end, hi = i < expr_begin ? expr_begin : i;
    uint32_t d = hi - lo;
    for (uint32_t k = lo; k < hi; ++k) d += boundary(k) ? 5 : 0;
    if (d > kMaxCueDistance) continue;  // a verb of another clause far away says nothing
    if (d < best_d) best_d = d, best = cue == 1 ? Tense::kPast : Tense::kFuture;
  }
  return best;
}

bool UseFutureReading(const TimeExpr& e, Tense tense, std::optional<Date> reference) {
  if (!e.tense_dependent || !e.resolved) return false;
  if (tense != Tense::kUnknown) return tense == Tense::kFuture;
  if (!reference || !reference->valid()) return false;
  auto distance = [&](Date from, Date to) -> int64_t {
    const int64_t r = reference->ToDays();
    if (r < from.ToDays()) return from.ToDays() - r;
    if (r > to.ToDays()) return r - to.ToDays();
    return 0;
  };
  return distance(e.future_from, e.future_to) < distance(e.from, e.to);
}

}  // namespace entente
