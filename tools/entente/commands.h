// The subcommands of the `entente` command, with their output streams
// injected. Each returns the process exit status:
//   0  every input was processed
//   1  some input or document failed (the others were still processed)
//   2  usage or set-up error (bad flag value, data folder, store file)
#ifndef ENTENTE_TOOLS_ENTENTE_COMMANDS_H_
#define ENTENTE_TOOLS_ENTENTE_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

namespace entente::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailures = 1;
inline constexpr int kExitUsage = 2;

struct ExtractFlags {
  std::vector<std::string> inputs;  // empty = standard input
  std::string data_dir;             // "" = DefaultDataDir()
  std::vector<std::string> actor_dicts;  // TABARI/PETRARCH actor dictionaries
};

struct IngestFlags {
  ExtractFlags extract;
  std::string db = "entente.db";
};

struct QueryFlags {
  std::string db = "entente.db";
  std::string actor;
  std::string pair;  // "RUS,IRN"
  std::string type;
  std::string from;  // YYYY[-MM[-DD]]
  std::string to;
  int limit = 1000;
  int offset = 0;
  std::string format = "jsonl";  // events: "jsonl" or "table"
  std::string place;
  std::string outlet;
  std::string text;
  std::string cameo_root;
  std::string near;    // "LAT,LON"
  double radius = 0;   // km, with near
};

// `entente kb lookup|check|stats`.
struct KbFlags {
  std::string data_dir;                  // "" = DefaultDataDir()
  std::vector<std::string> actor_dicts;  // TABARI/PETRARCH actor dictionaries
  std::string phrase;                    // lookup
  std::string date;                      // lookup: YYYY[-MM[-DD]]; "" = every holder
  std::string lang = "fr";               // lookup: how the phrase is segmented
  bool json = false;                     // lookup: one JSON object a line
};

int RunKbLookup(const KbFlags& flags, std::ostream& out, std::ostream& err);
int RunKbCheck(const KbFlags& flags, std::ostream& out, std::ostream& err);
int RunKbStats(const KbFlags& flags, std::ostream& out, std::ostream& err);

// `entente time`.
struct TimeFlags {
  std::string data_dir;
  std::string text;           // the text to tag (when no --jsonl)
  std::string ref;            // reference date (YYYY-MM-DD); "" = none
  std::string lang = "fr";
  std::string jsonl;          // a file of {id, text, reference_time, lang} lines; "-" = stdin
  std::string tense = "auto"; // auto | past | future: which reading of tense-dependent expressions
  bool json = false;
};

int RunTime(const TimeFlags& flags, std::ostream& out, std::ostream& err);

struct ExplainFlags {
  std::string db = "entente.db";
  std::string id;
  bool json = false;
};

struct PairFlags {
  std::string db = "entente.db";
  std::string a, b;       // ISO3 codes
  std::string by = "month";
  std::string from, to;   // YYYY[-MM[-DD]]
};

struct RemoveFlags {
  std::string db = "entente.db";
  std::vector<std::string> docs;
};

struct ExportFlags {
  QueryFlags query;         // filters (limit/offset ignored: every matching event)
  std::string format = "jsonl";
  std::string out;          // file (csv: a folder for events.csv and mentions.csv); "" = stdout
};

int RunExport(const ExportFlags& flags, std::ostream& out, std::ostream& err);

int RunExplain(const ExplainFlags& flags, std::ostream& out, std::ostream& err);
int RunPair(const PairFlags& flags, std::ostream& out, std::ostream& err);
int RunRemove(const RemoveFlags& flags, std::ostream& err);

// `entente serve`: the JSON API and the analyst's page (docs/server.md).
struct ServeFlags {
  std::string db = "entente.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 0;              // 0 = 2 × hardware threads, at least 4
  int timeout_ms = 5000;        // per-request query deadline
  std::string ingest_token;     // non-empty: POST /api/v1/documents is on
  std::string data_dir;         // tables for live ingest
  bool log = false;
};

// Serves until the process is stopped.
int RunServe(const ServeFlags& flags, std::ostream& out, std::ostream& err);

int RunExtract(const ExtractFlags& flags, std::ostream& out, std::ostream& err);
int RunIngest(const IngestFlags& flags, std::ostream& err);
int RunEvents(const QueryFlags& flags, std::ostream& out, std::ostream& err);
int RunTimeline(const QueryFlags& flags, std::ostream& out, std::ostream& err);

}  // namespace entente::cli

#endif  // ENTENTE_TOOLS_ENTENTE_COMMANDS_H_
