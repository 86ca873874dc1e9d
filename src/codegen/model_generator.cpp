#include "codegen/model_generator.h"

#include <exception>
#include <new>
#include <optional>

#include "codegen/graphql_parser.h"
#include "codegen/introspection_writer.h"
#include "codegen/model_builder.h"
#include "codegen/models_writer.h"
#include "codegen/native_type_check.h"

namespace amplify::codegen {
namespace {

CodegenResult<GeneratedModels> Generate(std::string_view transform_schema) {
  CodegenResult<Document> document = ParseSdl(transform_schema);
  if (!document) return document.error();
  CodegenResult<SchemaModel> schema = BuildSchemaModel(document.value(), kIntrospectionMergePasses);
  if (!schema) return schema.error();
  // The javascript target merges repeated type definitions once per file it writes (four), the
  // introspection target once; only schemas that repeat a type can tell the difference.
  std::optional<CodegenResult<SchemaModel>> models_schema;
  if (MergePassesMatter(document.value())) {
    models_schema.emplace(BuildSchemaModel(document.value(), kModelsMergePasses));
    if (!*models_schema) return models_schema->error();
  }
  const SchemaModel& for_models = models_schema ? models_schema->value() : schema.value();
  if (auto error = CheckDeclarationFieldTypes(for_models, document.value())) return *error;
  // The reference runs the javascript target before the introspection one, so its errors win.
  CodegenResult<std::string> models = WriteDataStoreSchema(for_models);
  if (!models) return models.error();
  CodegenResult<std::string> introspection = WriteModelIntrospectionSchema(schema.value());
  if (!introspection) return introspection.error();
  return GeneratedModels{std::move(models).value(), std::move(introspection).value()};
}

}  // namespace

CodegenResult<GeneratedModels> GenerateModels(std::string_view transform_schema) {
  // The request path returns errors as values; nothing below should throw, but an allocation
  // failure or a bug must not take the server down either.
  try {
    return Generate(transform_schema);
  } catch (const std::bad_alloc&) {
    return CodegenError{"Model generation ran out of memory.", std::nullopt};
  } catch (const std::exception& error) {
    return CodegenError{std::string("Model generation failed: ") + error.what(), std::nullopt};
  }
}

}  // namespace amplify::codegen
