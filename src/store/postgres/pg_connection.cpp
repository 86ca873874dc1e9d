#include "store/postgres/pg_connection.h"

#include <fmt/format.h>

#include "store/store.h"

namespace amplify::store {
namespace {

// Connection-level failures: the server went away, is shutting down or not accepting yet.
bool IsConnectionFailure(std::string_view sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03";
}

std::string Trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

int64_t PgResult::Int64(int row, int column) const {
  const char* text = PQgetvalue(result_, row, column);
  int64_t value = 0;
  std::from_chars(text, text + PQgetlength(result_, row, column), value);
  return value;
}

int64_t PgResult::Affected() const {
  const char* text = PQcmdTuples(result_);
  int64_t value = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

PgConnection::PgConnection(std::string url) : url_(std::move(url)) { Open(); }

void PgConnection::Open() {
  // Keywords before dbname are defaults: the URL's own values, expanded from dbname, override
  // them (libpq processes keywords in order).
  const char* keywords[] = {"connect_timeout", "keepalives_idle", "keepalives_interval",
                            "application_name", "dbname", nullptr};
  const char* values[] = {"3", "10", "5", "amplifybackend-server", url_.c_str(), nullptr};
  if (conn_ != nullptr) PQfinish(conn_);
  conn_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (!Up()) {
    throw StoreUnavailable(
        fmt::format("postgresql: cannot connect: {}", Trimmed(PQerrorMessage(conn_))));
  }
  // Messages of NOTICE level (e.g. "relation already exists, skipping") stay out of stderr.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

void PgConnection::Reconnect() {
  prepared_.clear();  // a new session has none of them
  Open();
}

void PgConnection::Fail(PGresult* result, std::string_view what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  std::string message =
      fmt::format("postgresql: {}: {}",
                  what.substr(0, 120), Trimmed(result ? PQresultErrorMessage(result)
                                                      : PQerrorMessage(conn_)));
  PQclear(result);
  if (!Up() || sqlstate.empty() || IsConnectionFailure(sqlstate)) {
    throw StoreUnavailable(message);
  }
  throw PgError(std::move(sqlstate), message);
}

void PgConnection::Exec(std::string_view sql) {
  if (!Up()) {
    if (!reconnects_) throw StoreUnavailable("postgresql: the connection was lost");
    Reconnect();
  }
  PGresult* result = PQexec(conn_, std::string(sql).c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail(result, sql);
  PQclear(result);
}

PgResult PgConnection::Run(std::string_view sql, int count, const char* const* values,
                           const int* lengths, const int* formats) {
  // A reader's connection comes back by itself: once before the statement if it is known to be
  // down, and once more if the statement finds it gone (a database restart). A writer's never
  // does mid-transaction: its transaction died with it.
  if (!Up()) {
    if (!reconnects_) throw StoreUnavailable("postgresql: the connection was lost");
    Reconnect();
  }
  if (!sql.starts_with("SELECT")) ++mutations_;
  for (int attempt = 0;; ++attempt) {
    auto it = prepared_.find(sql);
    PGresult* result = nullptr;
    if (it == prepared_.end()) {
      std::string name = fmt::format("s{}", prepared_.size());
      result = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr);
      if (PQresultStatus(result) == PGRES_COMMAND_OK) {
        PQclear(result);
        result = nullptr;
        it = prepared_.emplace(std::string(sql), std::move(name)).first;
      }
    }
    if (result == nullptr) {
      result = PQexecPrepared(conn_, it->second.c_str(), count, values, lengths, formats,
                              /*resultFormat=*/0);
      const ExecStatusType status = PQresultStatus(result);
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return PgResult(result);
    }
    if (reconnects_ && attempt == 0 && !Up()) {
      PQclear(result);
      Reconnect();
      continue;
    }
    Fail(result, sql);
  }
}

PgResult PgConnection::Query(std::string_view sql, std::initializer_list<PgParam> params) {
  constexpr size_t kMax = 16;
  const char* values[kMax];
  int lengths[kMax];
  int formats[kMax];
  size_t n = 0;
  for (const PgParam& p : params) {
    if (n == kMax) throw std::logic_error("postgresql: too many parameters");
    values[n] = p.text().data();
    lengths[n] = static_cast<int>(p.text().size());
    formats[n] = p.binary() ? 1 : 0;
    ++n;
  }
  return Run(sql, static_cast<int>(n), values, lengths, formats);
}

PgResult PgConnection::Query(std::string_view sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (const std::string& p : params) {
    values.push_back(p.c_str());
    lengths.push_back(static_cast<int>(p.size()));
  }
  std::vector<int> formats(params.size(), 0);
  return Run(sql, static_cast<int>(params.size()), values.data(), lengths.data(), formats.data());
}

bool IsRetryable(const PgError& e) { return e.sqlstate() == "40001" || e.sqlstate() == "40P01"; }

}  // namespace amplify::store
