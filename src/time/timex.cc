// The time tagger: word tables from data/<lang>/time_words.tsv compiled into a
// phrase lexicon, and a small set of grammar rules over token categories.
//
// Conventions (documented here because they are choices, not facts):
// - Tense-dependent expressions (a bare weekday, a day or month without a year,
//   a season without a year) get two readings: past = the latest instance that
//   starts on or before the reference; future = the earliest instance that ends
//   on or after it.
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
// - Decades: "199" is 1990-01-01..1999-12-31, precision decade.
// - Ranges: value "YYYY-MM-DD/YYYY-MM-DD" (inclusive), precision of the end.
// - Durations: is_duration, value "P3D" / "PT2H", resolved false (no calendar
//   place). Offsets from another event ("un an après") are tagged with resolved
//   false and rule "<lang>.offset_anchor".
// - A time of day alone: is_time_of_day, value "T14:30", resolved false. Right
//   after a day expression it is merged into it ("jeudi à 14h30" →
//   "2023-01-19T14:30").
#include "time/timex.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <unordered_map>
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
  kAtTime, kHourMark, kWeekEarlier, kWeekLater, kPresent, kWeekend, kAnchored,
};

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
    {"anchored", Cat::kAnchored},
};

struct Entry {
  std::vector<std::string> toks;  // folded tokens
  Cat cat;
  int ival = 0;
  std::string sval;
  bool abbr = false;  // not the first form of its row (a month or weekday abbreviation)
};

struct Lexicon {
  std::vector<Entry> entries;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first;
};

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
        } else if (found->cat != Cat::kSeason && found->cat != Cat::kUnit) {
          return row.Error("value must be an integer: '" + std::string(value) + "'");
        }
      }
      bool first = true;
      for (const std::string& word : SplitList(row.Get("words"))) {
        Entry e;
        e.toks = SplitPhrase(FoldWord(word));
        if (e.toks.empty()) return row.Error("empty word");
        e.cat = found->cat;
        e.ival = ival;
        e.sval = std::string(value);
        e.abbr = !first;
        first = false;
        lex.by_first[e.toks[0]].push_back(static_cast<uint32_t>(lex.entries.size()));
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
    first_.resize(end_ > begin_ ? end_ - begin_ : 0, nullptr);
    cats_.resize(first_.size(), 0);
    std::string key;
    for (uint32_t i = begin_; i < end_; ++i) {
      key.assign(F(i));
      auto it = lex_.by_first.find(key);
      if (it != lex_.by_first.end()) {
        first_[i - begin_] = &it->second;
        uint64_t mask = 0;
        for (uint32_t idx : it->second) mask |= uint64_t{1} << static_cast<unsigned>(lex_.entries[idx].cat);
        cats_[i - begin_] = mask;
      }
    }
  }

  std::vector<TimeExpr> Run();

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
      // "vingt et un", "vingt-deux", "twenty-two"
      if (v >= 10 && v % 10 == 0 && v < 100) {
        uint32_t k = j;
        if (Is(k, "-") || Is(k, "et")) ++k;
        if (Is(k, "-")) ++k;
        if (Hit u = Lookup(k, Cat::kNumber); u && u.ival < 10) return std::make_pair(v + u.ival, k + u.len);
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
  std::optional<std::pair<int, uint32_t>> Month(uint32_t i, bool licensed) const {
    Hit h = Lookup(i, Cat::kMonth);
    if (!h) return std::nullopt;
    // An abbreviation ("sept", "oct", "Dec") only next to a number: "sept" is
    // also the number seven.
    if (h.entry->abbr && !NumberFollows(i + h.len) && !(i > begin_ && DayNum(i - 1))) return std::nullopt;
    if (en_) {
      if (!tokens_[i].capitalized && (F(i) == "may" || !NumberFollows(i + h.len))) return std::nullopt;
      if (F(i) == "may" && !licensed) return std::nullopt;
    }
    uint32_t j = i + h.len;
    if (h.entry->abbr && Is(j, ".")) ++j;
    return std::make_pair(h.ival, j);
  }

  bool NumberFollows(uint32_t j) const {
    if (Is(j, ".") || Is(j, ",")) ++j;
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
  void RuleSince(uint32_t i, std::vector<Cand>* out) const;
  void RuleRange(uint32_t i, std::vector<Cand>* out) const;
  std::optional<Cand> Best(uint32_t i, bool inner) const;

  // ---- resolution helpers
  Cand DayMonth(int y, int m, int d) const;
  Cand MonthOf(int y, int m, int mod) const;
  std::optional<Cand> UnitOffset(int n, std::string_view unit, int sign) const;
  std::optional<std::pair<int, std::string>> NumberUnit(uint32_t i, uint32_t* end) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t begin_, end_;
  std::optional<Date> ref_;
  const Lexicon& lex_;
  bool en_;
  std::string prefix_;
  std::vector<const std::vector<uint32_t>*> first_;  // lex_.by_first entry of each token, or null
  std::vector<uint64_t> cats_;                         // categories of those entries, one bit each
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
      // "11/2016", "2016-11" (month); "17/02" after "le" (day and month).
      Dmy r;
      if (nums[0].size() <= 2 && nums[1].size() == 4 && seps[0] == '/') {
        r = Dmy{ToInt(nums[1]), ToInt(nums[0]), 0, last, "numeric_month"};
      } else if (nums[0].size() == 4 && nums[1].size() == 2 && seps[0] == '-') {
        r = Dmy{ToInt(nums[0]), ToInt(nums[1]), 0, last, "numeric_month"};
      } else if (nums[0].size() <= 2 && nums[1].size() <= 2 && seps[0] == '/' && i > begin_ &&
                 (Is(i - 1, "le") || Is(i - 1, "du") || Is(i - 1, "au") || Is(i - 1, "on"))) {
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
    if (nums[0].size() == 4 && seps[0] == '-' && nums[1].size() <= 2 && nums[2].size() <= 2) {
      r = Dmy{ToInt(nums[0]), ToInt(nums[1]), ToInt(nums[2]), last, "iso_date"};
    } else if (nums[0].size() <= 2 && nums[1].size() <= 2 && (nums[2].size() == 4 || nums[2].size() == 2) &&
               seps[0] != '-') {
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
  auto valid_dm = [](int m, int d) { return d >= 1 && d <= Date::DaysInMonth(2000, m); };
  // D [of] MONTH [YEAR]
  if (auto dn = DayNum(i)) {
    uint32_t j = dn->second;
    if (en_ && Is(j, "of")) ++j;
    if (auto m = Month(j, true)) {
      if (!valid_dm(m->first, dn->first)) return std::nullopt;
      Dmy r{0, m->first, dn->first, m->second, "day_month"};
      uint32_t k = r.end;
      if (Is(k, ",")) ++k;
      if (auto y = Year(k)) {
        if (!Date{y->first, r.m, r.d}.valid()) return std::nullopt;
        r.y = y->first, r.end = y->second, r.rule = "day_month_year";
      }
      return r;
    }
  }
  // MONTH D [,] [YEAR] (English)
  if (en_) {
    if (auto m = Month(i, NumberFollows(i + 1))) {
      if (auto dn = DayNum(m->second)) {
        if (!valid_dm(m->first, dn->first)) return std::nullopt;
        // "March 2023" is a month, not the 20th: DayNum takes at most two digits.
        Dmy r{0, m->first, dn->first, dn->second, "month_day"};
        uint32_t k = r.end;
        if (Is(k, ",")) ++k;
        if (auto y = Year(k)) {
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
  if (Hit part = Lookup(j, Cat::kDayPart)) j += part.len;
  Cand c;
  c.e.precision = Precision::kDay;
  if (mod == 2) {
    uint32_t k = j;
    if (Hit of = Lookup(k, Cat::kOf)) k += of.len;
    if (Hit week = Lookup(k, Cat::kRelWeek)) {
      if (ref_) SetBoth(c.e, DayReading(Monday(ref_->AddDays(7 * week.ival)).AddDays(wd.ival)));
      Emit(out, i, k + week.len, "weekday_of_week", std::move(c));
      return;
    }
  }
  c.e.tense_dependent = mod == 2 || mod == 0;
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
    if (Hit part = Lookup(j, Cat::kDayPart)) j += part.len;
    Cand c;
    c.e.value = h.ival < 0 ? "P" + std::to_string(-h.ival) + "D_BEFORE" : "P" + std::to_string(h.ival) + "D_AFTER";
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
    if (Hit part = Lookup(j, Cat::kDayPart)) j += part.len;
    Cand c;
    if (ref_) SetBoth(c.e, DayReading(ref_->AddDays(h.ival)));
    Emit(out, i, j, "rel_day", std::move(c));
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
  if (en_) {
    if (Hit mb = Lookup(j, Cat::kModBefore)) mod = mb.ival, j += mb.len, licensed = true;
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
  if (!prep && mod == 2 && i > begin_ && tokens_[i - 1].kind == TokenKind::kWord) {
    if (auto y = Year(i); y && y->first >= 1900 && y->first < 2100 &&
                          (y->second >= end_ || tokens_[y->second].kind == TokenKind::kPunct)) {
      Cand c;
      c.kind = 'Y', c.y = y->first;
      c.e.precision = Precision::kYear;
      SetBoth(c.e, YearReading(y->first));
      Emit(out, i, y->second, "year_bare", std::move(c));
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
  auto m = Month(j, licensed || NumberFollows(j + 1));
  if (!m) return;
  uint32_t k = m->second;
  if (auto y = Year(k)) {
    Emit(out, start, y->second, "month_year", MonthOf(y->first, m->first, 2));
    return;
  }
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
  if (en_ && !licensed) return;
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
std::optional<std::pair<int, std::string>> Matcher::NumberUnit(uint32_t i, uint32_t* end) const {
  uint32_t j = i;
  if (Hit a = Lookup(j, Cat::kApprox)) j += a.len;
  auto n = Number(j);
  if (!n) return std::nullopt;
  Hit u = Lookup(n->second, Cat::kUnit);
  if (!u) return std::nullopt;
  *end = n->second + u.len;
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
  if (unit == "D" || unit == "H" || unit == "MIN") {
    int days = unit == "D" ? n : 0;
    SetBoth(c.e, DayReading(ref_->AddDays(sign * days)));
  } else if (unit == "W") {
    c.e.precision = Precision::kWeek;
    SetBoth(c.e, WeekReading(ref_->AddDays(sign * 7 * n)));
  } else if (unit == "M") {
    c.e.precision = Precision::kMonth;
    Date d = Date::FirstOfMonth(ref_->year, ref_->month).AddMonths(sign * n);
    SetBoth(c.e, MonthReading(d.year, d.month));
  } else if (unit == "Y") {
    c.e.precision = Precision::kYear;
    SetBoth(c.e, YearReading(ref_->year + sign * n));
  } else {
    return std::nullopt;
  }
  return c;
}

std::string DurationValue(int n, std::string_view unit) {
  if (unit == "H") return "PT" + std::to_string(n) + "H";
  if (unit == "MIN") return "PT" + std::to_string(n) + "M";
  return "P" + std::to_string(n) + std::string(unit);
}

void Matcher::RuleOffset(uint32_t i, std::vector<Cand>* out) const {
  uint32_t end = 0;
  // il y a N UNIT
  if (Hit ago = Lookup(i, Cat::kAgoPre)) {
    if (auto nu = NumberUnit(i + ago.len, &end)) {
      if (auto c = UnitOffset(nu->first, nu->second, -1)) Emit(out, i, end, "offset_ago", std::move(*c));
    }
  }
  // dans N UNIT / in N UNIT
  if (Hit in = Lookup(i, Cat::kInFuture)) {
    if (auto nu = NumberUnit(i + in.len, &end)) {
      if (auto c = UnitOffset(nu->first, nu->second, 1)) Emit(out, i, end, "offset_in", std::move(*c));
    }
  }
  // N UNIT ago / N UNIT later (anchored elsewhere: left unresolved)
  if (auto nu = NumberUnit(i, &end)) {
    if (Hit ago = Lookup(end, Cat::kAgoPost)) {
      if (auto c = UnitOffset(nu->first, nu->second, -1)) Emit(out, i, end + ago.len, "offset_ago", std::move(*c));
    } else if (Hit later = Lookup(end, Cat::kLater)) {
      Cand c;
      c.e.value = DurationValue(nu->first, nu->second);
      Emit(out, i, end + later.len, "offset_anchor", std::move(c));
    }
  }
  // A bare NUMBER UNIT ("deux jours de négociations"): a length.
  if (auto nu = NumberUnit(i, &end)) {
    Cand c;
    c.e.is_duration = true;
    c.e.value = DurationValue(nu->first, nu->second);
    Emit(out, i, end, "duration", std::move(c));
  }
  // Durations: pendant / for / depuis [plus de] N UNIT; French "en N UNIT".
  for (Cat cat : {Cat::kDurPre, Cat::kDurEn, Cat::kSince}) {
    Hit pre = Lookup(i, cat);
    if (!pre) continue;
    if (auto nu = NumberUnit(i + pre.len, &end)) {
      Cand c;
      c.e.is_duration = true;
      c.e.value = DurationValue(nu->first, nu->second);
      Emit(out, i, end, "duration", std::move(c));
    }
  }
}

void Matcher::RuleTime(uint32_t i, std::vector<Cand>* out) const {
  uint32_t j = i;
  Hit at = Lookup(j, Cat::kAtTime);
  if (at) j += at.len;
  if (j >= end_) return;
  // Gather contiguous tokens: "14h30", "14" "h" "30", "14:30", "2pm", "2:30pm".
  std::string s;
  uint32_t k = j;
  std::vector<uint32_t> ends;
  while (k < end_ && k - j < 5) {
    s += F(k);
    ++k;
    ends.push_back(k);
    if (!Adjacent(k - 1)) break;
  }
  auto parse = [&](std::string_view t, int* h, int* m) {
    size_t p = 0;
    while (p < t.size() && p < 2 && t[p] >= '0' && t[p] <= '9') ++p;
    if (p == 0) return false;
    *h = ToInt(t.substr(0, p));
    *m = 0;
    std::string_view rest = t.substr(p);
    std::string_view suffix;
    if (!rest.empty() && ((rest[0] == 'h' && !en_) || rest[0] == ':')) {
      bool colon = rest[0] == ':';
      rest.remove_prefix(1);
      if (rest.size() >= 2 && AllDigits(rest.substr(0, 2))) {
        *m = ToInt(rest.substr(0, 2));
        rest.remove_prefix(2);
      } else if (colon) {
        return false;
      }
      if (rest == "00" || rest.empty()) rest = "";
    }
    suffix = rest;
    if (suffix == "pm" || suffix == "p.m.") {
      if (*h < 12) *h += 12;
    } else if (suffix == "am" || suffix == "a.m.") {
      if (*h == 12) *h = 0;
    } else if (!suffix.empty()) {
      return false;
    }
    if (t.find_first_of(en_ ? ":apm" : "h:apm") == std::string_view::npos) return false;  // a bare number
    return *h <= 24 && *m <= 59;
  };
  int h = 0, m = 0;
  uint32_t stop = 0;
  for (size_t n = ends.size(); n > 0 && !stop; --n) {
    std::string t;
    for (uint32_t x = j; x < ends[n - 1]; ++x) t += F(x);
    if (parse(t, &h, &m)) stop = ends[n - 1];
  }
  // "14 heures", "2 pm", "14 h 30" (separated by spaces) after "à"/"at".
  if (!stop && AllDigits(F(j)) && F(j).size() <= 2) {
    h = ToInt(F(j));
    if (Is(j + 1, "pm") || Is(j + 1, "am")) {
      if (Is(j + 1, "pm") && h < 12) h += 12;
      if (Is(j + 1, "am") && h == 12) h = 0;
      stop = j + 2;
    } else if ((at && Lookup(j + 1, Cat::kHourMark)) || (!en_ && Is(j + 1, "h"))) {
      stop = j + 1 + Lookup(j + 1, Cat::kHourMark).len;
      if (AllDigits(F(stop)) && F(stop).size() == 2) m = ToInt(F(stop)), ++stop;
    }
    if (h > 24) stop = 0;
  }
  if (!stop) return;
  Cand c;
  c.e.is_time_of_day = true;
  c.e.value = "T" + Pad(h, 2) + ":" + Pad(m, 2);
  Emit(out, at ? i : j, stop, "time_of_day", std::move(c));
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
  if (x && !x->e.is_duration && !x->e.is_time_of_day) {
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
  if (tight && (!Is(after_x, "-") || tokens_[after_x].begin != tokens_[after_x - 1].end ||
                !Adjacent(after_x))) {
    return;
  }
  uint32_t k = after_x + to.len;
  if (Is(k, "le") || Is(k, "the")) ++k;
  std::optional<Cand> y = Best(k, true);
  uint32_t end = 0;
  if (!y || y->e.is_duration || y->e.is_time_of_day) {
    // "from March 3 to 5": the second end borrows the first's month and year.
    auto dn = DayNum(k);
    if (!x || x->kind != 'D' || !dn) return;
    Cand yc;
    yc.kind = 'D', yc.y = x->y, yc.m = x->m, yc.d = dn->first;
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
  Emit(out, i, end, "range", std::move(c));
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
  if (!inner) {
    RuleSince(i, out);
    RuleRange(i, out);
  }
}

std::optional<Cand> Matcher::Best(uint32_t i, bool inner) const {
  std::vector<Cand> cands;
  RulesAt(i, inner, &cands);
  std::optional<Cand> best;
  for (Cand& c : cands) {
    if (c.end <= c.start) continue;
    // Longest match: the furthest end, then the earliest start.
    if (!best || c.end > best->end || (c.end == best->end && c.start < best->start)) best = std::move(c);
  }
  return best;
}

std::vector<TimeExpr> Matcher::Run() {
  std::vector<TimeExpr> out;
  for (uint32_t i = begin_; i < end_;) {
    // an expression starts with a number or a word of the tables: skip the rules elsewhere
    if (!first_[i - begin_] && !AllDigits(F(i))) {
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
    // A time of day right after a day ("jeudi à 14h30", "hier soir vers 22 h").
    if (e.is_time_of_day && !out.empty()) {
      TimeExpr& prev = out.back();
      bool day = prev.precision == Precision::kDay && !prev.is_duration && !prev.is_time_of_day &&
                 prev.value.find('/') == std::string::npos && !prev.value.empty() &&
                 prev.value.find('T') == std::string::npos;
      uint32_t gap = e.tok_begin - prev.tok_end;
      if (day && (gap == 0 || (gap == 1 && Is(prev.tok_end, ",")))) {
        prev.tok_end = e.tok_end;
        prev.end = e.end;
        prev.value += e.value;
        if (prev.tense_dependent && !prev.future_value.empty()) prev.future_value += e.value;
        else prev.future_value = prev.value;
        prev.rule += "+time";
        prev.text = std::string(text_.substr(prev.begin, prev.end - prev.begin));
        i = best->end;
        continue;
      }
    }
    e.text = std::string(text_.substr(e.begin, e.end - e.begin));
    out.push_back(std::move(e));
    i = best->end;
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
