// The bucket records of SqliteRecords (both halves: they are few and belong together).
#include "store/sqlite/sqlite_records.h"

namespace amplify::store {
namespace {

BucketRecord ReadBucket(const SqliteStatement& row) {
  return {.name = row.Text(0),
          .account = row.Text(1),
          .region = row.Text(2),
          .creation_ms = row.Int64(3)};
}

}  // namespace

std::optional<BucketRecord> SqliteRecords::GetBucket(const std::string& name) {
  SqliteStatement row =
      db_.Prepare("SELECT name, account, region, creation_ms FROM buckets WHERE name = ?");
  row.BindAll(name);
  if (!row.Step()) return std::nullopt;
  return ReadBucket(row);
}

std::vector<BucketRecord> SqliteRecords::ListBuckets(const std::string& account,
                                                     const std::string& after_name, int limit) {
  SqliteStatement rows = db_.Prepare(
      "SELECT name, account, region, creation_ms FROM buckets "
      "WHERE account = ? AND name > ? ORDER BY name LIMIT ?");
  rows.BindAll(account, after_name, static_cast<int64_t>(limit));
  std::vector<BucketRecord> out;
  while (rows.Step()) out.push_back(ReadBucket(rows));
  return out;
}

void SqliteRecords::PutBucket(const BucketRecord& b) {
  db_.Prepare(
         "INSERT OR REPLACE INTO buckets (name, account, region, creation_ms) VALUES (?, ?, ?, ?)")
      .BindAll(b.name, b.account, b.region, b.creation_ms)
      .Run();
}

void SqliteRecords::DeleteBucket(const std::string& name) {
  db_.Prepare("DELETE FROM buckets WHERE name = ?").BindAll(name).Run();
}

}  // namespace amplify::store
