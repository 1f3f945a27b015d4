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
// Each event a document yields is a *mention*; the store joins the mentions of
// one real-world event into one merged event (src/merge/merge.h gives the
// rules). Merging happens when a batch commits, block by block, and depends
// only on the set of mentions: any ingest order gives the same events.
//
// Thread safety: one Store per thread.
#ifndef ENTENTE_STORE_H_
#define ENTENTE_STORE_H_

#include <chrono>
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

inline constexpr int kStoreSchemaVersion = 2;

enum class IngestOutcome { kAdded, kUnchanged, kReplaced };

struct EventQuery {
  std::string actor;      // matches an actor's name, country or org (case-insensitive); "" = any
  std::string country_a;  // with country_b: events with actors of both countries
  std::string country_b;
  std::string type;       // "" = any
  std::optional<Date> from;  // events whose date range overlaps [from, to]
  std::optional<Date> to;
  // Merged events only:
  std::string place;   // the place's name or country code (case-insensitive); "" = any
  std::string outlet;  // an outlet that reported the event; "" = any
  std::string text;    // words in an evidence sentence (case-insensitive for ASCII); "" = any
  std::string cameo_root;  // two-digit CAMEO root ("04"); "" = any
  double near_lat = 0, near_lon = 0;  // with radius_km > 0: events placed within the radius
  double radius_km = 0;
  int limit = 1000;  // at most this many rows (1..100000)
  int offset = 0;
};

struct StoredEvent {
  int64_t id = 0;
  Event event;
};

// One report of a merged event.
struct EventMention {
  int64_t mention_id = 0;
  std::string doc;
  std::string outlet;      // the document's source
  std::string url;         // the document's URL, "" when unknown
  std::string published;   // the document's publication date, "" when unknown
  std::string rule;        // why it joined the event ("first mention" for the first)
  Event event;             // the mention as extracted
};

struct MergedEventRow {
  std::string id;          // "ev-…", stable for a given set of mentions
  Event event;             // the merged fields (doc: the first mention's document)
  int num_mentions = 0;    // sentences that report it
  int num_articles = 0;
  int num_sources = 0;     // distinct outlets
  std::string first_seen;  // publication dates of the first and last report
  std::string last_seen;
  bool recalled = false;   // known only from background recalls
  std::vector<EventMention> mentions;  // filled by GetEvent() and by MergedEvents(with_mentions)
};

// Counts and Goldstein sums of the merged events between two countries.
struct PairBucket {
  std::string period;  // "2023-01" (month), "2023" (year) or "2023-01-19" (day)
  int events = 0;
  double goldstein = 0;
};

// An actor of the merged events, for search (Store::Actors).
struct ActorSummary {
  std::string name;     // "" for a country or organization alone
  std::string country;  // ISO3; "" for an organization
  std::string org;      // "" unless an organization
  int events = 0;       // merged events it takes part in
};

// A place of the merged events (Store::Places).
struct PlaceSummary {
  std::string name;     // English name ("Moscow", or a country's name)
  std::string country;  // ISO3
  double lat = 0, lon = 0;
  bool has_coordinates = false;  // false for a country as a whole
  int events = 0;
};

// A stored article, without its text (Store::Documents).
struct DocumentSummary {
  std::string id, url, source, language, title, published;
  int mentions = 0;  // events extracted from it
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
  virtual Result<int64_t> CountEvents() = 0;  // mentions

  // Merged events sorted by date (undated last), then id.
  virtual Result<std::vector<MergedEventRow>> MergedEvents(const EventQuery& query, bool with_mentions) = 0;
  // One merged event with its mentions; nullopt when no such id.
  virtual Result<std::optional<MergedEventRow>> GetEvent(const std::string& id) = 0;
  virtual Result<int64_t> CountMergedEvents() = 0;
  // A number that changes whenever the store's content may have changed: a
  // commit on this connection or on any other (PRAGMA data_version). For
  // caches of query results.
  virtual Result<int64_t> DataVersion() = 0;
  // Removes a document and its mentions; their events are merged again at
  // commit (an event with no mention left is gone). REQUIRES: inside a batch.
  // False when there was no such document.
  virtual Result<bool> RemoveDocument(const std::string& doc_id) = 0;
  // Merged events with an actor of each country, by `by` ("day", "month", "year").
  virtual Result<std::vector<PairBucket>> PairStats(const std::string& country_a, const std::string& country_b,
                                                    const std::string& by, std::optional<Date> from,
                                                    std::optional<Date> to) = 0;

  // Distinct actors of merged events whose name, office, country or org
  // contains `text` (case-insensitive for ASCII; "" = all), most events first.
  // REQUIRES: 1 <= limit <= 1000.
  virtual Result<std::vector<ActorSummary>> Actors(const std::string& text, int limit) = 0;
  // Distinct places of merged events whose name or country contains `text`
  // ("" = all), most events first. REQUIRES: 1 <= limit <= 1000.
  virtual Result<std::vector<PlaceSummary>> Places(const std::string& text, int limit) = 0;
  // Documents, most recently published first, then by id.
  // REQUIRES: 1 <= limit <= 1000, offset >= 0.
  virtual Result<std::vector<DocumentSummary>> Documents(int limit, int offset) = 0;
  // Reads that are still running at `deadline` stop with kStoreError
  // "query interrupted: deadline passed"; nullopt (the default) = no deadline.
  // The server sets one per request so that a slow query cannot hold a worker.
  virtual void SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline) = 0;

 protected:
  Store() = default;
};

}  // namespace entente

#endif  // ENTENTE_STORE_H_
