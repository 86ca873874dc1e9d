#pragma once
// A job that fails on purpose (docs/DECISIONS.md "Fault injection and throttling": a /_chaos/faults
// rule with `job`). It stands in for the change the request planned: until the job begins it
// answers the planned change's checks (not found, a name taken, what the change was computed from),
// so the request behaves as it would have; when the job completes it applies nothing and ends
// FAILED with the rule's error — through the engine's usual path, so a queued one survives a
// restart.
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "service/job_changes.h"

namespace amplify::service {

class InjectedFailureChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "InjectedFailure";
  // `planned` may be null (a decoded change: its checks were made when the job began).
  InjectedFailureChange(std::unique_ptr<ServiceChange> planned, std::string app_id,
                        std::string error);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  Status Applies(Snapshot& read) const override;
  Status AppliesOutsideApp(Snapshot& read) const override;
  bool BasedOnCurrent(Snapshot& read) const override;
  // Writes nothing: the error ends the job FAILED.
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;

 private:
  std::unique_ptr<ServiceChange> planned_;
  std::string app_id_;
  std::string error_;
};

}  // namespace amplify::service
