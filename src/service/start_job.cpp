#include "service/start_job.h"

#include "service/injected_failure.h"

namespace amplify::service {

StartJob::StartJob(jobs::NewJob job, std::unique_ptr<ServiceChange> change,
                   std::string response_environment, JobOutputWriter output)
    : job_(std::move(job)),
      change_(std::move(change)),
      response_environment_(std::move(response_environment)),
      output_(output) {}

bool StartJob::NeedsPreparation(const jobs::JobEngine& jobs) const {
  // A queued change is prepared by the engine when it falls due, not now.
  return jobs.CompletesAtOnce() && change_->NeedsPreparation();
}

void StartJob::Prepare(store::StoreReader& reader, const Scope& scope) {
  change_->Prepare(reader, scope);
}

Result<WriteResult> StartJob::Run(WriteContext& ctx) {
  // The handler's checks once more, against the state this transaction sees (a concurrent
  // request may have created the environment meanwhile): their error is the request's. Then
  // whatever the change was computed from must still be there, or it is planned again.
  Snapshot read(ctx.writer, ctx.scope, Snapshot::kUnpinned);
  if (Status ok = change_->Applies(read); !ok) return ok.error();
  if (Status ok = change_->AppliesOutsideApp(read); !ok) return ok.error();
  if (!change_->BasedOnCurrent(read)) return WriteResult::kConflict;
  Result<store::JobRecord> begun = ctx.jobs.Begin(ctx.writer, ctx.scope, job_, *change_);
  if (!begun) return begun.error();
  begun_ = std::move(begun.value());
  return WriteResult::kWritten;
}

// The planned change keeps answering the checks, so the request meets the errors it would
// have met; only what the job applies is swapped.
bool StartJob::FailJobWith(std::string error) {
  std::string app_id = change_->app_id();
  change_ = std::make_unique<InjectedFailureChange>(std::move(change_), std::move(app_id),
                                                    std::move(error));
  return true;
}

jobs::NewJob NewJobOf(IdSource& ids, model::OperationId op, std::string_view app_id,
                      std::string_view environment) {
  return {std::string(app_id), std::string(environment), std::string(model::OperationOf(op).name),
          ids.Uuid()};
}

Result<Plan> PlanJob(Snapshot& read, jobs::NewJob job, std::unique_ptr<ServiceChange> change,
                     std::string response_environment, JobOutputWriter output) {
  if (Status ok = change->Applies(read); !ok) return ok.error();
  if (Status ok = change->AppliesOutsideApp(read); !ok) return ok.error();
  return Plan::Write(std::make_unique<StartJob>(std::move(job), std::move(change),
                                                std::move(response_environment), output));
}

}  // namespace amplify::service
