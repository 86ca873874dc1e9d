#pragma once
// The SQLite schema as numbered migrations (docs/ARCHITECTURE.md "Store"). A database records the last one
// applied in PRAGMA user_version; opening a store applies the rest in one transaction.
// To change the schema, append {next number, "SQL"} to the list in sqlite_migrations.cpp;
// never edit a migration that has shipped.
#include <span>
#include <string_view>

namespace amplify::store {

struct Migration {
  int version;           // 1, 2, 3, ... with no gaps
  std::string_view sql;  // one or more statements
};

// In ascending version order.
std::span<const Migration> SqliteMigrations();

}  // namespace amplify::store
