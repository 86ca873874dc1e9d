#include "service/injected_failure.h"

#include <boost/json/serialize.hpp>

namespace amplify::service {

InjectedFailureChange::InjectedFailureChange(std::unique_ptr<ServiceChange> planned,
                                             std::string app_id, std::string error)
    : planned_(std::move(planned)), app_id_(std::move(app_id)), error_(std::move(error)) {}

std::unique_ptr<ServiceChange> InjectedFailureChange::Decode(const boost::json::object& d) {
  return std::make_unique<InjectedFailureChange>(nullptr, ChangeText(d, "appId"),
                                                 ChangeText(d, "error"));
}

std::string InjectedFailureChange::Encode() const {
  return boost::json::serialize(boost::json::object{{"appId", app_id_}, {"error", error_}});
}

Status InjectedFailureChange::Applies(Snapshot& read) const {
  return planned_ ? planned_->Applies(read) : OkStatus();
}

Status InjectedFailureChange::AppliesOutsideApp(Snapshot& read) const {
  return planned_ ? planned_->AppliesOutsideApp(read) : OkStatus();
}

bool InjectedFailureChange::BasedOnCurrent(Snapshot& read) const {
  return !planned_ || planned_->BasedOnCurrent(read);
}

Status InjectedFailureChange::Apply(store::StoreWriter&, const Scope&, int64_t) {
  return BadRequest(error_);
}

}  // namespace amplify::service
