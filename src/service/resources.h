#pragma once
// What the auth, api and storage operations share (DESIGN.md §3 "Resources"): how a resource
// is stored, the deep merge of Update*, and one generic job that creates, replaces or deletes
// a resource (and the S3 bucket it owns) when it completes.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "service/job_runner.h"
#include "service/services.h"

namespace amplify::service {

inline constexpr const char* kAuth = "auth";
inline constexpr const char* kApi = "api";
inline constexpr const char* kStorage = "storage";
// Generated models of the API resource of the same name (api_models.h): a record of their own,
// so the API's document stays small, and clones and deletions of environments carry them.
inline constexpr const char* kApiModels = "api-models";

// A resource's stored document: its configuration as Get* reports it (wire names), the
// identifiers it was given (amplify-meta.json `output`), and whether it was imported.
struct StoredResource {
  boost::json::object config;
  boost::json::object output;
  bool imported = false;
  // Extra state a category keeps (e.g. the API's models); not reported by Get*.
  boost::json::object state;
};

StoredResource ParseStoredResource(const store::ResourceRecord& record);
std::string SerializeStoredResource(const StoredResource& resource);

// Update* semantics: members of `patch` replace those of `target`; objects merge recursively,
// lists and scalars are replaced whole; absent members keep their values.
void MergeInto(boost::json::object& target, const boost::json::object& patch);

// NotFound with the category's resourceType: BackendAuth, BackendAPI, BackendStorage.
AwsError ResourceNotFound(const std::string& category, const std::string& app_id,
                          const std::string& env, const std::string& name);
// BadRequest for a second resource of the same name in an environment.
AwsError ResourceExists(const std::string& category, const std::string& app_id,
                        const std::string& env, const std::string& name);

// The app and the environment must exist (NotFound App / BackendEnvironment otherwise).
Status RequireEnvironment(store::StoreReader& r, const store::Scope& scope,
                          const std::string& app_id, const std::string& env);

// The resource `category`/`name` of the environment, or the NotFound that says what is missing
// (the app, the environment or the resource).
Result<store::ResourceRecord> FindResource(store::StoreReader& r, const store::Scope& scope,
                                           const std::string& app_id, const std::string& env,
                                           const std::string& category, const std::string& name);

enum class ChangeKind { kCreate, kReplace, kDelete };

// One resource change, carried by the job and applied when it completes.
struct ResourceChange {
  std::string operation;  // the operation's name, e.g. "UpdateBackendAuth"
  std::string app_id;
  std::string environment;
  std::string category;
  std::string name;
  ChangeKind kind = ChangeKind::kCreate;
  StoredResource resource;       // for create / replace
  std::string create_bucket;     // bucket to register ("" = none)
  std::string delete_bucket;     // bucket to forget ("" = none)
};

// Checks the change against current state inside the write (environment exists; the resource
// exists or not as `kind` needs; a bucket to create is free), then begins the job.
void RunResourceJob(const Services& s, Call call, ResourceChange change, JobFormatter format);

// Like RunResourceJob, but the change is computed inside the write from the current resource
// (nullopt when it does not exist), so checks and change see the same state.
using ChangePlanner =
    std::function<Result<ResourceChange>(store::StoreWriter&, std::optional<StoredResource>)>;
void RunResourceJob(const Services& s, Call call, std::string category, std::string name,
                    ChangePlanner plan, JobFormatter format);

// Registers the generic resource applier under every operation name that uses it.
void RegisterResourceAppliers(jobs::JobEngine& engine);

}  // namespace amplify::service
