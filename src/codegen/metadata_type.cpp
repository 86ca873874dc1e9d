#include "codegen/metadata_type.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace amplify::codegen {
namespace {

// scalars/index.js METADATA_SCALAR_MAP: every supported scalar maps to its own name.
constexpr std::array<std::string_view, 14> kMetadataScalars = {
    "ID",      "Boolean", "String",   "AWSDate",      "AWSTime", "AWSDateTime", "AWSEmail",
    "AWSJSON", "AWSURL",  "AWSPhone", "AWSIPAddress", "Int",     "Float",       "AWSTimestamp"};

bool IsMetadataScalar(std::string_view name) {
  return std::find(kMetadataScalars.begin(), kMetadataScalars.end(), name) !=
         kMetadataScalars.end();
}

void WriteSingleMemberObject(JsonTextWriter& json, std::string_view key, const std::string& value) {
  json.BeginObject();
  json.Member(key, value);
  json.EndObject();
}

}  // namespace

TypeKind ResolveTypeKind(const SchemaModel& schema, const std::string& type_name,
                         MetadataTarget target) {
  if (IsMetadataScalar(type_name)) return TypeKind::kScalar;
  if (schema.enums.Contains(type_name)) return TypeKind::kEnum;
  if (schema.non_models.Contains(type_name)) return TypeKind::kNonModel;
  if (schema.models.Contains(type_name)) return TypeKind::kModel;
  if (target == MetadataTarget::kDataStore) return TypeKind::kUnknown;
  if (schema.inputs.Contains(type_name)) return TypeKind::kInput;
  if (schema.unions.Contains(type_name)) return TypeKind::kUnion;
  if (schema.interfaces.Contains(type_name)) return TypeKind::kInterface;
  return TypeKind::kUnknown;
}

void WriteTypeValue(JsonTextWriter& json, TypeKind kind, const std::string& type_name) {
  switch (kind) {
    case TypeKind::kScalar:
      json.String(type_name);
      return;
    case TypeKind::kEnum:
      WriteSingleMemberObject(json, "enum", type_name);
      return;
    case TypeKind::kNonModel:
      WriteSingleMemberObject(json, "nonModel", type_name);
      return;
    case TypeKind::kModel:
      WriteSingleMemberObject(json, "model", type_name);
      return;
    case TypeKind::kInput:
      WriteSingleMemberObject(json, "input", type_name);
      return;
    case TypeKind::kUnion:
      WriteSingleMemberObject(json, "union", type_name);
      return;
    case TypeKind::kInterface:
      WriteSingleMemberObject(json, "interface", type_name);
      return;
    case TypeKind::kUnknown:
      json.Null();
      return;  // callers report an error instead
  }
}

CodegenError UnknownTypeError(const std::string& type_name, MetadataTarget target,
                              SourceLocation where) {
  std::optional<SourceLocation> location;
  if (where.line > 0) location = where;
  if (target == MetadataTarget::kDataStore) return {"Unknown type " + type_name, location};
  return {"Unknown type " + type_name + " found during model introspection schema generation",
          location};
}

std::vector<size_t> JsObjectKeyOrder(const std::vector<std::string_view>& names,
                                     KeyAssignment assignment) {
  std::vector<size_t> order;
  order.reserve(names.size());
  if (names.size() <= 32) {  // a scan is cheaper than hashing for the usual handful of fields
    for (size_t i = 0; i < names.size(); ++i) {
      if (assignment == KeyAssignment::kAssign && names[i] == "__proto__") continue;
      auto same = std::find_if(order.begin(), order.end(),
                               [&](size_t kept) { return names[kept] == names[i]; });
      if (same == order.end()) {
        order.push_back(i);
      } else {
        *same = i;
      }
    }
    return order;
  }
  std::unordered_map<std::string_view, size_t> slot_of_name;  // name → position in `order`
  slot_of_name.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    if (assignment == KeyAssignment::kAssign && names[i] == "__proto__") continue;
    auto [it, inserted] = slot_of_name.emplace(names[i], order.size());
    if (inserted) {
      order.push_back(i);
    } else {
      order[it->second] = i;
    }
  }
  return order;
}

}  // namespace amplify::codegen
