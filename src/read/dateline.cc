#include "read/dateline.h"

#include <array>
#include <string>

namespace entente {

namespace {

struct MonthName {
  const char* name;
  int month;
};

// Lower-case spellings, with and without accents.
constexpr std::array<MonthName, 44> kMonthNames = {{
    {"janvier", 1},   {"janv", 1},      {"january", 1},   {"jan", 1},       {"février", 2},   {"fevrier", 2},
    {"févr", 2},      {"fevr", 2},      {"fév", 2},       {"fev", 2},       {"february", 2},  {"feb", 2},
    {"mars", 3},      {"march", 3},     {"mar", 3},       {"avril", 4},     {"avr", 4},       {"april", 4},
    {"apr", 4},       {"mai", 5},       {"may", 5},       {"juin", 6},      {"june", 6},      {"jun", 6},
    {"juillet", 7},   {"juil", 7},      {"july", 7},      {"jul", 7},       {"août", 8},      {"aout", 8},
    {"august", 8},    {"aug", 8},       {"septembre", 9}, {"september", 9}, {"sept", 9},      {"sep", 9},
    {"octobre", 10},  {"october", 10},  {"oct", 10},      {"novembre", 11}, {"november", 11}, {"nov", 11},
    {"décembre", 12}, {"december", 12},
}};
// Kept apart so the array above stays a round size to read.
constexpr std::array<MonthName, 3> kMoreMonthNames = {{{"decembre", 12}, {"déc", 12}, {"dec", 12}}};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || IsAsciiUpper(c); }
bool IsHighByte(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// ASCII letters lowered; Latin-1 capitals (U+00C0..U+00DE) lowered too.
std::string Lower(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

// A cursor over one line.
struct Cursor {
  std::string_view s;
  size_t pos = 0;

  bool done() const { return pos >= s.size(); }
  char peek() const { return done() ? '\0' : s[pos]; }
  // Spaces, tabs, no-break spaces (U+00A0, U+202F).
  void SkipSpaces() {
    while (!done()) {
      if (s[pos] == ' ' || s[pos] == '\t') {
        ++pos;
      } else if (s.substr(pos, 2) == "\xC2\xA0") {
        pos += 2;
      } else if (s.substr(pos, 3) == "\xE2\x80\xAF") {
        pos += 3;
      } else {
        break;
      }
    }
  }
  // 1 or 2 digits not followed by a digit; -1 when absent.
  int Number(int max_digits) {
    size_t start = pos;
    while (!done() && IsAsciiDigit(s[pos]) && pos - start < static_cast<size_t>(max_digits) + 1) ++pos;
    size_t n = pos - start;
    if (n == 0 || n > static_cast<size_t>(max_digits)) {
      pos = start;
      return -1;
    }
    int v = 0;
    for (size_t i = start; i < pos; ++i) v = v * 10 + (s[i] - '0');
    return v;
  }
  // A word of letters (ASCII or any non-ASCII byte).
  std::string_view Word() {
    size_t start = pos;
    while (!done() && (IsAsciiLetter(s[pos]) || IsHighByte(s[pos]))) ++pos;
    return s.substr(start, pos - start);
  }
};

bool ParseYear(Cursor* c, int* year) {
  Cursor save = *c;
  if (c->peek() == ',') ++c->pos;
  c->SkipSpaces();
  int y = c->Number(4);
  if (y >= 1900 && y <= 2100) {
    *year = y;
    return true;
  }
  *c = save;
  return false;
}

bool ParseMonth(Cursor* c, int* month) {
  Cursor save = *c;
  int m = MonthFromName(c->Word());
  if (m == 0) {
    *c = save;
    return false;
  }
  if (c->peek() == '.') ++c->pos;
  *month = m;
  return true;
}

// The date part: "7 décembre [2023]", "1er mars", "Jan 19[, 2024]".
bool ParseDatePart(Cursor* c, Dateline* d) {
  if (IsAsciiDigit(c->peek())) {
    int day = c->Number(2);
    if (day < 1) return false;
    std::string_view rest = c->s.substr(c->pos);
    for (std::string_view suffix : {"er", "st", "nd", "rd", "th"}) {
      if (rest.substr(0, suffix.size()) == suffix) {
        c->pos += suffix.size();
        break;
      }
    }
    c->SkipSpaces();
    if (!ParseMonth(c, &d->month)) return false;
    d->day = day;
  } else {
    if (!ParseMonth(c, &d->month)) return false;
    c->SkipSpaces();
    int day = c->Number(2);
    if (day < 1) return false;
    d->day = day;
  }
  ParseYear(c, &d->year);
  const int dim = Date::DaysInMonth(d->year != 0 ? d->year : 2000, d->month);
  return d->day <= dim;
}

bool ParseDash(Cursor* c) {
  std::string_view rest = c->s.substr(c->pos);
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-"}) {
    if (rest.substr(0, dash.size()) == dash) {
      c->pos += dash.size();
      return true;
    }
  }
  return false;
}

std::optional<Dateline> ParseLine(std::string_view line, size_t offset) {
  Cursor c{line, 0};
  // Place.
  const char first = c.peek();
  const bool upper_latin1 = line.size() >= 2 && static_cast<unsigned char>(line[0]) == 0xC3 &&
                            static_cast<unsigned char>(line[1]) >= 0x80 &&
                            static_cast<unsigned char>(line[1]) <= 0x9E;
  if (!IsAsciiUpper(first) && !upper_latin1) return std::nullopt;
  int words = 1;
  while (!c.done() && c.peek() != ',') {
    char ch = c.peek();
    if (ch == ' ') {
      ++words;
    } else if (!(IsAsciiLetter(ch) || IsHighByte(ch) || ch == '-' || ch == '\'' || ch == '.')) {
      return std::nullopt;
    }
    ++c.pos;
    if (c.pos > 60 || words > 5) return std::nullopt;
  }
  if (c.done()) return std::nullopt;
  Dateline d;
  d.place = std::string(line.substr(0, c.pos));
  while (!d.place.empty() && d.place.back() == ' ') d.place.pop_back();
  ++c.pos;  // ','
  c.SkipSpaces();
  if (!ParseDatePart(&c, &d)) return std::nullopt;
  c.SkipSpaces();
  if (c.peek() == '(') {
    size_t close = line.find(')', c.pos);
    if (close == std::string_view::npos || close - c.pos > 40) return std::nullopt;
    d.agency = std::string(line.substr(c.pos + 1, close - c.pos - 1));
    c.pos = close + 1;
    c.SkipSpaces();
  }
  if (!ParseDash(&c)) return std::nullopt;
  c.SkipSpaces();
  d.begin = offset;
  d.end = offset + c.pos;
  return d;
}

}  // namespace

int MonthFromName(std::string_view word) {
  if (word.empty() || word.size() > 12) return 0;
  const std::string w = Lower(word);
  for (const MonthName& m : kMonthNames) {
    if (w == m.name) return m.month;
  }
  for (const MonthName& m : kMoreMonthNames) {
    if (w == m.name) return m.month;
  }
  return 0;
}

std::optional<Date> Dateline::ToDate(int year_hint) const {
  Date d{year != 0 ? year : year_hint, month, day};
  if (d.year == 0 || !d.valid()) return std::nullopt;
  return d;
}

std::optional<Dateline> FindDateline(std::string_view text) {
  size_t pos = 0;
  int lines = 0;
  while (pos < text.size() && lines < 3) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t start = pos;
    while (start < eol && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r')) ++start;
    if (start < eol) {
      ++lines;
      if (auto d = ParseLine(text.substr(start, eol - start), start)) return d;
    }
    pos = eol + 1;
  }
  return std::nullopt;
}

}  // namespace entente
