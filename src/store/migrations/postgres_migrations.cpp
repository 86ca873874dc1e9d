#include "store/migrations/postgres_migrations.h"

#include <array>

namespace amplify::store {
namespace {

// SQLite's schema at its migration 4, in one step. Every table leads with (account, region).
// Texts compare byte by byte (COLLATE "C") as in SQLite, so names sort the same in both.
// seq columns come from sequences: a job's seq orders ListJobs newest first and is its keyset
// cursor. Rows of one app change only under that app's advisory lock (pg_records.h), so the
// uniqueness below is what holds the invariants between processes.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE apps (
  account     TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  app_id      TEXT COLLATE "C" NOT NULL,
  app_name    TEXT COLLATE "C" NOT NULL,
  created_ms  BIGINT NOT NULL,
  config_json TEXT COLLATE "C" NOT NULL,
  version     BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (account, region, app_id)
);

CREATE TABLE environments (
  account    TEXT COLLATE "C" NOT NULL,
  region     TEXT COLLATE "C" NOT NULL,
  app_id     TEXT COLLATE "C" NOT NULL,
  name       TEXT COLLATE "C" NOT NULL,
  seq        BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (account, region, app_id, name)
);

CREATE TABLE resources (
  seq         BIGSERIAL PRIMARY KEY,
  account     TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  app_id      TEXT COLLATE "C" NOT NULL,
  environment TEXT COLLATE "C" NOT NULL,
  category    TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  config_json TEXT COLLATE "C" NOT NULL,
  created_ms  BIGINT NOT NULL,
  updated_ms  BIGINT NOT NULL,
  UNIQUE (account, region, app_id, environment, category, name)
);

CREATE TABLE api_models (
  account                    TEXT COLLATE "C" NOT NULL,
  region                     TEXT COLLATE "C" NOT NULL,
  app_id                     TEXT COLLATE "C" NOT NULL,
  environment                TEXT COLLATE "C" NOT NULL,
  api_name                   TEXT COLLATE "C" NOT NULL,
  schema_version             BIGINT NOT NULL,
  models                     TEXT COLLATE "C" NOT NULL,
  model_introspection_schema TEXT COLLATE "C" NOT NULL,
  generated_ms               BIGINT NOT NULL,
  PRIMARY KEY (account, region, app_id, environment, api_name)
);

CREATE TABLE jobs (
  seq         BIGSERIAL PRIMARY KEY,
  account     TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  app_id      TEXT COLLATE "C" NOT NULL,
  environment TEXT COLLATE "C" NOT NULL,
  job_id      TEXT COLLATE "C" NOT NULL,
  operation   TEXT COLLATE "C" NOT NULL,
  status      TEXT COLLATE "C" NOT NULL,
  error       TEXT COLLATE "C" NOT NULL,
  create_ms   BIGINT NOT NULL,
  update_ms   BIGINT NOT NULL
);
CREATE UNIQUE INDEX jobs_by_id ON jobs (account, region, app_id, job_id);
CREATE INDEX jobs_by_environment ON jobs (account, region, app_id, environment, seq);
CREATE INDEX jobs_by_status ON jobs (account, region, app_id, environment, status, seq)
  WHERE status <> 'COMPLETED';
CREATE INDEX jobs_by_operation ON jobs (account, region, app_id, environment, operation, seq);

CREATE TABLE job_queue (
  seq            BIGINT PRIMARY KEY,
  account        TEXT COLLATE "C" NOT NULL,
  region         TEXT COLLATE "C" NOT NULL,
  app_id         TEXT COLLATE "C" NOT NULL,
  environment    TEXT COLLATE "C" NOT NULL,
  job_id         TEXT COLLATE "C" NOT NULL,
  due_ms         BIGINT NOT NULL,
  lease_owner    TEXT COLLATE "C" NOT NULL DEFAULT '',
  lease_until_ms BIGINT NOT NULL DEFAULT 0,
  change_kind    TEXT COLLATE "C" NOT NULL,
  change_data    TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX job_queue_by_job ON job_queue (account, region, app_id, job_id);
CREATE INDEX job_queue_by_environment ON job_queue (account, region, app_id, environment);
CREATE INDEX job_queue_by_due ON job_queue (due_ms, seq);

CREATE TABLE tokens (
  account        TEXT COLLATE "C" NOT NULL,
  region         TEXT COLLATE "C" NOT NULL,
  app_id         TEXT COLLATE "C" NOT NULL,
  session_id     TEXT COLLATE "C" NOT NULL,
  challenge_code TEXT COLLATE "C" NOT NULL,
  created_ms     BIGINT NOT NULL,
  expires_ms     BIGINT NOT NULL,
  PRIMARY KEY (account, region, app_id, session_id)
);

CREATE TABLE buckets (
  name        TEXT COLLATE "C" PRIMARY KEY,
  account     TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  creation_ms BIGINT NOT NULL
);
CREATE INDEX buckets_by_account ON buckets (account, name);
)sql";

constexpr std::array kMigrations = {
    Migration{1, kInitialSchema},
};

}  // namespace

std::span<const Migration> PostgresMigrations() { return kMigrations; }

}  // namespace amplify::store
