#pragma once
// Every record operation of the store as SQL over one PostgreSQL connection, like SqliteRecords.
// Several processes write to one database, so what SQLite's single writer guaranteed by being
// alone is held here by locks: a writer takes a transaction-scoped advisory lock on an app before
// its first statement about that app (and on a bucket name before writing it), so the
// check-then-write of each request (one pending job per app and environment, unique names,
// clone, delete) runs as if it were alone. Rows of an app change only under its lock.
#include <string>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace amplify::store {

// A later write of a batch found its lock held by another transaction. Waiting could deadlock
// (this transaction already holds others), so the write is undone and retried as the first of
// the next transaction, which waits. Not a std::exception: nothing on the way may swallow it.
struct LockBusy {};

class PgRecords final : public StoreWriter {
 public:
  // `writer`: inside a writer's transaction (takes locks); otherwise a reader's autocommit
  // connection.
  PgRecords(PgConnection& db, bool writer) : db_(db), writer_(writer) {}

  // StoreReader (pg_record_reads.cpp, pg_job_records.cpp, pg_bucket_records.cpp,
  // pg_admin_reads.cpp)
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

  // StoreWriter (pg_record_writes.cpp, pg_job_records.cpp, pg_bucket_records.cpp)
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

  // The writer's bookkeeping (pg_store.cpp): locks end with the transaction, and those taken
  // inside a savepoint that is rolled back end with it.
  size_t LocksHeld() const { return locks_.size(); }
  void ForgetLocksAfter(size_t count) { locks_.resize(std::min(count, locks_.size())); }
  PgConnection& connection() { return db_; }

 private:
  // The advisory lock of an app (or of a bucket name), taken once per transaction: waiting
  // when it is the transaction's first lock, LockBusy when another transaction holds it and
  // this one holds others already. Readers take none.
  void LockApp(const Scope& s, const std::string& app_id);
  void LockBucket(const std::string& name);
  void Lock(int64_t key);
  void BumpAppVersion(const Scope& s, const std::string& app_id);
  void UpsertEnvironment(const Scope& s, const EnvironmentRecord& env);

  PgConnection& db_;
  const bool writer_;
  std::vector<int64_t> locks_;  // keys held by the current transaction, in order taken
  int savepoint_depth_ = 0;
};

// 64-bit FNV-1a of the parts joined by a unit separator: an advisory lock key every process
// computes alike, whatever its build.
int64_t LockKey(std::initializer_list<std::string_view> parts);

}  // namespace amplify::store
