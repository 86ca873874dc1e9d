#pragma once
// Plain records the store keeps. All state is keyed by (account, region) first (DESIGN.md §2).
#include <cstdint>
#include <optional>
#include <string>

namespace amplify::store {

struct Scope {
  std::string account;  // 12-digit account id
  std::string region;   // e.g. us-east-1
  bool operator==(const Scope&) const = default;
};

struct AppRecord {
  std::string app_id;
  std::string app_name;
  int64_t created_ms = 0;
  // Admin-UI config (CreateBackendConfig / UpdateBackendConfig) as a JSON object text;
  // empty when the app has none.
  std::string config_json;
};

struct EnvironmentRecord {
  std::string app_id;
  std::string name;
  int64_t created_ms = 0;
};

// An auth, api or storage resource of one environment.
struct ResourceRecord {
  std::string app_id;
  std::string environment;
  std::string category;  // "auth" | "api" | "storage"
  std::string name;
  std::string config_json;  // the resource's configuration, a JSON object text
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

struct JobRecord {
  std::string app_id;
  std::string environment;  // empty for app-level jobs (RemoveAllBackends, config)
  std::string job_id;
  std::string operation;
  std::string status;  // RUNNING | COMPLETED | FAILED, or whatever UpdateBackendJob set
  std::string error;   // empty when none
  int64_t create_ms = 0;
  int64_t update_ms = 0;
  // The change this job applies when it completes, as JSON text; empty once applied.
  std::string payload_json;
  // Insertion order, assigned by the store on first PutJob; newest = largest.
  int64_t seq = 0;
};

struct ScopedJob {
  Scope scope;
  JobRecord job;
};

struct TokenRecord {
  std::string app_id;
  std::string session_id;
  std::string challenge_code;
  int64_t created_ms = 0;
  int64_t expires_ms = 0;
};

// An S3 bucket of an account: made by a storage resource or brought in by ImportBackendStorage.
// Names are unique across accounts, as in S3.
struct BucketRecord {
  std::string name;
  std::string account;
  std::string region;
  int64_t creation_ms = 0;
};

// ListJobs: one environment's jobs, newest first, exact-match filters, keyset paging.
struct JobQuery {
  std::string app_id;
  std::string environment;
  std::optional<std::string> job_id;
  std::optional<std::string> operation;
  std::optional<std::string> status;
  int64_t before_seq = 0;  // only jobs with seq < before_seq; 0 = from the newest
  int limit = 25;
};

}  // namespace amplify::store
