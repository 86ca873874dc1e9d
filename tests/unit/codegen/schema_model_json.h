#pragma once
// The SchemaModel as JSON, in the shape model_builder_golden/dump_visitor.js dumps the reference
// visitor's state, so the two compare member by member.
#include <boost/json.hpp>
#include <string>

#include "codegen/codegen_model.h"
#include "codegen/model_builder.h"

namespace amplify::codegen::testing {

inline void AddTypeInfo(boost::json::object& out, const TypeInfo& info) {
  out["type"] = info.type;
  out["isList"] = info.is_list;
  out["isNullable"] = info.is_nullable;
  if (info.is_list_nullable) out["isListNullable"] = *info.is_list_nullable;
}

inline boost::json::array DirectivesJson(const std::vector<CodeGenDirective>& directives) {
  boost::json::array out;
  for (const CodeGenDirective& directive : directives) {
    boost::json::object item;
    item["name"] = directive.name;
    item["arguments"] = directive.arguments;
    if (directive.flattened) item["flattened"] = true;
    out.push_back(std::move(item));
  }
  return out;
}

inline boost::json::array Strings(const std::vector<std::string>& names) {
  boost::json::array out;
  for (const std::string& name : names) out.emplace_back(boost::json::string(name));
  return out;
}

inline const char* KindName(ConnectionType kind) {
  switch (kind) {
    case ConnectionType::HasOne: return "HAS_ONE";
    case ConnectionType::BelongsTo: return "BELONGS_TO";
    case ConnectionType::HasMany: return "HAS_MANY";
  }
  return "";
}

inline const char* PrimaryKeyTypeName(PrimaryKeyType type) {
  switch (type) {
    case PrimaryKeyType::ManagedId: return "ManagedId";
    case PrimaryKeyType::OptionallyManagedId: return "OptionallyManagedId";
    case PrimaryKeyType::CustomId: return "CustomId";
  }
  return "";
}

inline boost::json::object InputValueJson(const CodeGenInputValue& value) {
  boost::json::object out;
  out["name"] = value.name;
  AddTypeInfo(out, value);
  out["directives"] = DirectivesJson(value.directives);
  return out;
}

inline boost::json::object FieldJson(const CodeGenField& field) {
  boost::json::object out;
  out["name"] = field.name;
  AddTypeInfo(out, field);
  out["directives"] = DirectivesJson(field.directives);
  if (!field.parameters.empty()) {
    boost::json::array parameters;
    for (const CodeGenInputValue& parameter : field.parameters) {
      parameters.push_back(InputValueJson(parameter));
    }
    out["parameters"] = std::move(parameters);
  }
  if (field.is_read_only) out["isReadOnly"] = *field.is_read_only;
  if (field.primary_key_info) {
    boost::json::object key;
    key["primaryKeyType"] = PrimaryKeyTypeName(field.primary_key_info->primary_key_type);
    key["sortKeyFields"] = Strings(field.primary_key_info->sort_key_fields);
    out["primaryKeyInfo"] = std::move(key);
  }
  if (const auto& c = field.connection_info) {
    boost::json::object connection;
    connection["kind"] = KindName(c->kind);
    connection["connectedModel"] = c->connected_model;
    connection["isConnectingFieldAutoCreated"] = c->is_connecting_field_auto_created;
    if (c->kind != ConnectionType::BelongsTo) {
      connection["associatedWith"] = c->associated_with;
      connection["associatedWithFields"] = Strings(c->associated_with_fields);
    }
    if (c->target_name) connection["targetName"] = *c->target_name;
    if (c->target_names) connection["targetNames"] = Strings(*c->target_names);
    if (c->is_using_references) connection["isUsingReferences"] = true;
    out["connectionInfo"] = std::move(connection);
  }
  return out;
}

inline boost::json::array FieldsJson(const std::vector<CodeGenField>& fields) {
  boost::json::array out;
  for (const CodeGenField& field : fields) out.push_back(FieldJson(field));
  return out;
}

inline boost::json::array ModelsJson(const OrderedMap<CodeGenModel>& models) {
  boost::json::array out;
  for (const CodeGenModel& model : models.items()) {
    boost::json::object item;
    item["name"] = model.name;
    item["directives"] = DirectivesJson(model.directives);
    item["fields"] = FieldsJson(model.fields);
    out.push_back(std::move(item));
  }
  return out;
}

inline boost::json::array OperationsJson(const OrderedMap<CodeGenField>& operations) {
  boost::json::array out;
  for (const CodeGenField& field : operations.items()) out.push_back(FieldJson(field));
  return out;
}

inline boost::json::object SchemaModelJson(const SchemaModel& schema) {
  boost::json::object out;
  out["models"] = ModelsJson(schema.models);
  out["nonModels"] = ModelsJson(schema.non_models);
  boost::json::array enums;
  for (const CodeGenEnum& item : schema.enums.items()) {
    enums.push_back(boost::json::object{{"name", item.name}, {"values", Strings(item.values)}});
  }
  out["enums"] = std::move(enums);
  out["queries"] = OperationsJson(schema.queries);
  out["mutations"] = OperationsJson(schema.mutations);
  out["subscriptions"] = OperationsJson(schema.subscriptions);
  boost::json::array inputs;
  for (const CodeGenInputObject& input : schema.inputs.items()) {
    boost::json::array values;
    for (const CodeGenInputValue& value : input.input_values) values.push_back(InputValueJson(value));
    inputs.push_back(boost::json::object{{"name", input.name}, {"inputValues", std::move(values)}});
  }
  out["inputs"] = std::move(inputs);
  boost::json::array unions;
  for (const CodeGenUnion& item : schema.unions.items()) {
    unions.push_back(boost::json::object{{"name", item.name}, {"typeNames", Strings(item.type_names)}});
  }
  out["unions"] = std::move(unions);
  boost::json::array interfaces;
  for (const CodeGenInterface& item : schema.interfaces.items()) {
    interfaces.push_back(
        boost::json::object{{"name", item.name}, {"fields", FieldsJson(item.fields)}});
  }
  out["interfaces"] = std::move(interfaces);
  out["version"] = ComputeModelsVersion(schema);
  return out;
}

}  // namespace amplify::codegen::testing
