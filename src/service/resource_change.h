#pragma once
// One change to an auth, api or storage resource (docs/DECISIONS.md "Resources"): created,
// replaced or deleted whole when its job completes, with the S3 bucket it registers or forgets.
// Every Create/Update/Delete/Import of those categories plans one through PlanResourceJob.
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "model/service_model.h"
#include "service/job_changes.h"
#include "service/resource_document.h"
#include "service/start_job.h"

namespace amplify::service {

enum class ChangeKind { kCreate, kReplace, kDelete };

class ResourceChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "Resource";
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string app;  // the app id
  std::string environment;
  std::string category;  // kAuth, kApi or kStorage
  std::string name;
  ChangeKind kind = ChangeKind::kCreate;
  StoredResource resource;    // for create / replace
  std::string create_bucket;  // bucket to register ("" = none)
  std::string delete_bucket;  // bucket to forget ("" = none)
  int64_t now_ms = 0;         // when the request was made: a new resource's creation time
  // What the change was computed from (not queued: checked by the write that begins the job).
  std::optional<std::string> base_document;  // the resource's document it was merged into
  std::optional<int64_t> base_app_version;   // the app as a whole (storage: bucket sharing)

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app; }
  // The environment exists; the resource exists or not as `kind` needs.
  Status Applies(Snapshot& read) const override;
  // A bucket to register is free in every account.
  Status AppliesOutsideApp(Snapshot& read) const override;
  bool BasedOnCurrent(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;
  bool ApplyCanFail() const override { return false; }
};

// A change of the resource `category`/`name`; the caller fills in its document.
std::unique_ptr<ResourceChange> NewResourceChange(const std::string& category, std::string app_id,
                                                  std::string environment, std::string name,
                                                  ChangeKind kind, int64_t now_ms);

// Get*'s output for a resource: appId, backendEnvironmentName, resourceConfig (JSON text),
// resourceName, through the operation's output shape.
template <class Shape>
Output ResourceOutput(std::string_view app_id, std::string_view environment, std::string_view name,
                      std::string_view config_json) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, app_id);
  w.Member(Shape::BackendEnvironmentName, environment);
  w.Key(Shape::ResourceConfig);
  w.Raw(config_json);
  w.Member(Shape::ResourceName, name);
  w.EndObject();
  return out;
}

// The resource `category`/`name` of the environment, or the NotFound that says what is missing
// (the app, the environment or the resource).
Result<const store::ResourceRecord*> FindResource(Snapshot& read, const std::string& app_id,
                                                  const std::string& env,
                                                  const std::string& category,
                                                  const std::string& name);

// Checks the change and plans the job of operation `op` that applies it, polled under the
// change's environment.
Result<Plan> PlanResourceJob(const Context& ctx, Snapshot& read, model::OperationId op,
                             std::unique_ptr<ResourceChange> change, JobOutputWriter output);

}  // namespace amplify::service
