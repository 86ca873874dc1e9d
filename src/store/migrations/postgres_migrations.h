#pragma once
// The PostgreSQL schema as numbered migrations, like SQLite's (sqlite_migrations.h): the same
// tables and columns (store/dump.h), with PostgreSQL's types. A database records what it has
// applied in schema_migrations; opening a store applies the rest under an advisory lock.
// Append to the list in postgres_migrations.cpp; never edit a migration that has shipped.
#include <span>

#include "store/migrations/sqlite_migrations.h"  // struct Migration

namespace amplify::store {

// In ascending version order.
std::span<const Migration> PostgresMigrations();

}  // namespace amplify::store
