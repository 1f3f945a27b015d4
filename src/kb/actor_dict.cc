#include "kb/actor_dict.h"

#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

namespace entente {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "VLADIMIR_PUTIN" or "CARAS GALADHON" → "VLADIMIR PUTIN"; "" when no word.
std::string Phrase(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '_' || c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// YYMMDD or YYYYMMDD.
std::optional<Date> DictDate(std::string_view s) {
  s = Trim(s);
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int y = 0;
  if (s.size() == 6) {
    y = (s[0] - '0') * 10 + (s[1] - '0');
    y += y < 50 ? 2000 : 1900;
    s.remove_prefix(2);
  } else if (s.size() == 8) {
    y = std::stoi(std::string(s.substr(0, 4)));
    s.remove_prefix(4);
  } else {
    return std::nullopt;
  }
  Date d{y, (s[0] - '0') * 10 + (s[1] - '0'), (s[2] - '0') * 10 + (s[3] - '0')};
  if (!d.valid()) return std::nullopt;
  return d;
}

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '+';
}

// The inside of "[...]": "RUSGOV", "RUSGOV 000507-080507", "HOB < 950601", "RUSELI >080508".
std::optional<ActorCode> ParseCode(std::string_view inside, std::string* why) {
  inside = Trim(inside);
  size_t n = 0;
  while (n < inside.size() && IsCodeChar(inside[n])) ++n;
  if (n == 0) {
    *why = "no code in '[" + std::string(inside) + "]'";
    return std::nullopt;
  }
  ActorCode code;
  code.code = inside.substr(0, n);
  for (char& c : code.code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string_view rest = Trim(inside.substr(n));
  if (rest.empty()) return code;
  auto bad_date = [&] {
    *why = "cannot read the date restriction '" + std::string(rest) + "' (YYMMDD or YYYYMMDD: A-B, <A, >A)";
    return std::nullopt;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    auto d = DictDate(rest.substr(1));
    if (!d) return bad_date();
    if (rest[0] == '<') {
      code.to = d->AddDays(-1);
    } else {
      code.from = *d;
    }
    return code;
  }
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return bad_date();
  auto a = DictDate(rest.substr(0, dash));
  auto b = DictDate(rest.substr(dash + 1));
  if (!a || !b) return bad_date();
  if (*b < *a) {
    *why = "date range ends before it starts: '" + std::string(rest) + "'";
    return std::nullopt;
  }
  code.from = *a;
  code.to = *b;
  return code;
}

}  // namespace

ActorDict ParseActorDict(std::string_view text, const std::string& path, std::vector<std::string>* problems) {
  ActorDict dict;
  dict.path = path;
  auto problem = [&](int line, const std::string& m) {
    problems->push_back(path + ":" + std::to_string(line) + ": " + m);
  };
  bool in_comment = false;
  int line_no = 0;
  size_t pos = 0;
  auto finish = [&] {  // the actor just closed must have a code
    if (!dict.actors.empty() && dict.actors.back().codes.empty()) {
      problem(dict.actors.back().line, "actor '" + dict.actors.back().name + "' has no code");
      dict.actors.pop_back();
    }
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (in_comment) {
      size_t close = line.find("-->");
      if (close == std::string_view::npos) continue;
      in_comment = false;
      line = line.substr(close + 3);
    }
    // "<!--" opens a comment ("<! --" is read the same way).
    size_t open = line.find("<!--");
    size_t open_len = 4;
    if (open == std::string_view::npos && Trim(line).substr(0, 5) == "<! --") {
      open = line.find("<! --");
      open_len = 5;
    }
    if (open != std::string_view::npos) {
      size_t close = line.find("-->", open + open_len);
      if (close == std::string_view::npos) {
        in_comment = true;
        line = line.substr(0, open);
      } else {
        std::string joined(line.substr(0, open));
        joined += line.substr(close + 3);
        std::string_view rest = Trim(joined);
        if (!rest.empty()) problem(line_no, "text around a comment: '" + std::string(rest) + "'");
        continue;
      }
    }
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    line = Trim(line);
    if (line.empty()) continue;

    // The phrase part and an optional code block.
    std::string_view phrase = line;
    std::optional<ActorCode> code;
    if (size_t open = line.find('['); open != std::string_view::npos) {
      size_t close = line.find(']', open);
      if (close == std::string_view::npos) {
        problem(line_no, "'[' without ']'");
        continue;
      }
      if (!Trim(line.substr(close + 1)).empty()) {
        problem(line_no, "text after the code block: '" + std::string(Trim(line.substr(close + 1))) + "'");
        continue;
      }
      std::string why;
      code = ParseCode(line.substr(open + 1, close - open - 1), &why);
      if (!code) {
        problem(line_no, why);
        continue;
      }
      phrase = Trim(line.substr(0, open));
    }
    if (phrase.empty()) {  // a code line for the actor above
      if (dict.actors.empty()) {
        problem(line_no, "a code block before any actor");
        continue;
      }
      dict.actors.back().codes.push_back(*code);
      continue;
    }
    if (phrase[0] == '+') {
      std::string syn = Phrase(phrase.substr(1));
      if (dict.actors.empty()) {
        problem(line_no, "a synonym before any actor");
      } else if (syn.empty()) {
        problem(line_no, "an empty synonym");
      } else {
        dict.actors.back().synonyms.push_back(std::move(syn));
        if (code) dict.actors.back().codes.push_back(*code);
      }
      continue;
    }
    if (indented || phrase[0] == '<' || phrase[0] == '{' || phrase[0] == '=' || phrase[0] == '~' ||
        phrase[0] == '-') {
      problem(line_no, "unsupported line: '" + std::string(phrase) + "'");
      continue;
    }
    finish();
    DictActor a;
    a.name = Phrase(phrase);
    a.line = line_no;
    if (code) a.codes.push_back(*code);
    dict.actors.push_back(std::move(a));
  }
  if (in_comment) problem(line_no, "comment '<!--' not closed");
  finish();
  return dict;
}

Result<ActorDict> ReadActorDict(const std::string& path, std::vector<std::string>* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open actor dictionary '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read actor dictionary '" + path + "'");
  return ParseActorDict(ss.str(), path, problems);
}

}  // namespace entente
