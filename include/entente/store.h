// The embedded event store (SQLite).
//
//   auto store = Store::Open("entente.db");
//   ENTENTE_RETURN_IF_ERROR((*store)->BeginBatch());
//   (*store)->Ingest(doc, events);          // once per document
//   ENTENTE_RETURN_IF_ERROR((*store)->CommitBatch());
//
// The file uses WAL mode and a versioned schema (PRAGMA user_version, see
// docs/store-schema.md); Open() migrates an older file and refuses a newer
// one. Writes happen in one transaction per batch, so a crash leaves the store
// as it was before the batch. A document is keyed by its id and a hash of its
// content: ingesting the same document again changes nothing; a changed
// document with the same id replaces its events.
//
// Thread safety: one Store per thread.
#ifndef ENTENTE_STORE_H_
#define ENTENTE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/date.h"
#include "entente/document.h"
#include "entente/event.h"
#include "entente/status.h"

namespace entente {

inline constexpr int kStoreSchemaVersion = 1;

enum class IngestOutcome { kAdded, kUnchanged, kReplaced };

struct EventQuery {
  std::string actor;      // matches an actor's name, country or org (case-insensitive); "" = any
  std::string country_a;  // with country_b: events with actors of both countries
  std::string country_b;
  std::string type;       // "" = any
  std::optional<Date> from;  // events whose date range overlaps [from, to]
  std::optional<Date> to;
  int limit = 1000;  // at most this many rows (1..100000)
  int offset = 0;
};

struct StoredEvent {
  int64_t id = 0;
  Event event;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  virtual ~Store();
  Store(const Store&) = delete;  // owns a database connection
  Store& operator=(const Store&) = delete;

  virtual Status BeginBatch() = 0;
  virtual Status CommitBatch() = 0;
  virtual Status RollbackBatch() = 0;

  // REQUIRES: inside a batch.
  virtual Result<IngestOutcome> Ingest(const Document& doc, const std::vector<Event>& events) = 0;

  // Events sorted by date (undated last), then document and position.
  virtual Result<std::vector<StoredEvent>> Events(const EventQuery& query) = 0;
  virtual Result<int64_t> CountDocuments() = 0;
  virtual Result<int64_t> CountEvents() = 0;

 protected:
  Store() = default;
};

}  // namespace entente

#endif  // ENTENTE_STORE_H_
