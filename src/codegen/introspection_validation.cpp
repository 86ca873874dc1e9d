#include "codegen/introspection_validation.h"

#include "codegen/json_text.h"

namespace amplify::codegen {
namespace {

// ajv reports a failed anyOf with the errors of every branch, then the anyOf itself. The type
// values that can fail are all one-member objects, so each object branch fails on `required`.
void AppendAjvError(std::string& out, const std::string& instance_path,
                    std::string_view schema_path, std::string_view keyword, std::string_view params,
                    std::string_view message) {
  if (out.back() != '[') out += ',';
  out += "{\"instancePath\":";
  AppendJsonString(out, instance_path);
  out += ",\"schemaPath\":\"";
  out += schema_path;
  out += "\",\"keyword\":\"";
  out += keyword;
  out += "\",\"params\":";
  out += params;
  out += ",\"message\":\"";
  out += message;
  out += "\"}";
}

void AppendMissingPropertyError(std::string& out, const std::string& instance_path, int branch,
                                std::string_view property) {
  std::string params = "{\"missingProperty\":\"" + std::string(property) + "\"}";
  std::string message = "must have required property '" + std::string(property) + "'";
  AppendAjvError(out, instance_path, "#/anyOf/" + std::to_string(branch) + "/required", "required",
                 params, message);
}

}  // namespace

bool IntrospectionValidation::IsAllowed(TypeSlot slot, TypeKind kind) {
  switch (kind) {
    case TypeKind::kScalar:
    case TypeKind::kEnum:
      return true;
    case TypeKind::kModel:
    case TypeKind::kNonModel:
      return slot == TypeSlot::kField;
    case TypeKind::kInput:
      return slot == TypeSlot::kInput;
    default:
      return false;
  }
}

std::optional<CodegenError> IntrospectionValidation::FirstError() const {
  for (const auto& failure : failures_) {
    if (!failure) continue;
    const std::string& path = failure->instance_path;
    std::string errors = "[";
    AppendAjvError(errors, path, "#/definitions/ScalarType/type", "type", "{\"type\":\"string\"}",
                   "must be string");
    AppendAjvError(errors, path, "#/definitions/ScalarType/enum", "enum",
                   "{\"allowedValues\":[\"ID\",\"String\",\"Int\",\"Float\",\"AWSDate\","
                   "\"AWSTime\",\"AWSDateTime\",\"AWSTimestamp\",\"AWSEmail\",\"AWSURL\","
                   "\"AWSIPAddress\",\"Boolean\",\"AWSJSON\",\"AWSPhone\"]}",
                   "must be equal to one of the allowed values");
    AppendMissingPropertyError(errors, path, 1, "enum");
    if (failure->slot == TypeSlot::kField) {
      AppendMissingPropertyError(errors, path, 2, "model");
      AppendMissingPropertyError(errors, path, 3, "nonModel");
    } else {
      AppendMissingPropertyError(errors, path, 2, "input");
    }
    AppendAjvError(errors, path, "#/anyOf", "anyOf", "{}", "must match a schema in anyOf");
    errors += ']';
    return CodegenError{
        "Data did not validate against the supplied schema. Underlying errors were " + errors,
        std::nullopt};
  }
  return std::nullopt;
}

}  // namespace amplify::codegen
