#include "store/migrations/sqlite_migrations.h"

#include <array>

namespace amplify::store {
namespace {

// Every table leads with (account, region): all state is scoped by them (DESIGN.md §2).
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE apps (
  account     TEXT NOT NULL,
  region      TEXT NOT NULL,
  app_id      TEXT NOT NULL,
  app_name    TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  config_json TEXT NOT NULL,
  PRIMARY KEY (account, region, app_id)
) WITHOUT ROWID;

-- seq gives creation order; an upsert keeps it.
CREATE TABLE environments (
  seq        INTEGER PRIMARY KEY,
  account    TEXT NOT NULL,
  region     TEXT NOT NULL,
  app_id     TEXT NOT NULL,
  name       TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  UNIQUE (account, region, app_id, name)
);

CREATE TABLE resources (
  seq         INTEGER PRIMARY KEY,
  account     TEXT NOT NULL,
  region      TEXT NOT NULL,
  app_id      TEXT NOT NULL,
  environment TEXT NOT NULL,
  category    TEXT NOT NULL,
  name        TEXT NOT NULL,
  config_json TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  updated_ms  INTEGER NOT NULL,
  UNIQUE (account, region, app_id, environment, category, name)
);

-- AUTOINCREMENT: seq never goes backwards, so it is a stable keyset cursor for ListJobs.
CREATE TABLE jobs (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  account      TEXT NOT NULL,
  region       TEXT NOT NULL,
  app_id       TEXT NOT NULL,
  environment  TEXT NOT NULL,
  job_id       TEXT NOT NULL,
  operation    TEXT NOT NULL,
  status       TEXT NOT NULL,
  error        TEXT NOT NULL,
  create_ms    INTEGER NOT NULL,
  update_ms    INTEGER NOT NULL,
  payload_json TEXT NOT NULL
);
CREATE UNIQUE INDEX jobs_by_id ON jobs (account, region, app_id, job_id);
-- One index per ListJobs filter, each ending in seq, so a page is an index range scan.
CREATE INDEX jobs_by_environment ON jobs (account, region, app_id, environment, seq);
CREATE INDEX jobs_by_status ON jobs (account, region, app_id, environment, status, seq);
CREATE INDEX jobs_by_operation ON jobs (account, region, app_id, environment, operation, seq);
-- Restart recovery lists every running job; the partial index holds only those.
CREATE INDEX jobs_running ON jobs (seq) WHERE status = 'RUNNING';

CREATE TABLE tokens (
  account        TEXT NOT NULL,
  region         TEXT NOT NULL,
  app_id         TEXT NOT NULL,
  session_id     TEXT NOT NULL,
  challenge_code TEXT NOT NULL,
  created_ms     INTEGER NOT NULL,
  expires_ms     INTEGER NOT NULL,
  PRIMARY KEY (account, region, app_id, session_id)
) WITHOUT ROWID;
)sql";

// S3 buckets (storage resources, ListS3Buckets): names are global, listings per account.
constexpr std::string_view kBuckets = R"sql(
CREATE TABLE buckets (
  name        TEXT PRIMARY KEY,
  account     TEXT NOT NULL,
  region      TEXT NOT NULL,
  creation_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX buckets_by_account ON buckets (account, name);
)sql";

constexpr std::array kMigrations = {
    Migration{1, kInitialSchema},
    Migration{2, kBuckets},
};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace amplify::store
