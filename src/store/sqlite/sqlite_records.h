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

  // StoreReader (sqlite_record_reads.cpp)
  std::optional<AppRecord> GetApp(const Scope& s, const std::string& app_id) override;
  std::vector<EnvironmentRecord> ListEnvironments(const Scope& s,
                                                  const std::string& app_id) override;
  std::optional<EnvironmentRecord> GetEnvironment(const Scope& s, const std::string& app_id,
                                                  const std::string& env) override;
  std::optional<ResourceRecord> GetResource(const Scope& s, const std::string& app_id,
                                            const std::string& env, const std::string& category,
                                            const std::string& name) override;
  std::vector<ResourceRecord> ListResources(const Scope& s, const std::string& app_id,
                                            const std::string& env) override;
  std::optional<JobRecord> GetJob(const Scope& s, const std::string& app_id,
                                  const std::string& job_id) override;
  std::vector<JobRecord> ListJobs(const Scope& s, const JobQuery& q) override;
  std::optional<JobRecord> FindRunningJob(const Scope& s, const std::string& app_id,
                                          const std::string& env) override;
  std::vector<ScopedJob> ListRunningJobs() override;
  std::optional<TokenRecord> GetToken(const Scope& s, const std::string& app_id,
                                      const std::string& session_id) override;
  std::optional<BucketRecord> GetBucket(const std::string& name) override;
  std::vector<BucketRecord> ListBuckets(const std::string& account, const std::string& after_name,
                                        int limit) override;

  // StoreWriter (sqlite_record_writes.cpp)
  void PutApp(const Scope& s, const AppRecord& app) override;
  void DeleteApp(const Scope& s, const std::string& app_id) override;
  void PutEnvironment(const Scope& s, const EnvironmentRecord& env) override;
  void DeleteEnvironment(const Scope& s, const std::string& app_id,
                         const std::string& env) override;
  void PutResource(const Scope& s, const ResourceRecord& r) override;
  void DeleteResource(const Scope& s, const std::string& app_id, const std::string& env,
                      const std::string& category, const std::string& name) override;
  void PutJob(const Scope& s, JobRecord& job) override;
  void PutToken(const Scope& s, const TokenRecord& t) override;
  void DeleteToken(const Scope& s, const std::string& app_id,
                   const std::string& session_id) override;
  void PutBucket(const BucketRecord& b) override;
  void DeleteBucket(const std::string& name) override;

 private:
  SqliteConnection& db_;
};

}  // namespace amplify::store
