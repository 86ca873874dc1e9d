#include "codegen/model_metadata_writer.h"

#include "codegen/model_builder.h"

namespace amplify::codegen {
namespace {

std::string_view ConnectionTypeName(ConnectionType kind) {
  switch (kind) {
    case ConnectionType::HasOne:
      return "HAS_ONE";
    case ConnectionType::BelongsTo:
      return "BELONGS_TO";
    case ConnectionType::HasMany:
      return "HAS_MANY";
  }
  return "HAS_MANY";
}

const CodeGenField* PrimaryKeyField(const CodeGenModel& model) {
  for (const CodeGenField& field : model.fields) {
    if (field.primary_key_info) return &field;
  }
  return nullptr;
}

}  // namespace

size_t EstimatedMetadataSize(const SchemaModel& schema) {
  size_t size = 1024;
  for (const CodeGenModel& model : schema.models.items()) size += 2048 + 512 * model.fields.size();
  for (const CodeGenModel& type : schema.non_models.items()) size += 256 + 384 * type.fields.size();
  for (const CodeGenEnum& type : schema.enums.items()) size += 128 + 32 * type.values.size();
  return size;
}

bool ModelMetadataWriter::WriteModels() {
  json_.Key("models");
  json_.BeginObject();
  for (const CodeGenModel& model : schema_.models.items()) {
    json_.Key(model.name);
    if (!WriteObjectType(model, /*is_model=*/true)) return false;
  }
  json_.EndObject();
  return true;
}

bool ModelMetadataWriter::WriteNonModels() {
  json_.Key("nonModels");
  json_.BeginObject();
  for (const CodeGenModel& non_model : schema_.non_models.items()) {
    json_.Key(non_model.name);
    if (!WriteObjectType(non_model, /*is_model=*/false)) return false;
  }
  json_.EndObject();
  return true;
}

void ModelMetadataWriter::WriteEnums() {
  json_.Key("enums");
  json_.BeginObject();
  for (const CodeGenEnum& enum_type : schema_.enums.items()) {
    json_.Key(enum_type.name);
    json_.BeginObject();
    json_.Member("name", enum_type.name);
    json_.Key("values");
    json_.StringArray(enum_type.values);
    json_.EndObject();
  }
  json_.EndObject();
}

// generateModelMetadata / generateNonModelMetadata.
bool ModelMetadataWriter::WriteObjectType(const CodeGenModel& model, bool is_model) {
  json_.BeginObject();
  json_.Member("name", model.name);
  json_.Key("fields");
  if (!WriteFields(model, is_model)) return false;
  if (is_model) {
    json_.Member("syncable", true);
    json_.Member("pluralName", PluralizeModelName(model.name));
    WriteModelAttributes(model);
    if (target_ == MetadataTarget::kIntrospection && !WritePrimaryKeyInfo(model)) return false;
  }
  json_.EndObject();
  return true;
}

bool ModelMetadataWriter::WriteFields(const CodeGenModel& model, bool is_model) {
  std::vector<std::string_view> names;
  std::vector<const CodeGenField*> kept;
  std::vector<TypeKind> kinds;
  names.reserve(model.fields.size());
  kept.reserve(model.fields.size());
  kinds.reserve(model.fields.size());
  for (const CodeGenField& field : model.fields) {
    TypeKind kind = ResolveTypeKind(schema_, field.type, target_);
    if (kind == TypeKind::kUnknown) {
      error_ = UnknownTypeError(field.type, target_, field.location);
      return false;
    }
    // The introspection target leaves out union- and interface-typed fields.
    if (kind == TypeKind::kUnion || kind == TypeKind::kInterface) continue;
    names.push_back(field.name);
    kept.push_back(&field);
    kinds.push_back(kind);
  }
  json_.BeginObject();
  for (size_t index : JsObjectKeyOrder(names, KeyAssignment::kAssign)) {
    const CodeGenField& field = *kept[index];
    if (validation_ != nullptr) {
      validation_->Check(is_model ? SchemaSection::kModels : SchemaSection::kNonModels,
                         TypeSlot::kField, kinds[index], [&] {
                           return (is_model ? "/models/" : "/nonModels/") + model.name +
                                  "/fields/" + field.name + "/type";
                         });
    }
    json_.Key(field.name);
    WriteField(field, kinds[index]);
  }
  json_.EndObject();
  return true;
}

void ModelMetadataWriter::WriteField(const CodeGenField& field, TypeKind kind) {
  json_.BeginObject();
  json_.Member("name", field.name);
  json_.Member("isArray", field.is_list);
  json_.Key("type");
  WriteTypeValue(json_, kind, field.type);
  json_.Member("isRequired", !field.is_nullable);
  json_.Key("attributes");
  json_.BeginArray();
  json_.EndArray();
  if (field.is_list_nullable) json_.Member("isArrayNullable", *field.is_list_nullable);
  if (field.is_read_only) json_.Member("isReadOnly", *field.is_read_only);
  if (field.connection_info) {
    json_.Key("association");
    WriteAssociation(*field.connection_info);
  }
  json_.EndObject();
}

// getFieldAssociation, in the custom-primary-key form: transformer v2 with
// respectPrimaryKeyAttributesOnConnectionField, the options every target here runs with.
void ModelMetadataWriter::WriteAssociation(const CodeGenFieldConnection& connection) {
  json_.BeginObject();
  json_.Member("connectionType", ConnectionTypeName(connection.kind));
  if (connection.kind != ConnectionType::BelongsTo) {
    json_.Key("associatedWith");
    json_.StringArray(connection.associated_with_fields);
  }
  if (connection.kind != ConnectionType::HasMany) {
    if (connection.target_names) {
      json_.Key("targetNames");
      json_.StringArray(*connection.target_names);
    } else if (connection.kind == ConnectionType::HasOne &&
               target_ == MetadataTarget::kIntrospection) {
      // The introspection visitor writes `targetNames ?? []` for HAS_ONE.
      json_.Key("targetNames");
      json_.BeginArray();
      json_.EndArray();
    }
  }
  json_.EndObject();
}

// generateModelAttributes: each model directive as {type, properties}.
void ModelMetadataWriter::WriteModelAttributes(const CodeGenModel& model) {
  json_.Key("attributes");
  json_.BeginArray();
  for (const CodeGenDirective& directive : model.directives) {
    json_.BeginObject();
    json_.Member("type", directive.name);
    json_.Key("properties");
    json_.Object(directive.arguments);
    json_.EndObject();
  }
  json_.EndArray();
}

bool ModelMetadataWriter::WritePrimaryKeyInfo(const CodeGenModel& model) {
  const CodeGenField* key_field = PrimaryKeyField(model);
  if (key_field == nullptr) {
    error_ = CodegenError{"No primary key found for model " + model.name, std::nullopt};
    return false;
  }
  const CodeGenPrimaryKeyFieldInfo& info = *key_field->primary_key_info;
  json_.Key("primaryKeyInfo");
  json_.BeginObject();
  json_.Member("isCustomPrimaryKey", info.primary_key_type == PrimaryKeyType::CustomId);
  json_.Member("primaryKeyFieldName", key_field->name);
  json_.Key("sortKeyFieldNames");
  json_.StringArray(info.sort_key_fields);
  json_.EndObject();
  return true;
}

}  // namespace amplify::codegen
