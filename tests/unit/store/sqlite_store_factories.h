#pragma once
// Store factories for the contract suite and the SQLite tests: an on-disk store in a temp
// directory removed afterwards, and an in-memory one.
#include <memory>

#include "store/scoped_temp_dir.h"
#include "store/sqlite/sqlite_store.h"

namespace amplify::store {

struct OnDiskSqliteFactory {
  std::unique_ptr<SqliteStore> Open() {
    return std::make_unique<SqliteStore>(SqliteOptions{.data_dir = dir.path().string()});
  }
  ScopedTempDir dir;
};

struct InMemorySqliteFactory {
  std::unique_ptr<SqliteStore> Open() {
    return std::make_unique<SqliteStore>(SqliteOptions{.in_memory = true});
  }
};

}  // namespace amplify::store
