// `entente kb lookup|check|stats`: the knowledge base, for users and for the
// people who review its tables. See docs/cli.md.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "entente/pipeline.h"
#include "format.h"
#include "kb/kb.h"
#include "kb/lookup.h"
#include "text/segment.h"

namespace entente::cli {
namespace {

std::string DataDir(const KbFlags& flags) { return flags.data_dir.empty() ? DefaultDataDir() : flags.data_dir; }

// The knowledge base and a segmenter for `lang`, or nullptr after an error on `err`.
struct Loaded {
  std::unique_ptr<Segmenter> kb_segmenter;
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<KnowledgeBase> kb;
};

std::optional<Loaded> LoadKb(const KbFlags& flags, std::ostream& err) {
  const std::string data = DataDir(flags);
  std::error_code ec;
  if (!std::filesystem::is_directory(data, ec)) {
    err << "error: data folder '" << data << "' does not exist\n";
    return std::nullopt;
  }
  Loaded l;
  auto kb_seg = Segmenter::Create(data, "fr");  // the tables are compiled as the pipeline compiles them
  auto seg = Segmenter::Create(data, flags.lang);
  if (!kb_seg.ok() || !seg.ok()) {
    err << "error: " << (kb_seg.ok() ? seg.status() : kb_seg.status()).message() << "\n";
    return std::nullopt;
  }
  l.kb_segmenter = std::move(*kb_seg);
  l.segmenter = std::move(*seg);
  auto kb = KnowledgeBase::Load(data, *l.kb_segmenter, KbOptions{flags.actor_dicts});
  if (!kb.ok()) {
    err << "error: " << kb.status().message() << "\n";
    return std::nullopt;
  }
  l.kb = std::move(*kb);
  return l;
}

}  // namespace

int RunKbLookup(const KbFlags& flags, std::ostream& out, std::ostream& err) {
  Result<std::optional<Date>> date = ParseOptionalDate(flags.date, "--date", false);
  if (!date.ok()) {
    err << "error: " << date.status().message() << "\n";
    return kExitUsage;
  }
  std::optional<Loaded> l = LoadKb(flags, err);
  if (!l) return kExitUsage;
  std::vector<KbCandidate> cs = Lookup(*l->kb, *l->segmenter, flags.phrase, *date);
  for (const KbCandidate& c : cs) {
    if (flags.json) {
      nlohmann::ordered_json j;
      j["kind"] = c.kind;
      j["matched"] = c.matched;
      j["name"] = c.name.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.name);
      j["country"] = c.country.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.country);
      j["org"] = c.org.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.org);
      if (!c.code.empty()) j["code"] = c.code;
      j["office"] = c.office.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.office);
      j["from"] = c.from.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.from);
      j["to"] = c.to.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.to);
      if (c.kind == "place") {
        j["lat"] = c.lat;
        j["lon"] = c.lon;
      }
      j["source"] = c.source;
      j["why"] = c.why;
      out << j.dump() << "\n";
      continue;
    }
    std::string line = fmt::format("{:<8} {:<28}", c.kind, "\"" + c.matched + "\"");
    if (!c.name.empty()) line += " " + c.name;
    std::string where = c.country.empty() ? c.org : (c.org.empty() ? c.country : c.country + ", " + c.org);
    if (!where.empty()) line += " (" + where + ")";
    if (!c.code.empty()) line += " [" + c.code + "]";
    if (!c.office.empty()) line += ", " + c.office;
    if (!c.from.empty() || !c.to.empty()) line += " " + c.from + ".." + c.to;
    if (c.kind == "place") line += fmt::format(" {:.2f},{:.2f}", c.lat, c.lon);
    if (!c.why.empty()) line += "  [" + c.why + "]";
    out << line << "\n";
  }
  if (cs.empty()) {
    err << "nothing known in '" << flags.phrase << "'\n";
    return kExitFailures;
  }
  return kExitOk;
}

int RunKbCheck(const KbFlags& flags, std::ostream& out, std::ostream& err) {
  const std::string data = DataDir(flags);
  auto seg = Segmenter::Create(data, "fr");
  if (!seg.ok()) {
    err << "error: " << seg.status().message() << "\n";
    return kExitFailures;
  }
  std::vector<std::string> problems = KnowledgeBase::Check(data, **seg, KbOptions{flags.actor_dicts});
  for (const std::string& p : problems) err << "error: " << p << "\n";
  if (!problems.empty()) {
    err << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " in " << data << "\n";
    return kExitFailures;
  }
  out << "ok: " << data << " (countries, places, seats, organizations, offices, people, terms, titles"
      << (flags.actor_dicts.empty() ? "" : ", actor dictionaries") << ")\n";
  return kExitOk;
}

int RunKbStats(const KbFlags& flags, std::ostream& out, std::ostream& err) {
  std::optional<Loaded> l = LoadKb(flags, err);
  if (!l) return kExitUsage;
  KbStats s = l->kb->Stats();
  auto row = [&](std::string_view what, size_t n) { out << fmt::format("{:<44} {:>7}\n", what, n); };
  row("countries and territories", s.countries);
  row("places", s.places);
  row("  of which national capitals", s.capitals);
  row("seats of power (metonyms)", s.seats);
  row("international organizations", s.orgs);
  row("offices", s.offices);
  row("  of which with a known holder", s.offices_with_holders);
  row("people", s.persons);
  row("terms of office", s.terms);
  row("countries: head of state known 2000-today", s.countries_hos_complete);
  row("titles (French and English)", s.titles);
  row("names shared by several people", s.shared_surnames);
  row("keys in the automaton", s.keys);
  if (!flags.actor_dicts.empty()) row("actors imported from dictionaries", s.imported_actors);
  return kExitOk;
}

}  // namespace entente::cli
