// The `entente` command: parse, call, print. See docs/cli.md.
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.h"

namespace {

void AddQueryFlags(CLI::App& cmd, entente::cli::QueryFlags& f) {
  cmd.add_option("--db", f.db, "SQLite store file")->capture_default_str();
  cmd.add_option("--actor", f.actor,
                 "Events with an actor whose name contains X, or whose country or organization "
                 "code is X (case-insensitive)");
  cmd.add_option("--pair", f.pair, "Events with actors of both countries, e.g. RUS,IRN");
  cmd.add_option("--type", f.type, "Event type, e.g. MEET, PHONE_CALL");
  cmd.add_option("--from", f.from, "Events ending on or after this date (YYYY[-MM[-DD]])");
  cmd.add_option("--to", f.to, "Events starting on or before this date (YYYY[-MM[-DD]])");
  cmd.add_option("--limit", f.limit, "At most N events (1..100000)")->capture_default_str();
  cmd.add_option("--offset", f.offset, "Skip the first N events")->capture_default_str();
  cmd.add_option("--place", f.place, "Events at this place (English name) or in this country (ISO3)");
  cmd.add_option("--outlet", f.outlet, "Events reported by this outlet (a document's source)");
  cmd.add_option("--text", f.text, "Events with these words in an evidence sentence");
  cmd.add_option("--cameo-root", f.cameo_root, "Events of this CAMEO root (two digits, e.g. 04)");
  cmd.add_option("--near", f.near, "With --radius: events placed near LAT,LON");
  cmd.add_option("--radius", f.radius, "With --near: the radius in km");
}

int Main(int argc, char** argv) {
  using namespace entente::cli;
  CLI::App app{"entente: political and diplomatic events from news articles"};
  app.set_version_flag("--version", std::string("entente ") + ENTENTE_VERSION);
  app.require_subcommand(1);

  ExtractFlags extract;
  CLI::App* cmd_extract =
      app.add_subcommand("extract", "Print the events of articles as JSON Lines");
  cmd_extract->add_option("inputs", extract.inputs,
                          "Files to read (.jsonl/.ndjson, .html/.htm, else plain text); "
                          "'-' or none for standard input");
  cmd_extract->add_option("--data", extract.data_dir, "Folder of the knowledge and rule tables");
  cmd_extract->add_option("--actors", extract.actor_dicts,
                          "TABARI/PETRARCH actor dictionary to load next to data/ (repeatable)");

  IngestFlags ingest;
  CLI::App* cmd_ingest =
      app.add_subcommand("ingest", "Extract events and store them with their articles");
  cmd_ingest->add_option("inputs", ingest.extract.inputs,
                         "Files to read; '-' or none for standard input");
  cmd_ingest->add_option("--data", ingest.extract.data_dir,
                         "Folder of the knowledge and rule tables");
  cmd_ingest->add_option("--actors", ingest.extract.actor_dicts,
                         "TABARI/PETRARCH actor dictionary to load next to data/ (repeatable)");
  cmd_ingest->add_option("--db", ingest.db, "SQLite store file")->capture_default_str();

  QueryFlags events;
  CLI::App* cmd_events = app.add_subcommand("events", "Query stored events");
  AddQueryFlags(*cmd_events, events);
  cmd_events->add_option("--format", events.format, "Output: jsonl or table")
      ->capture_default_str()
      ->check(CLI::IsMember({"jsonl", "table"}));

  QueryFlags timeline;
  CLI::App* cmd_timeline =
      app.add_subcommand("timeline", "Stored events as one readable line each, by date");
  AddQueryFlags(*cmd_timeline, timeline);

  ExportFlags exp;
  CLI::App* cmd_export = app.add_subcommand("export", "Stored events as JSONL, CSV, GDELT, PLOVER, GraphML or GEXF");
  AddQueryFlags(*cmd_export, exp.query);
  cmd_export->add_option("--format", exp.format, "jsonl, csv, gdelt, plover, graphml or gexf")
      ->capture_default_str()
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt", "plover", "graphml", "gexf"}));
  cmd_export->add_option("--out", exp.out, "Output file (csv: a folder); default standard output");

  ExplainFlags explain;
  CLI::App* cmd_explain =
      app.add_subcommand("explain", "One stored event: its mentions and why they were joined");
  cmd_explain->add_option("id", explain.id, "Event id (ev-…), as printed by events and timeline")->required();
  cmd_explain->add_option("--db", explain.db, "SQLite store file")->capture_default_str();
  cmd_explain->add_flag("--json", explain.json, "The event and its mentions as one JSON line");

  PairFlags pair;
  CLI::App* cmd_pair =
      app.add_subcommand("pair", "Events between two countries per period: counts and Goldstein sums");
  cmd_pair->add_option("a", pair.a, "First country (ISO3)")->required();
  cmd_pair->add_option("b", pair.b, "Second country (ISO3)")->required();
  cmd_pair->add_option("--by", pair.by, "Period: day, month or year")
      ->capture_default_str()
      ->check(CLI::IsMember({"day", "month", "year"}));
  cmd_pair->add_option("--from", pair.from, "Events ending on or after this date");
  cmd_pair->add_option("--to", pair.to, "Events starting on or before this date");
  cmd_pair->add_option("--db", pair.db, "SQLite store file")->capture_default_str();

  RemoveFlags remove;
  CLI::App* cmd_remove =
      app.add_subcommand("remove", "Remove documents from the store; their events are merged again");
  cmd_remove->add_option("docs", remove.docs, "Document ids")->required();
  cmd_remove->add_option("--db", remove.db, "SQLite store file")->capture_default_str();

  KbFlags kb;
  CLI::App* cmd_kb = app.add_subcommand("kb", "The knowledge base: look up, check, count");
  cmd_kb->require_subcommand(1);
  auto kb_common = [&](CLI::App* c) {
    c->add_option("--data", kb.data_dir, "Folder of the knowledge and rule tables");
    c->add_option("--actors", kb.actor_dicts, "TABARI/PETRARCH actor dictionary to load too (repeatable)");
  };
  CLI::App* cmd_kb_lookup =
      cmd_kb->add_subcommand("lookup", "What a name, title or place stands for on a date, best first");
  cmd_kb_lookup->add_option("phrase", kb.phrase, "e.g. \"le président iranien\"")->required();
  cmd_kb_lookup->add_option("--date", kb.date, "Date of reference (YYYY[-MM[-DD]]); none: every holder");
  cmd_kb_lookup->add_option("--lang", kb.lang, "Language of the phrase")
      ->capture_default_str()
      ->check(CLI::IsMember({"fr", "en"}));
  cmd_kb_lookup->add_flag("--json", kb.json, "One JSON object a line");
  kb_common(cmd_kb_lookup);
  CLI::App* cmd_kb_check = cmd_kb->add_subcommand("check", "Validate every table; list every problem");
  kb_common(cmd_kb_check);
  CLI::App* cmd_kb_stats = cmd_kb->add_subcommand("stats", "Coverage of the knowledge base");
  kb_common(cmd_kb_stats);

  TimeFlags time;
  CLI::App* cmd_time = app.add_subcommand("time", "Time expressions of a text, resolved against a date");
  cmd_time->add_option("text", time.text, "The text (or use --jsonl)");
  cmd_time->add_option("--ref", time.ref, "Reference date YYYY-MM-DD (the publication date)");
  cmd_time->add_option("--lang", time.lang, "Language of the text")->capture_default_str()->check(
      CLI::IsMember({"fr", "en"}));
  cmd_time->add_option("--jsonl", time.jsonl,
                       "Read {id, text, reference_time, lang} lines from FILE ('-': stdin); write "
                       "{id, expressions} lines");
  cmd_time->add_option("--tense", time.tense, "Reading of weekday and month names: auto (from the sentence), past, future")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "past", "future"}));
  cmd_time->add_flag("--json", time.json, "One JSON object per expression");
  cmd_time->add_option("--data", time.data_dir, "Folder of the knowledge and rule tables");

  ServeFlags serve;
  CLI::App* cmd_serve = app.add_subcommand("serve", "Serve the JSON API and the analyst's page over a store");
  cmd_serve->add_option("--db", serve.db, "SQLite store file")->capture_default_str();
  cmd_serve->add_option("--port", serve.port, "TCP port (0: any free port)")->capture_default_str()->check(
      CLI::Range(0, 65535));
  cmd_serve->add_option("--bind", serve.bind, "Address to listen on (loopback by default)")->capture_default_str();
  cmd_serve->add_option("--threads", serve.threads, "Worker threads, each serving one kept-alive connection at a time (0: 64)")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  cmd_serve->add_option("--timeout-ms", serve.timeout_ms, "Deadline of one request's queries")
      ->capture_default_str()
      ->check(CLI::Range(10, 600000));
  cmd_serve->add_option("--ingest-token", serve.ingest_token,
                        "Turn on POST /api/v1/documents, behind this bearer token (16+ characters)");
  cmd_serve->add_option("--data", serve.data_dir, "Folder of the knowledge and rule tables (live ingest)");
  cmd_serve->add_flag("--log", serve.log, "One line per request on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (cmd_extract->parsed()) return RunExtract(extract, std::cout, std::cerr);
  if (cmd_ingest->parsed()) return RunIngest(ingest, std::cerr);
  if (cmd_events->parsed()) return RunEvents(events, std::cout, std::cerr);
  if (cmd_timeline->parsed()) return RunTimeline(timeline, std::cout, std::cerr);
  if (cmd_export->parsed()) return RunExport(exp, std::cout, std::cerr);
  if (cmd_explain->parsed()) return RunExplain(explain, std::cout, std::cerr);
  if (cmd_pair->parsed()) return RunPair(pair, std::cout, std::cerr);
  if (cmd_remove->parsed()) return RunRemove(remove, std::cerr);
  if (cmd_serve->parsed()) return RunServe(serve, std::cout, std::cerr);
  if (cmd_time->parsed()) {
    if (time.text.empty() == time.jsonl.empty()) {
      std::cerr << "error: give a text or --jsonl FILE (one of them)\n";
      return kExitUsage;
    }
    return RunTime(time, std::cout, std::cerr);
  }
  if (cmd_kb_lookup->parsed()) return RunKbLookup(kb, std::cout, std::cerr);
  if (cmd_kb_check->parsed()) return RunKbCheck(kb, std::cout, std::cerr);
  if (cmd_kb_stats->parsed()) return RunKbStats(kb, std::cout, std::cerr);
  std::cerr << app.help();
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << "\n";
    return 3;
  } catch (...) {
    std::cerr << "error: internal: unknown exception\n";
    return 3;
  }
}
