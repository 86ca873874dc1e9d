#pragma once
// A PostgreSQL store for the contract suite: each test gets a schema of its own in the database
// AMPLIFYBACKEND_TEST_DATABASE_URL names (tools/dev.sh test starts one), dropped afterwards.
// Without that variable the PostgreSQL tests are skipped, unless AMPLIFY_REQUIRE_POSTGRES=1
// (CI) makes that a failure.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"

namespace amplify::store {

inline std::string TestDatabaseUrl() {
  const char* url = std::getenv("AMPLIFYBACKEND_TEST_DATABASE_URL");
  return url ? url : "";
}

// Points a URI or key=value conninfo at the schema, and names its connections after it so a
// test can drop its own connections without touching those of tests running beside it.
inline std::string WithSearchPath(const std::string& url, const std::string& schema) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema + "&application_name=" + schema;
  }
  return url + " options='-csearch_path=" + schema + "' application_name=" + schema;
}

class TestSchema {
 public:
  TestSchema() {
    static std::atomic<int> next{0};
    name_ = "test_" + std::to_string(getpid()) + "_" + std::to_string(next++);
    PgConnection db(TestDatabaseUrl());
    db.Exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    db.Exec("CREATE SCHEMA " + name_);
  }
  ~TestSchema() {
    try {
      PgConnection db(TestDatabaseUrl());
      db.Exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception&) {
      // A leftover schema is harmless: the next run of this pid drops it.
    }
  }
  std::string Url() const { return WithSearchPath(TestDatabaseUrl(), name_); }
  // As a database restart does, for this schema's stores only.
  void DropConnections() const {
    PgConnection admin(TestDatabaseUrl());
    admin.Query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = $1 AND pid <> pg_backend_pid()",
        {name_});
  }

 private:
  std::string name_;
};

inline bool PostgresRequired() {
  const char* required = std::getenv("AMPLIFY_REQUIRE_POSTGRES");
  return required != nullptr && std::string(required) == "1";
}

// Null when no database is configured (the caller skips); a failure too when one is required.
struct PostgresFactory {
  std::unique_ptr<Store> Open(int writers = 4) {
    if (TestDatabaseUrl().empty()) {
      if (PostgresRequired()) {
        ADD_FAILURE() << "AMPLIFY_REQUIRE_POSTGRES=1 but AMPLIFYBACKEND_TEST_DATABASE_URL is unset";
      }
      return nullptr;
    }
    if (!schema) schema = std::make_unique<TestSchema>();
    return std::make_unique<PgStore>(PostgresOptions{.url = schema->Url(), .writers = writers});
  }
  std::unique_ptr<TestSchema> schema;
};

}  // namespace amplify::store
