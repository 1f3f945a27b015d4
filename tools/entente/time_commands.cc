// `entente time`: the time expressions of a text, resolved against a
// reference date — for users, for debugging, and for scoring against
// external gold (../shared/tools/score-timex). See docs/cli.md.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "entente/pipeline.h"
#include "text/segment.h"
#include "time/timex.h"

namespace entente::cli {
namespace {

struct Tools {
  std::unique_ptr<Segmenter> fr, en;
  std::unique_ptr<TimeTagger> tagger;
  const Segmenter& For(std::string_view lang) const { return lang == "en" ? *en : *fr; }
};

std::optional<Tools> MakeTools(const TimeFlags& flags, std::ostream& err) {
  const std::string data = flags.data_dir.empty() ? DefaultDataDir() : flags.data_dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(data, ec)) {
    err << "error: data folder '" << data << "' does not exist\n";
    return std::nullopt;
  }
  auto fr = Segmenter::Create(data, "fr");
  auto en = Segmenter::Create(data, "en");
  auto tagger = TimeTagger::Create(data);
  for (const Status& s : {fr.status(), en.status(), tagger.status()}) {
    if (!s.ok()) {
      err << "error: " << s.message() << "\n";
      return std::nullopt;
    }
  }
  return Tools{std::move(*fr), std::move(*en), std::move(*tagger)};
}

nlohmann::ordered_json ToJson(const TimeExpr& e, bool use_future, const char* role) {
  nlohmann::ordered_json j;
  j["start"] = e.begin;
  j["end"] = e.end;
  j["text"] = e.text;
  j["value"] = use_future ? e.future_value : e.value;
  if ((e.resolved || e.anchored) && !e.is_duration && e.from.valid() && e.to.valid()) {
    j["from"] = (use_future ? e.future_from : e.from).ToString();
    j["to"] = (use_future ? e.future_to : e.to).ToString();
  } else {
    j["from"] = nullptr;
    j["to"] = nullptr;
  }
  j["precision"] = e.is_duration ? "duration" : e.is_set ? "set" : PrecisionName(e.precision);
  j["resolved"] = e.resolved;
  if (e.anchored) j["anchored"] = true;  // from/to: the fallback reading against the reference
  j["reading"] = use_future ? "future" : "past";
  j["rule"] = e.rule;
  if (role != nullptr) j["role"] = role;
  return j;
}

// Every expression of `text`, sentence by sentence; the reading (past or
// future) follows the tense of the expression's clause unless `tense` forces
// one. A range is followed by its two ends (role "range_start", "range_end"),
// "d'ici la fin de l'année" by the period it ends with (role "inner").
nlohmann::ordered_json Expressions(const Tools& t, std::string_view text, std::optional<Date> ref,
                                   std::string_view lang, std::string_view tense) {
  Segmented s = t.For(lang).Segment(text);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Sentence& sent : s.sentences) {
    for (const TimeExpr& e : t.tagger->Tag(text, s.tokens, sent.first_token, sent.last_token, ref, lang)) {
      bool use_future = false;
      if (tense == "future") {
        use_future = e.tense_dependent;
      } else if (tense == "auto" && e.tense_dependent) {
        Tense guess = t.tagger->ClauseTense(text, s.tokens, sent.first_token, sent.last_token, e.tok_begin,
                                            e.tok_end, lang);
        use_future = UseFutureReading(e, guess, ref);
      }
      out.push_back(ToJson(e, use_future, nullptr));
      for (size_t k = 0; k < e.ends.size(); ++k) {
        const TimeExpr& x = e.ends[k];
        const char* role = e.ends.size() != 2 ? "inner" : k == 0 ? "range_start" : "range_end";
        out.push_back(ToJson(x, use_future && x.tense_dependent, role));
      }
    }
  }
  return out;
}

}  // namespace

int RunTime(const TimeFlags& flags, std::ostream& out, std::ostream& err) {
  std::optional<Tools> tools = MakeTools(flags, err);
  if (!tools) return kExitUsage;
  if (flags.jsonl.empty()) {
    std::optional<Date> ref;
    if (!flags.ref.empty()) {
      ref = Date::Parse(flags.ref);
      if (!ref) {
        err << "error: --ref must be a date YYYY-MM-DD: '" << flags.ref << "'\n";
        return kExitUsage;
      }
    }
    nlohmann::ordered_json exprs = Expressions(*tools, flags.text, ref, flags.lang, flags.tense);
    for (const auto& e : exprs) {
      if (flags.json) {
        out << e.dump() << "\n";
        continue;
      }
      std::string range;
      if (!e["from"].is_null()) range = fmt::format("{}..{}", e["from"].get<std::string>(), e["to"].get<std::string>());
      out << fmt::format("{:>4}-{:<4} {:<28} {:<14} {:<23} {:<9} {}\n", e["start"].get<uint32_t>(),
                         e["end"].get<uint32_t>(), fmt::format("\"{}\"", e["text"].get<std::string>()),
                         e["value"].get<std::string>(), range, e["precision"].get<std::string>(),
                         e["rule"].get<std::string>());
    }
    if (exprs.empty()) err << "no time expression\n";
    return kExitOk;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (flags.jsonl != "-") {
    file.open(flags.jsonl, std::ios::binary);
    if (!file) {
      err << "error: cannot open '" << flags.jsonl << "'\n";
      return kExitUsage;
    }
    in = &file;
  }
  int failed = 0;
  std::string line;
  for (int n = 1; std::getline(*in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      err << "error: " << flags.jsonl << ":" << n << ": not a JSON object with a string 'text'\n";
      ++failed;
      continue;
    }
    std::string id = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : std::to_string(n);
    std::optional<Date> ref;
    if (j.contains("reference_time") && j["reference_time"].is_string()) {
      ref = Date::Parse(j["reference_time"].get<std::string>());
      if (!ref) {
        err << "error: " << flags.jsonl << ":" << n << ": bad reference_time\n";
        ++failed;
        continue;
      }
    }
    std::string lang = j.contains("lang") && j["lang"].is_string() ? j["lang"].get<std::string>() : flags.lang;
    const std::string text = j["text"].get<std::string>();
    nlohmann::ordered_json o;
    o["id"] = id;
    o["expressions"] = Expressions(*tools, text, ref, lang, flags.tense);
    out << o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return failed == 0 ? kExitOk : kExitFailures;
}

}  // namespace entente::cli
