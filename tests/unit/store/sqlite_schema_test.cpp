// Migrations and the job queries' plans.
#include "store/sqlite/sqlite_schema.h"

#include <gtest/gtest.h>

#include <array>

#include "store/migrations/sqlite_migrations.h"
#include "store/scoped_temp_dir.h"
#include "store/sqlite/sqlite_job_queries.h"
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
  for (const char* table : {"apps", "environments", "resources", "jobs", "tokens"}) {
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
  auto with = [](bool job_id, bool status, bool operation) {
    JobQuery query;
    if (job_id) query.job_id = "x";
    if (status) query.status = "x";
    if (operation) query.operation = "x";
    return query;
  };
  const std::pair<JobQuery, std::string> cases[] = {
      {with(false, false, false), "jobs_by_environment"},
      {with(false, true, false), "jobs_by_status"},
      {with(false, false, true), "jobs_by_operation"},
      {with(true, false, false), "jobs_by_id"},
      {with(true, true, true), "jobs_by_id"},
  };
  for (const auto& [query, index] : cases) {
    std::string plan = QueryPlan(db, ListJobsSql(query));
    EXPECT_NE(plan.find("SEARCH jobs USING INDEX " + index), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  }
  std::string running = QueryPlan(db, FindRunningJobSql());
  EXPECT_NE(running.find("SEARCH jobs USING INDEX jobs_by_status"), std::string::npos) << running;
  std::string all_running = QueryPlan(db, ListRunningJobsSql());
  EXPECT_NE(all_running.find("jobs_running"), std::string::npos) << all_running;
  EXPECT_EQ(all_running.find("TEMP B-TREE"), std::string::npos) << all_running;
}

}  // namespace
}  // namespace amplify::store
