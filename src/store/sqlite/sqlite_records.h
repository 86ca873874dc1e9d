#pragma once
// Every record operation of the store as SQL over one connection.
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace amplify::store {

// One class serves both sides because StoreWriter extends StoreReader: the writer thread uses
// it as the StoreWriter inside its transaction (so it reads its own uncommitted writes), and
// each reader thread gets one over its own query_only connection, handed out as a StoreReader.
class SqliteRecords final : public StoreWriter {
 public:
  // `sole_writer`: this instance makes every change to the database (the writer thread's), so
  // it may remember what it wrote (whether any job is queued) instead of reading it again.
  explicit SqliteRecords(SqliteConnection& db, bool sole_writer = false)
      : db_(db), sole_writer_(sole_writer) {}

  // StoreReader (sqlite_record_reads.cpp, sqlite_job_records.cpp, sqlite_bucket_records.cpp,
  // sqlite_admin_reads.cpp)
  std::optional<AppRecord> GetApp(const Scope& s, const std::string& app_id) override;
  std::optional<int64_t> AppVersion(const Scope& s, const std::string& app_id) override;
  std::vector<EnvironmentRecord> ListEnvironments(const Scope& s,
                                                  const std::string& app_id) override;
  std::optional<EnvironmentRecord> GetEnvironment(const Scope& s, const std::string& app_id,
                                                  const std::string& env) override;
  std::optional<ResourceRecord> GetResource(const Scope& s, const std::string& app_id,
                                            const std::string& env, const std::string& category,
                                            const std::string& name) override;
  std::vector<ResourceRecord> ListResources(const Scope& s, const std::string& app_id,
                                            const std::string& env) override;
  std::optional<ApiModelsRecord> GetApiModels(const Scope& s, const std::string& app_id,
                                              const std::string& env,
                                              const std::string& api_name) override;
  std::optional<JobRecord> GetJob(const Scope& s, const std::string& app_id,
                                  const std::string& job_id) override;
  std::vector<JobRecord> ListJobs(const Scope& s, const JobQuery& q) override;
  bool HasJobs(const Scope& s, const std::string& app_id) override;
  std::optional<PendingJob> FindPendingJob(const Scope& s, const std::string& app_id,
                                           const std::string& env) override;
  std::optional<int64_t> NextClaimMs() override;
  std::optional<TokenRecord> GetToken(const Scope& s, const std::string& app_id,
                                      const std::string& session_id) override;
  std::vector<AppRecord> ListApps(const Scope& s, const AppListQuery& q) override;
  std::vector<TokenRecord> ListLiveTokens(const Scope& s, const std::string& app_id,
                                          int64_t now_ms) override;
  std::optional<BucketRecord> GetBucket(const std::string& name) override;
  std::vector<BucketRecord> ListBuckets(const std::string& account, const std::string& after_name,
                                        int limit) override;

  // StoreWriter (sqlite_record_writes.cpp, sqlite_job_records.cpp, sqlite_bucket_records.cpp)
  void PutApp(const Scope& s, const AppRecord& app) override;
  void PutAppIfAbsent(const Scope& s, const AppRecord& app) override;
  void CreateEnvironment(const Scope& s, const AppRecord& app,
                         const EnvironmentRecord& env) override;
  void DeleteApp(const Scope& s, const std::string& app_id) override;
  void PutEnvironment(const Scope& s, const EnvironmentRecord& env) override;
  void DeleteEnvironment(const Scope& s, const std::string& app_id,
                         const std::string& env) override;
  void CopyEnvironment(const Scope& s, const std::string& app_id, const std::string& from,
                       const std::string& to, int64_t now_ms) override;
  void PutResource(const Scope& s, const ResourceRecord& r) override;
  void DeleteResource(const Scope& s, const std::string& app_id, const std::string& env,
                      const std::string& category, const std::string& name) override;
  void PutApiModels(const Scope& s, const ApiModelsRecord& m) override;
  void InsertJob(const Scope& s, JobRecord& job) override;
  void UpdateJob(const Scope& s, const JobRecord& job) override;
  void EnqueueChange(const Scope& s, const JobRecord& job, const QueuedChange& change) override;
  void DequeueChange(const Scope& s, const std::string& app_id, const std::string& job_id) override;
  std::vector<ClaimedJob> ClaimDueJobs(int64_t now_ms, int64_t lease_ms, const std::string& owner,
                                       int limit) override;
  std::optional<std::string> LeaseOwner(const Scope& s, const std::string& app_id,
                                        const std::string& job_id) override;
  void PutToken(const Scope& s, const TokenRecord& t) override;
  void DeleteToken(const Scope& s, const std::string& app_id,
                   const std::string& session_id) override;
  void PutBucket(const BucketRecord& b) override;
  void DeleteBucket(const std::string& name) override;
  Status Atomically(const std::function<Status()>& fn) override;

  // After a rollback: what this instance remembered of the database may have been undone.
  void Forget() { queue_ = Queue::kUnknown; }
  // For import (sqlite_dump.cpp): rows go in as they are, inside the writer's transaction.
  SqliteConnection& connection() {
    Forget();
    return db_;
  }

 private:
  // Every write under an app bumps its version (store.h), in the write's own transaction.
  void BumpAppVersion(const Scope& s, const std::string& app_id);
  void UpsertEnvironment(const Scope& s, const EnvironmentRecord& env);

  // Whether job_queue holds rows, as far as the sole writer knows: most processes complete jobs
  // at once and never queue one, and then the pending-job check of every job costs nothing.
  // A dequeue, and any rollback (Forget), make it kUnknown: it is read again when needed.
  enum class Queue { kUnknown, kEmpty, kQueued };
  bool QueueEmpty();

  SqliteConnection& db_;
  const bool sole_writer_;
  Queue queue_ = Queue::kUnknown;
  int savepoint_depth_ = 0;
};

}  // namespace amplify::store
