#pragma once
// A thin RAII layer over libpq: one connection, its prepared statements (prepared on first use,
// by SQL text), text-format parameters and results. A lost connection is StoreUnavailable
// (store.h); any other failure is PgError with its SQLSTATE.
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace amplify::store {

class PgError : public std::runtime_error {
 public:
  PgError(std::string sqlstate, const std::string& message)
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  ~PgResult() { PQclear(result_); }
  PgResult(PgResult&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PgResult& operator=(PgResult&&) = delete;

  int Rows() const { return PQntuples(result_); }
  bool Empty() const { return Rows() == 0; }
  std::string Text(int row, int column) const {
    return std::string(PQgetvalue(result_, row, column),
                       static_cast<size_t>(PQgetlength(result_, row, column)));
  }
  int64_t Int64(int row, int column) const;
  bool IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  // Rows changed by an INSERT / UPDATE / DELETE.
  int64_t Affected() const;

 private:
  PGresult* result_;
};

// One query parameter. Texts go in binary format, which for a text parameter is its bytes as
// they are (libpq reads text-format values up to a NUL, and a string_view has none); integers
// go as decimal text in the parameter's own zero-filled buffer.
class PgParam {
 public:
  PgParam(std::string_view text) : text_(text), binary_(true) {}
  PgParam(const std::string& text) : text_(text), binary_(true) {}
  PgParam(const char* text) : text_(text), binary_(true) {}
  PgParam(int64_t value) {
    auto end = std::to_chars(digits_, digits_ + sizeof digits_, value).ptr;
    text_ = std::string_view(digits_, static_cast<size_t>(end - digits_));
  }
  PgParam(int value) : PgParam(int64_t{value}) {}
  PgParam(const PgParam& other) : text_(other.text_), binary_(other.binary_) { Rebase(other); }
  PgParam& operator=(const PgParam&) = delete;
  std::string_view text() const { return text_; }
  bool binary() const { return binary_; }

 private:
  void Rebase(const PgParam& other) {
    if (text_.data() >= other.digits_ && text_.data() < other.digits_ + sizeof other.digits_) {
      std::copy(other.digits_, other.digits_ + sizeof digits_, digits_);
      text_ = std::string_view(digits_ + (text_.data() - other.digits_), text_.size());
    }
  }
  std::string_view text_;
  bool binary_ = false;
  char digits_[24] = {};
};

class PgConnection {
 public:
  // Connects to `url` (a libpq URI or key=value string; PG* variables fill in the rest) with
  // defaults it may override: a connect timeout, so an unreachable database fails requests
  // quickly, and TCP keepalives. Throws StoreUnavailable when the server cannot be reached.
  explicit PgConnection(std::string url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Whether the connection is up; a broken one is re-established by Reconnect.
  bool Up() const { return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }
  void Reconnect();
  // For connections outside transactions (readers): reconnect and run a statement again when
  // the connection turns out lost.
  void ReconnectOnUse() { reconnects_ = true; }
  // Statements run through Query that may have changed rows (any but a SELECT): the writer
  // learns from it whether a failed write left changes behind.
  uint64_t mutations() const { return mutations_; }

  // Runs one or more statements without parameters, ignoring rows.
  void Exec(std::string_view sql);
  // Queues a statement without parameters whose result is not needed (BEGIN, taking a lock): it
  // goes to the server with the next Query or Exec, in the same round trip and before it; an
  // error of it is thrown there.
  void Defer(std::string sql) { deferred_.push_back(std::move(sql)); }
  // Runs `sql` (with $1, $2, ... parameters) as a statement prepared on this connection on
  // first use.
  PgResult Query(std::string_view sql, std::initializer_list<PgParam> params = {});
  // All parameters as text (each NUL-terminated by std::string): for import.
  PgResult Query(std::string_view sql, const std::vector<std::string>& params);

 private:
  PgResult Run(std::string_view sql, int count, const char* const* values, const int* lengths,
               const int* formats);
  [[noreturn]] void Fail(PGresult* result, std::string_view what);
  void Open();
  PGresult* Prepared(std::string_view sql, const std::string*& name);
  PGresult* Pipelined(const std::string& name, int count, const char* const* values,
                      const int* lengths, const int* formats, std::string& failed_sql);

  std::string url_;
  PGconn* conn_ = nullptr;
  bool reconnects_ = false;
  uint64_t mutations_ = 0;
  std::vector<std::string> deferred_;
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> prepared_;
};

// SQLSTATEs a transaction is retried after: serialization failure, deadlock.
bool IsRetryable(const PgError& e);

}  // namespace amplify::store
