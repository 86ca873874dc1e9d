#pragma once
// The fixture and sample records of the store contract suite (store_contract.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace amplify::store::contract {

inline const Scope kScope{"111111111111", "us-east-1"};
inline const Scope kOtherAccount{"222222222222", "us-east-1"};
inline const Scope kOtherRegion{"111111111111", "eu-west-1"};

inline JobRecord MakeJob(std::string app_id, std::string env, std::string job_id,
                         std::string operation = "CreateBackend", std::string status = "RUNNING") {
  return {.app_id = std::move(app_id),
          .environment = std::move(env),
          .job_id = std::move(job_id),
          .operation = std::move(operation),
          .status = std::move(status),
          .error = "",
          .create_ms = 1000,
          .update_ms = 1000};
}

inline ResourceRecord MakeResource(std::string app_id, std::string env, std::string category,
                                   std::string name, std::string config_json = "{}") {
  return {.app_id = std::move(app_id),
          .environment = std::move(env),
          .category = std::move(category),
          .name = std::move(name),
          .config_json = std::move(config_json),
          .created_ms = 5,
          .updated_ms = 6};
}

inline ApiModelsRecord MakeModels(std::string app_id, std::string env, std::string api,
                                  int64_t schema_version = 1, std::string models = "models") {
  return {.app_id = std::move(app_id),
          .environment = std::move(env),
          .api_name = std::move(api),
          .schema_version = schema_version,
          .models = std::move(models),
          .model_introspection_schema = "{\"version\": 1}",
          .generated_ms = 9};
}

// One environment's jobs, unfiltered. Tests set filters on the result: designated initializers
// that skip the optional filters trip GCC 12's -Wmissing-field-initializers.
inline JobQuery JobsOf(std::string app_id, std::string env, int limit = 25) {
  JobQuery query;
  query.app_id = std::move(app_id);
  query.environment = std::move(env);
  query.limit = limit;
  return query;
}

inline std::vector<std::string> JobIds(const std::vector<JobRecord>& jobs) {
  std::vector<std::string> ids;
  for (const JobRecord& job : jobs) ids.push_back(job.job_id);
  return ids;
}

template <class Factory>
class StoreContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = factory_.Open();
    // A factory without its database (PostgreSQL not configured) skips, or fails when required.
    if (!store_) GTEST_SKIP() << "this store is not available here";
  }

  // Runs `fn` as one durable write and expects it to succeed.
  void MustWrite(const WriteFn& fn) {
    Status status = store_->WriteSync(fn);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }
  // Inserts jobs one write each, so their seqs follow the argument order.
  void PutJobs(const Scope& scope, std::vector<JobRecord> jobs) {
    for (JobRecord& job : jobs) {
      MustWrite([&](StoreWriter& w) {
        w.InsertJob(scope, job);
        return OkStatus();
      });
    }
  }
  // Inserts a RUNNING job and queues its change, due at `due_ms`.
  JobRecord QueueJob(const Scope& scope, std::string app_id, std::string env, std::string job_id,
                     int64_t due_ms, std::string data = "{}") {
    JobRecord job = MakeJob(std::move(app_id), std::move(env), std::move(job_id));
    MustWrite([&](StoreWriter& w) {
      w.InsertJob(scope, job);
      w.EnqueueChange(scope, job, {.kind = "Test", .data = data, .due_ms = due_ms});
      return OkStatus();
    });
    return job;
  }
  StoreReader& reader() { return store_->Reader(); }

  Factory factory_;
  std::unique_ptr<Store> store_;  // after factory_, so it closes before the factory cleans up
};

TYPED_TEST_SUITE_P(StoreContractTest);

}  // namespace amplify::store::contract
