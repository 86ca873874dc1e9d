#pragma once
// The request path after the transport (docs/ARCHITECTURE.md "The request path"): operational
// endpoints, CORS, account/region, the chaos endpoints, routing, the rate limit and fault rules,
// reading + validating the input, the operation's handler, and running the plan it returns: a
// read-only plan on the event loop, a write on the store's writer thread (after any preparation
// on the worker pool), its output back on the event loop. A write that finds its read phase
// outdated is planned again.
#include <chrono>
#include <memory>
#include <string>

#include "admin/console_files.h"
#include "auth/verifier.h"
#include "chaos/fault_injector.h"
#include "chaos/rate_limiter.h"
#include "common/clock.h"
#include "common/ids.h"
#include "common/worker_pool.h"
#include "http/message.h"
#include "jobs/job_engine.h"
#include "ops/metrics.h"
#include "protocol/request_reader.h"
#include "protocol/router.h"
#include "service/context.h"
#include "service/document_cache.h"
#include "service/plan.h"
#include "store/store.h"

namespace amplify::protocol {

struct DispatcherDeps {
  store::Store& store;
  jobs::JobEngine& jobs;
  WorkerPool& pool;  // preparations (model generation)
  const Clock& clock;
  IdSource& ids;
  ops::Metrics& metrics;
  service::ServiceConfig config;
  // `--auth enforce`: every AWS-API request must carry a valid signature. Null: `--auth
  // accept`, any signature goes and the access key names the account.
  const auth::Verifier* verifier = nullptr;
  // The admin console's files; null with `--no-console`, which also turns off /_admin/api/.
  const admin::ConsoleFiles* console = nullptr;
  // Fault rules and effects, and the /_chaos/ endpoints that set them; null: neither.
  chaos::FaultInjector* chaos = nullptr;
  // `--rate-limit`; null when off.
  chaos::RateLimiter* rate_limiter = nullptr;
};

class Dispatcher {
 public:
  // How often a request is planned again when its write finds the app changed since its read.
  static constexpr int kMaxAttempts = 5;

  explicit Dispatcher(DispatcherDeps deps);
  void Handle(http::Request&& request, http::Responder respond);

 private:
  struct Call;
  bool AnswerOperational(const http::Request& request, std::string_view path,
                         const http::Responder& respond);
  void HandleSigned(const http::Request& request, std::string_view path,
                    std::shared_ptr<Call> call);
  bool Throttled(Call& call);
  bool Faulted(Call& call);
  void Run(std::shared_ptr<Call> call);
  void Prepare(std::shared_ptr<Call> call, std::shared_ptr<service::WriteStep> step);
  void Write(std::shared_ptr<Call> call, std::shared_ptr<service::WriteStep> step);
  void Written(std::shared_ptr<Call> call, const std::shared_ptr<service::WriteStep>& step,
               Status status);
  void Finish(Call& call, http::Response response);
  void Fail(Call& call, const AwsError& error);
  http::Response Health() const;
  http::Response MetricsText() const;
  void AnswerAdminApi(const http::Request& request, Call& call);
  void AnswerChaosApi(const http::Request& request, std::string_view path, Call& call);
  void Deliver(const model::Operation* op, std::chrono::steady_clock::time_point start,
               const http::Responder& respond, http::Response response);

  DispatcherDeps deps_;
  service::DocumentCache documents_;
  Router router_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace amplify::protocol
