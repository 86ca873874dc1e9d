#include "codegen/connections.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/string.hpp>

#include "codegen/connection_kinds.h"
#include "codegen/directive_values.h"
#include "codegen/model_fields.h"

namespace amplify::codegen {
namespace {

// processConnectionsV2 looks at the field's first relationship directive.
const CodeGenDirective* RelationshipDirective(const CodeGenField& field) {
  for (const CodeGenDirective& directive : field.directives) {
    if (directive.name == "hasOne" || directive.name == "hasMany" ||
        directive.name == "belongsTo") {
      return &directive;
    }
  }
  return nullptr;
}

// process-has-many.js hasManyHasImplicitKey: no @belongsTo on the first field of the connected
// model that points back, and no indexName.
bool HasImplicitKey(const CodeGenField& field, const CodeGenModel& model,
                    const CodeGenModel& connected) {
  for (const CodeGenField& back : connected.fields) {
    if (back.type != model.name) continue;
    if (FindDirective(back.directives, "belongsTo") != nullptr) return false;
    break;
  }
  for (const CodeGenDirective& directive : field.directives) {
    if (directive.name == "hasMany" && IsTruthy(FindMember(directive.arguments, "indexName"))) {
      return false;
    }
  }
  return true;
}

// addHasManyKey: the connected model gets `key(name: "gsi-Model.field", fields: [...])`.
void AddHasManyKey(const CodeGenField& field, const CodeGenModel& model,
                   const CodeGenFieldConnection& connection, CodeGenModel& connected,
                   SourceLocation location) {
  boost::json::array fields;
  if (connection.associated_with_fields.empty()) {
    fields.emplace_back(boost::json::string(connection.associated_with));
  }
  for (const std::string& name : connection.associated_with_fields) {
    fields.emplace_back(boost::json::string(name));
  }
  CodeGenDirective key;
  key.name = "key";
  key.location = location;
  key.arguments["name"] = "gsi-" + model.name + "." + field.name;
  key.arguments["fields"] = std::move(fields);
  connected.directives.push_back(std::move(key));
}

// The foreign key fields a @hasOne or @belongsTo adds to its own model, typed like the
// connected model's key fields.
std::optional<CodegenError> AddTargetFields(CodeGenModel& model, size_t field_index,
                                            const CodeGenModel& connected,
                                            const std::vector<std::string>& targets) {
  std::vector<std::string> key_types;
  for (const CodeGenField* key : PrimaryKeyComponentFields(connected)) key_types.push_back(key->type);
  if (key_types.empty()) return std::nullopt;
  const CodeGenField& field = model.fields[field_index];
  bool is_nullable = field.is_nullable;
  SourceLocation location = field.location;
  if (targets.size() > key_types.size()) {
    return CodegenError{"The relationship on " + model.name + "." + field.name + " names " +
                            std::to_string(targets.size()) + " fields but " + connected.name +
                            " has a primary key of " + std::to_string(key_types.size()) + ".",
                        location};
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    CodeGenField target = MakeField(targets[i], key_types[i], is_nullable);
    target.location = location;
    AddFieldIfMissing(model, std::move(target));
  }
  return std::nullopt;
}

std::optional<CodegenError> ConnectField(SchemaModel& schema, size_t model_index,
                                         size_t field_index) {
  CodeGenModel& model = schema.models.items()[model_index];
  const CodeGenField& field = model.fields[field_index];
  const CodeGenDirective* directive = RelationshipDirective(field);
  if (directive == nullptr) return std::nullopt;
  CodeGenModel* connected = schema.models.Find(field.type);
  if (connected == nullptr) {
    return CodegenError{"@" + directive->name + " on " + model.name + "." + field.name +
                            " needs a @model type, but " + field.type + " is not one.",
                        directive->location};
  }
  CodegenResult<ConnectionResult> resolved = ResolveConnection(field, model, *connected, *directive);
  if (!resolved.ok()) return resolved.error();
  ConnectionResult& result = resolved.value();
  SourceLocation location = directive->location;
  if (result.info.kind == ConnectionType::HasMany) {
    for (CodeGenField& associated : result.associated_fields) {
      AddFieldIfMissing(*connected, std::move(associated));
    }
    const CodeGenField& current = model.fields[field_index];
    if (HasImplicitKey(current, model, *connected)) {
      AddHasManyKey(current, model, result.info, *connected, location);
    }
  } else if (result.info.target_names) {
    // HAS_ONE without references, and BELONGS_TO.
    if (auto error = AddTargetFields(model, field_index, *connected, *result.info.target_names)) {
      return error;
    }
  }
  model.fields[field_index].connection_info = std::move(result.info);
  return std::nullopt;
}

}  // namespace

std::optional<CodegenError> ProcessConnections(SchemaModel& schema) {
  const size_t model_count = schema.models.size();
  for (size_t model_index = 0; model_index < model_count; ++model_index) {
    // forEach visits the fields the model had when its loop started.
    const size_t field_count = schema.models.items()[model_index].fields.size();
    for (size_t field_index = 0; field_index < field_count; ++field_index) {
      if (auto error = ConnectField(schema, model_index, field_index)) return error;
    }
    // A field of a model type without a relationship is left out (the reference warns).
    std::vector<CodeGenField>& fields = schema.models.items()[model_index].fields;
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [&schema](const CodeGenField& field) {
                                  return !field.connection_info &&
                                         schema.models.Contains(field.type);
                                }),
                 fields.end());
  }
  return std::nullopt;
}

}  // namespace amplify::codegen
