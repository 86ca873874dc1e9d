#include "store/migrations/sqlite_migrations.h"

#include <array>

namespace amplify::store {
namespace {

// Every table leads with (account, region): all state is scoped by them.
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

// The job lifecycle redesign (docs/ARCHITECTURE.md "Jobs"):
// - jobs keep only what clients read; seq is the rowid (jobs are never deleted, so it never
//   goes back without AUTOINCREMENT's extra table write per job);
// - the change a RUNNING job applies waits in job_queue with its due time and lease, where
//   engines claim it; the queue holds only pending jobs, so claims and start-up never scan jobs;
// - apps carry the version that derived documents (GetBackend) are cached under;
// - generated models get a table of their own, text as it is, moved out of `resources`.
// Payloads queued by migration-2 servers keep their format; their kind follows the operation.
constexpr std::string_view kJobQueueAndModels = R"sql(
CREATE TABLE jobs_v3 (
  seq         INTEGER PRIMARY KEY,
  account     TEXT NOT NULL,
  region      TEXT NOT NULL,
  app_id      TEXT NOT NULL,
  environment TEXT NOT NULL,
  job_id      TEXT NOT NULL,
  operation   TEXT NOT NULL,
  status      TEXT NOT NULL,
  error       TEXT NOT NULL,
  create_ms   INTEGER NOT NULL,
  update_ms   INTEGER NOT NULL
);
INSERT INTO jobs_v3 SELECT seq, account, region, app_id, environment, job_id, operation, status,
  error, create_ms, update_ms FROM jobs;

CREATE TABLE job_queue (
  seq            INTEGER PRIMARY KEY,
  account        TEXT NOT NULL,
  region         TEXT NOT NULL,
  app_id         TEXT NOT NULL,
  environment    TEXT NOT NULL,
  job_id         TEXT NOT NULL,
  due_ms         INTEGER NOT NULL,
  lease_owner    TEXT NOT NULL DEFAULT '',
  lease_until_ms INTEGER NOT NULL DEFAULT 0,
  change_kind    TEXT NOT NULL,
  change_data    TEXT NOT NULL
);
CREATE UNIQUE INDEX job_queue_by_job ON job_queue (account, region, app_id, job_id);
CREATE INDEX job_queue_by_environment ON job_queue (account, region, app_id, environment);
CREATE INDEX job_queue_by_due ON job_queue (due_ms, seq);
INSERT INTO job_queue (seq, account, region, app_id, environment, job_id, due_ms, change_kind,
                       change_data)
  SELECT seq, account, region, app_id, environment, job_id, create_ms,
         CASE WHEN operation IN ('CreateBackend', 'CloneBackend', 'DeleteBackend',
                                 'RemoveAllBackends', 'CreateBackendConfig') THEN operation
              WHEN operation = 'GenerateBackendAPIModels' THEN 'GenerateModels'
              ELSE 'Resource' END,
         payload_json
  FROM jobs WHERE status = 'RUNNING' AND payload_json <> '';

DROP TABLE jobs;
ALTER TABLE jobs_v3 RENAME TO jobs;
CREATE UNIQUE INDEX jobs_by_id ON jobs (account, region, app_id, job_id);
CREATE INDEX jobs_by_environment ON jobs (account, region, app_id, environment, seq);
CREATE INDEX jobs_by_status ON jobs (account, region, app_id, environment, status, seq);
CREATE INDEX jobs_by_operation ON jobs (account, region, app_id, environment, operation, seq);

ALTER TABLE apps ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE api_models (
  account                    TEXT NOT NULL,
  region                     TEXT NOT NULL,
  app_id                     TEXT NOT NULL,
  environment                TEXT NOT NULL,
  api_name                   TEXT NOT NULL,
  schema_version             INTEGER NOT NULL,
  models                     TEXT NOT NULL,
  model_introspection_schema TEXT NOT NULL,
  generated_ms               INTEGER NOT NULL,
  UNIQUE (account, region, app_id, environment, api_name)
);
-- Migration-2 rows: "<byte size of models>\n<models><introspection>" under category 'api-models',
-- current while the API's document said modelsStatus LATEST.
INSERT INTO api_models
  SELECT m.account, m.region, m.app_id, m.environment, m.name,
         CASE WHEN json_valid(a.config_json)
                   AND json_extract(a.config_json, '$.state.modelsStatus') = 'LATEST'
              THEN coalesce(json_extract(a.config_json, '$.state.schemaVersion'), 1)
              ELSE 0 END,
         CAST(substr(CAST(m.config_json AS BLOB), m.header + 1, m.size) AS TEXT),
         CAST(substr(CAST(m.config_json AS BLOB), m.header + 1 + m.size) AS TEXT),
         m.updated_ms
  FROM (SELECT *, instr(config_json, char(10)) AS header,
               CAST(substr(config_json, 1, instr(config_json, char(10)) - 1) AS INTEGER) AS size
        FROM resources WHERE category = 'api-models') AS m
  LEFT JOIN resources AS a
    ON a.account = m.account AND a.region = m.region AND a.app_id = m.app_id
       AND a.environment = m.environment AND a.category = 'api' AND a.name = m.name
  WHERE m.header > 0;
DELETE FROM resources WHERE category = 'api-models';
)sql";

// Fewer B-trees per CreateBackend, since each one written costs its own pages in every commit
// (docs/ARCHITECTURE.md "Store"):
// - environments are clustered by their key (WITHOUT ROWID); seq orders an app's environments
//   and is allocated per app;
// - jobs_by_status holds only jobs that are not COMPLETED: the many COMPLETED ones are listed by
//   walking jobs_by_environment, which then skips exactly the jobs this index holds.
constexpr std::string_view kLeanerWrites = R"sql(
CREATE TABLE environments_v4 (
  account    TEXT NOT NULL,
  region     TEXT NOT NULL,
  app_id     TEXT NOT NULL,
  name       TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  PRIMARY KEY (account, region, app_id, name)
) WITHOUT ROWID;
INSERT INTO environments_v4 SELECT account, region, app_id, name, seq, created_ms
  FROM environments;
DROP TABLE environments;
ALTER TABLE environments_v4 RENAME TO environments;

DROP INDEX jobs_by_status;
CREATE INDEX jobs_by_status ON jobs (account, region, app_id, environment, status, seq)
  WHERE status <> 'COMPLETED';
)sql";

constexpr std::array kMigrations = {
    Migration{1, kInitialSchema},
    Migration{2, kBuckets},
    Migration{3, kJobQueueAndModels},
    Migration{4, kLeanerWrites},
};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace amplify::store
