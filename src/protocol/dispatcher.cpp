#include "protocol/dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "admin/admin_api.h"
#include "auth/sigv4.h"
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
  const model::Operation* op = nullptr;
  std::chrono::steady_clock::time_point start;
  Scope scope;
  std::unique_ptr<RequestInput> input;
  http::Responder respond;
  int attempts = 0;
  bool conflict = false;  // set by the write, read back on the event loop
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

void Dispatcher::Handle(http::Request&& request, http::Responder respond) {
  auto start = std::chrono::steady_clock::now();
  std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
  if (request.method == "GET" && (path == "/_health" || path == "/_metrics")) {
    http::Response r = path == "/_health" ? Health() : MetricsText();
    AddCommonHeaders(r, NextRequestId().view());
    return respond(std::move(r));
  }
  const bool admin_api = deps_.console && path.starts_with(admin::kAdminApiPrefix);
  if (deps_.console && !admin_api) {
    if (std::optional<http::Response> page = deps_.console->Serve(request)) {
      AddCommonHeaders(*page, NextRequestId().view());
      return respond(std::move(*page));
    }
  }
  if (request.method == "OPTIONS" && router_.HasPath(request.target)) {
    http::Response r = Preflight(request);
    AddCommonHeaders(r, NextRequestId().view());
    return respond(std::move(r));
  }
  auto call = std::make_shared<Call>();
  call->start = start;
  call->respond = std::move(respond);
  // The signature comes first: an unsigned request learns nothing of routes or validation.
  if (deps_.verifier) {
    Result<Scope> scope = deps_.verifier->Verify(request);
    if (!scope) return Fail(*call, scope.error());
    call->scope = std::move(scope.value());
  } else {
    call->scope = auth::ResolveScope(request.authorization, deps_.config.default_region);
  }
  if (admin_api) return AnswerAdminApi(request, *call);
  Result<RouteMatch> route = router_.Match(request.method, request.target);
  if (!route) return Fail(*call, route.error());
  call->op = route->operation;
  Result<std::unique_ptr<RequestInput>> input =
      ReadRequest(*call->op, request.body, std::move(route.value().labels));
  if (!input) return Fail(*call, input.error());
  call->input = std::move(input.value());
  Run(std::move(call));
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

void Dispatcher::Finish(Call& call, http::Response response) {
  AddCommonHeaders(response, NextRequestId().view());
  deps_.metrics.Record(
      call.op, response.status,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - call.start).count());
  call.respond(std::move(response));
}

}  // namespace amplify::protocol
