#include "service/resource_change.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "service/errors.h"

namespace amplify::service {
namespace {

using boost::json::object;

const char* KindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kCreate:
      return "create";
    case ChangeKind::kReplace:
      return "replace";
    case ChangeKind::kDelete:
      return "delete";
  }
  return "";
}

std::optional<ChangeKind> KindFromName(std::string_view name) {
  for (ChangeKind k : {ChangeKind::kCreate, ChangeKind::kReplace, ChangeKind::kDelete})
    if (name == KindName(k)) return k;
  return std::nullopt;
}

}  // namespace

// The keys are those migration-2 servers queued, so their jobs still complete.
std::unique_ptr<ServiceChange> ResourceChange::Decode(const object& d) {
  auto kind = KindFromName(ChangeText(d, "kind"));
  const boost::json::value* resource = d.if_contains("resource");
  if (!kind || !resource || !resource->is_object()) return nullptr;
  auto c = std::make_unique<ResourceChange>();
  c->app = ChangeText(d, "appId");
  c->environment = ChangeText(d, "environment");
  c->category = ChangeText(d, "category");
  c->name = ChangeText(d, "name");
  c->kind = *kind;
  c->resource = StoredResourceOf(resource->get_object());
  c->create_bucket = ChangeText(d, "createBucket");
  c->delete_bucket = ChangeText(d, "deleteBucket");
  c->now_ms = ChangeNumber(d, "nowMs");
  return c;
}

std::string ResourceChange::Encode() const {
  return boost::json::serialize(object{{"appId", app},
                                       {"environment", environment},
                                       {"category", category},
                                       {"name", name},
                                       {"kind", KindName(kind)},
                                       {"resource", DocumentOf(resource)},
                                       {"createBucket", create_bucket},
                                       {"deleteBucket", delete_bucket},
                                       {"nowMs", now_ms}});
}

Status ResourceChange::Applies(Snapshot& read) const {
  if (!read.App(app)) return AppNotFound(app);
  if (!read.Environment(app, environment)) return EnvironmentNotFound(app, environment);
  const bool exists = read.Resource(app, environment, category, name) != nullptr;
  if (kind == ChangeKind::kCreate && exists) {
    return ResourceExists(category, app, environment, name);
  }
  if (kind != ChangeKind::kCreate && !exists) {
    return ResourceNotFound(category, app, environment, name);
  }
  return OkStatus();
}

Status ResourceChange::AppliesOutsideApp(Snapshot& read) const {
  if (!create_bucket.empty() && read.Bucket(create_bucket)) {
    return BadRequest(fmt::format("The S3 bucket {} already exists.", create_bucket));
  }
  return OkStatus();
}

bool ResourceChange::BasedOnCurrent(Snapshot& read) const {
  if (base_app_version && read.AppVersion(app) != base_app_version) return false;
  if (base_document) {
    const store::ResourceRecord* now = read.Resource(app, environment, category, name);
    if (!now || now->config_json != *base_document) return false;
  }
  return true;
}

Status ResourceChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t) {
  if (kind == ChangeKind::kDelete) {
    w.DeleteResource(scope, app, environment, category, name);  // an API's models too
  } else {
    std::optional<store::ResourceRecord> existing =
        kind == ChangeKind::kReplace ? w.GetResource(scope, app, environment, category, name)
                                     : std::nullopt;
    w.PutResource(scope, {app, environment, category, name, SerializeStoredResource(resource),
                          existing ? existing->created_ms : now_ms, now_ms});
  }
  if (!delete_bucket.empty()) w.DeleteBucket(delete_bucket);
  if (!create_bucket.empty()) w.PutBucket({create_bucket, scope.account, scope.region, now_ms});
  return OkStatus();
}

std::unique_ptr<ResourceChange> NewResourceChange(const std::string& category, std::string app_id,
                                                  std::string environment, std::string name,
                                                  ChangeKind kind, int64_t now_ms) {
  auto c = std::make_unique<ResourceChange>();
  c->app = std::move(app_id);
  c->environment = std::move(environment);
  c->category = category;
  c->name = std::move(name);
  c->kind = kind;
  c->now_ms = now_ms;
  return c;
}

Result<const store::ResourceRecord*> FindResource(Snapshot& read, const std::string& app_id,
                                                  const std::string& env,
                                                  const std::string& category,
                                                  const std::string& name) {
  if (!read.App(app_id)) return AppNotFound(app_id);
  if (!read.Environment(app_id, env)) return EnvironmentNotFound(app_id, env);
  const store::ResourceRecord* record = read.Resource(app_id, env, category, name);
  if (!record) return ResourceNotFound(category, app_id, env, name);
  return record;
}

Result<Plan> PlanResourceJob(const Context& ctx, Snapshot& read, model::OperationId op,
                             std::unique_ptr<ResourceChange> change, JobOutputWriter output) {
  std::string app_id = change->app_id(), env = change->environment;
  return PlanJob(read, NewJobOf(ctx.ids, op, app_id, env), std::move(change), env, output);
}

}  // namespace amplify::service
