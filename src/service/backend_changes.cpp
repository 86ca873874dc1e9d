#include "service/backend_changes.h"

#include <boost/json/serialize.hpp>

#include "service/backend_storage.h"
#include "service/errors.h"

namespace amplify::service {

using boost::json::object;

// The encodings (keys) are those migration-2 servers queued, so their jobs still complete.

CreateBackendChange::CreateBackendChange(std::string app_id, std::string environment,
                                         std::string app_name, int64_t created_ms)
    : app_id_(std::move(app_id)),
      environment_(std::move(environment)),
      app_name_(std::move(app_name)),
      created_ms_(created_ms) {}

std::unique_ptr<ServiceChange> CreateBackendChange::Decode(const object& d) {
  return std::make_unique<CreateBackendChange>(ChangeText(d, "appId"), ChangeText(d, "environment"),
                                               ChangeText(d, "appName"),
                                               ChangeNumber(d, "createdMs"));
}

std::string CreateBackendChange::Encode() const {
  return boost::json::serialize(object{{"appId", app_id_},
                                       {"environment", environment_},
                                       {"appName", app_name_},
                                       {"createdMs", created_ms_}});
}

Status CreateBackendChange::Applies(Snapshot& read) const {
  if (read.Environment(app_id_, environment_)) return EnvironmentExists(app_id_, environment_);
  return OkStatus();
}

Status CreateBackendChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t) {
  w.CreateEnvironment(scope, {app_id_, app_name_, created_ms_, "", 0},
                      {app_id_, environment_, created_ms_});
  return OkStatus();
}

CloneBackendChange::CloneBackendChange(std::string app_id, std::string source, std::string target,
                                       int64_t created_ms)
    : app_id_(std::move(app_id)),
      source_(std::move(source)),
      target_(std::move(target)),
      created_ms_(created_ms) {}

std::unique_ptr<ServiceChange> CloneBackendChange::Decode(const object& d) {
  return std::make_unique<CloneBackendChange>(ChangeText(d, "appId"), ChangeText(d, "source"),
                                              ChangeText(d, "target"),
                                              ChangeNumber(d, "createdMs"));
}

std::string CloneBackendChange::Encode() const {
  return boost::json::serialize(object{
      {"appId", app_id_}, {"source", source_}, {"target", target_}, {"createdMs", created_ms_}});
}

Status CloneBackendChange::Applies(Snapshot& read) const {
  if (!read.App(app_id_)) return AppNotFound(app_id_);
  if (!read.Environment(app_id_, source_)) return EnvironmentNotFound(app_id_, source_);
  if (read.Environment(app_id_, target_)) return EnvironmentExists(app_id_, target_);
  return OkStatus();
}

Status CloneBackendChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t) {
  w.PutEnvironment(scope, {app_id_, target_, created_ms_});
  w.CopyEnvironment(scope, app_id_, source_, target_, created_ms_);
  return OkStatus();
}

DeleteBackendChange::DeleteBackendChange(std::string app_id, std::string environment)
    : app_id_(std::move(app_id)), environment_(std::move(environment)) {}

std::unique_ptr<ServiceChange> DeleteBackendChange::Decode(const object& d) {
  return std::make_unique<DeleteBackendChange>(ChangeText(d, "appId"),
                                               ChangeText(d, "environment"));
}

std::string DeleteBackendChange::Encode() const {
  return boost::json::serialize(object{{"appId", app_id_}, {"environment", environment_}});
}

Status DeleteBackendChange::Applies(Snapshot& read) const {
  if (!read.App(app_id_)) return AppNotFound(app_id_);
  if (!read.Environment(app_id_, environment_)) {
    return EnvironmentNotFound(app_id_, environment_);
  }
  return OkStatus();
}

Status DeleteBackendChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t) {
  DeleteBucketsOfLeavingEnvironments(w, scope, app_id_, {environment_});
  w.DeleteEnvironment(scope, app_id_, environment_);
  return OkStatus();
}

RemoveAllBackendsChange::RemoveAllBackendsChange(std::string app_id, bool clean_app)
    : app_id_(std::move(app_id)), clean_app_(clean_app) {}

std::unique_ptr<ServiceChange> RemoveAllBackendsChange::Decode(const object& d) {
  return std::make_unique<RemoveAllBackendsChange>(ChangeText(d, "appId"),
                                                   ChangeFlag(d, "cleanAmplifyApp"));
}

std::string RemoveAllBackendsChange::Encode() const {
  return boost::json::serialize(object{{"appId", app_id_}, {"cleanAmplifyApp", clean_app_}});
}

Status RemoveAllBackendsChange::Applies(Snapshot& read) const {
  if (!read.App(app_id_)) return AppNotFound(app_id_);
  return OkStatus();
}

Status RemoveAllBackendsChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t) {
  std::vector<std::string> all;
  for (const store::EnvironmentRecord& env : w.ListEnvironments(scope, app_id_)) {
    all.push_back(env.name);
  }
  DeleteBucketsOfLeavingEnvironments(w, scope, app_id_, all);
  if (clean_app_) {
    w.DeleteApp(scope, app_id_);
    return OkStatus();
  }
  for (const std::string& env : all) w.DeleteEnvironment(scope, app_id_, env);
  return OkStatus();
}

}  // namespace amplify::service
