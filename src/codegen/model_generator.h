#pragma once
// GenerateBackendAPIModels' work: a transform schema in, the two strings Amplify's codegen
// writes out (docs/MODELS.md): `models` (DataStore schema.js) and
// `modelIntrospectionSchema` (model introspection JSON), byte for byte.
#include <string>
#include <string_view>

#include "codegen/codegen_error.h"

namespace amplify::codegen {

struct GeneratedModels {
  std::string models;
  std::string model_introspection_schema;
};

// Parses, validates and transforms `transform_schema` (Amplify transformer v2 directives) once
// and writes both strings. Invalid schemas give an error that says what and where.
CodegenResult<GeneratedModels> GenerateModels(std::string_view transform_schema);

}  // namespace amplify::codegen
