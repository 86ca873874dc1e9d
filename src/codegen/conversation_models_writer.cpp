#include "codegen/conversation_models_writer.h"

#include <optional>

#include "codegen/model_builder.h"
#include "codegen/name_case.h"

namespace amplify::codegen {
namespace {

struct FieldShape {
  bool is_array = false;
  bool is_required = false;
  std::optional<bool> is_read_only;
  std::optional<bool> is_array_nullable;
};

FieldShape Required() { return {false, true, std::nullopt, std::nullopt}; }
FieldShape ReadOnly() { return {false, false, true, std::nullopt}; }
FieldShape List(std::optional<bool> is_array_nullable) {
  return {true, false, std::nullopt, is_array_nullable};
}

// process-conversation.js generateField: {name, type, attributes, isArray, isRequired,
// isReadOnly?, isArrayNullable?}. The caller closes the object (associations follow).
void OpenField(JsonTextWriter& json, std::string_view name, std::string_view type_key,
               std::string_view type, FieldShape shape) {
  json.Key(name);
  json.BeginObject();
  json.Member("name", name);
  json.Key("type");
  if (type_key.empty()) {
    json.String(type);
  } else {
    json.BeginObject();
    json.Member(type_key, type);
    json.EndObject();
  }
  json.Key("attributes");
  json.BeginArray();
  json.EndArray();
  json.Member("isArray", shape.is_array);
  json.Member("isRequired", shape.is_required);
  if (shape.is_read_only) json.Member("isReadOnly", *shape.is_read_only);
  if (shape.is_array && shape.is_array_nullable) {
    json.Member("isArrayNullable", *shape.is_array_nullable);
  }
}

void ScalarField(JsonTextWriter& json, std::string_view name, std::string_view type,
                 FieldShape shape = {}) {
  OpenField(json, name, "", type, shape);
  json.EndObject();
}

void TimestampField(JsonTextWriter& json, std::string_view name) {
  ScalarField(json, name, "AWSDateTime", ReadOnly());
}

void Association(JsonTextWriter& json, std::string_view connection_type,
                 std::string_view names_key) {
  json.Key("association");
  json.BeginObject();
  json.Member("connectionType", connection_type);
  json.Key(names_key);
  json.BeginArray();
  json.String("conversationId");
  json.EndArray();
  json.EndObject();
}

void OwnerAuthAttribute(JsonTextWriter& json) {
  json.BeginObject();
  json.Member("type", "auth");
  json.Key("properties");
  json.BeginObject();
  json.Key("rules");
  json.BeginArray();
  json.BeginObject();
  json.Member("provider", "userPools");
  json.Member("ownerField", "owner");
  json.Member("allow", "owner");
  json.Member("identityClaim", "cognito:username");
  json.Key("operations");
  json.BeginArray();
  for (const char* operation : {"create", "update", "delete", "read"}) json.String(operation);
  json.EndArray();
  json.EndObject();
  json.EndArray();
  json.EndObject();
  json.EndObject();
}

// The members after `fields`: syncable, pluralName, attributes (the model attribute is
// written by `write_model_properties`, then the owner auth rule) and primaryKeyInfo.
template <class WriteModelProperties>
void CloseModel(JsonTextWriter& json, const std::string& model_name,
                WriteModelProperties write_model_properties) {
  json.Member("syncable", true);
  json.Member("pluralName", PluralizeModelName(model_name));
  json.Key("attributes");
  json.BeginArray();
  json.BeginObject();
  json.Member("type", "model");
  json.Key("properties");
  json.BeginObject();
  write_model_properties();
  json.EndObject();
  json.EndObject();
  OwnerAuthAttribute(json);
  json.EndArray();
  json.Key("primaryKeyInfo");
  json.BeginObject();
  json.Member("isCustomPrimaryKey", false);
  json.Member("primaryKeyFieldName", "id");
  json.Key("sortKeyFieldNames");
  json.BeginArray();
  json.EndArray();
  json.EndObject();
  json.EndObject();
}

void ConversationModel(JsonTextWriter& json, const ConversationModelNames& names) {
  json.Key(names.conversation_model);
  json.BeginObject();
  json.Member("name", names.conversation_model);
  json.Key("fields");
  json.BeginObject();
  ScalarField(json, "id", "ID", Required());
  ScalarField(json, "name", "String");
  ScalarField(json, "metadata", "AWSJSON");
  OpenField(json, "messages", "model", names.message_model, List(true));
  Association(json, "HAS_MANY", "associatedWith");
  json.EndObject();
  TimestampField(json, "createdAt");
  TimestampField(json, "updatedAt");
  ScalarField(json, "owner", "String");
  json.EndObject();
  CloseModel(json, names.conversation_model, [&] {
    json.Key("subscriptions");
    json.BeginObject();
    json.Member("level", "off");
    json.EndObject();
    json.Key("mutations");
    json.BeginObject();
    json.Key("update");
    json.Null();
    json.EndObject();
  });
}

void MessageModel(JsonTextWriter& json, const ConversationModelNames& names) {
  json.Key(names.message_model);
  json.BeginObject();
  json.Member("name", names.message_model);
  json.Key("fields");
  json.BeginObject();
  ScalarField(json, "id", "ID", Required());
  ScalarField(json, "conversationId", "ID", Required());
  OpenField(json, "conversation", "model", names.conversation_model, {});
  Association(json, "BELONGS_TO", "targetNames");
  json.EndObject();
  OpenField(json, "role", "enum", "AmplifyAIConversationParticipantRole", {});
  json.EndObject();
  OpenField(json, "content", "nonModel", "AmplifyAIContentBlock", List(std::nullopt));
  json.EndObject();
  ScalarField(json, "aiContext", "AWSJSON");
  OpenField(json, "toolConfiguration", "nonModel", "AmplifyAIToolConfiguration", List(true));
  json.EndObject();
  TimestampField(json, "createdAt");
  TimestampField(json, "updatedAt");
  json.EndObject();
  CloseModel(json, names.message_model, [&] {
    json.Key("subscriptions");
    json.BeginObject();
    json.EndObject();
  });
}

void SubscribeOperation(JsonTextWriter& json, const ConversationModelNames& names) {
  json.BeginObject();
  json.Member("isArray", false);
  json.Member("isRequired", false);
  json.Member("name", "onCreateAssistantResponse" + names.route);
  json.Key("type");
  json.BeginObject();
  json.Member("nonModel", "AmplifyAIConversationMessageStreamPart");
  json.EndObject();
  json.Key("arguments");
  json.BeginObject();
  json.Key("conversationId");
  json.BeginObject();
  json.Member("name", "conversationId");
  json.Member("isArray", false);
  json.Member("isRequired", true);
  json.Member("type", "ID");
  json.EndObject();
  json.EndObject();
  json.EndObject();
}

}  // namespace

ConversationModelNames NamesOfConversationModels(std::string_view mutation_name) {
  std::string route = PascalCase(mutation_name);
  return {route, "Conversation" + route, "ConversationMessage" + route};
}

bool WriteConversationsEntry(JsonTextWriter& json, std::string_view mutation_name,
                             const ConversationModelNames& names,
                             const std::function<bool()>& write_send) {
  json.BeginObject();
  json.Member("name", mutation_name);
  json.Key("models");
  json.BeginObject();
  ConversationModel(json, names);
  MessageModel(json, names);
  json.EndObject();
  json.Key("nonModels");
  json.BeginObject();
  json.EndObject();
  json.Key("enums");
  json.BeginObject();
  json.Key("ConversationParticipantRole");
  json.BeginObject();
  json.Member("name", "AmplifyAIConversationParticipantRole");
  json.Key("values");
  json.BeginArray();
  json.String("user");
  json.String("assistant");
  json.EndArray();
  json.EndObject();
  json.EndObject();
  json.Key("conversation");
  json.BeginObject();
  json.Member("modelName", names.conversation_model);
  json.EndObject();
  json.Key("message");
  json.BeginObject();
  json.Member("modelName", names.message_model);
  json.Key("send");
  if (!write_send()) return false;
  json.Key("subscribe");
  SubscribeOperation(json, names);
  json.EndObject();
  json.EndObject();
  return true;
}

}  // namespace amplify::codegen
