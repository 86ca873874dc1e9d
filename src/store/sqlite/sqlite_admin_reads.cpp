// The reads only the admin console makes: the public API has no list of apps or tokens.
#include "common/ascii.h"
#include "store/sqlite/sqlite_records.h"

namespace amplify::store {

std::vector<AppRecord> SqliteRecords::ListApps(const Scope& s, const AppListQuery& q) {
  // SQLite's lower() and instr() are ASCII and byte-wise, as identifiers are. A search reads
  // the scope's apps from `after` on in key order until the page is full.
  SqliteStatement rows = db_.Prepare(
      "SELECT app_id, app_name, created_ms, config_json, version FROM apps "
      "WHERE account = ?1 AND region = ?2 AND app_id > ?3 "
      "AND (?4 = '' OR instr(lower(app_id), ?4) > 0 OR instr(lower(app_name), ?4) > 0) "
      "ORDER BY app_id LIMIT ?5");
  // Bound without a copy (SQLITE_STATIC): it must outlive the statement's steps.
  const std::string search = AsciiLower(q.search);
  rows.BindAll(s.account, s.region, q.after_app_id, search, static_cast<int64_t>(q.limit));
  std::vector<AppRecord> out;
  while (rows.Step()) {
    out.push_back({.app_id = rows.Text(0),
                   .app_name = rows.Text(1),
                   .created_ms = rows.Int64(2),
                   .config_json = rows.Text(3),
                   .version = rows.Int64(4)});
  }
  return out;
}

std::vector<TokenRecord> SqliteRecords::ListLiveTokens(const Scope& s, const std::string& app_id,
                                                       int64_t now_ms) {
  SqliteStatement rows = db_.Prepare(
      "SELECT app_id, session_id, challenge_code, created_ms, expires_ms FROM tokens "
      "WHERE account = ? AND region = ? AND app_id = ? AND expires_ms > ? "
      "ORDER BY created_ms DESC, session_id");
  rows.BindAll(s.account, s.region, app_id, now_ms);
  std::vector<TokenRecord> out;
  while (rows.Step()) {
    out.push_back({.app_id = rows.Text(0),
                   .session_id = rows.Text(1),
                   .challenge_code = rows.Text(2),
                   .created_ms = rows.Int64(3),
                   .expires_ms = rows.Int64(4)});
  }
  return out;
}

}  // namespace amplify::store
