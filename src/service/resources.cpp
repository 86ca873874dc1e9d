#include "service/resources.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "service/backends.h"

namespace amplify::service {
namespace {

using boost::json::object;

const char* KindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kCreate: return "create";
    case ChangeKind::kReplace: return "replace";
    case ChangeKind::kDelete: return "delete";
  }
  return "";
}

std::optional<ChangeKind> KindFromName(std::string_view name) {
  for (ChangeKind k : {ChangeKind::kCreate, ChangeKind::kReplace, ChangeKind::kDelete})
    if (name == KindName(k)) return k;
  return std::nullopt;
}

const char* ResourceTypeOf(const std::string& category) {
  if (category == kAuth) return "BackendAuth";
  if (category == kApi) return "BackendAPI";
  if (category == kStorage) return "BackendStorage";
  return "Resource";
}

object ToJson(const StoredResource& r) {
  return {{"resourceConfig", r.config},
          {"output", r.output},
          {"imported", r.imported},
          {"state", r.state}};
}

StoredResource FromJson(const object& o) {
  StoredResource r;
  if (auto* v = o.if_contains("resourceConfig"); v && v->is_object()) r.config = v->get_object();
  if (auto* v = o.if_contains("output"); v && v->is_object()) r.output = v->get_object();
  if (auto* v = o.if_contains("imported"); v && v->is_bool()) r.imported = v->get_bool();
  if (auto* v = o.if_contains("state"); v && v->is_object()) r.state = v->get_object();
  return r;
}

// The checks a change must pass, both when its job begins and when it completes.
Status Check(store::StoreReader& r, const store::Scope& scope, const ResourceChange& c) {
  if (Status env = RequireEnvironment(r, scope, c.app_id, c.environment); !env) return env;
  bool exists = r.GetResource(scope, c.app_id, c.environment, c.category, c.name).has_value();
  if (c.kind == ChangeKind::kCreate && exists) {
    return ResourceExists(c.category, c.app_id, c.environment, c.name);
  }
  if (c.kind != ChangeKind::kCreate && !exists) {
    return ResourceNotFound(c.category, c.app_id, c.environment, c.name);
  }
  if (!c.create_bucket.empty() && r.GetBucket(c.create_bucket)) {
    return BadRequest(fmt::format("The S3 bucket {} already exists.", c.create_bucket));
  }
  return OkStatus();
}

object ToPayload(const ResourceChange& c, int64_t now_ms) {
  return {{"appId", c.app_id},
          {"environment", c.environment},
          {"category", c.category},
          {"name", c.name},
          {"kind", KindName(c.kind)},
          {"resource", ToJson(c.resource)},
          {"createBucket", c.create_bucket},
          {"deleteBucket", c.delete_bucket},
          {"nowMs", now_ms}};
}

Status ApplyResourceChange(store::StoreWriter& w, const store::Scope& scope, const object& p) {
  ResourceChange c;
  c.app_id = StringMember(p, "appId");
  c.environment = StringMember(p, "environment");
  c.category = StringMember(p, "category");
  c.name = StringMember(p, "name");
  auto kind = KindFromName(StringMember(p, "kind"));
  if (!kind) return Internal("unknown resource change kind");
  c.kind = *kind;
  c.resource = FromJson(p.at("resource").as_object());
  c.create_bucket = StringMember(p, "createBucket");
  c.delete_bucket = StringMember(p, "deleteBucket");
  int64_t now = p.at("nowMs").as_int64();
  if (Status ok = Check(w, scope, c); !ok) return ok;

  if (c.kind == ChangeKind::kDelete) {
    w.DeleteResource(scope, c.app_id, c.environment, c.category, c.name);
    if (c.category == kApi) w.DeleteResource(scope, c.app_id, c.environment, kApiModels, c.name);
  } else {
    auto existing = w.GetResource(scope, c.app_id, c.environment, c.category, c.name);
    w.PutResource(scope, {c.app_id, c.environment, c.category, c.name,
                          SerializeStoredResource(c.resource),
                          existing ? existing->created_ms : now, now});
  }
  if (!c.delete_bucket.empty()) w.DeleteBucket(c.delete_bucket);
  if (!c.create_bucket.empty()) w.PutBucket({c.create_bucket, scope.account, scope.region, now});
  return OkStatus();
}

}  // namespace

StoredResource ParseStoredResource(const store::ResourceRecord& record) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(record.config_json, ec);
  if (ec || !v.is_object()) return {};
  return FromJson(v.get_object());
}

std::string SerializeStoredResource(const StoredResource& resource) {
  return boost::json::serialize(ToJson(resource));
}

void MergeInto(object& target, const object& patch) {
  for (const auto& kv : patch) {
    boost::json::value* current = target.if_contains(kv.key());
    if (current && current->is_object() && kv.value().is_object()) {
      MergeInto(current->get_object(), kv.value().get_object());
    } else {
      target[kv.key()] = kv.value();
    }
  }
}

AwsError ResourceNotFound(const std::string& category, const std::string& app_id,
                          const std::string& env, const std::string& name) {
  return NotFound(ResourceTypeOf(category),
                  fmt::format("No {} resource named {} in backend environment {} of app {}.",
                              category, name, env, app_id));
}

AwsError ResourceExists(const std::string& category, const std::string& app_id,
                        const std::string& env, const std::string& name) {
  return BadRequest(fmt::format("A {} resource named {} already exists in backend environment {} "
                                "of app {}.",
                                category, name, env, app_id));
}

Status RequireEnvironment(store::StoreReader& r, const store::Scope& scope,
                          const std::string& app_id, const std::string& env) {
  if (!r.GetApp(scope, app_id)) return AppNotFound(app_id);
  if (!r.GetEnvironment(scope, app_id, env)) return EnvironmentNotFound(app_id, env);
  return OkStatus();
}

Result<store::ResourceRecord> FindResource(store::StoreReader& r, const store::Scope& scope,
                                           const std::string& app_id, const std::string& env,
                                           const std::string& category, const std::string& name) {
  if (Status ok = RequireEnvironment(r, scope, app_id, env); !ok) return ok.error();
  auto record = r.GetResource(scope, app_id, env, category, name);
  if (!record) return ResourceNotFound(category, app_id, env, name);
  return std::move(*record);
}

void RunResourceJob(const Services& s, Call call, std::string category, std::string name,
                    ChangePlanner plan, JobFormatter format) {
  store::Scope scope = call.scope;
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  int64_t now = s.clock.NowMillis();
  RunJob(
      s, std::move(call),
      [=, plan = std::move(plan)](store::StoreWriter& w) -> Result<jobs::JobStart> {
        if (Status ok = RequireEnvironment(w, scope, app_id, env); !ok) return ok.error();
        std::optional<StoredResource> existing;
        if (auto record = w.GetResource(scope, app_id, env, category, name)) {
          existing = ParseStoredResource(*record);
        }
        Result<ResourceChange> change = plan(w, std::move(existing));
        if (!change) return change.error();
        ResourceChange& c = change.value();
        c.app_id = app_id;
        c.environment = env;
        c.category = category;
        c.name = name;
        if (Status ok = Check(w, scope, c); !ok) return ok.error();
        return jobs::JobStart{app_id, env, c.operation, ToPayload(c, now)};
      },
      std::move(format));
}

void RunResourceJob(const Services& s, Call call, ResourceChange change, JobFormatter format) {
  std::string category = change.category, name = change.name;
  RunResourceJob(
      s, std::move(call), std::move(category), std::move(name),
      [change = std::move(change)](store::StoreWriter&, std::optional<StoredResource>)
          -> Result<ResourceChange> { return change; },
      std::move(format));
}

void RegisterResourceAppliers(jobs::JobEngine& engine) {
  for (const char* op :
       {"CreateBackendAuth", "UpdateBackendAuth", "DeleteBackendAuth", "ImportBackendAuth",
        "CreateBackendAPI", "UpdateBackendAPI", "DeleteBackendAPI", "CreateBackendStorage",
        "UpdateBackendStorage", "DeleteBackendStorage", "ImportBackendStorage"}) {
    engine.RegisterApplier(op, ApplyResourceChange);
  }
}

}  // namespace amplify::service
