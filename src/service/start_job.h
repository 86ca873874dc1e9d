#pragma once
// The write every job-starting operation plans: the checks its handler made still hold, what
// the change was computed from is still current, no job of the environment is pending, then the
// job begins — and, when jobs complete at once, its change applies in the same write.
#include <optional>
#include <string>
#include <string_view>

#include "model/service_model.h"
#include "service/job_changes.h"
#include "service/plan.h"

namespace amplify::service {

// Writes an operation's output for the begun job, naming `environment` (job_outputs.h).
using JobOutputWriter = Output (*)(const store::JobRecord& job, std::string_view environment);

class StartJob final : public WriteStep {
 public:
  StartJob(jobs::NewJob job, std::unique_ptr<ServiceChange> change,
           std::string response_environment, JobOutputWriter output);

  bool NeedsPreparation(const jobs::JobEngine& jobs) const override;
  void Prepare(store::StoreReader& reader, const Scope& scope) override;
  Result<WriteResult> Run(WriteContext& ctx) override;
  void Durable(jobs::JobEngine& jobs) override { jobs.Began(begun_); }
  Output Respond() const override { return output_(begun_, response_environment_); }
  bool FailJobWith(std::string error) override;

  const jobs::NewJob& job() const { return job_; }
  const ServiceChange& change() const { return *change_; }

 private:
  jobs::NewJob job_;
  std::unique_ptr<ServiceChange> change_;
  std::string response_environment_;
  JobOutputWriter output_;
  store::JobRecord begun_;
};

// A job of operation `op` (its name comes from the model) under (app, environment), with its
// id drawn now, on the event loop, rather than in the store's write.
jobs::NewJob NewJobOf(IdSource& ids, model::OperationId op, std::string_view app_id,
                      std::string_view environment);

// Checks `change` against what the read phase sees, then plans the job that applies it; the
// output names `response_environment` (the environment the job is polled under).
Result<Plan> PlanJob(Snapshot& read, jobs::NewJob job, std::unique_ptr<ServiceChange> change,
                     std::string response_environment, JobOutputWriter output);

}  // namespace amplify::service
