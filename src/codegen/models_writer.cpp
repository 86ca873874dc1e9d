#include "codegen/models_writer.h"

#include "codegen/json_text.h"
#include "codegen/model_builder.h"
#include "codegen/model_metadata_writer.h"

namespace amplify::codegen {
namespace {

constexpr std::string_view kCodegenVersion = "3.4.4";

}  // namespace

CodegenResult<std::string> WriteDataStoreSchema(const SchemaModel& schema) {
  std::string out;
  out.reserve(EstimatedMetadataSize(schema));
  out += "export const schema = ";
  JsonTextWriter json(out);
  ModelMetadataWriter metadata(schema, MetadataTarget::kDataStore, json, nullptr);
  // generateMetadata's key order: models, enums, nonModels, codegenVersion, version.
  json.BeginObject();
  if (!metadata.WriteModels()) return *metadata.error();
  metadata.WriteEnums();
  if (!metadata.WriteNonModels()) return *metadata.error();
  json.Member("codegenVersion", kCodegenVersion);
  json.Member("version", ComputeModelsVersion(schema));
  json.EndObject();
  out += ';';
  return out;
}

}  // namespace amplify::codegen
