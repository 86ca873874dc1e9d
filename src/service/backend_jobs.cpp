#include "service/backend_jobs.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "service/job_runner.h"

namespace amplify::service {
namespace {

using boost::json::object;

constexpr int kDefaultPageSize = 25;
constexpr std::string_view kTokenPrefix = "jobs1.";

AwsError JobNotFound(const std::string& job_id) {
  return NotFound("BackendJob", fmt::format("Job {} not found.", job_id));
}

// A job belongs to the environment it was recorded under; app-level jobs to every one.
bool VisibleUnder(const store::JobRecord& job, const std::string& env) {
  return job.environment.empty() || job.environment == env;
}

bool Matches(const store::JobRecord& job, const store::JobQuery& q) {
  return (!q.operation || job.operation == *q.operation) && (!q.status || job.status == *q.status) &&
         (q.before_seq == 0 || job.seq < q.before_seq);
}

std::optional<std::string> OptionalString(const object& input, std::string_view key) {
  const boost::json::value* v = input.if_contains(key);
  if (!v) return std::nullopt;
  return std::string(v->get_string());
}

// The page: the environment's jobs and the app's own, merged newest first. Each source is
// read up to limit + 1 rows, so the cost follows the page, not the number of jobs.
std::vector<store::JobRecord> ReadPage(store::StoreReader& r, const store::Scope& scope,
                                       store::JobQuery q) {
  if (q.job_id) {
    auto job = r.GetJob(scope, q.app_id, *q.job_id);
    if (!job || !VisibleUnder(*job, q.environment) || !Matches(*job, q)) return {};
    return {*job};
  }
  q.limit += 1;
  std::vector<store::JobRecord> page = r.ListJobs(scope, q);
  q.environment.clear();
  std::vector<store::JobRecord> app_level = r.ListJobs(scope, q);
  page.insert(page.end(), app_level.begin(), app_level.end());
  std::sort(page.begin(), page.end(), [](const auto& a, const auto& b) { return a.seq > b.seq; });
  return page;
}

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

void GetBackendJob(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string job_id = StringMember(call.input, "jobId");
  auto job = s.store.Reader().GetJob(call.scope, app_id, job_id);
  if (!job || !VisibleUnder(*job, env)) return call.reply(JobNotFound(job_id));
  call.reply(BackendJobResponse(*job, env));
}

void ListBackendJobs(const Services& s, Call call) {
  store::JobQuery q;
  q.app_id = StringMember(call.input, "appId");
  q.environment = StringMember(call.input, "backendEnvironmentName");
  q.job_id = OptionalString(call.input, "jobId");
  q.operation = OptionalString(call.input, "operation");
  q.status = OptionalString(call.input, "status");
  q.limit = kDefaultPageSize;
  if (const auto* max = call.input.if_contains("maxResults")) {
    q.limit = static_cast<int>(max->to_number<int64_t>());
  }
  if (auto token = OptionalString(call.input, "nextToken")) {
    auto seq = DecodeJobsToken(*token);
    if (!seq) return call.reply(BadRequest("The nextToken is not valid."));
    q.before_seq = *seq;
  }
  std::vector<store::JobRecord> page = ReadPage(s.store.Reader(), call.scope, q);
  bool more = static_cast<int>(page.size()) > q.limit;
  if (more) page.resize(q.limit);
  boost::json::array jobs;
  for (const auto& job : page) jobs.emplace_back(BackendJobResponse(job, q.environment));
  object out;
  out["jobs"] = std::move(jobs);
  if (more) out["nextToken"] = EncodeJobsToken(page.back().seq);
  call.reply(std::move(out));
}

void UpdateBackendJob(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string job_id = StringMember(call.input, "jobId");
  auto operation = OptionalString(call.input, "operation");
  auto status = OptionalString(call.input, "status");
  auto updated = std::make_shared<store::JobRecord>();
  store::Scope scope = call.scope;
  const Clock* clock = &s.clock;
  s.store.Write(
      [=](store::StoreWriter& w) -> Status {
        auto job = w.GetJob(scope, app_id, job_id);
        if (!job || !VisibleUnder(*job, env)) return JobNotFound(job_id);
        if (operation) job->operation = *operation;
        if (status) job->status = *status;
        job->update_ms = std::max(job->update_ms, clock->NowMillis());
        w.PutJob(scope, *job);
        *updated = std::move(*job);
        return OkStatus();
      },
      [updated, env, reply = std::move(call.reply)](Status st) {
        if (!st) return reply(st.error());
        reply(BackendJobResponse(*updated, env));
      });
}

}  // namespace amplify::service
