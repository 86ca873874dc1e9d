#pragma once
// Brings a database's schema up to date by applying the migrations it has not seen yet.
#include <span>

#include "store/migrations/sqlite_migrations.h"
#include "store/sqlite/sqlite_connection.h"

namespace amplify::store {

// Applies every migration newer than the database's PRAGMA user_version inside one
// BEGIN IMMEDIATE transaction (so concurrent openers of one file cannot both migrate), and
// returns how many ran. Throws if the database is newer than `migrations` (a newer server
// wrote it) or a migration fails; a failure leaves the database untouched.
int MigrateSqliteSchema(SqliteConnection& db,
                        std::span<const Migration> migrations = SqliteMigrations());

}  // namespace amplify::store
