#include "codegen/models_writer.h"

#include <gtest/gtest.h>

#include "codegen/model_builder.h"
#include "codegen/native_type_check.h"
#include "schema_model_fixture.h"

namespace amplify::codegen {
namespace {

using testing::ReadGolden;

// The golden texts carry the reference's version hash; the hash is ComputeModelsVersion's
// business (model_builder tests), so the writer's output is compared with it substituted.
std::string WithVersion(std::string text, const std::string& version) {
  const std::string key = "\"version\": \"";
  size_t start = text.rfind(key) + key.size();
  return text.replace(start, 32, version);
}

TEST(ModelsWriterTest, WritesModelsEnumsAndNonModelsAsTheReference) {
  SchemaModel schema = testing::BlogSchema();
  auto models = WriteDataStoreSchema(schema);
  ASSERT_TRUE(models.ok()) << models.error().ToString();
  EXPECT_EQ(models.value(), WithVersion(ReadGolden("blog.models"), ComputeModelsVersion(schema)));
}

TEST(ModelsWriterTest, IgnoresOperationsInputsUnionsAndInterfaces) {
  SchemaModel schema = testing::OperationsSchema();
  auto models = WriteDataStoreSchema(schema);
  ASSERT_TRUE(models.ok()) << models.error().ToString();
  EXPECT_EQ(models.value(),
            WithVersion(ReadGolden("operations.models"), ComputeModelsVersion(schema)));
}

TEST(ModelsWriterTest, StartsWithTheExportAndEndsWithTheOnlySemicolon) {
  auto models = WriteDataStoreSchema(SchemaModel{});
  ASSERT_TRUE(models.ok());
  EXPECT_EQ(models.value().rfind("export const schema = {\n    \"models\": {},\n"
                                 "    \"enums\": {},\n    \"nonModels\": {},\n"
                                 "    \"codegenVersion\": \"3.4.4\",\n",
                                 0),
            0u);
  EXPECT_EQ(models.value().substr(models.value().size() - 4), "\"\n};");
}

TEST(ModelsWriterTest, UnknownFieldTypeIsTheReferenceError) {
  SchemaModel schema;
  schema.non_models.Put("Shape", testing::NonModel("Shape", {testing::Scalar("area", "Decimal")}));
  auto models = WriteDataStoreSchema(schema);
  ASSERT_FALSE(models.ok());
  EXPECT_EQ(models.error().message, "Unknown type Decimal");
}

// `acc[name] = meta`: a repeated field keeps its first position with its last definition, and
// a field named __proto__ disappears into the prototype.
TEST(ModelsWriterTest, FieldObjectKeysFollowJavaScriptAssignment) {
  SchemaModel schema;
  schema.non_models.Put(
      "Pair",
      testing::NonModel("Pair", {testing::Scalar("a", "Int"), testing::Scalar("__proto__", "Int"),
                                 testing::Scalar("b", "Int"), testing::Scalar("a", "String")}));
  auto models = WriteDataStoreSchema(schema);
  ASSERT_TRUE(models.ok());
  const std::string& text = models.value();
  EXPECT_EQ(text.find("__proto__"), std::string::npos);
  size_t a = text.find("\"a\": {");
  size_t b = text.find("\"b\": {");
  ASSERT_NE(a, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_NE(text.find("\"type\": \"String\"", a), std::string::npos);
  EXPECT_EQ(text.find("\"a\": {", a + 1), std::string::npos);
}

// index.d.ts, which the javascript target writes first, rejects union, interface and input
// field types; a declared custom scalar passes there and fails in schema.js instead.
TEST(ModelsWriterTest, DeclarationVisitorRejectsNonOutputFieldTypesFirst) {
  SchemaModel schema;
  schema.unions.Put("U", {"U", {"Shape"}});
  schema.non_models.Put("Shape", testing::NonModel("Shape", {testing::Scalar("area", "Decimal"),
                                                             testing::Scalar("u", "U")}));
  Document document;
  document.definitions.emplace_back();
  document.definitions.back().kind = DefinitionKind::Scalar;
  document.definitions.back().name = "Decimal";
  auto error = CheckDeclarationFieldTypes(schema, document);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message,
            "Unknown type U for field u. Did you forget to add the @model directive");

  schema.non_models.Find("Shape")->fields.pop_back();
  EXPECT_FALSE(CheckDeclarationFieldTypes(schema, document).has_value());
  document.definitions.clear();
  EXPECT_TRUE(CheckDeclarationFieldTypes(schema, document).has_value());
}

}  // namespace
}  // namespace amplify::codegen
