// The bucket records of PgRecords. Bucket names are global (as in S3): a write takes the name's
// lock, so two accounts racing for one name through different processes cannot both get it.
#include "store/postgres/pg_records.h"

namespace amplify::store {
namespace {

BucketRecord ReadBucket(const PgResult& rows, int row) {
  return {.name = rows.Text(row, 0),
          .account = rows.Text(row, 1),
          .region = rows.Text(row, 2),
          .creation_ms = rows.Int64(row, 3)};
}

}  // namespace

std::optional<BucketRecord> PgRecords::GetBucket(const std::string& name) {
  LockBucket(name);
  PgResult row =
      db_.Query("SELECT name, account, region, creation_ms FROM buckets WHERE name = $1", {name});
  if (row.Empty()) return std::nullopt;
  return ReadBucket(row, 0);
}

std::vector<BucketRecord> PgRecords::ListBuckets(const std::string& account,
                                                 const std::string& after_name, int limit) {
  PgResult rows = db_.Query(
      "SELECT name, account, region, creation_ms FROM buckets "
      "WHERE account = $1 AND name > $2 ORDER BY name LIMIT $3",
      {account, after_name, int64_t{limit}});
  std::vector<BucketRecord> out;
  for (int i = 0; i < rows.Rows(); ++i) out.push_back(ReadBucket(rows, i));
  return out;
}

void PgRecords::PutBucket(const BucketRecord& b) {
  LockBucket(b.name);
  db_.Query(
      "INSERT INTO buckets (name, account, region, creation_ms) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (name) DO UPDATE SET account = excluded.account, region = excluded.region, "
      "creation_ms = excluded.creation_ms",
      {b.name, b.account, b.region, b.creation_ms});
}

void PgRecords::DeleteBucket(const std::string& name) {
  LockBucket(name);
  db_.Query("DELETE FROM buckets WHERE name = $1", {name});
}

}  // namespace amplify::store
