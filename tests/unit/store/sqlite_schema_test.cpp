// Migrations and the job queries' plans.
#include "store/sqlite/sqlite_schema.h"

#include <gtest/gtest.h>

#include <array>

#include "store/migrations/sqlite_migrations.h"
#include "store/scoped_temp_dir.h"
#include "store/sqlite/sqlite_job_queries.h"
#include "store/sqlite/sqlite_records.h"
#include "store/sqlite/sqlite_store.h"

namespace amplify::store {
namespace {

SqliteConnection OpenMemory() {
  return SqliteConnection(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

bool TableExists(SqliteConnection& db, std::string_view table) {
  SqliteStatement row = db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  row.BindAll(table);
  return row.Step();
}

TEST(SqliteSchemaTest, MigrationVersionsCountUpFromOne) {
  int expected = 1;
  for (const Migration& migration : SqliteMigrations()) EXPECT_EQ(migration.version, expected++);
  EXPECT_GT(expected, 1);
}

TEST(SqliteSchemaTest, EachMigrationIsAppliedOnce) {
  SqliteConnection db = OpenMemory();
  EXPECT_EQ(MigrateSqliteSchema(db), static_cast<int>(SqliteMigrations().size()));
  EXPECT_EQ(MigrateSqliteSchema(db), 0);
  EXPECT_EQ(db.QueryInt("PRAGMA user_version"), SqliteMigrations().back().version);
  for (const char* table :
       {"apps", "environments", "resources", "jobs", "job_queue", "api_models", "tokens"}) {
    EXPECT_TRUE(TableExists(db, table)) << table;
  }
}

TEST(SqliteSchemaTest, AnAppendedMigrationIsTheOnlyOneAppliedOnReopen) {
  const std::array<Migration, 2> migrations = {
      Migration{1, "CREATE TABLE a (x)"},
      Migration{2, "CREATE TABLE b (x); INSERT INTO b VALUES (1)"},
  };
  SqliteConnection db = OpenMemory();
  EXPECT_EQ(MigrateSqliteSchema(db, std::span(migrations).first(1)), 1);
  EXPECT_EQ(MigrateSqliteSchema(db, migrations), 1);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM b"), 1);
  EXPECT_EQ(db.QueryInt("PRAGMA user_version"), 2);
}

TEST(SqliteSchemaTest, AFailedMigrationLeavesTheDatabaseUntouched) {
  const std::array<Migration, 2> migrations = {
      Migration{1, "CREATE TABLE a (x)"},
      Migration{2, "CREATE TABLE b (x); NOT SQL"},
  };
  SqliteConnection db = OpenMemory();
  EXPECT_THROW(MigrateSqliteSchema(db, migrations), std::runtime_error);
  EXPECT_EQ(db.QueryInt("PRAGMA user_version"), 0);
  EXPECT_FALSE(TableExists(db, "a"));
  EXPECT_FALSE(TableExists(db, "b"));
}

TEST(SqliteSchemaTest, ADatabaseFromANewerServerIsRefused) {
  ScopedTempDir dir;
  OpenSqliteStore({.data_dir = dir.path().string()}).reset();
  {
    SqliteConnection db((dir.path() / "amplifybackend.db").string(), SQLITE_OPEN_READWRITE);
    db.Exec("PRAGMA user_version = 9999");
  }
  EXPECT_THROW(OpenSqliteStore({.data_dir = dir.path().string()}), std::runtime_error);
}

TEST(SqliteSchemaTest, ReopeningAStoreDoesNotMigrateAgain) {
  ScopedTempDir dir;
  OpenSqliteStore({.data_dir = dir.path().string()}).reset();
  OpenSqliteStore({.data_dir = dir.path().string()}).reset();
  SqliteConnection db((dir.path() / "amplifybackend.db").string(), SQLITE_OPEN_READWRITE);
  EXPECT_EQ(db.QueryInt("PRAGMA user_version"), SqliteMigrations().back().version);
  EXPECT_EQ(MigrateSqliteSchema(db), 0);
}

// EXPLAIN QUERY PLAN's detail lines, joined.
std::string QueryPlan(SqliteConnection& db, const std::string& sql) {
  SqliteStatement rows = db.Prepare("EXPLAIN QUERY PLAN " + sql);
  std::string plan;
  while (rows.Step()) plan += rows.Text(3) + "\n";
  return plan;
}

// A page of jobs must cost O(page): an index search that also yields seq order, never a scan
// of the table or a sort of every match.
TEST(SqliteSchemaTest, JobQueriesAreIndexSearchesWithoutSorting) {
  SqliteConnection db = OpenMemory();
  MigrateSqliteSchema(db);
  auto with = [](bool job_id, const char* status, bool operation) {
    JobQuery query;
    if (job_id) query.job_id = "x";
    if (status != nullptr) query.status = status;
    if (operation) query.operation = "x";
    return query;
  };
  const std::pair<JobQuery, std::string> cases[] = {
      {with(false, nullptr, false), "jobs_by_environment"},
      {with(false, "FAILED", false), "jobs_by_status"},
      {with(false, "RUNNING", false), "jobs_by_status"},
      {with(false, "COMPLETED", false), "jobs_by_environment"},  // leaves out only the others
      {with(false, nullptr, true), "jobs_by_operation"},
      {with(true, nullptr, false), "jobs_by_id"},
      {with(true, "COMPLETED", true), "jobs_by_id"},
  };
  for (const auto& [query, index] : cases) {
    std::string plan = QueryPlan(db, ListJobsSql(query));
    EXPECT_NE(plan.find("SEARCH jobs USING INDEX " + index), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  }
  for (bool any_environment : {false, true}) {
    std::string pending = QueryPlan(db, std::string(PendingJobSql(any_environment)));
    EXPECT_NE(pending.find("SEARCH job_queue USING"), std::string::npos) << pending;
  }
  std::string claim = QueryPlan(db, std::string(ClaimDueJobsSql()));
  EXPECT_NE(claim.find("job_queue_by_due"), std::string::npos) << claim;
  EXPECT_EQ(claim.find("TEMP B-TREE"), std::string::npos) << claim;
}

// A database written by a migration-2 server: its pending job completes from the queue, and its
// generated models keep whether they were current.
TEST(SqliteSchemaTest, MigrationThreeCarriesPendingJobsAndModelsOver) {
  SqliteConnection db = OpenMemory();
  MigrateSqliteSchema(db, SqliteMigrations().first(2));
  db.Exec(R"sql(
    INSERT INTO apps VALUES ('111111111111', 'us-east-1', 'app', 'App', 1, '');
    INSERT INTO jobs (account, region, app_id, environment, job_id, operation, status, error,
                      create_ms, update_ms, payload_json)
      VALUES ('111111111111', 'us-east-1', 'app', 'dev', 'done', 'CreateBackend', 'COMPLETED', '',
              1, 2, ''),
             ('111111111111', 'us-east-1', 'app', 'dev', 'auth', 'UpdateBackendAuth', 'RUNNING',
              '', 3, 3, '{"kind":"replace"}'),
             ('111111111111', 'us-east-1', 'app', 'qa', 'gen', 'GenerateBackendAPIModels',
              'RUNNING', '', 4, 4, '{"name":"blog"}');
    INSERT INTO resources (account, region, app_id, environment, category, name, config_json,
                           created_ms, updated_ms)
      VALUES ('111111111111', 'us-east-1', 'app', 'dev', 'api', 'blog',
              '{"state":{"modelsStatus":"LATEST","schemaVersion":4}}', 1, 1),
             ('111111111111', 'us-east-1', 'app', 'dev', 'api-models', 'blog',
              '6' || char(10) || 'é=12;{"version": 1}', 1, 8),
             ('111111111111', 'us-east-1', 'app', 'qa', 'api', 'blog',
              '{"state":{"modelsStatus":"STALE","schemaVersion":2}}', 1, 1),
             ('111111111111', 'us-east-1', 'app', 'qa', 'api-models', 'blog',
              '2' || char(10) || 'ab{}', 1, 8);
  )sql");
  EXPECT_EQ(MigrateSqliteSchema(db, SqliteMigrations().first(3)), 1);
  SqliteRecords records(db);
  const Scope scope{"111111111111", "us-east-1"};
  EXPECT_EQ(records.GetJob(scope, "app", "done")->status, "COMPLETED");
  EXPECT_EQ(records.FindPendingJob(scope, "app", "dev")->job_id, "auth");
  std::vector<ClaimedJob> claimed = records.ClaimDueJobs(10, 1, "engine", 10);
  ASSERT_EQ(claimed.size(), 2u);
  EXPECT_EQ(claimed[0].job_id, "auth");
  EXPECT_EQ(claimed[0].kind, "Resource");
  EXPECT_EQ(claimed[0].data, R"({"kind":"replace"})");
  EXPECT_EQ(claimed[0].due_ms, 3);
  EXPECT_EQ(claimed[1].kind, "GenerateModels");
  std::optional<ApiModelsRecord> dev = records.GetApiModels(scope, "app", "dev", "blog");
  ASSERT_TRUE(dev.has_value());
  EXPECT_EQ(dev->models, "\xC3\xA9=12;");  // a byte count, not a character count
  EXPECT_EQ(dev->model_introspection_schema, R"({"version": 1})");
  EXPECT_EQ(dev->schema_version, 4);  // LATEST: current for the API's schema
  EXPECT_EQ(dev->generated_ms, 8);
  EXPECT_EQ(records.GetApiModels(scope, "app", "qa", "blog")->schema_version, 0);  // STALE
  EXPECT_FALSE(records.GetResource(scope, "app", "dev", "api-models", "blog"));
  EXPECT_EQ(records.AppVersion(scope, "app"), 0);
}

// A database written by a migration-3 server: environments keep their order within each app,
// and a new one still comes last; jobs keep answering every status filter.
TEST(SqliteSchemaTest, MigrationFourKeepsEnvironmentOrderAndJobFilters) {
  SqliteConnection db = OpenMemory();
  MigrateSqliteSchema(db, SqliteMigrations().first(3));
  db.Exec(R"sql(
    INSERT INTO environments (account, region, app_id, name, created_ms)
      VALUES ('111111111111', 'us-east-1', 'app', 'zeta', 1),
             ('111111111111', 'us-east-1', 'other', 'dev', 2),
             ('111111111111', 'us-east-1', 'app', 'alpha', 3);
    INSERT INTO jobs (account, region, app_id, environment, job_id, operation, status, error,
                      create_ms, update_ms)
      VALUES ('111111111111', 'us-east-1', 'app', 'zeta', 'ok', 'CreateBackend', 'COMPLETED',
              '', 1, 1),
             ('111111111111', 'us-east-1', 'app', 'zeta', 'bad', 'CreateBackend', 'FAILED',
              'x', 2, 2);
  )sql");
  EXPECT_EQ(MigrateSqliteSchema(db), 1);
  SqliteRecords records(db);
  const Scope scope{"111111111111", "us-east-1"};
  records.PutEnvironment(scope, {.app_id = "app", .name = "beta", .created_ms = 4});
  std::vector<std::string> names;
  for (const EnvironmentRecord& env : records.ListEnvironments(scope, "app")) {
    names.push_back(env.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"zeta", "alpha", "beta"}));
  for (const char* status : {"COMPLETED", "FAILED"}) {
    JobQuery query;
    query.app_id = "app";
    query.environment = "zeta";
    query.status = status;
    std::vector<JobRecord> jobs = records.ListJobs(scope, query);
    ASSERT_EQ(jobs.size(), 1u) << status;
    EXPECT_EQ(jobs[0].status, status);
  }
}

}  // namespace
}  // namespace amplify::store
