#pragma once
// A thin RAII layer over sqlite3: one connection, its cached prepared statements, and SQLite
// errors turned into std::runtime_error (store.h: only infrastructure failures throw).
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace amplify::store {

// A cached prepared statement borrowed for one use. It resets on scope exit so that a
// connection never keeps a read transaction open (which would pin a WAL snapshot or, in
// memory, hold a lock that stalls the writer's commit).
class SqliteStatement {
 public:
  explicit SqliteStatement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Binds without copying: `text` must stay alive until the statement is done (the borrow's
  // scope), so bind named values or temporaries of the same full expression only.
  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& Bind(int index, int64_t value);
  // Binds parameters 1..n in order.
  template <class... Args>
  SqliteStatement& BindAll(const Args&... args) {
    int index = 0;
    (Bind(++index, args), ...);
    return *this;
  }

  // True when a row is available, false once the statement is done.
  bool Step();
  // Steps to completion, for statements whose rows (if any) are not needed.
  void Run();

  std::string Text(int column) const;
  int64_t Int64(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

class SqliteConnection {
 public:
  // How long a statement waits for another connection's lock before failing with "locked".
  static constexpr int kBusyTimeoutMs = 5000;

  // `flags` as for sqlite3_open_v2 (SQLITE_OPEN_URI is needed for "file:" names); `vfs` null
  // for the default.
  SqliteConnection(const std::string& filename, int flags, const char* vfs = nullptr);
  // Finalizes the cached statements, then closes.
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs a script of one or more statements, ignoring any rows.
  void Exec(const std::string& sql);
  // The cached statement for `sql`, prepared on first use.
  SqliteStatement Prepare(std::string_view sql);
  // The single integer a PRAGMA or SELECT returns (e.g. PRAGMA user_version).
  int64_t QueryInt(std::string_view sql);

  sqlite3* handle() const { return db_; }

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

}  // namespace amplify::store
