#include "store/sqlite/sqlite_connection.h"

#include <fmt/format.h>

#include <stdexcept>

namespace amplify::store {
namespace {

[[noreturn]] void ThrowSqliteError(sqlite3* db, std::string_view what) {
  throw std::runtime_error(fmt::format("sqlite: {}: {}", what, sqlite3_errmsg(db)));
}

}  // namespace

SqliteStatement::~SqliteStatement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  // SQLITE_STATIC: no copy. The text must outlive the statement's use (sqlite_connection.h).
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) !=
      SQLITE_OK) {
    ThrowSqliteError(sqlite3_db_handle(stmt_), "bind");
  }
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) {
    ThrowSqliteError(sqlite3_db_handle(stmt_), "bind");
  }
  return *this;
}

bool SqliteStatement::Step() {
  switch (sqlite3_step(stmt_)) {
    case SQLITE_ROW:
      return true;
    case SQLITE_DONE:
      return false;
    default:
      ThrowSqliteError(sqlite3_db_handle(stmt_), sqlite3_sql(stmt_));
  }
}

void SqliteStatement::Run() {
  while (Step()) {
  }
}

std::string SqliteStatement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t SqliteStatement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

SqliteConnection::SqliteConnection(const std::string& filename, int flags, const char* vfs) {
  int rc = sqlite3_open_v2(filename.c_str(), &db_, flags, vfs);
  if (rc != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    throw std::runtime_error(fmt::format("sqlite: open {}: {}", filename, message));
  }
  sqlite3_extended_result_codes(db_, 1);
  // Before any statement: even the first PRAGMA reads the schema, which needs a shared lock
  // that the writer's commit may hold for a moment (memdb has no WAL to read around it).
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void SqliteConnection::Exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw std::runtime_error(fmt::format("sqlite: {}: {}", sql, message));
  }
}

SqliteStatement SqliteConnection::Prepare(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      ThrowSqliteError(db_, fmt::format("prepare {}", sql));
    }
    it = statements_.emplace(std::string(sql), stmt).first;
  }
  return SqliteStatement(it->second);
}

int64_t SqliteConnection::QueryInt(std::string_view sql) {
  SqliteStatement statement = Prepare(sql);
  if (!statement.Step()) throw std::runtime_error(fmt::format("sqlite: no row from {}", sql));
  return statement.Int64(0);
}

}  // namespace amplify::store
