// The reads only the admin console makes: the public API has no list of apps or tokens.
#include "common/ascii.h"
#include "store/postgres/pg_records.h"

namespace amplify::store {

std::vector<AppRecord> PgRecords::ListApps(const Scope& s, const AppListQuery& q) {
  // The columns are COLLATE "C": lower() changes ASCII letters only, as SQLite's does.
  PgResult rows = db_.Query(
      "SELECT app_id, app_name, created_ms, config_json, version FROM apps "
      "WHERE account = $1 AND region = $2 AND app_id > $3 "
      "AND ($4 = '' OR strpos(lower(app_id), $4) > 0 OR strpos(lower(app_name), $4) > 0) "
      "ORDER BY app_id LIMIT $5",
      {s.account, s.region, q.after_app_id, AsciiLower(q.search), int64_t{q.limit}});
  std::vector<AppRecord> out;
  for (int i = 0; i < rows.Rows(); ++i) {
    out.push_back({.app_id = rows.Text(i, 0),
                   .app_name = rows.Text(i, 1),
                   .created_ms = rows.Int64(i, 2),
                   .config_json = rows.Text(i, 3),
                   .version = rows.Int64(i, 4)});
  }
  return out;
}

std::vector<TokenRecord> PgRecords::ListLiveTokens(const Scope& s, const std::string& app_id,
                                                   int64_t now_ms) {
  PgResult rows = db_.Query(
      "SELECT app_id, session_id, challenge_code, created_ms, expires_ms FROM tokens "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND expires_ms > $4 "
      "ORDER BY created_ms DESC, session_id",
      {s.account, s.region, app_id, now_ms});
  std::vector<TokenRecord> out;
  for (int i = 0; i < rows.Rows(); ++i) {
    out.push_back({.app_id = rows.Text(i, 0),
                   .session_id = rows.Text(i, 1),
                   .challenge_code = rows.Text(i, 2),
                   .created_ms = rows.Int64(i, 3),
                   .expires_ms = rows.Int64(i, 4)});
  }
  return out;
}

}  // namespace amplify::store
