#include "service/start_job.h"

namespace amplify::service {

StartJob::StartJob(jobs::NewJob job, std::unique_ptr<ServiceChange> change,
                   std::optional<int64_t> app_version, std::string response_environment,
                   JobOutputWriter output)
    : job_(std::move(job)),
      change_(std::move(change)),
      app_version_(app_version),
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
  // Every write under the app bumps its version: an unchanged version means everything the
  // handler checked about the app still holds, so that is the one thing read again here.
  if (ctx.writer.AppVersion(ctx.scope, change_->app_id()) != app_version_) {
    return WriteResult::kConflict;
  }
  Snapshot read(ctx.writer, ctx.scope);
  if (Status ok = change_->AppliesOutsideApp(read); !ok) return ok.error();
  Result<store::JobRecord> begun = ctx.jobs.Begin(ctx.writer, ctx.scope, job_, *change_);
  if (!begun) return begun.error();
  begun_ = std::move(begun.value());
  return WriteResult::kWritten;
}

jobs::NewJob NewJobOf(IdSource& ids, model::OperationId op, std::string_view app_id,
                      std::string_view environment) {
  return {std::string(app_id), std::string(environment), std::string(model::OperationOf(op).name),
          ids.Uuid()};
}

Result<Plan> PlanJob(Snapshot& read, jobs::NewJob job, std::unique_ptr<ServiceChange> change,
                     std::string response_environment, JobOutputWriter output) {
  // Read before any check (snapshot.h), if the handler has not read under the app yet.
  std::optional<int64_t> version = read.AppVersion(change->app_id());
  if (Status ok = change->Applies(read); !ok) return ok.error();
  if (Status ok = change->AppliesOutsideApp(read); !ok) return ok.error();
  return Plan::Write(std::make_unique<StartJob>(std::move(job), std::move(change), version,
                                                std::move(response_environment), output));
}

}  // namespace amplify::service
