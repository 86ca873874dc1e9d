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
  conn_ = nullptr;
  conn_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (!Up()) {
    // No connection object stays behind: a constructor that throws runs no destructor.
    std::string why = conn_ ? Trimmed(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreUnavailable(fmt::format("postgresql: cannot connect: {}", why));
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
                  what.substr(0, 120),
                  Trimmed(result ? PQresultErrorMessage(result)
                                 : conn_ ? PQerrorMessage(conn_) : "not connected"));
  PQclear(result);
  if (!Up() || sqlstate.empty() || IsConnectionFailure(sqlstate)) {
    throw StoreUnavailable(message);
  }
  throw PgError(std::move(sqlstate), message);
}

void PgConnection::Exec(std::string_view sql) {
  if (!Up()) {
    if (!reconnects_ || !deferred_.empty()) {
      deferred_.clear();
      throw StoreUnavailable("postgresql: the connection was lost");
    }
    Reconnect();
  }
  // Deferred statements lead the same simple query: one round trip for all.
  std::string script;
  for (const std::string& statement : deferred_) script += statement + ";";
  deferred_.clear();
  script += sql;
  PGresult* result = PQexec(conn_, script.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail(result, script);
  PQclear(result);
}

// The name of `sql`'s prepared statement, preparing it on first use; a failed PQprepare's result
// otherwise (for Fail), else null.
PGresult* PgConnection::Prepared(std::string_view sql, const std::string*& name) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string fresh = fmt::format("s{}", prepared_.size());
    PGresult* result = PQprepare(conn_, fresh.c_str(), std::string(sql).c_str(), 0, nullptr);
    if (PQresultStatus(result) != PGRES_COMMAND_OK) return result;
    PQclear(result);
    it = prepared_.emplace(std::string(sql), std::move(fresh)).first;
  }
  name = &it->second;
  return nullptr;
}

// Sends the deferred statements and then the prepared one in pipeline mode, so they cost one
// round trip, and returns the prepared statement's result — or the first failed one's, naming
// it in `failed_sql`.
PGresult* PgConnection::Pipelined(const std::string& name, int count, const char* const* values,
                                  const int* lengths, const int* formats,
                                  std::string& failed_sql) {
  std::vector<std::string> deferred = std::move(deferred_);
  deferred_.clear();
  if (PQenterPipelineMode(conn_) != 1) return nullptr;
  bool sent = true;
  for (const std::string& statement : deferred) {
    sent = sent && PQsendQueryParams(conn_, statement.c_str(), 0, nullptr, nullptr, nullptr,
                                     nullptr, 0) == 1;
  }
  sent = sent && PQsendQueryPrepared(conn_, name.c_str(), count, values, lengths, formats, 0) == 1;
  sent = sent && PQpipelineSync(conn_) == 1;
  PGresult* failure = nullptr;
  PGresult* main = nullptr;
  if (sent) {
    // One result (then a null) per statement, then the sync's.
    for (size_t i = 0; i <= deferred.size(); ++i) {
      PGresult* result = PQgetResult(conn_);
      if (result == nullptr) break;  // the connection went
      while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
      const ExecStatusType status = PQresultStatus(result);
      const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
      if (i == deferred.size() && (ok || failure == nullptr)) {
        main = result;
      } else if (!ok && failure == nullptr && status != PGRES_PIPELINE_ABORTED) {
        failure = result;
        failed_sql = deferred[i];
      } else {
        PQclear(result);
      }
    }
    if (PGresult* sync = PQgetResult(conn_)) PQclear(sync);
  }
  PQexitPipelineMode(conn_);
  if (failure != nullptr) {
    PQclear(main);
    return failure;
  }
  return main;
}

PgResult PgConnection::Run(std::string_view sql, int count, const char* const* values,
                           const int* lengths, const int* formats) {
  // A reader's connection comes back by itself: once before the statement if it is known to be
  // down, and once more if the statement finds it gone (a database restart). A writer's never
  // does mid-transaction: its transaction died with it (and so did what it deferred).
  if (!Up()) {
    if (!reconnects_ || !deferred_.empty()) {
      deferred_.clear();
      throw StoreUnavailable("postgresql: the connection was lost");
    }
    Reconnect();
  }
  if (!sql.starts_with("SELECT")) ++mutations_;
  for (int attempt = 0;; ++attempt) {
    const std::string* name = nullptr;
    PGresult* result = Prepared(sql, name);
    std::string failed_sql(sql);
    if (result == nullptr) {
      result = deferred_.empty() ? PQexecPrepared(conn_, name->c_str(), count, values, lengths,
                                                  formats, /*resultFormat=*/0)
                                 : Pipelined(*name, count, values, lengths, formats, failed_sql);
      const ExecStatusType status = PQresultStatus(result);
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return PgResult(result);
    }
    if (reconnects_ && attempt == 0 && !Up()) {
      PQclear(result);
      Reconnect();
      continue;
    }
    Fail(result, failed_sql);
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
