#pragma once
// Generated data models of a GraphQL API resource (docs/DECISIONS.md "API schemas and models"):
// GenerateBackendAPIModels runs codegen (src/codegen/) over the API's transformSchema as a job;
// GetBackendAPIModels returns the last generated strings with LATEST, or STALE once the schema
// changed (and before the first generation, without strings).
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "codegen/model_generator.h"
#include "service/job_changes.h"
#include "service/plan.h"

namespace amplify::service {

Result<Plan> GenerateBackendAPIModels(const Context& ctx, const boost::json::object& in,
                                      Snapshot& read);
Result<Plan> GetBackendAPIModels(const Context& ctx, const boost::json::object& in, Snapshot& read);

// Generates the models of the API from its schema as it is when the job completes. The
// generation is the job's preparation: on the worker pool, outside any transaction; the result
// travels with the change into the write that stores it, which checks that the schema it came
// from is still the API's (else the engine prepares again).
class GenerateModelsChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "GenerateModels";
  GenerateModelsChange(std::string app_id, std::string environment, std::string api_name,
                       int64_t now_ms);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  bool NeedsPreparation() const override { return true; }
  void Prepare(store::StoreReader& reader, const Scope& scope) override;
  bool Stale(store::StoreReader& r, const Scope& scope) const override;
  bool BasedOnCurrent(Snapshot& read) const override;
  Status Applies(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;

 private:
  using Generation = codegen::CodegenResult<codegen::GeneratedModels>;

  std::string app_id_, environment_, api_name_;
  int64_t now_ms_;
  // What Prepare made: the schema version it read, and the generation (null before).
  int64_t schema_version_ = 0;
  std::shared_ptr<const Generation> generation_;
};

}  // namespace amplify::service
