#include "protocol/dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "admin/admin_api.h"
#include "auth/sigv4.h"
#include "chaos/chaos_api.h"
#include "common/json_writer.h"
#include "common/request_id.h"
#include "protocol/aws_responses.h"
#include "service/errors.h"
#include "service/operation_table.h"

namespace amplify::protocol {
namespace {

// A list of header names (tokens, commas, spaces): the only request text a preflight echoes.
bool IsHeaderNameList(std::string_view v) {
  return std::all_of(v.begin(), v.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == ',' || c == ' ';
  });
}

http::Response Preflight(const http::Request& request) {
  http::Response r;
  r.status = 200;
  r.body = "{}";
  http::AddHeader(r, "Access-Control-Allow-Methods", "GET,POST,OPTIONS");
  const std::string& asked = request.access_control_request_headers;
  http::AddHeader(r, "Access-Control-Allow-Headers",
                  asked.empty() || !IsHeaderNameList(asked)
                      ? "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,"
                        "X-Amz-User-Agent,amz-sdk-invocation-id,amz-sdk-request,"
                        "X-Amz-Content-Sha256"
                      : std::string_view(asked));
  http::AddHeader(r, "Access-Control-Max-Age", "86400");
  return r;
}

}  // namespace

// One request in flight. Reads never leave the event loop; a write's Call is shared with the
// store's writer thread (and the worker pool), one at a time.
struct Dispatcher::Call {
  enum class Kind { kAws, kAdmin, kChaos };
  Kind kind = Kind::kAws;  // /_chaos/effects delay AWS API answers only
  const model::Operation* op = nullptr;
  std::chrono::steady_clock::time_point start;
  Scope scope;
  std::unique_ptr<RequestInput> input;
  http::Responder respond;
  int attempts = 0;
  bool conflict = false;  // set by the write, read back on the event loop
  // A /_chaos/faults `job` rule fired: the job the request begins ends FAILED with this error.
  std::optional<std::string> failing_job_error;
  bool job_failure_injected = false;
};

Dispatcher::Dispatcher(DispatcherDeps deps)
    : deps_(std::move(deps)), started_(std::chrono::steady_clock::now()) {}

http::Response Dispatcher::Health() const {
  auto uptime =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
  std::string body;
  JsonWriter w(body);
  // 200 either way: the process itself is up. While a shared database is down, requests
  // answer 504 until it returns, and a load balancer has no healthier process to prefer.
  const bool reachable = deps_.store.Reachable();
  w.BeginObject();
  w.Key("status");
  w.String(reachable ? "ok" : "degraded");
  w.Key("version");
  w.String(AMPLIFYBACKEND_VERSION);
  w.Key("store");
  w.String(deps_.store.Kind());
  w.Key("storeReachable");
  w.Bool(reachable);
  w.Key("uptimeSeconds");
  w.Int(uptime.count());
  w.EndObject();
  return SuccessResponse(std::move(body));
}

http::Response Dispatcher::MetricsText() const {
  http::Response r;
  r.body = deps_.metrics.Render(deps_.jobs.Counts());
  r.content_type = "text/plain; version=0.0.4";
  return r;
}

// What needs no account: health, metrics, the console's files, CORS preflights. True when
// answered.
bool Dispatcher::AnswerOperational(const http::Request& request, std::string_view path,
                                   const http::Responder& respond) {
  std::optional<http::Response> r;
  if (request.method == "GET" && (path == "/_health" || path == "/_metrics")) {
    r = path == "/_health" ? Health() : MetricsText();
  } else if (deps_.console && !path.starts_with(admin::kAdminApiPrefix)) {
    r = deps_.console->Serve(request);
  }
  if (!r && request.method == "OPTIONS" && router_.HasPath(request.target)) r = Preflight(request);
  if (!r) return false;
  AddCommonHeaders(*r, NextRequestId().view());
  respond(std::move(*r));
  return true;
}

void Dispatcher::Handle(http::Request&& request, http::Responder respond) {
  auto start = std::chrono::steady_clock::now();
  std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
  if (AnswerOperational(request, path, respond)) return;
  auto call = std::make_shared<Call>();
  call->start = start;
  call->respond = std::move(respond);
  if (deps_.chaos && path.starts_with(chaos::kChaosPrefix)) {
    call->kind = Call::Kind::kChaos;
  } else if (deps_.console && path.starts_with(admin::kAdminApiPrefix)) {
    call->kind = Call::Kind::kAdmin;
  }
  // The signature comes first: an unsigned request learns nothing of routes or validation.
  if (deps_.verifier) {
    Result<Scope> scope = deps_.verifier->Verify(request);
    if (!scope) return Fail(*call, scope.error());
    call->scope = std::move(scope.value());
  } else {
    call->scope = auth::ResolveScope(request.authorization, deps_.config.default_region);
  }
  HandleSigned(request, path, std::move(call));
}

// After the signature: the chaos endpoints (never throttled or faulted), the admin API, or an
// operation — throttled, then faulted, before its input is read.
void Dispatcher::HandleSigned(const http::Request& request, std::string_view path,
                              std::shared_ptr<Call> call) {
  if (call->kind == Call::Kind::kChaos) return AnswerChaosApi(request, path, *call);
  if (call->kind == Call::Kind::kAdmin) {
    if (Throttled(*call)) return;
    return AnswerAdminApi(request, *call);
  }
  Result<RouteMatch> route = router_.Match(request.method, request.target);
  if (!route) return Fail(*call, route.error());
  call->op = route->operation;
  if (Throttled(*call) || Faulted(*call)) return;
  Result<std::unique_ptr<RequestInput>> input =
      ReadRequest(*call->op, request.body, std::move(route.value().labels));
  if (!input) return Fail(*call, input.error());
  call->input = std::move(input.value());
  Run(std::move(call));
}

// `--rate-limit`: true, and the request answered 429, when the account has no token left.
bool Dispatcher::Throttled(Call& call) {
  if (!deps_.rate_limiter || deps_.rate_limiter->TryAcquire(call.scope.account)) return false;
  deps_.metrics.RecordThrottled(call.op);
  spdlog::debug("rate limit: {} of account {} throttled ({} requests/s)",
                call.op ? call.op->name : "admin API request", call.scope.account,
                deps_.rate_limiter->per_second());
  Fail(call, TooManyRequests("RequestsPerSecond", "Rate exceeded"));
  return true;
}

// A /_chaos/faults rule that fires: an error rule answers now (true); a `job` rule is kept for
// the plan, whose job will fail (docs/DECISIONS.md "Fault injection and throttling").
bool Dispatcher::Faulted(Call& call) {
  if (!deps_.chaos) return false;
  std::optional<chaos::Fault> fault =
      deps_.chaos->Decide({chaos::kServiceName, call.op->name, call.scope.region});
  if (!fault) return false;
  spdlog::debug("chaos: {} in {} matched fault rule {}: {}", call.op->name, call.scope.region,
                fault->rule_number, chaos::FaultRuleJson(fault->rule));
  if (fault->rule.job_error) {
    call.failing_job_error = std::move(fault->rule.job_error);
    return false;
  }
  deps_.metrics.RecordInjectedFault(call.op, fault->rule.code);
  Finish(call, InjectedErrorResponse(fault->rule.status, fault->rule.code,
                                     "Operation failed due to a simulated fault."));
  return true;
}

// Plans the call on the event loop and, for a plan without a write, answers at once.
void Dispatcher::Run(std::shared_ptr<Call> call) {
  service::Handler handler = service::HandlerFor(call->op->id);
  if (!handler) return Fail(*call, Internal("operation not bound"));
  Result<service::Plan> plan = Internal("no plan");
  try {
    service::Snapshot read(deps_.store.Reader(), call->scope);
    service::Context ctx{call->scope, deps_.clock.NowMillis(), deps_.ids, deps_.config, documents_};
    plan = handler(ctx, call->input->object(), read);
  } catch (const store::StoreUnavailable& e) {
    spdlog::warn("{}: {}", call->op->name, e.what());
    plan = store::StoreUnavailableError();
  } catch (const std::exception& e) {
    plan = Internal(e.what());
  }
  if (!plan) return Fail(*call, plan.error());
  if (!plan->write) return Finish(*call, SuccessResponse(std::move(plan->output)));
  std::shared_ptr<service::WriteStep> step = std::move(plan->write);
  if (call->failing_job_error) {
    call->job_failure_injected = step->FailJobWith(*call->failing_job_error);
  }
  if (step->NeedsPreparation(deps_.jobs)) return Prepare(std::move(call), std::move(step));
  Write(std::move(call), std::move(step));
}

// CPU-heavy work goes to the worker pool: never on an event loop, never inside the store's
// write.
void Dispatcher::Prepare(std::shared_ptr<Call> call, std::shared_ptr<service::WriteStep> step) {
  auto task = [this, call, step] {
    try {
      step->Prepare(deps_.store.Reader(), call->scope);
    } catch (const std::exception& e) {
      spdlog::error("{}: preparation failed: {}", call->op->name, e.what());
    }
    Write(call, step);
  };
  if (!deps_.pool.Submit(std::move(task))) {
    Fail(*call, TooManyRequests("ModelGeneration",
                                "Too many model generations are waiting; try again later."));
  }
}

void Dispatcher::Write(std::shared_ptr<Call> call, std::shared_ptr<service::WriteStep> step) {
  deps_.store.Write(
      [this, call, step](store::StoreWriter& w) -> Status {
        service::WriteContext ctx{w, call->scope, deps_.jobs};
        Result<service::WriteResult> result = step->Run(ctx);
        if (!result) return result.error();
        call->conflict = *result == service::WriteResult::kConflict;
        return OkStatus();
      },
      // On the writer thread: hand the result to the event loop, nothing more.
      [this, call, step](Status status) mutable {
        if (status && !call->conflict) step->Durable(deps_.jobs);
        http::Responder respond = call->respond;
        respond.Post([this, call = std::move(call), step = std::move(step),
                      status = std::move(status)]() mutable {
          Written(std::move(call), step, std::move(status));
        });
      });
}

void Dispatcher::Written(std::shared_ptr<Call> call,
                         const std::shared_ptr<service::WriteStep>& step, Status status) {
  if (!status) return Fail(*call, status.error());
  if (call->conflict) {
    call->conflict = false;
    if (++call->attempts >= kMaxAttempts) return Fail(*call, service::KeptChanging());
    return Run(std::move(call));
  }
  if (call->job_failure_injected) deps_.metrics.RecordInjectedJobFailure(call->op);
  try {
    Finish(*call, SuccessResponse(step->Respond()));
  } catch (const std::exception& e) {
    Fail(*call, Internal(e.what()));
  }
}

// The console's read-only API, scoped and signed like the AWS routes; its reads run here on the
// event loop, as a read-only plan's do.
void Dispatcher::AnswerAdminApi(const http::Request& request, Call& call) {
  Result<std::string> body = Internal("no answer");
  try {
    body = admin::AnswerAdminApi(request.method, request.target, deps_.store.Reader(), call.scope,
                                 deps_.clock.NowMillis());
  } catch (const store::StoreUnavailable& e) {
    spdlog::warn("admin api: {}", e.what());
    body = store::StoreUnavailableError();
  } catch (const std::exception& e) {
    body = Internal(e.what());
  }
  if (!body) return Fail(call, body.error());
  Finish(call, SuccessResponse(std::move(body.value())));
}

void Dispatcher::Fail(Call& call, const AwsError& error) {
  if (error.code == ErrorCode::kInternal) {
    // Detail goes to the log, never to the client.
    spdlog::error("{}: {}", call.op ? call.op->name : "request", error.message);
    return Finish(call, ErrorResponse(Internal("Internal server error.")));
  }
  Finish(call, ErrorResponse(error));
}

// The chaos endpoints: the fault rules or effects after the request, as JSON.
void Dispatcher::AnswerChaosApi(const http::Request& request, std::string_view path, Call& call) {
  Result<std::string> body =
      chaos::AnswerChaosApi(*deps_.chaos, request.method, path, request.body);
  if (!body) return Fail(call, body.error());
  if (request.method != "GET") {
    spdlog::info("chaos: {} {}: {} fault rule(s), latency {} ms", request.method, path,
                 deps_.chaos->Rules()->size(), deps_.chaos->Latency().count());
  }
  Finish(call, SuccessResponse(std::move(body.value())));
}

// The chaos endpoints are not counted in the metrics (like /_health and /_metrics).
void Dispatcher::Finish(Call& call, http::Response response) {
  AddCommonHeaders(response, NextRequestId().view());
  if (call.kind == Call::Kind::kChaos) return call.respond(std::move(response));
  const std::chrono::milliseconds latency = call.kind == Call::Kind::kAws && deps_.chaos
                                                ? deps_.chaos->Latency()
                                                : std::chrono::milliseconds(0);
  if (latency.count() == 0) return Deliver(call.op, call.start, call.respond, std::move(response));
  // An injected latency waits on a timer of the connection's loop, which serves others meanwhile.
  auto delayed = std::make_shared<http::Response>(std::move(response));
  call.respond.PostAfter(latency, [this, op = call.op, start = call.start,
                                   respond = call.respond, delayed] {
    Deliver(op, start, respond, std::move(*delayed));
  });
}

// Metrics see the answer as the client does, an injected latency included.
void Dispatcher::Deliver(const model::Operation* op, std::chrono::steady_clock::time_point start,
                         const http::Responder& respond, http::Response response) {
  deps_.metrics.Record(
      op, response.status,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  respond(std::move(response));
}

}  // namespace amplify::protocol
