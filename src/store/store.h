#pragma once
// The store interface: SQLite (the embedded default) and PostgreSQL (several processes on one
// database) implement it, and both pass the same test suite (tests/unit/store/store_contract.h).
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/dump.h"
#include "store/records.h"

namespace amplify::store {

// The job that keeps a new one from starting (one RUNNING job per app and environment).
struct PendingJob {
  std::string job_id;
  std::string environment;
};

// The database cannot be reached (PostgreSQL down or restarting): requests answer
// GatewayTimeoutException and may be retried; nothing was applied. Thrown by reads.
class StoreUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a write reports when the database could not be reached (GatewayTimeoutException).
AwsError StoreUnavailableError();

// Reads. Methods throw std::runtime_error only for infrastructure failures (disk, corruption),
// StoreUnavailable when the database cannot be reached.
class StoreReader {
 public:
  virtual ~StoreReader() = default;
  virtual std::optional<AppRecord> GetApp(const Scope& s, const std::string& app_id) = 0;
  // The app's version alone (AppRecord::version): the cheap read that validates a cache.
  virtual std::optional<int64_t> AppVersion(const Scope& s, const std::string& app_id) = 0;
  // Creation order.
  virtual std::vector<EnvironmentRecord> ListEnvironments(const Scope& s,
                                                          const std::string& app_id) = 0;
  virtual std::optional<EnvironmentRecord> GetEnvironment(const Scope& s, const std::string& app_id,
                                                          const std::string& env) = 0;
  virtual std::optional<ResourceRecord> GetResource(const Scope& s, const std::string& app_id,
                                                    const std::string& env,
                                                    const std::string& category,
                                                    const std::string& name) = 0;
  // Creation order.
  virtual std::vector<ResourceRecord> ListResources(const Scope& s, const std::string& app_id,
                                                    const std::string& env) = 0;
  virtual std::optional<ApiModelsRecord> GetApiModels(const Scope& s, const std::string& app_id,
                                                      const std::string& env,
                                                      const std::string& api_name) = 0;
  virtual std::optional<JobRecord> GetJob(const Scope& s, const std::string& app_id,
                                          const std::string& job_id) = 0;
  // Newest first; cost proportional to the page, not to the number of jobs.
  virtual std::vector<JobRecord> ListJobs(const Scope& s, const JobQuery& q) = 0;
  // Whether any job of the app is recorded, under any environment (jobs outlive their app).
  virtual bool HasJobs(const Scope& s, const std::string& app_id) = 0;
  // The queued job that blocks a new job of (app, env): one of (app, env) or of the app itself
  // (environment ""); for env "" (a new app-level job), one of any environment of the app.
  virtual std::optional<PendingJob> FindPendingJob(const Scope& s, const std::string& app_id,
                                                   const std::string& env) = 0;
  // When the next queued job may be claimed (its due time, or its lease's end); nullopt when
  // the queue is empty. Any scope.
  virtual std::optional<int64_t> NextClaimMs() = 0;
  virtual std::optional<TokenRecord> GetToken(const Scope& s, const std::string& app_id,
                                              const std::string& session_id) = 0;
  // For the admin console, which the public API gives no list of apps or tokens.
  virtual std::vector<AppRecord> ListApps(const Scope& s, const AppListQuery& q) = 0;
  // The app's tokens expiring after `now_ms`, newest first.
  virtual std::vector<TokenRecord> ListLiveTokens(const Scope& s, const std::string& app_id,
                                                  int64_t now_ms) = 0;
  // Any account's bucket of that name (S3 bucket names are global).
  virtual std::optional<BucketRecord> GetBucket(const std::string& name) = 0;
  // The account's buckets in name order, those after `after_name` ("" = from the first).
  virtual std::vector<BucketRecord> ListBuckets(const std::string& account,
                                                const std::string& after_name, int limit) = 0;
};

// Reads and writes inside one transaction (read-your-writes). Every write to an app, its
// environments, resources or models bumps the app's version in the same transaction.
class StoreWriter : public StoreReader {
 public:
  // Insert, or update the name, creation time and config of an existing app.
  virtual void PutApp(const Scope& s, const AppRecord& app) = 0;
  // Inserts the app unless it exists (an existing one keeps its name, time and config).
  virtual void PutAppIfAbsent(const Scope& s, const AppRecord& app) = 0;
  // CreateBackend's write: the app unless it exists, and a new environment of it (the app's
  // version bumped once for both).
  virtual void CreateEnvironment(const Scope& s, const AppRecord& app,
                                 const EnvironmentRecord& env) = 0;
  // Removes the app, its environments, their resources and models, and its tokens; jobs stay.
  virtual void DeleteApp(const Scope& s, const std::string& app_id) = 0;
  virtual void PutEnvironment(const Scope& s, const EnvironmentRecord& env) = 0;
  // Removes the environment, its resources and their models; jobs stay.
  virtual void DeleteEnvironment(const Scope& s, const std::string& app_id,
                                 const std::string& env) = 0;
  // Copies the resources (created and updated at `now_ms`) and models of `from` into `to`.
  virtual void CopyEnvironment(const Scope& s, const std::string& app_id, const std::string& from,
                               const std::string& to, int64_t now_ms) = 0;
  virtual void PutResource(const Scope& s, const ResourceRecord& r) = 0;  // insert or replace
  // Removes the resource and, for an API, its models.
  virtual void DeleteResource(const Scope& s, const std::string& app_id, const std::string& env,
                              const std::string& category, const std::string& name) = 0;
  virtual void PutApiModels(const Scope& s, const ApiModelsRecord& m) = 0;  // insert or replace

  // Inserts a new job and assigns job.seq.
  virtual void InsertJob(const Scope& s, JobRecord& job) = 0;
  // Stores operation, status, error and update_ms of the job (app_id, job_id).
  virtual void UpdateJob(const Scope& s, const JobRecord& job) = 0;
  // Queues the change a RUNNING job applies at `change.due_ms`.
  virtual void EnqueueChange(const Scope& s, const JobRecord& job, const QueuedChange& change) = 0;
  // Removes the job's queued change, if any.
  virtual void DequeueChange(const Scope& s, const std::string& app_id,
                             const std::string& job_id) = 0;
  // Leases up to `limit` queued jobs due by `now_ms` whose lease (if any) has ended to `owner`
  // until now_ms + lease_ms; oldest due first.
  virtual std::vector<ClaimedJob> ClaimDueJobs(int64_t now_ms, int64_t lease_ms,
                                               const std::string& owner, int limit) = 0;
  // The owner of the job's lease ("" when unleased); nullopt when nothing is queued for it.
  virtual std::optional<std::string> LeaseOwner(const Scope& s, const std::string& app_id,
                                                const std::string& job_id) = 0;

  virtual void PutToken(const Scope& s, const TokenRecord& t) = 0;
  virtual void DeleteToken(const Scope& s, const std::string& app_id,
                           const std::string& session_id) = 0;
  virtual void PutBucket(const BucketRecord& b) = 0;  // insert or replace
  virtual void DeleteBucket(const std::string& name) = 0;

  // Runs `fn`; when it returns an error, exactly its changes are undone (a nested savepoint).
  virtual Status Atomically(const std::function<Status()>& fn) = 0;
};

// A write: runs inside the store's transaction. Returning an error rolls back exactly this
// write's changes (a savepoint), so a rejected request changes nothing.
using WriteFn = std::function<Status(StoreWriter&)>;
// Called once the write is durable (or was rolled back / failed), on the store's writer thread:
// it must only hand the result on, never do work of its own there.
using WriteDone = std::function<void(Status)>;

class Store {
 public:
  virtual ~Store() = default;
  // A reader for the calling thread (implementations keep one connection per thread). It sees
  // every write whose `done` was called before the read.
  virtual StoreReader& Reader() = 0;
  // Queue a write. Concurrent writes are grouped into one durable commit.
  virtual void Write(WriteFn fn, WriteDone done) = 0;
  // "sqlite", "memory", "postgresql".
  virtual std::string Kind() const = 0;
  // Whether the database answers now (/_health); an embedded one always does.
  virtual bool Reachable() { return true; }
  // Blocks until `fn` is durable; for start-up, tools and tests.
  Status WriteSync(WriteFn fn);

  // export / import (store/dump.h). Every row of `table` in its order_by order.
  virtual void ScanTable(const DumpTable& table,
                         const std::function<void(const DumpRow&)>& on_row) = 0;
  // Inserts the rows as they are, in one transaction; for an empty store (import).
  virtual void InsertRows(const DumpTable& table, const std::vector<DumpRow>& rows) = 0;
  // Whether no table holds a row.
  virtual bool Empty() = 0;
};

struct SqliteOptions {
  std::string data_dir = "./data";  // the database is data_dir/amplifybackend.db
  bool in_memory = false;           // nothing written to disk
};

// Opens (creating and migrating as needed) the SQLite store. Throws on failure.
std::unique_ptr<Store> OpenSqliteStore(const SqliteOptions& options);

struct PostgresOptions {
  std::string url;       // a libpq URI or conninfo string; PG* variables fill in the rest
  // Connections that run writes, each its own transactions. Few are best when the database is
  // near (bench/pg_cluster.sh on 2 cores: 2 gave 1.5x the CreateBackend rate of 8); a database
  // across a network has more round-trip time to hide, and more writers hide it.
  int writers = 2;
};

// Connects, creating and migrating the schema as needed (under an advisory lock, so several
// processes may start at once). Throws on failure.
std::unique_ptr<Store> OpenPostgresStore(const PostgresOptions& options);

// --database-url when given, else SQLite.
struct StoreOptions {
  SqliteOptions sqlite;
  PostgresOptions postgres;  // used when postgres.url is not empty
};
std::unique_ptr<Store> OpenStore(const StoreOptions& options);

}  // namespace amplify::store
