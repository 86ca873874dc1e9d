#include "service/storage.h"

#include <fmt/format.h>

#include <algorithm>

#include <boost/json/array.hpp>

#include "service/known_members.h"
#include "service/resources.h"
#include "service/s3_buckets.h"

namespace amplify::service {
namespace {

using boost::json::object;
using store::StoreWriter;

JobFormatter ShortJobIn(std::string env) {
  return [env = std::move(env)](const store::JobRecord& job) { return ShortJobResponse(job, env); };
}

object Permissions(const object& input) {
  const boost::json::value* v = input.if_contains("permissions");
  return v && v->is_object() ? v->get_object() : object();
}

StoredResource StorageResource(const std::string& bucket, const std::string& region,
                               object permissions, const std::string& service, bool imported) {
  StoredResource r;
  r.config = {
      {"bucketName", bucket}, {"permissions", std::move(permissions)}, {"serviceName", service}};
  r.output = {{"BucketName", bucket}, {"Region", region}};
  r.imported = imported;
  return r;
}

// The storage resource of the app, other than (env, name), whose bucket is `bucket`; clones
// of an environment share their source's bucket, which stays while one of them uses it.
std::optional<std::string> OtherUserOf(StoreWriter& w, const store::Scope& scope,
                                       const std::string& app_id, const std::string& env,
                                       const std::string& name, const std::string& bucket) {
  for (const store::EnvironmentRecord& e : w.ListEnvironments(scope, app_id)) {
    for (const store::ResourceRecord& r : w.ListResources(scope, app_id, e.name)) {
      if (r.category != kStorage || (e.name == env && r.name == name)) continue;
      if (StringMember(ParseStoredResource(r).config, "bucketName") == bucket) {
        return fmt::format("{}/{}", e.name, r.name);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

void CreateBackendStorage(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  if (env.empty()) return call.reply(BadRequest("backendEnvironmentName must not be empty."));
  if (name.empty()) return call.reply(BadRequest("resourceName must not be empty."));
  object config = KnownMembers(call.input.at("resourceConfig").as_object(),
                               "CreateBackendStorageResourceConfig");
  std::string bucket;
  if (config.contains("bucketName")) {
    bucket = StringMember(config, "bucketName");
    if (auto problem = BucketNameProblem(bucket)) return call.reply(BadRequest(*problem));
  } else {
    bucket = GenerateBucketName(name, app_id, env,
                                s.ids.Token(kBucketSuffixLength, kBucketSuffixAlphabet));
  }
  ResourceChange change;
  change.operation = "CreateBackendStorage";
  change.category = kStorage;
  change.name = name;
  change.kind = ChangeKind::kCreate;
  change.resource = StorageResource(bucket, call.scope.region, Permissions(config),
                                    StringMember(config, "serviceName"), /*imported=*/false);
  change.create_bucket = bucket;  // taken by any account → BadRequest (RunResourceJob)
  RunResourceJob(s, std::move(call), std::move(change), ShortJobIn(env));
}

void GetBackendStorage(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  auto record = FindResource(s.store.Reader(), call.scope, app_id, env, kStorage, name);
  if (!record) return call.reply(record.error());
  StoredResource stored = ParseStoredResource(*record);
  object config = std::move(stored.config);
  config["imported"] = stored.imported;
  call.reply(object{{"appId", app_id},
                    {"backendEnvironmentName", env},
                    {"resourceConfig", std::move(config)},
                    {"resourceName", name}});
}

void UpdateBackendStorage(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  object patch = KnownMembers(call.input.at("resourceConfig").as_object(),
                              "UpdateBackendStorageResourceConfig");
  auto plan = [=](StoreWriter&, std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (!existing) return ResourceNotFound(kStorage, app_id, env, name);
    ResourceChange c;
    c.operation = "UpdateBackendStorage";
    c.kind = ChangeKind::kReplace;
    c.resource = std::move(*existing);
    // Permissions replace the stored ones whole (not merged), so guest access can be
    // withdrawn by leaving unAuthenticated out; the bucket never changes.
    c.resource.config["permissions"] = Permissions(patch);
    c.resource.config["serviceName"] = StringMember(patch, "serviceName");
    return c;
  };
  RunResourceJob(s, std::move(call), kStorage, name, std::move(plan), ShortJobIn(env));
}

void DeleteBackendStorage(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  store::Scope scope = call.scope;
  auto plan = [=](StoreWriter& w,
                  std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (!existing) return ResourceNotFound(kStorage, app_id, env, name);
    ResourceChange c;
    c.operation = "DeleteBackendStorage";
    c.kind = ChangeKind::kDelete;
    // The bucket goes with the resource that made it; an imported bucket stays.
    std::string bucket = StringMember(existing->config, "bucketName");
    std::optional<store::BucketRecord> record;
    if (!bucket.empty()) record = w.GetBucket(bucket);
    if (!existing->imported && record && record->account == scope.account &&
        !OtherUserOf(w, scope, app_id, env, name, bucket)) {
      c.delete_bucket = bucket;
    }
    return c;
  };
  RunResourceJob(s, std::move(call), kStorage, name, std::move(plan), ShortJobIn(env));
}

void ImportBackendStorage(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string service = StringMember(call.input, "serviceName");
  if (!call.input.contains("bucketName")) {
    return call.reply(
        BadRequest("bucketName is required: name the existing S3 bucket to "
                   "import."));
  }
  std::string bucket = StringMember(call.input, "bucketName");
  if (auto problem = BucketNameProblem(bucket)) return call.reply(BadRequest(*problem));
  store::Scope scope = call.scope;
  auto plan = [=](StoreWriter& w,
                  std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (existing) return ResourceExists(kStorage, app_id, env, bucket);
    for (const store::ResourceRecord& r : w.ListResources(scope, app_id, env)) {
      if (r.category == kStorage &&
          StringMember(ParseStoredResource(r).config, "bucketName") == bucket) {
        return BadRequest(
            fmt::format("The S3 bucket {} is already used by the storage resource "
                        "{} in backend environment {} of app {}.",
                        bucket, r.name, env, app_id));
      }
    }
    auto known = w.GetBucket(bucket);
    if (known && known->account != scope.account) {
      return BadRequest(fmt::format("The S3 bucket {} is owned by another account.", bucket));
    }
    ResourceChange c;
    c.operation = "ImportBackendStorage";
    c.kind = ChangeKind::kCreate;
    // Imported storage may be used by signed-in users in every way until updated.
    object permissions{
        {"authenticated", boost::json::array{"READ", "CREATE_AND_UPDATE", "DELETE"}}};
    c.resource = StorageResource(bucket, known ? known->region : scope.region,
                                 std::move(permissions), service, /*imported=*/true);
    if (!known) c.create_bucket = bucket;  // an import of a bucket we never saw registers it
    return c;
  };
  RunResourceJob(s, std::move(call), kStorage, bucket, std::move(plan), ShortJobIn(env));
}

void DeleteBucketsOfLeavingEnvironments(StoreWriter& w, const store::Scope& scope,
                                        const std::string& app_id,
                                        const std::vector<std::string>& leaving) {
  std::vector<std::string> created;  // buckets made by storage of the leaving environments
  std::vector<std::string> kept;     // buckets used by storage of the environments that stay
  for (const store::EnvironmentRecord& e : w.ListEnvironments(scope, app_id)) {
    bool goes = std::find(leaving.begin(), leaving.end(), e.name) != leaving.end();
    for (const store::ResourceRecord& r : w.ListResources(scope, app_id, e.name)) {
      if (r.category != kStorage) continue;
      StoredResource resource = ParseStoredResource(r);
      std::string bucket = StringMember(resource.config, "bucketName");
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
    auto record = w.GetBucket(bucket);
    if (record && record->account == scope.account) w.DeleteBucket(bucket);
  }
}

}  // namespace amplify::service
