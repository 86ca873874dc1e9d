#pragma once
// The parts of the `models` and `modelIntrospectionSchema` strings both targets share: models,
// non-models and enums with their fields, types and associations (the reference plugin's
// appsync-json-metadata-visitor.js and appsync-model-introspection-visitor.js, which differ only
// in the details `MetadataTarget` selects).
#include <optional>
#include <string>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"
#include "codegen/introspection_validation.h"
#include "codegen/json_text.h"
#include "codegen/metadata_type.h"

namespace amplify::codegen {

// A generous guess at the bytes the models, non-models and enums take (an underestimate costs a
// copy of the whole text; unused reserve is never touched).
size_t EstimatedMetadataSize(const SchemaModel& schema);

class ModelMetadataWriter {
 public:
  ModelMetadataWriter(const SchemaModel& schema, MetadataTarget target, JsonTextWriter& json,
                      IntrospectionValidation* validation)
      : schema_(schema), target_(target), json_(json), validation_(validation) {}

  // The `"models": {…}`, `"nonModels": {…}` and `"enums": {…}` members. False once an error
  // stopped the writing (see error()).
  bool WriteModels();
  bool WriteNonModels();
  void WriteEnums();

  const std::optional<CodegenError>& error() const { return error_; }

 private:
  bool WriteObjectType(const CodeGenModel& model, bool is_model);
  bool WriteFields(const CodeGenModel& model, bool is_model);
  void WriteField(const CodeGenField& field, TypeKind kind);
  void WriteAssociation(const CodeGenFieldConnection& connection);
  void WriteModelAttributes(const CodeGenModel& model);
  bool WritePrimaryKeyInfo(const CodeGenModel& model);

  const SchemaModel& schema_;
  MetadataTarget target_;
  JsonTextWriter& json_;
  IntrospectionValidation* validation_;  // introspection target only
  std::optional<CodegenError> error_;
};

}  // namespace amplify::codegen
