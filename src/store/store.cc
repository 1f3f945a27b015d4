// The SQLite implementation of Store. Schema: docs/store-schema.md.
#include "entente/store.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/event_json.h"
#include "store/sqlite_util.h"


namespace entente {

using store_internal::Exec;
using store_internal::SqliteError;
using store_internal::Stmt;

namespace {

// Migration i takes a file from user_version i to i + 1. Append only: never
// edit a step that has shipped; kStoreSchemaVersion == size of this table.
constexpr const char* kMigrations[] = {
    // 0 -> 1: documents, events, actors.
    R"sql(
CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  url           TEXT,
  source        TEXT,
  language      TEXT,
  title         TEXT,
  published     TEXT,
  content_hash  TEXT NOT NULL,
  text          TEXT NOT NULL,
  ingested_seq  INTEGER NOT NULL
);
CREATE TABLE events (
  id                INTEGER PRIMARY KEY,
  doc_id            TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal           INTEGER NOT NULL,
  type              TEXT NOT NULL,
  cameo             TEXT,
  goldstein         REAL,
  plover            TEXT,
  date_from         TEXT,
  date_to           TEXT,
  precision         TEXT,
  date_text         TEXT,
  location_name     TEXT,
  location_country  TEXT,
  lat               REAL,
  lon               REAL,
  background        INTEGER NOT NULL DEFAULT 0,
  future            INTEGER NOT NULL DEFAULT 0,
  negated           INTEGER NOT NULL DEFAULT 0,
  evidence_start    INTEGER,
  evidence_end      INTEGER,
  sentence          TEXT,
  json              TEXT NOT NULL,
  UNIQUE (doc_id, ordinal)
);
CREATE TABLE actors (
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ordinal   INTEGER NOT NULL,
  name      TEXT,
  country   TEXT,
  org       TEXT,
  office    TEXT,
  role      TEXT NOT NULL,
  PRIMARY KEY (event_id, ordinal)
);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX events_date_from ON events(date_from);
CREATE INDEX events_type ON events(type);
)sql",
};
static_assert(std::size(kMigrations) == kStoreSchemaVersion,
              "one migration per schema version");

// FNV-1a, 64 bits: fixed and stable across builds and platforms.
class Fnv1a64 {
 public:
  // Each field is followed by a separator byte so that ("ab","c") and
  // ("a","bc") hash differently.
  void Field(std::string_view s) {
    for (unsigned char c : s) Byte(c);
    Byte(0xff);  // never occurs in UTF-8
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  void Byte(unsigned char c) {
    h_ ^= c;
    h_ *= 0x100000001b3ULL;
  }
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

std::string DocumentHash(const Document& doc, const std::vector<std::string>& event_json) {
  Fnv1a64 h;
  h.Field("entente-doc-v1");
  h.Field(doc.id);
  h.Field(doc.url);
  h.Field(doc.source);
  h.Field(doc.language);
  h.Field(doc.title);
  h.Field(doc.published ? doc.published->ToString() : "");
  h.Field(doc.text);
  for (const std::string& j : event_json) h.Field(j);
  return h.Hex();
}

std::string DateOrEmpty(const Date& d) { return d.valid() ? d.ToString() : std::string(); }

// Escapes LIKE wildcards; used with ESCAPE '\'.
std::string LikeContains(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

constexpr std::string_view kEventColumns = "e.id, e.json";

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override {
    // Statements must be finalized before the connection closes.
    stmts_.clear();
    query_cache_.clear();
    if (db_ != nullptr) {
      if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close_v2(db_);
    }
  }

  Status Init();

  Status BeginBatch() override {
    if (sqlite3_get_autocommit(db_) == 0) return Status::InvalidArgument("a batch is already open");
    return Exec(db_, "BEGIN IMMEDIATE");
  }
  Status CommitBatch() override {
    if (sqlite3_get_autocommit(db_) != 0) return Status::InvalidArgument("no batch is open");
    return Exec(db_, "COMMIT");
  }
  Status RollbackBatch() override {
    if (sqlite3_get_autocommit(db_) != 0) return Status::InvalidArgument("no batch is open");
    return Exec(db_, "ROLLBACK");
  }

  Result<IngestOutcome> Ingest(const Document& doc, const std::vector<Event>& events) override;
  Result<std::vector<StoredEvent>> Events(const EventQuery& query) override;
  Result<int64_t> CountDocuments() override { return CountRows(kCountDocs); }
  Result<int64_t> CountEvents() override { return CountRows(kCountEvents); }

 private:
  enum StmtId {
    kFindDoc,
    kDeleteDoc,
    kInsertDoc,
    kInsertEvent,
    kInsertActor,
    kCountDocs,
    kCountEvents,
    kNumStmts
  };

  Status Migrate();
  Result<int64_t> CountRows(StmtId id);
  Status InsertEvent(const std::string& doc_id, int ordinal, const Event& ev,
                     const std::string& json);
  Result<Event> RebuildEvent(const Stmt& row);

  sqlite3* db_;  // owned
  std::vector<Stmt> stmts_;
  std::map<std::string, Stmt> query_cache_;  // keyed by SQL; a few shapes at most
};

Status SqliteStore::Migrate() {
  Stmt get;
  {
    ENTENTE_ASSIGN_OR_RETURN(get, Stmt::Prepare(db_, "PRAGMA user_version"));
  }
  ENTENTE_ASSIGN_OR_RETURN(bool row, get.Step());
  if (!row) return Status::StoreError("PRAGMA user_version returned no row");
  int64_t version = get.ColumnInt(0);
  ENTENTE_RETURN_IF_ERROR(get.Reset());
  if (version > kStoreSchemaVersion) {
    return Status::StoreError("the store has schema version " + std::to_string(version) +
                              ", newer than this program's " +
                              std::to_string(kStoreSchemaVersion) +
                              "; use a newer entente or another file");
  }
  if (version < 0) {
    return Status::StoreError("the store has an invalid schema version " +
                              std::to_string(version));
  }
  for (int64_t v = version; v < kStoreSchemaVersion; ++v) {
    ENTENTE_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    Status st = Exec(db_, kMigrations[v]);
    if (st.ok()) st = Exec(db_, "PRAGMA user_version = " + std::to_string(v + 1));
    if (st.ok()) st = Exec(db_, "COMMIT");
    if (!st.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return Status::StoreError("migrating the store from version " + std::to_string(v) +
                                " to " + std::to_string(v + 1) + ": " + st.message());
    }
  }
  return Status::Ok();
}

Status SqliteStore::Init() {
  int rc = sqlite3_extended_result_codes(db_, 1);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "extended result codes");
  rc = sqlite3_busy_timeout(db_, 5000);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "busy timeout");
  ENTENTE_RETURN_IF_ERROR(Exec(db_, "PRAGMA foreign_keys = ON"));
  // WAL; an in-memory database answers "memory", which is fine.
  ENTENTE_RETURN_IF_ERROR(Exec(db_, "PRAGMA journal_mode = WAL"));
  ENTENTE_RETURN_IF_ERROR(Exec(db_, "PRAGMA synchronous = NORMAL"));
  ENTENTE_RETURN_IF_ERROR(Migrate());

  static constexpr const char* kSql[kNumStmts] = {
      /*kFindDoc=*/"SELECT content_hash FROM documents WHERE id = ?1",
      /*kDeleteDoc=*/"DELETE FROM documents WHERE id = ?1",
      /*kInsertDoc=*/
      "INSERT INTO documents (id, url, source, language, title, published, content_hash, text, "
      "ingested_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "(SELECT COALESCE(MAX(ingested_seq), 0) + 1 FROM documents))",
      /*kInsertEvent=*/
      "INSERT INTO events (doc_id, ordinal, type, cameo, goldstein, plover, date_from, date_to, "
      "precision, date_text, location_name, location_country, lat, lon, background, future, "
      "negated, evidence_start, evidence_end, sentence, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
      "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
      /*kInsertActor=*/
      "INSERT INTO actors (event_id, ordinal, name, country, org, office, role) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      /*kCountDocs=*/"SELECT COUNT(*) FROM documents",
      /*kCountEvents=*/"SELECT COUNT(*) FROM events",
  };
  stmts_.reserve(kNumStmts);
  for (const char* sql : kSql) {
    ENTENTE_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, sql));
    stmts_.push_back(std::move(s));
  }
  return Status::Ok();
}

Result<int64_t> SqliteStore::CountRows(StmtId id) {
  Stmt& s = stmts_[id];
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  ENTENTE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::StoreError("COUNT returned no row");
  int64_t n = s.ColumnInt(0);
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  return n;
}

Status SqliteStore::InsertEvent(const std::string& doc_id, int ordinal, const Event& ev,
                                const std::string& json) {
  Stmt& s = stmts_[kInsertEvent];
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  ENTENTE_RETURN_IF_ERROR(s.BindText(1, doc_id));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(2, ordinal));
  ENTENTE_RETURN_IF_ERROR(s.BindText(3, ev.type));
  ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(4, ev.cameo));
  ENTENTE_RETURN_IF_ERROR(s.BindDouble(5, ev.goldstein));
  ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(6, ev.plover));
  if (ev.date) {
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(7, DateOrEmpty(ev.date->from)));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(8, DateOrEmpty(ev.date->to)));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(9, ev.date->precision));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(10, ev.date->text));
  }  // else: left NULL by Reset()
  if (ev.location) {
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(11, ev.location->name));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(12, ev.location->country));
    ENTENTE_RETURN_IF_ERROR(s.BindDouble(13, ev.location->lat));
    ENTENTE_RETURN_IF_ERROR(s.BindDouble(14, ev.location->lon));
  }
  ENTENTE_RETURN_IF_ERROR(s.BindInt(15, ev.background ? 1 : 0));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(16, ev.future ? 1 : 0));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(17, ev.negated ? 1 : 0));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(18, ev.evidence.start));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(19, ev.evidence.end));
  ENTENTE_RETURN_IF_ERROR(s.BindText(20, ev.evidence.sentence));
  ENTENTE_RETURN_IF_ERROR(s.BindText(21, json));
  ENTENTE_RETURN_IF_ERROR(s.Run());
  int64_t event_id = sqlite3_last_insert_rowid(db_);

  Stmt& a = stmts_[kInsertActor];
  for (size_t i = 0; i < ev.actors.size(); ++i) {
    const Actor& actor = ev.actors[i];
    ENTENTE_RETURN_IF_ERROR(a.Reset());
    ENTENTE_RETURN_IF_ERROR(a.BindInt(1, event_id));
    ENTENTE_RETURN_IF_ERROR(a.BindInt(2, static_cast<int64_t>(i)));
    ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(3, actor.name));
    ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(4, actor.country));
    ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(5, actor.org));
    ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(6, actor.office));
    ENTENTE_RETURN_IF_ERROR(a.BindText(7, RoleName(actor.role)));
    ENTENTE_RETURN_IF_ERROR(a.Run());
  }
  return Status::Ok();
}

Result<IngestOutcome> SqliteStore::Ingest(const Document& doc, const std::vector<Event>& events) {
  if (sqlite3_get_autocommit(db_) != 0) {
    return Status::InvalidArgument("Store::Ingest called outside a batch (call BeginBatch first)");
  }
  if (doc.id.empty()) return Status::InvalidArgument("document without an id");

  std::vector<std::string> json;
  json.reserve(events.size());
  for (const Event& ev : events) json.push_back(EventToJson(ev));
  const std::string hash = DocumentHash(doc, json);

  Stmt& find = stmts_[kFindDoc];
  ENTENTE_RETURN_IF_ERROR(find.Reset());
  ENTENTE_RETURN_IF_ERROR(find.BindText(1, doc.id));
  ENTENTE_ASSIGN_OR_RETURN(bool exists, find.Step());
  std::string old_hash = exists ? find.ColumnText(0) : std::string();
  ENTENTE_RETURN_IF_ERROR(find.Reset());
  if (exists && old_hash == hash) return IngestOutcome::kUnchanged;

  // A savepoint makes one document all-or-nothing inside the batch.
  ENTENTE_RETURN_IF_ERROR(Exec(db_, "SAVEPOINT ingest_doc"));
  Status st = [&]() -> Status {
    if (exists) {
      Stmt& del = stmts_[kDeleteDoc];
      ENTENTE_RETURN_IF_ERROR(del.Reset());
      ENTENTE_RETURN_IF_ERROR(del.BindText(1, doc.id));
      ENTENTE_RETURN_IF_ERROR(del.Run());
    }
    Stmt& ins = stmts_[kInsertDoc];
    ENTENTE_RETURN_IF_ERROR(ins.Reset());
    ENTENTE_RETURN_IF_ERROR(ins.BindText(1, doc.id));
    ENTENTE_RETURN_IF_ERROR(ins.BindTextOrNull(2, doc.url));
    ENTENTE_RETURN_IF_ERROR(ins.BindTextOrNull(3, doc.source));
    ENTENTE_RETURN_IF_ERROR(ins.BindTextOrNull(4, doc.language));
    ENTENTE_RETURN_IF_ERROR(ins.BindTextOrNull(5, doc.title));
    ENTENTE_RETURN_IF_ERROR(
        ins.BindTextOrNull(6, doc.published ? DateOrEmpty(*doc.published) : std::string()));
    ENTENTE_RETURN_IF_ERROR(ins.BindText(7, hash));
    ENTENTE_RETURN_IF_ERROR(ins.BindText(8, doc.text));
    ENTENTE_RETURN_IF_ERROR(ins.Run());
    for (size_t i = 0; i < events.size(); ++i) {
      ENTENTE_RETURN_IF_ERROR(InsertEvent(doc.id, static_cast<int>(i), events[i], json[i]));
    }
    return Status::Ok();
  }();
  if (!st.ok()) {
    sqlite3_exec(db_, "ROLLBACK TO ingest_doc; RELEASE ingest_doc", nullptr, nullptr, nullptr);
    return Status(st.code(), "storing document " + doc.id + ": " + st.message());
  }
  ENTENTE_RETURN_IF_ERROR(Exec(db_, "RELEASE ingest_doc"));
  return exists ? IngestOutcome::kReplaced : IngestOutcome::kAdded;
}

Result<Event> SqliteStore::RebuildEvent(const Stmt& row) {
  // The json column is the source of truth; the other columns are for queries.
  return EventFromJson(row.ColumnText(1));
}

Result<std::vector<StoredEvent>> SqliteStore::Events(const EventQuery& q) {
  if (q.limit < 1 || q.limit > 100000) {
    return Status::InvalidArgument("limit must be between 1 and 100000, got " +
                                   std::to_string(q.limit));
  }
  if (q.offset < 0) return Status::InvalidArgument("offset must not be negative");
  if (q.from && !q.from->valid()) return Status::InvalidArgument("invalid 'from' date");
  if (q.to && !q.to->valid()) return Status::InvalidArgument("invalid 'to' date");

  // Only fixed SQL fragments are appended; every value is a bound parameter.
  std::string sql = "SELECT ";
  sql += kEventColumns;
  sql += " FROM events e WHERE 1";
  std::vector<std::string> params;
  if (!q.actor.empty()) {
    params.push_back(LikeContains(q.actor));
    const std::string like = "?" + std::to_string(params.size());
    params.push_back(q.actor);
    const std::string eq = "?" + std::to_string(params.size());
    sql += " AND EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND (a.name LIKE " + like +
           " ESCAPE '\\' OR a.country = " + eq + " COLLATE NOCASE OR a.org = " + eq +
           " COLLATE NOCASE))";
  }
  const std::string& ca = q.country_a.empty() ? q.country_b : q.country_a;
  const std::string& cb = q.country_a.empty() ? std::string() : q.country_b;
  if (!ca.empty() && !cb.empty()) {
    params.push_back(ca);
    const std::string pa = "?" + std::to_string(params.size());
    params.push_back(cb);
    const std::string pb = "?" + std::to_string(params.size());
    // Two distinct actors, so that a pair RUS,RUS needs two Russian actors.
    sql += " AND EXISTS (SELECT 1 FROM actors a1 JOIN actors a2 ON a2.event_id = a1.event_id AND "
           "a2.ordinal <> a1.ordinal WHERE a1.event_id = e.id AND a1.country = " +
           pa + " COLLATE NOCASE AND a2.country = " + pb + " COLLATE NOCASE)";
  } else if (!ca.empty()) {
    params.push_back(ca);
    sql += " AND EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND a.country = ?" +
           std::to_string(params.size()) + " COLLATE NOCASE)";
  }
  if (!q.type.empty()) {
    params.push_back(q.type);
    sql += " AND e.type = ?" + std::to_string(params.size()) + " COLLATE NOCASE";
  }
  if (q.from) {
    params.push_back(q.from->ToString());
    sql += " AND e.date_to >= ?" + std::to_string(params.size());
  }
  if (q.to) {
    params.push_back(q.to->ToString());
    sql += " AND e.date_from <= ?" + std::to_string(params.size());
  }
  sql += " ORDER BY e.date_from IS NULL, e.date_from, e.doc_id, e.ordinal";
  const int limit_index = static_cast<int>(params.size()) + 1;
  sql += " LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" + std::to_string(limit_index + 1);

  auto it = query_cache_.find(sql);
  if (it == query_cache_.end()) {
    ENTENTE_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, sql));
    it = query_cache_.emplace(sql, std::move(s)).first;
  }
  Stmt& s = it->second;
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  for (size_t i = 0; i < params.size(); ++i) {
    ENTENTE_RETURN_IF_ERROR(s.BindText(static_cast<int>(i) + 1, params[i]));
  }
  ENTENTE_RETURN_IF_ERROR(s.BindInt(limit_index, q.limit));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(limit_index + 1, q.offset));

  std::vector<StoredEvent> out;
  Status st;
  while (true) {
    Result<bool> more = s.Step();
    if (!more.ok()) {
      st = more.status();
      break;
    }
    if (!*more) break;
    Result<Event> ev = RebuildEvent(s);
    if (!ev.ok()) {
      st = Status(ev.status().code(),
                  "event " + std::to_string(s.ColumnInt(0)) + ": " + ev.status().message());
      break;
    }
    out.push_back(StoredEvent{s.ColumnInt(0), std::move(*ev)});
  }
  Status reset = s.Reset();
  if (!st.ok()) return st;
  if (!reset.ok()) return reset;
  return out;
}

}  // namespace

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("empty store path");
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteError(db, rc, "opening store " + path);
    sqlite3_close_v2(db);  // harmless on nullptr
    return st;
  }
  auto store = std::make_unique<SqliteStore>(db);  // owns db from here on
  Status st = store->Init();
  if (!st.ok()) return Status(st.code(), path + ": " + st.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace entente
