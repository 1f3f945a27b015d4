#include "commands.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "entente/document.h"
#include "entente/event.h"
#include "entente/pipeline.h"
#include "entente/reader.h"
#include "entente/status.h"
#include "entente/store.h"
#include "export/export.h"
#include "format.h"
#include <fstream>
#include <optional>

namespace entente::cli {

namespace {

std::unique_ptr<Pipeline> MakePipeline(const ExtractFlags& flags, std::ostream& err) {
  PipelineOptions options;
  options.data_dir = flags.data_dir.empty() ? DefaultDataDir() : flags.data_dir;
  options.actor_dicts = flags.actor_dicts;
  std::error_code ec;
  if (!std::filesystem::is_directory(options.data_dir, ec)) {
    err << "error: data folder '" << options.data_dir << "' does not exist\n";
    return nullptr;
  }
  Result<std::unique_ptr<Pipeline>> p = Pipeline::Create(options);
  if (!p.ok()) {
    err << "error: " << p.status().message() << "\n";
    return nullptr;
  }
  return std::move(*p);
}

std::vector<std::string> InputsOrStdin(const std::vector<std::string>& inputs) {
  return inputs.empty() ? std::vector<std::string>{"-"} : inputs;
}

std::string Origin(const Document& doc) { return doc.origin.empty() ? doc.id : doc.origin; }

// Reads one input and extracts the events of each document; `on_events` is
// called for each document that was read and extracted. Diagnostics go to
// `err`; returns the number of documents (or whole inputs) that failed.
template <typename OnEvents>
int ExtractInput(const Pipeline& pipeline, const std::string& path, std::ostream& err,
                 OnEvents&& on_events) {
  int failed = 0;
  ReadOptions read_options;
  Status st = ReadPath(path, read_options, [&](Result<Document> doc) {
    if (!doc.ok()) {
      err << "error: " << doc.status().message() << "\n";
      ++failed;
      return;
    }
    const std::string origin = Origin(*doc);
    for (const std::string& w : doc->warnings) err << "warning: " << origin << ": " << w << "\n";
    std::vector<std::string> warnings;
    Result<std::vector<Event>> events = pipeline.Extract(*doc, &warnings);
    for (const std::string& w : warnings) err << "warning: " << origin << ": " << w << "\n";
    if (!events.ok()) {
      err << "error: " << origin << ": " << events.status().message() << "\n";
      ++failed;
      return;
    }
    if (!on_events(*doc, *events)) ++failed;
  });
  if (!st.ok()) {
    err << "error: " << st.message() << "\n";
    ++failed;
  }
  return failed;
}

Result<EventQuery> MakeQuery(const QueryFlags& flags) {
  EventQuery q;
  q.actor = flags.actor;
  q.type = flags.type;
  q.place = flags.place;
  q.outlet = flags.outlet;
  q.text = flags.text;
  q.cameo_root = flags.cameo_root;
  if (!flags.near.empty() || flags.radius != 0) {
    double lat = 0, lon = 0;
    char extra = 0;
    if (flags.near.empty() || std::sscanf(flags.near.c_str(), "%lf,%lf%c", &lat, &lon, &extra) != 2 ||
        flags.radius <= 0) {
      return Status::InvalidArgument("--near LAT,LON and --radius KM go together (e.g. --near 55.75,37.62 --radius 50)");
    }
    q.near_lat = lat;
    q.near_lon = lon;
    q.radius_km = flags.radius;
  }
  if (!flags.pair.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(auto pair, ParsePair(flags.pair));
    q.country_a = pair.first;
    q.country_b = pair.second;
  }
  if (!flags.from.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(q.from, ParseQueryDate(flags.from, "--from", /*as_end=*/false));
  }
  if (!flags.to.empty()) {
    ENTENTE_ASSIGN_OR_RETURN(q.to, ParseQueryDate(flags.to, "--to", /*as_end=*/true));
  }
  if (q.from && q.to && *q.to < *q.from) {
    return Status::InvalidArgument("--to " + flags.to + " is before --from " + flags.from);
  }
  if (flags.limit < 1 || flags.limit > 100000) {
    return Status::InvalidArgument("--limit must be between 1 and 100000");
  }
  if (flags.offset < 0) return Status::InvalidArgument("--offset must not be negative");
  q.limit = flags.limit;
  q.offset = flags.offset;
  return q;
}

// Opens an existing store for a query; nullptr (after a message) otherwise.
std::unique_ptr<Store> OpenExisting(const std::string& db, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    err << "error: store '" << db << "' does not exist (create it with 'entente ingest --db "
        << db << "')\n";
    return nullptr;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db);
  if (!store.ok()) {
    err << "error: " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(*store);
}

// Runs the query of `flags` over the merged events. On error, prints it and
// sets *exit_code.
Result<std::vector<MergedEventRow>> Query(const QueryFlags& flags, bool with_mentions, std::ostream& err,
                                         int* exit_code) {
  Result<EventQuery> q = MakeQuery(flags);
  if (!q.ok()) {
    err << "error: " << q.status().message() << "\n";
    *exit_code = kExitUsage;
    return q.status();
  }
  std::unique_ptr<Store> store = OpenExisting(flags.db, err);
  if (store == nullptr) {
    *exit_code = kExitUsage;
    return Status::NotFound(flags.db);
  }
  Result<std::vector<MergedEventRow>> events = store->MergedEvents(*q, with_mentions);
  if (!events.ok()) {
    err << "error: " << events.status().message() << "\n";
    *exit_code = kExitFailures;
  }
  return events;
}

}  // namespace

int RunExtract(const ExtractFlags& flags, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Pipeline> pipeline = MakePipeline(flags, err);
  if (pipeline == nullptr) return kExitUsage;
  int failed = 0;
  for (const std::string& path : InputsOrStdin(flags.inputs)) {
    failed += ExtractInput(*pipeline, path, err,
                           [&](const Document&, const std::vector<Event>& events) {
                             for (const Event& e : events) out << EventToJson(e) << "\n";
                             out.flush();
                             return true;
                           });
  }
  return failed == 0 ? kExitOk : kExitFailures;
}

int RunIngest(const IngestFlags& flags, std::ostream& err) {
  std::unique_ptr<Pipeline> pipeline = MakePipeline(flags.extract, err);
  if (pipeline == nullptr) return kExitUsage;
  Result<std::unique_ptr<Store>> opened = Store::Open(flags.db);
  if (!opened.ok()) {
    err << "error: " << opened.status().message() << "\n";
    return kExitUsage;
  }
  Store& store = **opened;

  int64_t added = 0, unchanged = 0, replaced = 0, events_total = 0;
  int failed = 0;
  for (const std::string& path : InputsOrStdin(flags.extract.inputs)) {
    // One transaction per input file; documents are stored as they stream by.
    Status st = store.BeginBatch();
    if (!st.ok()) {
      err << "error: " << path << ": " << st.message() << "\n";
      ++failed;
      continue;
    }
    int64_t b_added = 0, b_unchanged = 0, b_replaced = 0, b_events = 0, b_docs = 0;
    failed += ExtractInput(*pipeline, path, err,
                           [&](const Document& doc, const std::vector<Event>& events) {
                             Result<IngestOutcome> r = store.Ingest(doc, events);
                             if (!r.ok()) {
                               err << "error: " << Origin(doc) << ": " << r.status().message()
                                   << "\n";
                               return false;
                             }
                             ++b_docs;
                             b_events += static_cast<int64_t>(events.size());
                             switch (*r) {
                               case IngestOutcome::kAdded: ++b_added; break;
                               case IngestOutcome::kUnchanged: ++b_unchanged; break;
                               case IngestOutcome::kReplaced: ++b_replaced; break;
                             }
                             return true;
                           });
    st = store.CommitBatch();
    if (!st.ok()) {
      err << "error: " << path << ": " << st.message() << " (its documents were not stored)\n";
      (void)store.RollbackBatch();
      failed += static_cast<int>(b_docs);
      continue;
    }
    added += b_added;
    unchanged += b_unchanged;
    replaced += b_replaced;
    events_total += b_events;
  }
  err << (added + unchanged + replaced) << " documents (" << added << " added, " << unchanged
      << " unchanged, " << replaced << " replaced), " << events_total << " events, " << failed
      << " failed\n";
  return failed == 0 ? kExitOk : kExitFailures;
}

int RunEvents(const QueryFlags& flags, std::ostream& out, std::ostream& err) {
  if (flags.format != "jsonl" && flags.format != "table") {
    err << "error: --format must be 'jsonl' or 'table', not '" << flags.format << "'\n";
    return kExitUsage;
  }
  int code = kExitOk;
  Result<std::vector<MergedEventRow>> events = Query(flags, flags.format == "jsonl", err, &code);
  if (!events.ok()) return code;
  if (flags.format == "jsonl") {
    for (const MergedEventRow& e : *events) out << MergedEventJson(e) << "\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(events->size());
    for (const MergedEventRow& e : *events) {
      std::vector<std::string> row = EventTableRow(e.event);
      row.push_back(std::to_string(e.num_articles));
      row.push_back(e.id);
      rows.push_back(std::move(row));
    }
    std::vector<std::string> header = EventTableHeader();
    header.push_back("ARTICLES");
    header.push_back("ID");
    out << FormatTable(header, rows);
  }
  return kExitOk;
}

int RunTimeline(const QueryFlags& flags, std::ostream& out, std::ostream& err) {
  int code = kExitOk;
  Result<std::vector<MergedEventRow>> events = Query(flags, false, err, &code);
  if (!events.ok()) return code;
  for (const MergedEventRow& e : *events) out << MergedTimelineLine(e) << "\n";
  return kExitOk;
}

int RunExport(const ExportFlags& flags, std::ostream& out, std::ostream& err) {
  QueryFlags qf = flags.query;
  qf.limit = 1;  // checked by MakeQuery; the pages below set their own
  qf.offset = 0;
  Result<EventQuery> q = MakeQuery(qf);
  if (!q.ok()) {
    err << "error: " << q.status().message() << "\n";
    return kExitUsage;
  }
  std::ofstream file, mentions_file;
  std::ostream* dest = &out;
  std::ostream* mentions = nullptr;
  if (flags.format == "csv") {
    if (flags.out.empty()) {
      err << "error: --format csv writes two files: give --out FOLDER (events.csv, mentions.csv)\n";
      return kExitUsage;
    }
    std::error_code ec;
    std::filesystem::create_directories(flags.out, ec);
    file.open(std::filesystem::path(flags.out) / "events.csv", std::ios::binary | std::ios::trunc);
    mentions_file.open(std::filesystem::path(flags.out) / "mentions.csv", std::ios::binary | std::ios::trunc);
    if (!file || !mentions_file) {
      err << "error: cannot write into '" << flags.out << "'\n";
      return kExitUsage;
    }
    dest = &file;
    mentions = &mentions_file;
  } else if (!flags.out.empty()) {
    file.open(flags.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "error: cannot write '" << flags.out << "'\n";
      return kExitUsage;
    }
    dest = &file;
  }
  Result<std::unique_ptr<Exporter>> exporter = Exporter::Create(flags.format, *dest, mentions);
  if (!exporter.ok()) {
    err << "error: " << exporter.status().message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenExisting(flags.query.db, err);
  if (store == nullptr) return kExitUsage;
  // Page through the events so that memory stays flat however large the store.
  constexpr int kPage = 2000;
  int64_t n = 0;
  for (int offset = 0;; offset += kPage) {
    EventQuery page = *q;
    page.limit = kPage;
    page.offset = offset;
    Result<std::vector<MergedEventRow>> rows = store->MergedEvents(page, /*with_mentions=*/true);
    if (!rows.ok()) {
      err << "error: " << rows.status().message() << "\n";
      return kExitFailures;
    }
    for (const MergedEventRow& r : *rows) (*exporter)->Add(r);
    n += static_cast<int64_t>(rows->size());
    if (rows->size() < static_cast<size_t>(kPage)) break;
  }
  (*exporter)->Finish();
  if (!dest->good() || (mentions != nullptr && !mentions->good())) {
    err << "error: writing the export failed\n";
    return kExitFailures;
  }
  err << n << " events exported as " << flags.format << "\n";
  return kExitOk;
}

int RunExplain(const ExplainFlags& flags, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Store> store = OpenExisting(flags.db, err);
  if (store == nullptr) return kExitUsage;
  Result<std::optional<MergedEventRow>> ev = store->GetEvent(flags.id);
  if (!ev.ok()) {
    err << "error: " << ev.status().message() << "\n";
    return kExitFailures;
  }
  if (!ev->has_value()) {
    err << "error: no event '" << flags.id << "' in " << flags.db << "\n";
    return kExitFailures;
  }
  if (flags.json) {
    out << MergedEventJson(**ev) << "\n";
    return kExitOk;
  }
  out << ExplainText(**ev);
  return kExitOk;
}

int RunPair(const PairFlags& flags, std::ostream& out, std::ostream& err) {
  Result<std::pair<std::string, std::string>> pair = ParsePair(flags.a + "," + flags.b);
  if (!pair.ok()) {
    err << "error: " << pair.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::optional<Date>> from = ParseOptionalDate(flags.from, "--from", false);
  Result<std::optional<Date>> to = ParseOptionalDate(flags.to, "--to", true);
  for (const Status& st : {from.status(), to.status()}) {
    if (!st.ok()) {
      err << "error: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  std::unique_ptr<Store> store = OpenExisting(flags.db, err);
  if (store == nullptr) return kExitUsage;
  Result<std::vector<PairBucket>> stats = store->PairStats(pair->first, pair->second, flags.by, *from, *to);
  if (!stats.ok()) {
    err << "error: " << stats.status().message() << "\n";
    return stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailures;
  }
  std::vector<std::vector<std::string>> rows;
  for (const PairBucket& b : *stats) rows.push_back({b.period, std::to_string(b.events), FormatGoldstein(b.goldstein)});
  out << FormatTable({"PERIOD", "EVENTS", "GOLDSTEIN"}, rows);
  return kExitOk;
}

int RunRemove(const RemoveFlags& flags, std::ostream& err) {
  std::unique_ptr<Store> store = OpenExisting(flags.db, err);
  if (store == nullptr) return kExitUsage;
  Status st = store->BeginBatch();
  int missing = 0;
  for (const std::string& id : flags.docs) {
    if (!st.ok()) break;
    Result<bool> r = store->RemoveDocument(id);
    if (!r.ok()) {
      st = r.status();
    } else if (!*r) {
      err << "warning: no document '" << id << "' in " << flags.db << "\n";
      ++missing;
    }
  }
  if (st.ok()) st = store->CommitBatch();
  if (!st.ok()) {
    (void)store->RollbackBatch();
    err << "error: " << st.message() << " (nothing was removed)\n";
    return kExitFailures;
  }
  err << (flags.docs.size() - static_cast<size_t>(missing)) << " documents removed\n";
  return missing == 0 ? kExitOk : kExitFailures;
}

}  // namespace entente::cli
