#pragma once
// The store interface: SQLite (embedded default) implements it now, PostgreSQL later, and
// both pass the same test suite (tests/unit/store/store_contract.h).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/records.h"

namespace amplify::store {

// Reads. Methods throw std::runtime_error only for infrastructure failures (disk, corruption).
class StoreReader {
 public:
  virtual ~StoreReader() = default;
  virtual std::optional<AppRecord> GetApp(const Scope& s, const std::string& app_id) = 0;
  // Creation order.
  virtual std::vector<EnvironmentRecord> ListEnvironments(const Scope& s,
                                                          const std::string& app_id) = 0;
  virtual std::optional<EnvironmentRecord> GetEnvironment(const Scope& s,
                                                          const std::string& app_id,
                                                          const std::string& env) = 0;
  virtual std::optional<ResourceRecord> GetResource(const Scope& s, const std::string& app_id,
                                                    const std::string& env,
                                                    const std::string& category,
                                                    const std::string& name) = 0;
  // Creation order.
  virtual std::vector<ResourceRecord> ListResources(const Scope& s, const std::string& app_id,
                                                    const std::string& env) = 0;
  virtual std::optional<JobRecord> GetJob(const Scope& s, const std::string& app_id,
                                          const std::string& job_id) = 0;
  // Newest first; cost proportional to the page, not to the number of jobs.
  virtual std::vector<JobRecord> ListJobs(const Scope& s, const JobQuery& q) = 0;
  // The RUNNING job of (app, environment), if any.
  virtual std::optional<JobRecord> FindRunningJob(const Scope& s, const std::string& app_id,
                                                  const std::string& env) = 0;
  // Every RUNNING job of every scope (restart recovery), oldest first.
  virtual std::vector<ScopedJob> ListRunningJobs() = 0;
  virtual std::optional<TokenRecord> GetToken(const Scope& s, const std::string& app_id,
                                              const std::string& session_id) = 0;
  // Any account's bucket of that name (S3 bucket names are global).
  virtual std::optional<BucketRecord> GetBucket(const std::string& name) = 0;
  // The account's buckets in name order, those after `after_name` ("" = from the first).
  virtual std::vector<BucketRecord> ListBuckets(const std::string& account,
                                                const std::string& after_name, int limit) = 0;
};

// Reads and writes inside one transaction (read-your-writes).
class StoreWriter : public StoreReader {
 public:
  virtual void PutApp(const Scope& s, const AppRecord& app) = 0;  // insert or replace
  // Removes the app, its environments, their resources and its tokens; jobs stay.
  virtual void DeleteApp(const Scope& s, const std::string& app_id) = 0;
  virtual void PutEnvironment(const Scope& s, const EnvironmentRecord& env) = 0;
  // Removes the environment and its resources; jobs stay.
  virtual void DeleteEnvironment(const Scope& s, const std::string& app_id,
                                 const std::string& env) = 0;
  virtual void PutResource(const Scope& s, const ResourceRecord& r) = 0;  // insert or replace
  virtual void DeleteResource(const Scope& s, const std::string& app_id, const std::string& env,
                              const std::string& category, const std::string& name) = 0;
  // Insert (assigns job.seq) or update by (scope, app_id, job_id).
  virtual void PutJob(const Scope& s, JobRecord& job) = 0;
  virtual void PutToken(const Scope& s, const TokenRecord& t) = 0;
  virtual void DeleteToken(const Scope& s, const std::string& app_id,
                           const std::string& session_id) = 0;
  virtual void PutBucket(const BucketRecord& b) = 0;  // insert or replace
  virtual void DeleteBucket(const std::string& name) = 0;
};

// A write: runs inside the store's transaction. Returning an error rolls back exactly this
// write's changes (a savepoint), so a rejected request changes nothing.
using WriteFn = std::function<Status(StoreWriter&)>;
// Called once the write is durable (or was rolled back / failed), on a store thread.
using WriteDone = std::function<void(Status)>;

class Store {
 public:
  virtual ~Store() = default;
  // A reader for the calling thread (implementations keep one connection per thread).
  virtual StoreReader& Reader() = 0;
  // Queue a write. Concurrent writes are grouped into one durable commit.
  virtual void Write(WriteFn fn, WriteDone done) = 0;
  // "sqlite", "memory", "postgresql".
  virtual std::string Kind() const = 0;
  // Blocks until `fn` is durable; for start-up, tools and tests.
  Status WriteSync(WriteFn fn);
};

struct SqliteOptions {
  std::string data_dir = "./data";  // the database is data_dir/amplifybackend.db
  bool in_memory = false;           // nothing written to disk
};

// Opens (creating and migrating as needed) the SQLite store. Throws on failure.
std::unique_ptr<Store> OpenSqliteStore(const SqliteOptions& options);

}  // namespace amplify::store
