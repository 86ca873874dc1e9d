#include "service/backend_storage.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/errors.h"
#include "service/job_outputs.h"
#include "service/known_members.h"
#include "service/resource_change.h"
#include "service/s3_buckets.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using boost::json::object;
using model::Get;
using model::OperationId;
using Config = members::CreateBackendStorageResourceConfig;

// The storage document's config keys are its wire members; Get* adds `imported`.
StoredResource StorageResource(const std::string& bucket, const std::string& region,
                               object permissions, std::string_view service, bool imported) {
  StoredResource r;
  r.config = {{Config::BucketName.wire, bucket},
              {Config::Permissions.wire, std::move(permissions)},
              {Config::ServiceName.wire, service}};
  r.output = {{"BucketName", bucket}, {"Region", region}};
  r.imported = imported;
  return r;
}

object PermissionsOf(const object& config) {
  const object* p = Get(config, Config::Permissions);
  return p ? *p : object();
}

std::string BucketOf(const StoredResource& storage) {
  return std::string(Get(storage.config, Config::BucketName));
}

// Another storage resource of the app (not env/name) whose bucket is `bucket`.
bool OtherUserOf(Snapshot& read, const std::string& app_id, const std::string& env,
                 const std::string& name, const std::string& bucket) {
  for (const store::EnvironmentRecord& e : read.Environments(app_id)) {
    for (const store::ResourceRecord& r : read.Resources(app_id, e.name)) {
      if (r.category != kStorage || (e.name == env && r.name == name)) continue;
      if (BucketOf(ParseStoredResource(r)) == bucket) return true;
    }
  }
  return false;
}

}  // namespace

Result<Plan> CreateBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read) {
  using Shape = members::CreateBackendStorageRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  if (env.empty()) return BadRequest("backendEnvironmentName must not be empty.");
  if (name.empty()) return BadRequest("resourceName must not be empty.");
  object config = KnownMembers(*Get(in, Shape::ResourceConfig),
                               model::shapes::kCreateBackendStorageResourceConfig);
  std::string bucket;
  if (std::optional<std::string_view> given = model::Find(config, Config::BucketName)) {
    bucket = *given;  // valid: the request reader applied the identifier rules
  } else {
    bucket = GenerateBucketName(name, app_id, env,
                                ctx.ids.Token(kBucketSuffixLength, kBucketSuffixAlphabet));
  }
  auto change = NewResourceChange(kStorage, app_id, env, name, ChangeKind::kCreate, ctx.now_ms);
  change->resource = StorageResource(bucket, ctx.scope.region, PermissionsOf(config),
                                     Get(config, Config::ServiceName), /*imported=*/false);
  change->create_bucket = bucket;  // taken by any account → BadRequest
  return PlanResourceJob(ctx, read, OperationId::kCreateBackendStorage, std::move(change),
                         &ShortJobOutput<members::CreateBackendStorageResponse>);
}

Result<Plan> GetBackendStorage(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetBackendStorageRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kStorage, name);
  if (!record) return record.error();
  StoredResource stored = ParseStoredResource(**record);
  object config = std::move(stored.config);
  config[members::GetBackendStorageResourceConfig::Imported.wire] = stored.imported;
  return Plan::Respond(ResourceOutput<members::GetBackendStorageResponse>(
      app_id, env, name, boost::json::serialize(config)));
}

Result<Plan> UpdateBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read) {
  using Shape = members::UpdateBackendStorageRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kStorage, name);
  if (!record) return record.error();
  object patch = KnownMembers(*Get(in, Shape::ResourceConfig),
                              model::shapes::kUpdateBackendStorageResourceConfig);
  auto change = NewResourceChange(kStorage, app_id, env, name, ChangeKind::kReplace, ctx.now_ms);
  change->base_document = (*record)->config_json;
  change->resource = ParseStoredResource(**record);
  // Permissions replace the stored ones whole (not merged), so guest access can be withdrawn
  // by leaving unAuthenticated out; the bucket never changes.
  change->resource.config[Config::Permissions.wire] = PermissionsOf(patch);
  change->resource.config[Config::ServiceName.wire] = Get(patch, Config::ServiceName);
  return PlanResourceJob(ctx, read, OperationId::kUpdateBackendStorage, std::move(change),
                         &ShortJobOutput<members::UpdateBackendStorageResponse>);
}

Result<Plan> DeleteBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read) {
  using Shape = members::DeleteBackendStorageRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kStorage, name);
  if (!record) return record.error();
  StoredResource existing = ParseStoredResource(**record);
  auto change = NewResourceChange(kStorage, app_id, env, name, ChangeKind::kDelete, ctx.now_ms);
  // Whether another resource shares the bucket is a question about the whole app.
  change->base_app_version = read.AppVersion(app_id);
  // The bucket goes with the resource that made it; an imported bucket stays.
  std::string bucket = BucketOf(existing);
  const store::BucketRecord* known = bucket.empty() ? nullptr : read.Bucket(bucket);
  if (!existing.imported && known && known->account == ctx.scope.account &&
      !OtherUserOf(read, app_id, env, name, bucket)) {
    change->delete_bucket = bucket;
  }
  return PlanResourceJob(ctx, read, OperationId::kDeleteBackendStorage, std::move(change),
                         &ShortJobOutput<members::DeleteBackendStorageResponse>);
}

Result<Plan> ImportBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read) {
  using Shape = members::ImportBackendStorageRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::optional<std::string_view> given = model::Find(in, Shape::BucketName);
  if (!given) return BadRequest("bucketName is required: name the existing S3 bucket to import.");
  std::string bucket(*given);  // valid: the request reader applied the identifier rules
  if (!read.App(app_id)) return AppNotFound(app_id);
  if (!read.Environment(app_id, env)) return EnvironmentNotFound(app_id, env);
  if (read.Resource(app_id, env, kStorage, bucket)) {
    return ResourceExists(kStorage, app_id, env, bucket);
  }
  for (const store::ResourceRecord& r : read.Resources(app_id, env)) {
    if (r.category == kStorage && BucketOf(ParseStoredResource(r)) == bucket) {
      return BadRequest(fmt::format(
          "The S3 bucket {} is already used by the storage resource {} in backend environment {} "
          "of app {}.",
          bucket, r.name, env, app_id));
    }
  }
  const store::BucketRecord* known = read.Bucket(bucket);
  if (known && known->account != ctx.scope.account) {
    return BadRequest(fmt::format("The S3 bucket {} is owned by another account.", bucket));
  }
  auto change = NewResourceChange(kStorage, app_id, env, bucket, ChangeKind::kCreate, ctx.now_ms);
  change->base_app_version = read.AppVersion(app_id);  // no other resource took the bucket
  // Imported storage may be used by signed-in users in every way until updated.
  object permissions{{members::BackendStoragePermissions::Authenticated.wire,
                      boost::json::array{"READ", "CREATE_AND_UPDATE", "DELETE"}}};
  change->resource = StorageResource(bucket, known ? known->region : ctx.scope.region,
                                     std::move(permissions), Get(in, Shape::ServiceName),
                                     /*imported=*/true);
  if (!known) change->create_bucket = bucket;  // an import of a bucket we never saw registers it
  return PlanResourceJob(ctx, read, OperationId::kImportBackendStorage, std::move(change),
                         &ShortJobOutput<members::ImportBackendStorageResponse>);
}

void DeleteBucketsOfLeavingEnvironments(store::StoreWriter& w, const Scope& scope,
                                        const std::string& app_id,
                                        const std::vector<std::string>& leaving) {
  std::vector<std::string> created;  // buckets made by storage of the leaving environments
  std::vector<std::string> kept;     // buckets used by storage of the environments that stay
  for (const store::EnvironmentRecord& e : w.ListEnvironments(scope, app_id)) {
    const bool goes = std::find(leaving.begin(), leaving.end(), e.name) != leaving.end();
    for (const store::ResourceRecord& r : w.ListResources(scope, app_id, e.name)) {
      if (r.category != kStorage) continue;
      StoredResource resource = ParseStoredResource(r);
      std::string bucket = BucketOf(resource);
      if (bucket.empty()) continue;
      if (!goes) {
        kept.push_back(std::move(bucket));
      } else if (!resource.imported) {
        created.push_back(std::move(bucket));
      }
    }
  }
  for (const std::string& bucket : created) {
    if (std::find(kept.begin(), kept.end(), bucket) != kept.end()) continue;
    std::optional<store::BucketRecord> record = w.GetBucket(bucket);
    if (record && record->account == scope.account) w.DeleteBucket(bucket);
  }
}

}  // namespace amplify::service
