// The SQLite implementation of Store. Schema: docs/store-schema.md.
#include "entente/store.h"

#include <sqlite3.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/event_json.h"
#include "merge/merge.h"
#include "store/sqlite_util.h"
#include <set>


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
    // 1 -> 2: the rows of `events` are mentions; merged events join them
    // (src/merge). `block` is NULL for mentions stored by version 1: Open()
    // fills it and merges those blocks.
    R"sql(
ALTER TABLE events ADD COLUMN block TEXT;
CREATE INDEX events_block ON events(block);
CREATE INDEX events_doc ON events(doc_id);
CREATE TABLE merged_events (
  id                TEXT PRIMARY KEY,
  block             TEXT NOT NULL,
  type              TEXT NOT NULL,
  cameo             TEXT,
  goldstein         REAL,
  date_from         TEXT,
  date_to           TEXT,
  precision         TEXT,
  location_name     TEXT,
  location_country  TEXT,
  lat               REAL,
  lon               REAL,
  background        INTEGER NOT NULL,
  future            INTEGER NOT NULL,
  recalled          INTEGER NOT NULL,
  num_mentions      INTEGER NOT NULL,
  num_articles      INTEGER NOT NULL,
  num_sources       INTEGER NOT NULL,
  first_seen        TEXT,
  last_seen         TEXT,
  json              TEXT NOT NULL
);
CREATE INDEX merged_block ON merged_events(block);
CREATE INDEX merged_order ON merged_events(date_from IS NULL, date_from, id);
CREATE INDEX merged_type ON merged_events(type);
CREATE TABLE merged_actors (
  event_id  TEXT NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
  ordinal   INTEGER NOT NULL,
  name      TEXT,
  country   TEXT,
  org       TEXT,
  office    TEXT,
  role      TEXT NOT NULL,
  PRIMARY KEY (event_id, ordinal)
);
CREATE INDEX merged_actors_country ON merged_actors(country, event_id);
CREATE TABLE merged_members (
  event_id    TEXT NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
  mention_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  rule        TEXT NOT NULL,
  PRIMARY KEY (event_id, mention_id)
);
CREATE INDEX merged_members_mention ON merged_members(mention_id);
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
    dirty_.clear();
    return Exec(db_, "BEGIN IMMEDIATE");
  }
  Status CommitBatch() override {
    if (sqlite3_get_autocommit(db_) != 0) return Status::InvalidArgument("no batch is open");
    // Merging is part of the batch's transaction: a crash leaves mentions and
    // events as they were before the batch.
    for (const std::string& block : dirty_) {
      Status st = MergeBlockRows(block);
      if (!st.ok()) return Status(st.code(), "merging block " + block + ": " + st.message());
    }
    dirty_.clear();
    ENTENTE_RETURN_IF_ERROR(Exec(db_, "COMMIT"));
    ++commits_;  // data_version does not see this connection's own commits
    return Status::Ok();
  }
  Status RollbackBatch() override {
    if (sqlite3_get_autocommit(db_) != 0) return Status::InvalidArgument("no batch is open");
    dirty_.clear();
    return Exec(db_, "ROLLBACK");
  }

  Result<IngestOutcome> Ingest(const Document& doc, const std::vector<Event>& events) override;
  Result<std::vector<StoredEvent>> Events(const EventQuery& query) override;
  Result<int64_t> CountDocuments() override { return CountRows(kCountDocs); }
  Result<int64_t> CountEvents() override { return CountRows(kCountEvents); }
  Result<int64_t> CountMergedEvents() override { return CountRows(kCountMerged); }
  Result<int64_t> DataVersion() override {
    ENTENTE_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, "PRAGMA data_version"));
    ENTENTE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::StoreError("PRAGMA data_version returned no row");
    return s.ColumnInt(0) + commits_;
  }
  Result<std::vector<MergedEventRow>> MergedEvents(const EventQuery& query, bool with_mentions) override;
  Result<std::optional<MergedEventRow>> GetEvent(const std::string& id) override;
  Result<bool> RemoveDocument(const std::string& doc_id) override;
  Result<std::vector<PairBucket>> PairStats(const std::string& country_a, const std::string& country_b,
                                            const std::string& by, std::optional<Date> from,
                                            std::optional<Date> to) override;
  Result<std::vector<ActorSummary>> Actors(const std::string& text, int limit) override;
  Result<std::vector<PlaceSummary>> Places(const std::string& text, int limit) override;
  Result<std::vector<DocumentSummary>> Documents(int limit, int offset) override;
  void SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline) override {
    deadline_ = deadline;
    if (deadline_) {
      // Checked every 10,000 virtual-machine instructions (well under a millisecond).
      sqlite3_progress_handler(db_, 10000, &SqliteStore::OnProgress, this);
    } else {
      sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    }
  }

 private:
  static int OnProgress(void* self) {
    const auto& d = static_cast<SqliteStore*>(self)->deadline_;
    return d && std::chrono::steady_clock::now() >= *d ? 1 : 0;  // non-zero interrupts the statement
  }
  // Runs a read-only `sql` whose parameters are `params` (text) then the ints.
  template <typename OnRow>
  Status ReadRows(const std::string& sql, const std::vector<std::string>& params,
                  const std::vector<int64_t>& ints, OnRow&& on_row);

  enum StmtId {
    kFindDoc,
    kDeleteDoc,
    kInsertDoc,
    kInsertEvent,
    kInsertActor,
    kCountDocs,
    kCountEvents,
    kCountMerged,
    kDocBlocks,
    kBlockMentions,
    kDeleteMerged,
    kInsertMerged,
    kInsertMergedActor,
    kInsertMember,
    kEventMentions,
    kNumStmts
  };

  Status MergeBlockRows(const std::string& block);
  // The limits and dates of a query are sane.
  static Status CheckPaging(const EventQuery& q);
  // `sql` with LIMIT and OFFSET appended, prepared once per shape (cached),
  // reset, and bound: `params` as text ?1.., then the limit and offset.
  Result<Stmt*> PreparePaged(std::string sql, const std::vector<std::string>& params, const EventQuery& q);
  Status FillNullBlocks();
  Status MarkDocBlocks(const std::string& doc_id);
  Result<std::vector<EventMention>> MentionsOf(const std::string& event_id);
  Result<MergedEventRow> RowOf(const Stmt& s);

  Status Migrate();
  Result<int64_t> CountRows(StmtId id);
  Status InsertEvent(const std::string& doc_id, int ordinal, const Event& ev,
                     const std::string& json);
  Result<Event> RebuildEvent(const Stmt& row);

  sqlite3* db_;  // owned
  std::vector<Stmt> stmts_;
  std::map<std::string, Stmt> query_cache_;  // keyed by SQL; a few shapes at most
  std::set<std::string> dirty_;  // blocks to merge again at commit
  int64_t commits_ = 0;          // commits on this connection (DataVersion)
  std::optional<std::chrono::steady_clock::time_point> deadline_;  // see SetDeadline
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
      "negated, evidence_start, evidence_end, sentence, json, block) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
      "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
      /*kInsertActor=*/
      "INSERT INTO actors (event_id, ordinal, name, country, org, office, role) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      /*kCountDocs=*/"SELECT COUNT(*) FROM documents",
      /*kCountEvents=*/"SELECT COUNT(*) FROM events",
      /*kCountMerged=*/"SELECT COUNT(*) FROM merged_events",
      /*kDocBlocks=*/"SELECT DISTINCT block FROM events WHERE doc_id = ?1 AND block IS NOT NULL",
      /*kBlockMentions=*/
      "SELECT e.id, e.doc_id, e.ordinal, e.json, d.source, d.published FROM events e "
      "JOIN documents d ON d.id = e.doc_id WHERE e.block = ?1",
      /*kDeleteMerged=*/"DELETE FROM merged_events WHERE block = ?1",
      /*kInsertMerged=*/
      "INSERT INTO merged_events (id, block, type, cameo, goldstein, date_from, date_to, precision, "
      "location_name, location_country, background, future, recalled, num_mentions, num_articles, "
      "num_sources, first_seen, last_seen, json, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
      /*kInsertMergedActor=*/
      "INSERT INTO merged_actors (event_id, ordinal, name, country, org, office, role) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      /*kInsertMember=*/"INSERT INTO merged_members (event_id, mention_id, ordinal, rule) VALUES (?1, ?2, ?3, ?4)",
      /*kEventMentions=*/
      "SELECT e.id, e.doc_id, d.source, d.published, m.rule, e.json, d.url FROM merged_members m "
      "JOIN events e ON e.id = m.mention_id JOIN documents d ON d.id = e.doc_id "
      "WHERE m.event_id = ?1 ORDER BY m.ordinal",
  };
  stmts_.reserve(kNumStmts);
  for (const char* sql : kSql) {
    ENTENTE_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, sql));
    stmts_.push_back(std::move(s));
  }
  return FillNullBlocks();
}

// Mentions stored before merging existed (schema 1) get their block, and
// those blocks are merged, once.
Status SqliteStore::FillNullBlocks() {
  std::vector<std::pair<int64_t, std::string>> rows;
  {
    ENTENTE_ASSIGN_OR_RETURN(Stmt q, Stmt::Prepare(db_, "SELECT id, json FROM events WHERE block IS NULL"));
    while (true) {
      ENTENTE_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      rows.emplace_back(q.ColumnInt(0), q.ColumnText(1));
    }
  }
  if (rows.empty()) return Status::Ok();
  ENTENTE_RETURN_IF_ERROR(BeginBatch());
  Status st = [&]() -> Status {
    ENTENTE_ASSIGN_OR_RETURN(Stmt up, Stmt::Prepare(db_, "UPDATE events SET block = ?1 WHERE id = ?2"));
    for (const auto& [id, json] : rows) {
      ENTENTE_ASSIGN_OR_RETURN(Event ev, EventFromJson(json));
      std::string block = BlockKey(ev);
      ENTENTE_RETURN_IF_ERROR(up.Reset());
      ENTENTE_RETURN_IF_ERROR(up.BindText(1, block));
      ENTENTE_RETURN_IF_ERROR(up.BindInt(2, id));
      ENTENTE_RETURN_IF_ERROR(up.Run());
      dirty_.insert(block);
    }
    return Status::Ok();
  }();
  if (!st.ok()) {
    (void)RollbackBatch();
    return Status(st.code(), "merging the mentions of an older store: " + st.message());
  }
  return CommitBatch();
}

Status SqliteStore::MarkDocBlocks(const std::string& doc_id) {
  Stmt& s = stmts_[kDocBlocks];
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  ENTENTE_RETURN_IF_ERROR(s.BindText(1, doc_id));
  while (true) {
    ENTENTE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    dirty_.insert(s.ColumnText(0));
  }
  return s.Reset();
}

Status SqliteStore::MergeBlockRows(const std::string& block) {
  std::vector<Mention> mentions;
  {
    Stmt& q = stmts_[kBlockMentions];
    ENTENTE_RETURN_IF_ERROR(q.Reset());
    ENTENTE_RETURN_IF_ERROR(q.BindText(1, block));
    while (true) {
      ENTENTE_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      Mention m;
      m.id = q.ColumnInt(0);
      m.doc = q.ColumnText(1);
      m.ordinal = static_cast<int>(q.ColumnInt(2));
      ENTENTE_ASSIGN_OR_RETURN(m.event, EventFromJson(q.ColumnText(3)));
      m.outlet = q.ColumnText(4);
      if (auto d = Date::Parse(q.ColumnText(5))) m.published = *d;
      mentions.push_back(std::move(m));
    }
    ENTENTE_RETURN_IF_ERROR(q.Reset());
  }
  Stmt& del = stmts_[kDeleteMerged];
  ENTENTE_RETURN_IF_ERROR(del.Reset());
  ENTENTE_RETURN_IF_ERROR(del.BindText(1, block));
  ENTENTE_RETURN_IF_ERROR(del.Run());
  for (const MergedEvent& ev : MergeBlock(mentions)) {
    const Event& e = ev.event;
    Stmt& s = stmts_[kInsertMerged];
    ENTENTE_RETURN_IF_ERROR(s.Reset());
    ENTENTE_RETURN_IF_ERROR(s.BindText(1, ev.id));
    ENTENTE_RETURN_IF_ERROR(s.BindText(2, block));
    ENTENTE_RETURN_IF_ERROR(s.BindText(3, e.type));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(4, e.cameo));
    ENTENTE_RETURN_IF_ERROR(s.BindDouble(5, e.goldstein));
    if (e.date) {
      ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(6, DateOrEmpty(e.date->from)));
      ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(7, DateOrEmpty(e.date->to)));
      ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(8, e.date->precision));
    }
    if (e.location) {
      ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(9, e.location->name));
      ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(10, e.location->country));
    }
    ENTENTE_RETURN_IF_ERROR(s.BindInt(11, e.background ? 1 : 0));
    ENTENTE_RETURN_IF_ERROR(s.BindInt(12, e.future ? 1 : 0));
    ENTENTE_RETURN_IF_ERROR(s.BindInt(13, ev.recalled ? 1 : 0));
    ENTENTE_RETURN_IF_ERROR(s.BindInt(14, ev.num_mentions));
    ENTENTE_RETURN_IF_ERROR(s.BindInt(15, ev.num_articles));
    ENTENTE_RETURN_IF_ERROR(s.BindInt(16, ev.num_sources));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(17, DateOrEmpty(ev.first_seen)));
    ENTENTE_RETURN_IF_ERROR(s.BindTextOrNull(18, DateOrEmpty(ev.last_seen)));
    ENTENTE_RETURN_IF_ERROR(s.BindText(19, EventToJson(e)));
    if (e.location && e.location->city && (e.location->lat != 0 || e.location->lon != 0)) {
      ENTENTE_RETURN_IF_ERROR(s.BindDouble(20, e.location->lat));
      ENTENTE_RETURN_IF_ERROR(s.BindDouble(21, e.location->lon));
    }
    ENTENTE_RETURN_IF_ERROR(s.Run());
    Stmt& a = stmts_[kInsertMergedActor];
    for (size_t i = 0; i < e.actors.size(); ++i) {
      const Actor& actor = e.actors[i];
      ENTENTE_RETURN_IF_ERROR(a.Reset());
      ENTENTE_RETURN_IF_ERROR(a.BindText(1, ev.id));
      ENTENTE_RETURN_IF_ERROR(a.BindInt(2, static_cast<int64_t>(i)));
      ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(3, actor.name));
      ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(4, actor.country));
      ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(5, actor.org));
      ENTENTE_RETURN_IF_ERROR(a.BindTextOrNull(6, actor.office));
      ENTENTE_RETURN_IF_ERROR(a.BindText(7, RoleName(actor.role)));
      ENTENTE_RETURN_IF_ERROR(a.Run());
    }
    Stmt& mem = stmts_[kInsertMember];
    for (size_t i = 0; i < ev.members.size(); ++i) {
      ENTENTE_RETURN_IF_ERROR(mem.Reset());
      ENTENTE_RETURN_IF_ERROR(mem.BindText(1, ev.id));
      ENTENTE_RETURN_IF_ERROR(mem.BindInt(2, mentions[ev.members[i].mention].id));
      ENTENTE_RETURN_IF_ERROR(mem.BindInt(3, static_cast<int64_t>(i)));
      ENTENTE_RETURN_IF_ERROR(mem.BindText(4, ev.members[i].rule));
      ENTENTE_RETURN_IF_ERROR(mem.Run());
    }
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
  const std::string block = BlockKey(ev);
  ENTENTE_RETURN_IF_ERROR(s.BindText(22, block));
  ENTENTE_RETURN_IF_ERROR(s.Run());
  dirty_.insert(block);
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
      ENTENTE_RETURN_IF_ERROR(MarkDocBlocks(doc.id));
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

Status SqliteStore::CheckPaging(const EventQuery& q) {
  if (q.limit < 1 || q.limit > 100000) {
    return Status::InvalidArgument("limit must be between 1 and 100000, got " + std::to_string(q.limit));
  }
  if (q.offset < 0) return Status::InvalidArgument("offset must not be negative");
  if (q.from && !q.from->valid()) return Status::InvalidArgument("invalid 'from' date");
  if (q.to && !q.to->valid()) return Status::InvalidArgument("invalid 'to' date");
  return Status::Ok();
}

Result<Stmt*> SqliteStore::PreparePaged(std::string sql, const std::vector<std::string>& params,
                                        const EventQuery& q) {
  const int limit_index = static_cast<int>(params.size()) + 1;
  sql += " LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" + std::to_string(limit_index + 1);
  auto it = query_cache_.find(sql);
  if (it == query_cache_.end()) {
    ENTENTE_ASSIGN_OR_RETURN(Stmt st, Stmt::Prepare(db_, sql));
    it = query_cache_.emplace(sql, std::move(st)).first;
  }
  Stmt& s = it->second;
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  for (size_t i = 0; i < params.size(); ++i) {
    ENTENTE_RETURN_IF_ERROR(s.BindText(static_cast<int>(i) + 1, params[i]));
  }
  ENTENTE_RETURN_IF_ERROR(s.BindInt(limit_index, q.limit));
  ENTENTE_RETURN_IF_ERROR(s.BindInt(limit_index + 1, q.offset));
  return &s;
}

Result<std::vector<StoredEvent>> SqliteStore::Events(const EventQuery& q) {
  ENTENTE_RETURN_IF_ERROR(CheckPaging(q));

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
  ENTENTE_ASSIGN_OR_RETURN(Stmt * paged, PreparePaged(std::move(sql), params, q));
  Stmt& s = *paged;

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

Result<MergedEventRow> SqliteStore::RowOf(const Stmt& s) {
  // Columns: id, json, num_mentions, num_articles, num_sources, first_seen, last_seen, recalled.
  MergedEventRow r;
  r.id = s.ColumnText(0);
  ENTENTE_ASSIGN_OR_RETURN(r.event, EventFromJson(s.ColumnText(1)));
  r.num_mentions = static_cast<int>(s.ColumnInt(2));
  r.num_articles = static_cast<int>(s.ColumnInt(3));
  r.num_sources = static_cast<int>(s.ColumnInt(4));
  r.first_seen = s.ColumnText(5);
  r.last_seen = s.ColumnText(6);
  r.recalled = s.ColumnInt(7) != 0;
  return r;
}

constexpr std::string_view kMergedColumns =
    "m.id, m.json, m.num_mentions, m.num_articles, m.num_sources, m.first_seen, m.last_seen, m.recalled";

Result<std::vector<EventMention>> SqliteStore::MentionsOf(const std::string& event_id) {
  Stmt& s = stmts_[kEventMentions];
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  ENTENTE_RETURN_IF_ERROR(s.BindText(1, event_id));
  std::vector<EventMention> out;
  while (true) {
    ENTENTE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    EventMention m;
    m.mention_id = s.ColumnInt(0);
    m.doc = s.ColumnText(1);
    m.outlet = s.ColumnText(2);
    m.published = s.ColumnText(3);
    m.rule = s.ColumnText(4);
    ENTENTE_ASSIGN_OR_RETURN(m.event, EventFromJson(s.ColumnText(5)));
    m.url = s.ColumnText(6);
    out.push_back(std::move(m));
  }
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  return out;
}

Result<std::vector<MergedEventRow>> SqliteStore::MergedEvents(const EventQuery& q, bool with_mentions) {
  ENTENTE_RETURN_IF_ERROR(CheckPaging(q));
  if (!q.cameo_root.empty() &&
      (q.cameo_root.size() != 2 || !std::isdigit(static_cast<unsigned char>(q.cameo_root[0])) ||
       !std::isdigit(static_cast<unsigned char>(q.cameo_root[1])))) {
    return Status::InvalidArgument("a CAMEO root is two digits, got '" + q.cameo_root + "'");
  }
  if (q.radius_km < 0 || q.radius_km > 20000 || q.near_lat < -90 || q.near_lat > 90 || q.near_lon < -180 ||
      q.near_lon > 180) {
    return Status::InvalidArgument("a radius search needs -90 <= lat <= 90, -180 <= lon <= 180 and 0 < km <= 20000");
  }
  // Only fixed SQL fragments are appended; every value is a bound parameter.
  std::string sql = "SELECT ";
  sql += kMergedColumns;
  sql += " FROM merged_events m WHERE 1";
  std::vector<std::string> params;
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return "?" + std::to_string(params.size());
  };
  if (!q.actor.empty()) {
    std::string like = param(LikeContains(q.actor));
    std::string eq = param(q.actor);
    sql += " AND EXISTS (SELECT 1 FROM merged_actors a WHERE a.event_id = m.id AND (a.name LIKE " + like +
           " ESCAPE '\\' OR a.office LIKE " + like + " ESCAPE '\\' OR a.country = " + eq +
           " COLLATE NOCASE OR a.org = " + eq + " COLLATE NOCASE))";
  }
  const std::string& ca = q.country_a.empty() ? q.country_b : q.country_a;
  const std::string& cb = q.country_a.empty() ? std::string() : q.country_b;
  // Country codes are stored upper-case: compared as such, the country index
  // finds the events (rather than a test of every event).
  auto upper = [](std::string c) {
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return c;
  };
  if (!ca.empty() && !cb.empty()) {
    std::string pa = param(upper(ca)), pb = param(upper(cb));
    // "+m.id": walk the events in date order and test each against the pair's
    // set, so that a page of a frequent pair stops after its first rows.
    sql += " AND +m.id IN (SELECT a1.event_id FROM merged_actors a1 JOIN merged_actors a2 ON a2.event_id = "
           "a1.event_id AND a2.ordinal <> a1.ordinal WHERE a1.country = " +
           pa + " AND a2.country = " + pb + ")";
  } else if (!ca.empty()) {
    sql += " AND +m.id IN (SELECT a.event_id FROM merged_actors a WHERE a.country = " + param(upper(ca)) + ")";
  }
  if (!q.type.empty()) sql += " AND m.type = " + param(q.type) + " COLLATE NOCASE";
  if (!q.cameo_root.empty()) sql += " AND substr(m.cameo, 1, 2) = " + param(q.cameo_root);
  if (q.from) sql += " AND m.date_to >= " + param(q.from->ToString());
  if (q.to) sql += " AND m.date_from <= " + param(q.to->ToString());
  if (!q.place.empty()) {
    std::string p = param(q.place);
    sql += " AND (m.location_name = " + p + " COLLATE NOCASE OR m.location_country = " + p + " COLLATE NOCASE)";
  }
  if (q.radius_km > 0) {
    // Equirectangular distance, exact enough below a few hundred kilometres.
    constexpr double kKmPerDegree = 111.195;
    const double coslat = std::cos(q.near_lat * 3.14159265358979323846 / 180.0);
    // Parameters are bound as text: cast them, or the comparison would be textual.
    auto real = [&](double v) { return "CAST(" + param(std::to_string(v)) + " AS REAL)"; };
    std::string lat = real(q.near_lat), lon = real(q.near_lon), k = real(kKmPerDegree), c = real(coslat);
    std::string r2 = real(q.radius_km * q.radius_km);
    sql += " AND m.lat IS NOT NULL AND ((m.lat - " + lat + ") * " + k + ") * ((m.lat - " + lat + ") * " + k +
           ") + ((m.lon - " + lon + ") * " + k + " * " + c + ") * ((m.lon - " + lon + ") * " + k + " * " + c +
           ") <= " + r2;
  }
  if (!q.outlet.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM merged_members mm JOIN events e ON e.id = mm.mention_id JOIN documents d "
           "ON d.id = e.doc_id WHERE mm.event_id = m.id AND d.source = " +
           param(q.outlet) + " COLLATE NOCASE)";
  }
  if (!q.text.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM merged_members mm JOIN events e ON e.id = mm.mention_id WHERE "
           "mm.event_id = m.id AND e.sentence LIKE " +
           param(LikeContains(q.text)) + " ESCAPE '\\')";
  }
  sql += " ORDER BY m.date_from IS NULL, m.date_from, m.id";
  ENTENTE_ASSIGN_OR_RETURN(Stmt * paged, PreparePaged(std::move(sql), params, q));
  Stmt& s = *paged;
  std::vector<MergedEventRow> out;
  Status st;
  while (true) {
    Result<bool> more = s.Step();
    if (!more.ok()) {
      st = more.status();
      break;
    }
    if (!*more) break;
    Result<MergedEventRow> r = RowOf(s);
    if (!r.ok()) {
      st = Status(r.status().code(), "event " + s.ColumnText(0) + ": " + r.status().message());
      break;
    }
    out.push_back(std::move(*r));
  }
  Status reset = s.Reset();
  if (!st.ok()) return st;
  if (!reset.ok()) return reset;
  if (with_mentions) {
    for (MergedEventRow& r : out) {
      ENTENTE_ASSIGN_OR_RETURN(r.mentions, MentionsOf(r.id));
    }
  }
  return out;
}

Result<std::optional<MergedEventRow>> SqliteStore::GetEvent(const std::string& id) {
  ENTENTE_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, "SELECT " + std::string(kMergedColumns) +
                                                          " FROM merged_events m WHERE m.id = ?1"));
  ENTENTE_RETURN_IF_ERROR(s.BindText(1, id));
  ENTENTE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<MergedEventRow>();
  ENTENTE_ASSIGN_OR_RETURN(MergedEventRow r, RowOf(s));
  ENTENTE_ASSIGN_OR_RETURN(r.mentions, MentionsOf(r.id));
  return std::optional<MergedEventRow>(std::move(r));
}

Result<bool> SqliteStore::RemoveDocument(const std::string& doc_id) {
  if (sqlite3_get_autocommit(db_) != 0) {
    return Status::InvalidArgument("Store::RemoveDocument called outside a batch (call BeginBatch first)");
  }
  ENTENTE_RETURN_IF_ERROR(MarkDocBlocks(doc_id));
  Stmt& del = stmts_[kDeleteDoc];
  ENTENTE_RETURN_IF_ERROR(del.Reset());
  ENTENTE_RETURN_IF_ERROR(del.BindText(1, doc_id));
  ENTENTE_RETURN_IF_ERROR(del.Run());
  return sqlite3_changes(db_) > 0;
}

Result<std::vector<PairBucket>> SqliteStore::PairStats(const std::string& a, const std::string& b,
                                                       const std::string& by, std::optional<Date> from,
                                                       std::optional<Date> to) {
  int width = by == "day" ? 10 : by == "month" ? 7 : by == "year" ? 4 : 0;
  if (width == 0) return Status::InvalidArgument("--by must be day, month or year, got '" + by + "'");
  std::string sql =
      "SELECT substr(m.date_from, 1, " + std::to_string(width) +
      ") AS period, COUNT(*), SUM(m.goldstein) FROM merged_events m WHERE m.date_from IS NOT NULL AND m.id IN "
      "(SELECT a1.event_id FROM merged_actors a1 JOIN merged_actors a2 ON a2.event_id = a1.event_id AND "
      "a2.ordinal <> a1.ordinal WHERE a1.country = ?1 AND a2.country = ?2)";
  if (from) sql += " AND m.date_to >= ?3";
  if (to) sql += std::string(" AND m.date_from <= ") + (from ? "?4" : "?3");
  sql += " GROUP BY period ORDER BY period";
  ENTENTE_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, sql));
  auto upper = [](std::string c) {
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return c;
  };
  ENTENTE_RETURN_IF_ERROR(s.BindText(1, upper(a)));
  ENTENTE_RETURN_IF_ERROR(s.BindText(2, upper(b)));
  int next = 3;
  if (from) ENTENTE_RETURN_IF_ERROR(s.BindText(next++, from->ToString()));
  if (to) ENTENTE_RETURN_IF_ERROR(s.BindText(next++, to->ToString()));
  std::vector<PairBucket> out;
  while (true) {
    ENTENTE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(PairBucket{s.ColumnText(0), static_cast<int>(s.ColumnInt(1)), s.ColumnDouble(2)});
  }
  return out;
}

template <typename OnRow>
Status SqliteStore::ReadRows(const std::string& sql, const std::vector<std::string>& params,
                             const std::vector<int64_t>& ints, OnRow&& on_row) {
  auto it = query_cache_.find(sql);
  if (it == query_cache_.end()) {
    ENTENTE_ASSIGN_OR_RETURN(Stmt st, Stmt::Prepare(db_, sql));
    it = query_cache_.emplace(sql, std::move(st)).first;
  }
  Stmt& s = it->second;
  ENTENTE_RETURN_IF_ERROR(s.Reset());
  int index = 1;
  for (const std::string& p : params) ENTENTE_RETURN_IF_ERROR(s.BindText(index++, p));
  for (int64_t v : ints) ENTENTE_RETURN_IF_ERROR(s.BindInt(index++, v));
  Status st;
  while (true) {
    Result<bool> more = s.Step();
    if (!more.ok()) {
      st = more.status();
      break;
    }
    if (!*more) break;
    on_row(s);
  }
  Status reset = s.Reset();
  if (!st.ok()) {
    if (deadline_ && std::chrono::steady_clock::now() >= *deadline_) {
      return Status::StoreError("query interrupted: deadline passed");
    }
    return st;
  }
  return reset;
}

Result<std::vector<ActorSummary>> SqliteStore::Actors(const std::string& text, int limit) {
  if (limit < 1 || limit > 1000) return Status::InvalidArgument("limit must be between 1 and 1000");
  std::vector<ActorSummary> out;
  // An actor matches on its fields, or on a phrase that named it in an
  // article ("Poutine" finds Vladimir Putin).
  ENTENTE_RETURN_IF_ERROR(ReadRows(
      "WITH hits(n, c, o) AS ("
      " SELECT COALESCE(name, ''), COALESCE(country, ''), COALESCE(org, '') FROM merged_actors"
      "  WHERE ?1 = '' OR name LIKE ?2 ESCAPE '\\' OR office LIKE ?2 ESCAPE '\\' OR country LIKE ?2 ESCAPE '\\'"
      "  OR org LIKE ?2 ESCAPE '\\'"
      " UNION"
      " SELECT COALESCE(json_extract(a.value, '$.name'), ''), COALESCE(json_extract(a.value, '$.country'), ''),"
      "  COALESCE(json_extract(a.value, '$.org'), '') FROM events e, json_each(e.json, '$.actors') a"
      "  WHERE ?1 <> '' AND e.json LIKE ?2 ESCAPE '\\' AND json_extract(a.value, '$.text') LIKE ?2 ESCAPE '\\')"
      " SELECT h.n, h.c, h.o, COUNT(DISTINCT m.event_id) AS k FROM hits h JOIN merged_actors m"
      "  ON COALESCE(m.name, '') = h.n AND COALESCE(m.country, '') = h.c AND COALESCE(m.org, '') = h.o"
      " GROUP BY 1, 2, 3 ORDER BY k DESC, 1, 2, 3 LIMIT ?3",
      {text, LikeContains(text)}, {limit}, [&](const Stmt& s) {
        out.push_back(ActorSummary{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2),
                                   static_cast<int>(s.ColumnInt(3))});
      }));
  return out;
}

Result<std::vector<PlaceSummary>> SqliteStore::Places(const std::string& text, int limit) {
  if (limit < 1 || limit > 1000) return Status::InvalidArgument("limit must be between 1 and 1000");
  std::vector<PlaceSummary> out;
  // A place matches on its name or country, or on the phrase that named it
  // in an article ("Moscou" finds Moscow).
  ENTENTE_RETURN_IF_ERROR(ReadRows(
      "SELECT location_name, COALESCE(location_country, ''), MAX(lat), MAX(lon), COUNT(*) AS n "
      "FROM merged_events WHERE location_name IS NOT NULL AND (?1 = '' OR location_name LIKE ?2 ESCAPE '\\' "
      "OR location_country LIKE ?2 ESCAPE '\\' OR location_name IN (SELECT e.location_name FROM events e "
      "WHERE e.location_name IS NOT NULL AND json_extract(e.json, '$.location.text') LIKE ?2 ESCAPE '\\')) "
      "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?3",
      {text, LikeContains(text)}, {limit}, [&](const Stmt& s) {
        PlaceSummary p;
        p.name = s.ColumnText(0);
        p.country = s.ColumnText(1);
        p.has_coordinates = !s.ColumnIsNull(2);
        p.lat = s.ColumnDouble(2);
        p.lon = s.ColumnDouble(3);
        p.events = static_cast<int>(s.ColumnInt(4));
        out.push_back(std::move(p));
      }));
  return out;
}

Result<std::vector<DocumentSummary>> SqliteStore::Documents(int limit, int offset) {
  if (limit < 1 || limit > 1000) return Status::InvalidArgument("limit must be between 1 and 1000");
  if (offset < 0) return Status::InvalidArgument("offset must not be negative");
  std::vector<DocumentSummary> out;
  ENTENTE_RETURN_IF_ERROR(ReadRows(
      "SELECT d.id, COALESCE(d.url, ''), COALESCE(d.source, ''), COALESCE(d.language, ''), "
      "COALESCE(d.title, ''), COALESCE(d.published, ''), (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) "
      "FROM documents d ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ?1 OFFSET ?2",
      {}, {limit, offset}, [&](const Stmt& s) {
        out.push_back(DocumentSummary{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
                                      s.ColumnText(4), s.ColumnText(5), static_cast<int>(s.ColumnInt(6))});
      }));
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
