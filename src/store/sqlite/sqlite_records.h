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
  explicit SqliteRecords(SqliteConnection& db) : db_(db) {}

  // StoreReader (sqlite_record_reads.cpp, sqlite_job_records.cpp, sqlite_bucket_records.cpp)
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
  std::optional<PendingJob> FindPendingJob(const Scope& s, const std::string& app_id,
                                           const std::string& env) override;
  std::optional<int64_t> NextClaimMs() override;
  std::optional<TokenRecord> GetToken(const Scope& s, const std::string& app_id,
                                      const std::string& session_id) override;
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

 private:
  // Every write under an app bumps its version (store.h), in the write's own transaction.
  void BumpAppVersion(const Scope& s, const std::string& app_id);

  SqliteConnection& db_;
  int savepoint_depth_ = 0;
};

}  // namespace amplify::store
