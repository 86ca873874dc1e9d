#pragma once
// The changes jobs apply (docs/ARCHITECTURE.md "Jobs"). Each kind is one class next to the
// operations that start it (backends, resources, backend_config, api_models); this file holds
// what they share and the one table that decodes a queued change by its kind.
#include <boost/json/object.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "jobs/job_change.h"
#include "service/snapshot.h"

namespace amplify::service {

class ServiceChange : public jobs::JobChange {
 public:
  // The app whose version guards the change from the read phase to the write that begins it.
  virtual const std::string& app_id() const = 0;
  // Whether the change applies to what `read` shows: in the read phase (else the request's
  // error) and when a queued job completes (else the job ends FAILED).
  virtual Status Applies(Snapshot& read) const = 0;
  // What the app's version does not cover, checked again by the write that begins the job:
  // S3 bucket names are global.
  virtual Status AppliesOutsideApp(Snapshot& read) const {
    (void)read;
    return OkStatus();
  }

  // Whether what the change was computed from in the read phase is still what `read` shows;
  // false: the write that would begin the job writes nothing and the request is planned again.
  // A change built only from its request is always current.
  virtual bool BasedOnCurrent(Snapshot& read) const {
    (void)read;
    return true;
  }

  Status Check(store::StoreReader& r, const Scope& scope) const final {
    Snapshot read(r, scope, Snapshot::kUnpinned);
    if (Status ok = Applies(read); !ok) return ok;
    return AppliesOutsideApp(read);
  }
};

// A queued change by its kind and encoding; nullptr when unknown (the job then ends FAILED).
std::unique_ptr<jobs::JobChange> DecodeChange(std::string_view kind, std::string_view data);

// Members of an encoded change (internal JSON, never on the wire): "" / 0 / false when absent.
std::string ChangeText(const boost::json::object& data, std::string_view key);
int64_t ChangeNumber(const boost::json::object& data, std::string_view key);
bool ChangeFlag(const boost::json::object& data, std::string_view key);

}  // namespace amplify::service
