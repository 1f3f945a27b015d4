#include "format.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace entente::cli {

namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

void PadTo(std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  if (w < width) s.append(width - w, ' ');
}

}  // namespace

Result<Date> ParseQueryDate(std::string_view text, std::string_view flag, bool as_end) {
  auto bad = [&] {
    return Status::InvalidArgument(std::string(flag) + ": '" + std::string(text) +
                                   "' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)");
  };
  if (text.size() == 10) {
    std::optional<Date> d = Date::Parse(text);
    if (!d) return bad();
    return *d;
  }
  if (text.size() == 7 && text[4] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5, 2))) {
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5, 2)));
    if (year < 1 || month < 1 || month > 12) return bad();
    return as_end ? Date::LastOfMonth(year, month) : Date::FirstOfMonth(year, month);
  }
  if (text.size() == 4 && AllDigits(text)) {
    int year = std::stoi(std::string(text));
    if (year < 1) return bad();
    return as_end ? Date{year, 12, 31} : Date{year, 1, 1};
  }
  return bad();
}

Result<std::optional<Date>> ParseOptionalDate(std::string_view text, std::string_view flag, bool as_end) {
  if (text.empty()) return std::optional<Date>();
  ENTENTE_ASSIGN_OR_RETURN(Date d, ParseQueryDate(text, flag, as_end));
  return std::optional<Date>(d);
}

Result<std::pair<std::string, std::string>> ParsePair(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("--pair: '" + std::string(text) +
                                   "' is not two country codes (expected e.g. RUS,IRN)");
  };
  size_t comma = text.find(',');
  if (comma == std::string_view::npos) return bad();
  std::string a(text.substr(0, comma));
  std::string b(text.substr(comma + 1));
  for (std::string* s : {&a, &b}) {
    if (s->size() != 3) return bad();
    for (char& c : *s) {
      if (!std::isalpha(static_cast<unsigned char>(c))) return bad();
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return std::make_pair(std::move(a), std::move(b));
}

std::string FormatEventDate(const Event& event) {
  if (!event.date || !event.date->from.valid()) return "undated";
  const EventDate& d = *event.date;
  const std::string from = d.from.ToString();
  const std::string& p = d.precision;
  if (p == "day") return from;
  if (p == "month") return from.substr(0, 7);
  if (p == "year") return from.substr(0, 4);
  if (p == "decade") return from.substr(0, 3) + "0s";
  if (p == "publication") return from + "~";
  if (d.to.valid() && d.to != d.from) return from + ".." + d.to.ToString();
  return from;
}

std::string FormatActor(const Actor& actor) {
  const std::string& tag = !actor.country.empty() ? actor.country : actor.org;
  if (actor.name.empty()) return tag.empty() ? actor.text : tag;
  if (tag.empty()) return actor.name;
  return actor.name + " (" + tag + ")";
}

std::string FormatActors(const Event& event) {
  std::string out;
  for (const Actor& a : event.actors) {
    if (!out.empty()) out += " — ";
    out += FormatActor(a);
  }
  return out;
}

std::string TimelineLine(const Event& event) {
  std::string line = FormatEventDate(event);
  PadTo(line, 12);
  line += ' ';
  std::string type = event.type;
  PadTo(type, 11);
  line += type;
  line += ' ';
  line += FormatActors(event);
  if (event.location && !event.location->name.empty()) line += " @ " + event.location->name;
  if (event.negated) line += " [negated]";
  if (event.background) line += " [background]";
  if (event.future) line += " [future]";
  line += "  [" + event.doc + "]";
  return line;
}

std::string JsonWithId(int64_t id, std::string_view json) {
  std::string out = "{\"id\":" + std::to_string(id);
  if (json.size() >= 2 && json.front() == '{') {
    std::string_view rest = json.substr(1);
    // Skip spaces to see whether the object is empty.
    size_t i = rest.find_first_not_of(" \t\r\n");
    if (i != std::string_view::npos && rest[i] != '}') out += ',';
    out += rest;
  } else {
    out += '}';
  }
  return out;
}

size_t DisplayWidth(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string FormatTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  };
  measure(header);
  for (const auto& row : rows) measure(row);
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      std::string cell = row[i];
      if (i + 1 < widths.size()) {
        PadTo(cell, widths[i]);
        cell += "  ";
      }
      line += cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  emit(header);
  for (const auto& row : rows) emit(row);
  return out;
}

std::vector<std::string> EventTableHeader() {
  return {"DATE", "TYPE", "CAMEO", "ACTORS", "PLACE", "DOC"};
}

std::vector<std::string> EventTableRow(const Event& event) {
  std::string flags;
  if (event.negated) flags += " [negated]";
  if (event.background) flags += " [background]";
  if (event.future) flags += " [future]";
  return {FormatEventDate(event),
          event.type + flags,
          event.cameo,
          FormatActors(event),
          event.location ? event.location->name : std::string(),
          event.doc};
}

std::string MergedTimelineLine(const MergedEventRow& row) {
  std::string line = TimelineLine(row.event) + "  " + row.id;
  if (row.num_articles > 1) {
    line += " (" + std::to_string(row.num_articles) + " articles, " + std::to_string(row.num_sources) +
            (row.num_sources == 1 ? " outlet)" : " outlets)");
  }
  if (row.recalled) line += " [recalled]";
  return line;
}

std::string FormatGoldstein(double g) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", g);
  return std::string(buf) == "+0.0" || std::string(buf) == "-0.0" ? "0.0" : buf;
}

std::string ExplainText(const MergedEventRow& row) {
  std::string out = row.id + "\n  " + TimelineLine(row.event) + "\n";
  out += "  " + std::to_string(row.num_mentions) + " mentions in " + std::to_string(row.num_articles) +
         " articles from " + std::to_string(row.num_sources) + (row.num_sources == 1 ? " outlet" : " outlets");
  if (!row.first_seen.empty()) out += ", first seen " + row.first_seen + ", last seen " + row.last_seen;
  out += row.recalled ? "; known only from recalls\n" : "\n";
  for (size_t i = 0; i < row.mentions.size(); ++i) {
    const EventMention& m = row.mentions[i];
    out += "\n  [" + std::to_string(i + 1) + "] " + m.doc;
    if (!m.outlet.empty()) out += " (" + m.outlet + (m.published.empty() ? "" : ", " + m.published) + ")";
    out += "  " + m.event.type + " " + FormatEventDate(m.event);
    if (m.event.background) out += " [background]";
    if (m.event.future) out += " [future]";
    out += "\n      \"" + m.event.evidence.sentence + "\"\n      joined: " + m.rule + "\n";
  }
  return out;
}

}  // namespace entente::cli
