// The reference for bench/run.sh's "CreateBackend, durable, c1" row: how many durable SQLite
// commits per second this disk allows one writer, with the settings the server's store uses
// (WAL, synchronous=FULL), each commit one small INSERT. Plain sqlite3 C API, no project code.
// Usage: sqlite_commit_loop DB_FILE SECONDS
// Prints: "RESULT <commits/s> <commits> <seconds>".
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void Die(sqlite3* db, const char* what) {
  std::fprintf(stderr, "sqlite_commit_loop: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) Die(db, sql);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sqlite_commit_loop DB_FILE SECONDS\n");
    return 2;
  }
  const std::string path = argv[1];
  const double seconds = std::strtod(argv[2], nullptr);
  if (seconds <= 0) {
    std::fprintf(stderr, "sqlite_commit_loop: SECONDS must be > 0\n");
    return 2;
  }

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    Die(db, "open");
  }
  Exec(db, "PRAGMA journal_mode=WAL");
  Exec(db, "PRAGMA synchronous=FULL");
  Exec(db, "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, k TEXT)");

  sqlite3_stmt *begin = nullptr, *insert = nullptr, *commit = nullptr;
  if (sqlite3_prepare_v2(db, "BEGIN", -1, &begin, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT INTO t(k) VALUES (?)", -1, &insert, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr) != SQLITE_OK) {
    Die(db, "prepare");
  }

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  long commits = 0;
  char key[32];
  auto now = start;
  while (now < end) {
    std::snprintf(key, sizeof key, "key-%ld", commits);
    if (sqlite3_step(begin) != SQLITE_DONE) Die(db, "BEGIN");
    sqlite3_reset(begin);
    sqlite3_bind_text(insert, 1, key, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(insert) != SQLITE_DONE) Die(db, "INSERT");
    sqlite3_reset(insert);
    if (sqlite3_step(commit) != SQLITE_DONE) Die(db, "COMMIT");
    sqlite3_reset(commit);
    ++commits;
    now = Clock::now();
  }
  const double elapsed = std::chrono::duration<double>(now - start).count();

  sqlite3_finalize(begin);
  sqlite3_finalize(insert);
  sqlite3_finalize(commit);
  sqlite3_close(db);
  std::printf("RESULT %.0f %ld %.3f\n", commits / elapsed, commits, elapsed);
  return 0;
}
