#include "codegen/introspection_writer.h"

#include "codegen/conversation_models_writer.h"
#include "codegen/introspection_validation.h"
#include "codegen/json_text.h"
#include "codegen/model_metadata_writer.h"

namespace amplify::codegen {
namespace {

bool HasDirective(const CodeGenField& field, std::string_view name) {
  for (const CodeGenDirective& directive : field.directives) {
    if (directive.name == name) return true;
  }
  return false;
}

bool IsUnionOrInterface(TypeKind kind) {
  return kind == TypeKind::kUnion || kind == TypeKind::kInterface;
}

// Which operations a section of generateModelIntrospectionSchema takes.
enum class OperationFilter {
  kAll,
  kWithoutGeneration,    // queries
  kGenerationOnly,       // generations
  kWithoutConversation,  // mutations
};

bool Passes(const CodeGenField& operation, OperationFilter filter) {
  switch (filter) {
    case OperationFilter::kAll:
      return true;
    case OperationFilter::kWithoutGeneration:
      return !HasDirective(operation, "generation");
    case OperationFilter::kGenerationOnly:
      return HasDirective(operation, "generation");
    case OperationFilter::kWithoutConversation:
      return !HasDirective(operation, "conversation");
  }
  return true;
}

size_t EstimatedSize(const SchemaModel& schema) {
  size_t size = EstimatedMetadataSize(schema) + 256 * schema.models.size();
  size += 512 * (schema.queries.size() + schema.mutations.size() + schema.subscriptions.size());
  for (const CodeGenInputObject& input : schema.inputs.items()) {
    size += 128 + 160 * input.input_values.size();
  }
  return size;
}

class IntrospectionWriter {
 public:
  IntrospectionWriter(const SchemaModel& schema, std::string& out)
      : schema_(schema), json_(out), metadata_(schema, kTarget, json_, &validation_) {}

  // The first error the reference would throw, or nothing when the JSON is complete.
  std::optional<CodegenError> Write();

 private:
  static constexpr MetadataTarget kTarget = MetadataTarget::kIntrospection;

  bool WriteOperationSection(const OrderedMap<CodeGenField>& operations, std::string_view key,
                             SchemaSection section, OperationFilter filter);
  bool WriteConversationSection();
  bool WriteInputSection();
  bool WriteOperation(const CodeGenField& operation, TypeKind kind, SchemaSection section,
                      const std::string& path, const std::string* type_override);
  bool WriteArguments(const std::vector<CodeGenInputValue>& arguments, SchemaSection section,
                      const std::string& path);
  bool Fail(CodegenError error) {
    error_ = std::move(error);
    return false;
  }

  const SchemaModel& schema_;
  JsonTextWriter json_;
  IntrospectionValidation validation_;
  ModelMetadataWriter metadata_;
  std::optional<CodegenError> error_;
};

std::optional<CodegenError> IntrospectionWriter::Write() {
  json_.BeginObject();
  json_.Key("version");
  json_.Number(1);
  if (!metadata_.WriteModels()) return metadata_.error();
  metadata_.WriteEnums();
  if (!metadata_.WriteNonModels()) return metadata_.error();
  bool written = WriteOperationSection(schema_.queries, "queries", SchemaSection::kQueries,
                                       OperationFilter::kWithoutGeneration) &&
                 WriteOperationSection(schema_.queries, "generations", SchemaSection::kGenerations,
                                       OperationFilter::kGenerationOnly) &&
                 WriteOperationSection(schema_.mutations, "mutations", SchemaSection::kMutations,
                                       OperationFilter::kWithoutConversation) &&
                 WriteConversationSection() &&
                 WriteOperationSection(schema_.subscriptions, "subscriptions",
                                       SchemaSection::kSubscriptions, OperationFilter::kAll) &&
                 WriteInputSection();
  if (!written) return error_;
  json_.EndObject();
  return validation_.FirstError();
}

// A section appears only when it has an entry; operations returning a union or an interface
// are left out.
bool IntrospectionWriter::WriteOperationSection(const OrderedMap<CodeGenField>& operations,
                                                std::string_view key, SchemaSection section,
                                                OperationFilter filter) {
  bool opened = false;
  for (const CodeGenField& operation : operations.items()) {
    TypeKind kind = ResolveTypeKind(schema_, operation.type, kTarget);
    if (kind == TypeKind::kUnknown)
      return Fail(UnknownTypeError(operation.type, kTarget, operation.location));
    if (IsUnionOrInterface(kind) || !Passes(operation, filter)) continue;
    if (!opened) {
      json_.Key(key);
      json_.BeginObject();
      opened = true;
    }
    json_.Key(operation.name);
    std::string path = "/" + std::string(key) + "/" + operation.name;
    if (!WriteOperation(operation, kind, section, path, nullptr)) return false;
  }
  if (opened) json_.EndObject();
  return true;
}

bool IntrospectionWriter::WriteConversationSection() {
  bool opened = false;
  for (const CodeGenField& mutation : schema_.mutations.items()) {
    if (!HasDirective(mutation, "conversation")) continue;
    if (!opened) {
      json_.Key("conversations");
      json_.BeginObject();
      opened = true;
    }
    json_.Key(mutation.name);
    ConversationModelNames names = NamesOfConversationModels(mutation.name);
    auto write_send = [&] {
      TypeKind kind = ResolveTypeKind(schema_, mutation.type, kTarget);
      if (kind == TypeKind::kUnknown)
        return Fail(UnknownTypeError(mutation.type, kTarget, mutation.location));
      std::string path = "/conversations/" + mutation.name + "/message/send";
      return WriteOperation(mutation, TypeKind::kModel, SchemaSection::kConversations, path,
                            &names.message_model);
    };
    if (!WriteConversationsEntry(json_, mutation.name, names, write_send)) return false;
  }
  if (opened) json_.EndObject();
  return true;
}

// generateGraphQLInputMetadata: every input with its fields as `attributes`.
bool IntrospectionWriter::WriteInputSection() {
  if (schema_.inputs.empty()) return true;
  json_.Key("inputs");
  json_.BeginObject();
  for (const CodeGenInputObject& input : schema_.inputs.items()) {
    json_.Key(input.name);
    json_.BeginObject();
    json_.Member("name", input.name);
    json_.Key("attributes");
    if (!WriteArguments(input.input_values, SchemaSection::kInputs,
                        "/inputs/" + input.name + "/attributes")) {
      return false;
    }
    json_.EndObject();
  }
  json_.EndObject();
  return true;
}

// generateGraphQLOperationMetadata; a conversation's `send` has its type replaced by the
// message model (`type_override`).
bool IntrospectionWriter::WriteOperation(const CodeGenField& operation, TypeKind kind,
                                         SchemaSection section, const std::string& path,
                                         const std::string* type_override) {
  const std::string& type_name = type_override ? *type_override : operation.type;
  validation_.Check(section, TypeSlot::kField, kind, [&] { return path + "/type"; });
  json_.BeginObject();
  json_.Member("name", operation.name);
  json_.Member("isArray", operation.is_list);
  json_.Key("type");
  WriteTypeValue(json_, kind, type_name);
  json_.Member("isRequired", !operation.is_nullable);
  if (operation.is_list_nullable) json_.Member("isArrayNullable", *operation.is_list_nullable);
  if (!operation.parameters.empty()) {
    json_.Key("arguments");
    if (!WriteArguments(operation.parameters, section, path + "/arguments")) return false;
  }
  json_.EndObject();
  return true;
}

// Arguments and input attributes: {name, isArray, type, isRequired, isArrayNullable?} keyed by
// name (`{...acc, [name]: …}`).
bool IntrospectionWriter::WriteArguments(const std::vector<CodeGenInputValue>& arguments,
                                         SchemaSection section, const std::string& path) {
  std::vector<std::string_view> names;
  std::vector<TypeKind> kinds;
  names.reserve(arguments.size());
  kinds.reserve(arguments.size());
  for (const CodeGenInputValue& argument : arguments) {
    TypeKind kind = ResolveTypeKind(schema_, argument.type, kTarget);
    if (kind == TypeKind::kUnknown) return Fail(UnknownTypeError(argument.type, kTarget));
    names.push_back(argument.name);
    kinds.push_back(kind);
  }
  json_.BeginObject();
  for (size_t index : JsObjectKeyOrder(names, KeyAssignment::kSpread)) {
    const CodeGenInputValue& argument = arguments[index];
    validation_.Check(section, TypeSlot::kInput, kinds[index],
                      [&] { return path + "/" + argument.name + "/type"; });
    json_.Key(argument.name);
    json_.BeginObject();
    json_.Member("name", argument.name);
    json_.Member("isArray", argument.is_list);
    json_.Key("type");
    WriteTypeValue(json_, kinds[index], argument.type);
    json_.Member("isRequired", !argument.is_nullable);
    if (argument.is_list_nullable) json_.Member("isArrayNullable", *argument.is_list_nullable);
    json_.EndObject();
  }
  json_.EndObject();
  return true;
}

}  // namespace

CodegenResult<std::string> WriteModelIntrospectionSchema(const SchemaModel& schema) {
  std::string out;
  out.reserve(EstimatedSize(schema));
  IntrospectionWriter writer(schema, out);
  if (auto error = writer.Write()) return *std::move(error);
  return out;
}

}  // namespace amplify::codegen
