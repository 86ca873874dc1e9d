#include "service/api_models.h"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "common/json_writer.h"
#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/backend_api.h"
#include "service/job_outputs.h"
#include "service/resource_change.h"
#include "service/start_job.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using boost::json::object;
using model::Get;

std::string SchemaOf(const StoredResource& api) {
  return std::string(Get(api.config, members::BackendAPIResourceConfig::TransformSchema));
}

}  // namespace

GenerateModelsChange::GenerateModelsChange(std::string app_id, std::string environment,
                                           std::string api_name, int64_t now_ms)
    : app_id_(std::move(app_id)),
      environment_(std::move(environment)),
      api_name_(std::move(api_name)),
      now_ms_(now_ms) {}

// The keys are those migration-2 servers queued, so their jobs still complete.
std::unique_ptr<ServiceChange> GenerateModelsChange::Decode(const object& d) {
  return std::make_unique<GenerateModelsChange>(ChangeText(d, "appId"),
                                                ChangeText(d, "environment"), ChangeText(d, "name"),
                                                ChangeNumber(d, "nowMs"));
}

std::string GenerateModelsChange::Encode() const {
  return boost::json::serialize(object{
      {"appId", app_id_}, {"environment", environment_}, {"name", api_name_}, {"nowMs", now_ms_}});
}

void GenerateModelsChange::Prepare(store::StoreReader& reader, const Scope& scope) {
  std::optional<store::ResourceRecord> record =
      reader.GetResource(scope, app_id_, environment_, kApi, api_name_);
  if (!record) return;  // Applies will say why
  StoredResource api = ParseStoredResource(*record);
  std::string schema = SchemaOf(api);
  if (schema.empty()) return;
  schema_version_ = SchemaVersionOf(api.state);
  generation_ = std::make_shared<const Generation>(codegen::GenerateModels(schema));
}

bool GenerateModelsChange::Stale(store::StoreReader& r, const Scope& scope) const {
  std::optional<store::ResourceRecord> record =
      r.GetResource(scope, app_id_, environment_, kApi, api_name_);
  if (!record) return false;  // Applies fails the job
  StoredResource api = ParseStoredResource(*record);
  if (SchemaOf(api).empty()) return false;
  return !generation_ || SchemaVersionOf(api.state) != schema_version_;
}

// A generation made before the job began (jobs that complete at once) must be of the schema
// the API has now; a queued job is prepared when it completes.
bool GenerateModelsChange::BasedOnCurrent(Snapshot& read) const {
  if (!generation_) return true;
  const store::ResourceRecord* api = read.Resource(app_id_, environment_, kApi, api_name_);
  return api && SchemaVersionOf(ParseStoredResource(*api).state) == schema_version_;
}

Status GenerateModelsChange::Applies(Snapshot& read) const {
  Result<const store::ResourceRecord*> api =
      FindResource(read, app_id_, environment_, kApi, api_name_);
  if (!api) return api.error();
  if (SchemaOf(ParseStoredResource(**api)).empty()) {
    return BadRequest(
        fmt::format("The API {} has no transformSchema to generate models from.", api_name_));
  }
  return OkStatus();
}

// An invalid schema ends the job FAILED, saying what is wrong and where; the previous models
// stay.
Status GenerateModelsChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) {
  if (!generation_) return Internal("the models were not generated before the job completed");
  if (!generation_->ok()) {
    return BadRequest(fmt::format("The transformSchema of API {} is not valid: {}", api_name_,
                                  generation_->error().ToString()));
  }
  w.PutApiModels(scope,
                 {.app_id = app_id_,
                  .environment = environment_,
                  .api_name = api_name_,
                  .schema_version = schema_version_,
                  .models = generation_->value().models,
                  .model_introspection_schema = generation_->value().model_introspection_schema,
                  .generated_ms = now_ms});
  return OkStatus();
}

Result<Plan> GenerateBackendAPIModels(const Context& ctx, const boost::json::object& in,
                                      Snapshot& read) {
  using Shape = members::GenerateBackendAPIModelsRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> api = FindResource(read, app_id, env, kApi, name);
  if (!api) return api.error();
  if (SchemaOf(ParseStoredResource(**api)).empty()) {
    return BadRequest(fmt::format(
        "The API {} has no transformSchema: set one with UpdateBackendAPI first.", name));
  }
  auto change = std::make_unique<GenerateModelsChange>(app_id, env, name, ctx.now_ms);
  return PlanJob(read,
                 NewJobOf(ctx.ids, model::OperationId::kGenerateBackendAPIModels, app_id, env),
                 std::move(change), env, &JobOutput<members::GenerateBackendAPIModelsResponse>);
}

Result<Plan> GetBackendAPIModels(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetBackendAPIModelsRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> api = FindResource(read, app_id, env, kApi, name);
  if (!api) return api.error();
  const store::ApiModelsRecord* models = read.ApiModels(app_id, env, name);
  // LATEST only while the stored strings describe the API's current schema.
  const bool latest =
      models && models->schema_version == SchemaVersionOf(ParseStoredResource(**api).state);
  using Out = members::GetBackendAPIModelsResponse;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Out::Status, latest ? "LATEST" : "STALE");
  if (models) {
    w.Member(Out::Models, models->models);
    w.Member(Out::ModelIntrospectionSchema, models->model_introspection_schema);
  }
  w.EndObject();
  return Plan::Respond(std::move(out));
}

}  // namespace amplify::service
