// Thin RAII helpers over the SQLite C API, used only by the store.
//
// Every call's return code is turned into a Status whose message names the
// operation and quotes sqlite3_errmsg(). Statements are prepared once and
// reused: Reset() before each use, parameters always bound (never spliced
// into SQL text).
//
// Thread safety: one connection per thread, like Store.
#ifndef ENTENTE_STORE_SQLITE_UTIL_H_
#define ENTENTE_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "entente/status.h"

namespace entente::store_internal {

// The error of `rc` on `db`, as "<what>: <sqlite message>".
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// Runs one or more statements that return no rows.
Status Exec(sqlite3* db, const std::string& sql);

// A prepared statement. Movable, not copyable (owns the sqlite3_stmt).
class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  static Result<Stmt> Prepare(sqlite3* db, std::string_view sql);

  // Resets the statement and clears its bindings.
  Status Reset();

  // Parameters are 1-based, as in SQLite.
  Status BindText(int index, std::string_view value);
  Status BindInt(int index, int64_t value);
  Status BindDouble(int index, double value);
  Status BindNull(int index);
  // Binds NULL for an empty string.
  Status BindTextOrNull(int index, std::string_view value);

  // true: a row is ready; false: done.
  Result<bool> Step();
  // Steps a statement that returns no rows.
  Status Run();

  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;  // "" for NULL
  bool ColumnIsNull(int col) const;

 private:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;      // not owned
  sqlite3_stmt* stmt_ = nullptr;  // owned
};

}  // namespace entente::store_internal

#endif  // ENTENTE_STORE_SQLITE_UTIL_H_
