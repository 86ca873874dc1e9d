#pragma once
// Plain records the store keeps. All state is keyed by (account, region) first.
#include <cstdint>
#include <optional>
#include <string>

#include "common/scope.h"

namespace amplify::store {

using amplify::Scope;

struct AppRecord {
  std::string app_id;
  std::string app_name;
  int64_t created_ms = 0;
  // Admin-UI config (CreateBackendConfig / UpdateBackendConfig) as a JSON object text;
  // empty when the app has none.
  std::string config_json;
  // Bumped in the same transaction by every write to the app, its environments or their
  // resources: documents derived from them (GetBackend) are cached under it. Set by the store.
  int64_t version = 0;
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
  std::string config_json;  // the resource's document, a JSON object text
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

// The models GenerateBackendAPIModels generated for one API resource, as the text they are.
struct ApiModelsRecord {
  std::string app_id;
  std::string environment;
  std::string api_name;
  int64_t schema_version = 0;  // the API's schema version they were generated from
  std::string models;          // DataStore schema.js
  std::string model_introspection_schema;
  int64_t generated_ms = 0;
};

struct JobRecord {
  std::string app_id;
  std::string environment;  // empty for app-level jobs (RemoveAllBackends, config)
  std::string job_id;
  std::string operation;
  std::string status;  // RUNNING | COMPLETED | FAILED, or what an administrator set
  std::string error;   // empty when none
  int64_t create_ms = 0;
  int64_t update_ms = 0;
  // Insertion order, assigned by the store on InsertJob; newest = largest.
  int64_t seq = 0;
};

// The change a RUNNING job applies when it completes, queued until its due time.
struct QueuedChange {
  std::string kind;  // which change (service/job_changes.h)
  std::string data;  // its encoding
  int64_t due_ms = 0;
};

// A queued job an engine claimed: it alone may complete the job until `lease_until_ms`.
struct ClaimedJob {
  Scope scope;
  std::string app_id;
  std::string environment;
  std::string job_id;
  int64_t seq = 0;
  int64_t due_ms = 0;
  std::string kind;
  std::string data;
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

// ListApps (the admin console's list): apps in app_id order after `after_app_id`, those whose id
// or name contains `search` (ASCII case-insensitive; "" = all).
struct AppListQuery {
  std::string search;
  std::string after_app_id;
  int limit = 50;
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
