#include "service/backend_jobs.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/errors.h"
#include "service/job_outputs.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using model::Find;
using model::Get;

constexpr int kDefaultPageSize = 25;
constexpr std::string_view kTokenPrefix = "jobs1.";

// A job belongs to the environment it was recorded under; app-level jobs to every one.
bool VisibleUnder(const store::JobRecord& job, std::string_view env) {
  return job.environment.empty() || job.environment == env;
}

bool Matches(const store::JobRecord& job, const store::JobQuery& q) {
  return (!q.operation || job.operation == *q.operation) &&
         (!q.status || job.status == *q.status) && (q.before_seq == 0 || job.seq < q.before_seq);
}

std::optional<std::string> OptionalString(std::optional<std::string_view> v) {
  if (!v) return std::nullopt;
  return std::string(*v);
}

// The page: the environment's jobs and the app's own, merged newest first. Each source is
// read up to limit + 1 rows, so the cost follows the page, not the number of jobs.
std::vector<store::JobRecord> ReadPage(Snapshot& read, store::JobQuery q) {
  if (q.job_id) {
    const store::JobRecord* job = read.Job(q.app_id, *q.job_id);
    if (!job || !VisibleUnder(*job, q.environment) || !Matches(*job, q)) return {};
    return {*job};
  }
  q.limit += 1;
  std::vector<store::JobRecord> page = read.reader().ListJobs(read.scope(), q);
  q.environment.clear();
  std::vector<store::JobRecord> app_level = read.reader().ListJobs(read.scope(), q);
  page.insert(page.end(), std::make_move_iterator(app_level.begin()),
              std::make_move_iterator(app_level.end()));
  std::sort(page.begin(), page.end(), [](const auto& a, const auto& b) { return a.seq > b.seq; });
  return page;
}

// UpdateBackendJob's write: the job as it is in the transaction, moved through the table.
class AdministerJob final : public WriteStep {
 public:
  AdministerJob(std::string app_id, std::string env, std::string job_id,
                std::optional<std::string> operation, std::optional<std::string> status)
      : app_id_(std::move(app_id)),
        env_(std::move(env)),
        job_id_(std::move(job_id)),
        operation_(std::move(operation)),
        status_(std::move(status)) {}

  Result<WriteResult> Run(WriteContext& ctx) override {
    std::optional<store::JobRecord> job = ctx.writer.GetJob(ctx.scope, app_id_, job_id_);
    if (!job || !VisibleUnder(*job, env_)) return JobNotFound(job_id_);
    if (Status ok = ctx.jobs.Administer(ctx.writer, ctx.scope, *job, operation_, status_); !ok) {
      return ok.error();
    }
    job_ = std::move(*job);
    return WriteResult::kWritten;
  }

  Output Respond() const override {
    return BackendJobOutput<members::UpdateBackendJobResponse>(job_, env_);
  }

 private:
  std::string app_id_, env_, job_id_;
  std::optional<std::string> operation_, status_;
  store::JobRecord job_;
};

}  // namespace

std::string EncodeJobsToken(int64_t before_seq) {
  return fmt::format("{}{}", kTokenPrefix, before_seq);
}

std::optional<int64_t> DecodeJobsToken(std::string_view token) {
  if (token.substr(0, kTokenPrefix.size()) != kTokenPrefix) return std::nullopt;
  std::string_view digits = token.substr(kTokenPrefix.size());
  int64_t seq = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), seq);
  if (ec != std::errc() || end != digits.data() + digits.size() || seq <= 0) return std::nullopt;
  return seq;
}

Result<Plan> GetBackendJob(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetBackendJobRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string_view env = Get(in, Shape::BackendEnvironmentName);
  std::string job_id(Get(in, Shape::JobId));
  const store::JobRecord* job = read.Job(app_id, job_id);
  if (!job || !VisibleUnder(*job, env)) return JobNotFound(job_id);
  return Plan::Respond(BackendJobOutput<members::GetBackendJobResponse>(*job, env));
}

Result<Plan> ListBackendJobs(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::ListBackendJobsRequest;
  store::JobQuery q;
  q.app_id = Get(in, Shape::AppId);
  q.environment = Get(in, Shape::BackendEnvironmentName);
  q.job_id = OptionalString(Find(in, Shape::JobId));
  q.operation = OptionalString(Find(in, Shape::Operation));
  q.status = OptionalString(Find(in, Shape::Status));
  q.limit = static_cast<int>(Get(in, Shape::MaxResults).value_or(kDefaultPageSize));
  if (std::optional<std::string_view> token = Find(in, Shape::NextToken)) {
    std::optional<int64_t> seq = DecodeJobsToken(*token);
    if (!seq) return BadNextToken();
    q.before_seq = *seq;
  }
  // Unknown is not empty: an app that never existed is NotFound, as for every other operation;
  // one whose jobs outlived it still lists them.
  if (!read.App(q.app_id) && !read.reader().HasJobs(read.scope(), q.app_id)) {
    return AppNotFound(q.app_id);
  }
  std::vector<store::JobRecord> page = ReadPage(read, q);
  const bool more = static_cast<int>(page.size()) > q.limit;
  if (more) page.resize(q.limit);
  using Out = members::ListBackendJobsResponse;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key(Out::Jobs);
  w.BeginArray();
  for (const store::JobRecord& job : page) {
    WriteBackendJob<members::BackendJobRespObj>(w, job, q.environment);
  }
  w.EndArray();
  if (more) w.Member(Out::NextToken, EncodeJobsToken(page.back().seq));
  w.EndObject();
  return Plan::Respond(std::move(out));
}

Result<Plan> UpdateBackendJob(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::UpdateBackendJobRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string job_id(Get(in, Shape::JobId));
  const store::JobRecord* job = read.Job(app_id, job_id);
  if (!job || !VisibleUnder(*job, env)) return JobNotFound(job_id);
  return Plan::Write(std::make_unique<AdministerJob>(
      std::move(app_id), std::move(env), std::move(job_id),
      OptionalString(Find(in, Shape::Operation)), OptionalString(Find(in, Shape::Status))));
}

}  // namespace amplify::service
