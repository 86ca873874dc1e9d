#pragma once
// What an operation handler works with (DESIGN.md §2: handlers never see HTTP): the store,
// the job engine, the injected clock and ids, and the validated input of one call.
#include <boost/json/object.hpp>
#include <functional>
#include <string>

#include "common/clock.h"
#include "common/ids.h"
#include "common/result.h"
#include "jobs/job_engine.h"
#include "store/store.h"

namespace amplify::service {

struct ServiceConfig {
  std::string default_region = "us-east-1";
  int64_t token_ttl_seconds = 600;
};

struct Services {
  store::Store& store;
  jobs::JobEngine& jobs;
  const Clock& clock;
  IdSource& ids;
  ServiceConfig config;
};

// Completes a call with its output (wire names) or an error; may run on a store thread.
using Reply = std::function<void(Result<boost::json::object>)>;

struct Call {
  store::Scope scope;
  boost::json::object input;  // validated; body members and path labels by wire name
  Reply reply;
};

using OperationHandler = void (*)(const Services&, Call);

// Reads a string member of a validated input; "" when absent.
std::string StringMember(const boost::json::object& input, std::string_view wire);

}  // namespace amplify::service
