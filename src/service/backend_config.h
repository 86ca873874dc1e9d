#pragma once
// The Admin-UI access config of an app (docs/DECISIONS.md "Admin-UI config"):
// CreateBackendConfig (an app-level job), UpdateBackendConfig and RemoveBackendConfig
// (synchronous writes).
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "service/job_changes.h"
#include "service/plan.h"

namespace amplify::service {

Result<Plan> CreateBackendConfig(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> UpdateBackendConfig(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> RemoveBackendConfig(const Context& ctx, const boost::json::object& in, Snapshot& read);

// Stores the app's first config, registering the app when it is new.
class CreateBackendConfigChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "CreateBackendConfig";
  CreateBackendConfigChange(std::string app_id, std::string manager_app_id, int64_t created_ms);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  Status Applies(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;
  bool ApplyCanFail() const override { return false; }

 private:
  std::string app_id_, manager_app_id_;
  int64_t created_ms_;
};

}  // namespace amplify::service
