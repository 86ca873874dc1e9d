#include "codegen/introspection_writer.h"

#include <gtest/gtest.h>

#include "codegen/conversation_models_writer.h"
#include "schema_model_fixture.h"

namespace amplify::codegen {
namespace {

using testing::ReadGolden;
using testing::Scalar;

TEST(IntrospectionWriterTest, WritesModelsWithPrimaryKeyInfo) {
  auto json = WriteModelIntrospectionSchema(testing::BlogSchema());
  ASSERT_TRUE(json.ok()) << json.error().ToString();
  EXPECT_EQ(json.value(), ReadGolden("blog.introspection.json"));
}

// Queries, generations, mutations, a @conversation mutation, subscriptions and inputs; the query
// returning a union is left out.
TEST(IntrospectionWriterTest, WritesOperationSectionsAsTheReference) {
  auto json = WriteModelIntrospectionSchema(testing::OperationsSchema());
  ASSERT_TRUE(json.ok()) << json.error().ToString();
  EXPECT_EQ(json.value(), ReadGolden("operations.introspection.json"));
}

TEST(IntrospectionWriterTest, EmptySectionsAreLeftOut) {
  auto json = WriteModelIntrospectionSchema(SchemaModel{});
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json.value(),
            "{\n    \"version\": 1,\n    \"models\": {},\n    \"enums\": {},\n"
            "    \"nonModels\": {}\n}");
}

TEST(IntrospectionWriterTest, UnknownOperationTypeIsTheReferenceError) {
  SchemaModel schema;
  schema.queries.Put("now", Scalar("now", "DateTime"));
  auto json = WriteModelIntrospectionSchema(schema);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().message,
            "Unknown type DateTime found during model introspection schema generation");
}

TEST(IntrospectionWriterTest, ModelWithoutPrimaryKeyIsAnError) {
  SchemaModel schema;
  schema.models.Put("Loose", testing::NonModel("Loose", {Scalar("id", "ID", true)}));
  auto json = WriteModelIntrospectionSchema(schema);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().message, "No primary key found for model Loose");
}

// What the reference's validator says for `type Query { q(a: Int): In }` with `input In`.
TEST(IntrospectionWriterTest, InputAsOperationTypeFailsValidationLikeTheReference) {
  SchemaModel schema;
  schema.inputs.Put("In", {"In", {}});
  CodeGenField query = Scalar("q", "In");
  query.parameters.push_back({});
  query.parameters.back().name = "a";
  query.parameters.back().type = "Int";
  schema.queries.Put("q", query);
  auto json = WriteModelIntrospectionSchema(schema);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(
      json.error().message,
      R"(Data did not validate against the supplied schema. Underlying errors were [{"instancePath":"/queries/q/type","schemaPath":"#/definitions/ScalarType/type","keyword":"type","params":{"type":"string"},"message":"must be string"},{"instancePath":"/queries/q/type","schemaPath":"#/definitions/ScalarType/enum","keyword":"enum","params":{"allowedValues":["ID","String","Int","Float","AWSDate","AWSTime","AWSDateTime","AWSTimestamp","AWSEmail","AWSURL","AWSIPAddress","Boolean","AWSJSON","AWSPhone"]},"message":"must be equal to one of the allowed values"},{"instancePath":"/queries/q/type","schemaPath":"#/anyOf/1/required","keyword":"required","params":{"missingProperty":"enum"},"message":"must have required property 'enum'"},{"instancePath":"/queries/q/type","schemaPath":"#/anyOf/2/required","keyword":"required","params":{"missingProperty":"model"},"message":"must have required property 'model'"},{"instancePath":"/queries/q/type","schemaPath":"#/anyOf/3/required","keyword":"required","params":{"missingProperty":"nonModel"},"message":"must have required property 'nonModel'"},{"instancePath":"/queries/q/type","schemaPath":"#/anyOf","keyword":"anyOf","params":{},"message":"must match a schema in anyOf"}])");
}

// `type Mutation { chat(a: T): String @conversation(aiModel: "x") }` with `type T @model`.
TEST(IntrospectionWriterTest, ModelAsArgumentTypeFailsValidationLikeTheReference) {
  SchemaModel schema = testing::OperationsSchema();
  CodeGenField chat = Scalar("chat", "String");
  chat.directives = {testing::Directive("conversation", R"({"aiModel":"x"})")};
  chat.parameters.push_back({});
  chat.parameters.back().name = "a";
  chat.parameters.back().type = "Todo";
  schema.mutations.Put("chat", chat);
  auto json = WriteModelIntrospectionSchema(schema);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(
      json.error().message,
      R"(Data did not validate against the supplied schema. Underlying errors were [{"instancePath":"/conversations/chat/message/send/arguments/a/type","schemaPath":"#/definitions/ScalarType/type","keyword":"type","params":{"type":"string"},"message":"must be string"},{"instancePath":"/conversations/chat/message/send/arguments/a/type","schemaPath":"#/definitions/ScalarType/enum","keyword":"enum","params":{"allowedValues":["ID","String","Int","Float","AWSDate","AWSTime","AWSDateTime","AWSTimestamp","AWSEmail","AWSURL","AWSIPAddress","Boolean","AWSJSON","AWSPhone"]},"message":"must be equal to one of the allowed values"},{"instancePath":"/conversations/chat/message/send/arguments/a/type","schemaPath":"#/anyOf/1/required","keyword":"required","params":{"missingProperty":"enum"},"message":"must have required property 'enum'"},{"instancePath":"/conversations/chat/message/send/arguments/a/type","schemaPath":"#/anyOf/2/required","keyword":"required","params":{"missingProperty":"input"},"message":"must have required property 'input'"},{"instancePath":"/conversations/chat/message/send/arguments/a/type","schemaPath":"#/anyOf","keyword":"anyOf","params":{},"message":"must match a schema in anyOf"}])");
}

// process-conversation.js: the route name is pascalCase(mutation name), the models are named
// after it.
TEST(IntrospectionWriterTest, ConversationModelNamesFollowTheRouteName) {
  ConversationModelNames names = NamesOfConversationModels("sendMessageV2_to3Things");
  EXPECT_EQ(names.route, "SendMessageV2To3Things");
  EXPECT_EQ(names.conversation_model, "ConversationSendMessageV2To3Things");
  EXPECT_EQ(names.message_model, "ConversationMessageSendMessageV2To3Things");
}

}  // namespace
}  // namespace amplify::codegen
