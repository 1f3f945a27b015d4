#include "commands.h"

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
#include "format.h"

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

// Runs the query of `flags`. On error, prints it and sets *exit_code.
Result<std::vector<StoredEvent>> Query(const QueryFlags& flags, std::ostream& err, int* exit_code) {
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
  Result<std::vector<StoredEvent>> events = store->Events(*q);
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
  Result<std::vector<StoredEvent>> events = Query(flags, err, &code);
  if (!events.ok()) return code;
  if (flags.format == "jsonl") {
    for (const StoredEvent& e : *events) out << JsonWithId(e.id, EventToJson(e.event)) << "\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(events->size());
    for (const StoredEvent& e : *events) rows.push_back(EventTableRow(e.event));
    out << FormatTable(EventTableHeader(), rows);
  }
  return kExitOk;
}

int RunTimeline(const QueryFlags& flags, std::ostream& out, std::ostream& err) {
  int code = kExitOk;
  Result<std::vector<StoredEvent>> events = Query(flags, err, &code);
  if (!events.ok()) return code;
  for (const StoredEvent& e : *events) out << TimelineLine(e.event) << "\n";
  return kExitOk;
}

}  // namespace entente::cli
