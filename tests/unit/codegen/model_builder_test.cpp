// BuildSchemaModel on small schemas, one behaviour each. Expected values are the reference
// plugin's (checked with model_builder_golden/dump_visitor.js); model_builder_corpus_test.cpp
// compares whole schemas.
#include "codegen/model_builder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "codegen/amplify_directives.h"
#include "codegen/graphql_parser.h"

namespace amplify::codegen {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

SchemaModel Build(const std::string& sdl, int merge_passes = kIntrospectionMergePasses) {
  CodegenResult<Document> document = ParseSdl(sdl);
  EXPECT_TRUE(document.ok()) << document.error().ToString();
  if (!document.ok()) return {};
  CodegenResult<SchemaModel> schema = BuildSchemaModel(document.value(), merge_passes);
  EXPECT_TRUE(schema.ok()) << schema.error().ToString();
  return schema.ok() ? std::move(schema).value() : SchemaModel{};
}

CodegenError BuildError(const std::string& sdl) {
  CodegenResult<Document> document = ParseSdl(sdl);
  EXPECT_TRUE(document.ok()) << document.error().ToString();
  if (!document.ok()) return document.error();
  CodegenResult<SchemaModel> schema = BuildSchemaModel(document.value());
  EXPECT_FALSE(schema.ok());
  return schema.ok() ? CodegenError{} : schema.error();
}

std::vector<std::string> FieldNames(const CodeGenModel& model) {
  std::vector<std::string> names;
  for (const CodeGenField& field : model.fields) names.push_back(field.name);
  return names;
}

std::vector<std::string> Names(const std::vector<CodeGenDirective>& directives) {
  std::vector<std::string> names;
  for (const CodeGenDirective& directive : directives) names.push_back(directive.name);
  return names;
}

const CodeGenField& Field(const CodeGenModel& model, const std::string& name) {
  for (const CodeGenField& field : model.fields) {
    if (field.name == name) return field;
  }
  ADD_FAILURE() << model.name << " has no field " << name;
  static const CodeGenField missing;
  return missing;
}

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

TEST(ModelBuilderTest, ModelGetsManagedIdFirstAndReadOnlyTimestamps) {
  SchemaModel schema = Build("type Todo @model { name: String! }");
  const CodeGenModel& todo = *schema.models.Find("Todo");
  EXPECT_THAT(FieldNames(todo), ElementsAre("id", "name", "createdAt", "updatedAt"));
  const CodeGenField& id = todo.fields[0];
  EXPECT_EQ(id.type, "ID");
  EXPECT_FALSE(id.is_nullable);
  ASSERT_TRUE(id.primary_key_info);
  EXPECT_EQ(id.primary_key_info->primary_key_type, PrimaryKeyType::ManagedId);
  EXPECT_EQ(Field(todo, "createdAt").type, "AWSDateTime");
  EXPECT_EQ(Field(todo, "createdAt").is_read_only, true);
  EXPECT_FALSE(Field(todo, "name").is_read_only);
  EXPECT_THAT(Names(todo.directives), ElementsAre("model"));
}

TEST(ModelBuilderTest, CompositePrimaryKeyIsCustomWithSortKeysAndKeyDirective) {
  SchemaModel schema = Build(R"(
    type Reading @model {
      sensorId: ID! @primaryKey(sortKeyFields: ["takenAt", "seq"])
      takenAt: AWSDateTime!
      seq: Int!
    }
    type Tag @model { id: ID! @primaryKey name: String })");
  const CodeGenModel& reading = *schema.models.Find("Reading");
  EXPECT_THAT(FieldNames(reading), ElementsAre("sensorId", "takenAt", "seq", "createdAt", "updatedAt"));
  const auto& key = reading.fields[0].primary_key_info;
  ASSERT_TRUE(key);
  EXPECT_EQ(key->primary_key_type, PrimaryKeyType::CustomId);
  EXPECT_THAT(key->sort_key_fields, ElementsAre("takenAt", "seq"));
  ASSERT_EQ(reading.directives.size(), 2u);
  EXPECT_EQ(Json(reading.directives[1].arguments), R"({"fields":["sensorId","takenAt","seq"]})");
  const CodeGenModel& tag = *schema.models.Find("Tag");
  EXPECT_EQ(tag.fields[0].primary_key_info->primary_key_type, PrimaryKeyType::OptionallyManagedId);
}

TEST(ModelBuilderTest, IndexesBecomeKeysWithQueryFieldAndDefaultNames) {
  SchemaModel schema = Build(R"(
    type Person @model {
      id: ID!
      email: AWSEmail! @index(name: "byEmail", queryField: "personByEmail")
      city: String @index(sortKeyFields: ["zip"])
      zip: String
      team: String @index(name: null, queryField: null)
    })");
  const CodeGenModel& person = *schema.models.Find("Person");
  ASSERT_EQ(person.directives.size(), 4u);
  EXPECT_EQ(Json(person.directives[1].arguments),
            R"({"name":"byEmail","queryField":"personByEmail","fields":["email"]})");
  // The default name pluralizes the model: Person → people.
  EXPECT_EQ(Json(person.directives[2].arguments),
            R"({"name":"peopleByCityAndZip","fields":["city","zip"]})");
  EXPECT_EQ(Json(person.directives[3].arguments),
            R"({"name":"peopleByTeam","queryField":null,"fields":["team"]})");
}

TEST(ModelBuilderTest, UnidirectionalHasManyAddsForeignKeyAndImplicitKey) {
  SchemaModel schema = Build(R"(
    type Blog @model { id: ID! posts: [Post] @hasMany }
    type Post @model { id: ID! title: String })");
  const CodeGenModel& blog = *schema.models.Find("Blog");
  const CodeGenModel& post = *schema.models.Find("Post");
  const auto& connection = Field(blog, "posts").connection_info;
  ASSERT_TRUE(connection);
  EXPECT_EQ(connection->kind, ConnectionType::HasMany);
  EXPECT_EQ(connection->connected_model, "Post");
  EXPECT_EQ(connection->associated_with, "blogPostsId");
  EXPECT_TRUE(connection->is_connecting_field_auto_created);
  // The foreign key comes after the timestamps, nullable.
  EXPECT_THAT(FieldNames(post), ElementsAre("id", "title", "createdAt", "updatedAt", "blogPostsId"));
  EXPECT_TRUE(Field(post, "blogPostsId").is_nullable);
  ASSERT_EQ(post.directives.size(), 2u);
  EXPECT_EQ(Json(post.directives[1].arguments),
            R"({"name":"gsi-Blog.posts","fields":["blogPostsId"]})");
}

TEST(ModelBuilderTest, BidirectionalHasManyBelongsToShareTheForeignKey) {
  SchemaModel schema = Build(R"(
    type Blog @model { id: ID! posts: [Post] @hasMany }
    type Post @model { id: ID! blog: Blog @belongsTo })");
  const CodeGenModel& post = *schema.models.Find("Post");
  const auto& belongs = Field(post, "blog").connection_info;
  ASSERT_TRUE(belongs);
  EXPECT_EQ(belongs->kind, ConnectionType::BelongsTo);
  EXPECT_EQ(belongs->target_name, "blogPostsId");
  EXPECT_THAT(*belongs->target_names, ElementsAre("blogPostsId"));
  EXPECT_FALSE(belongs->is_connecting_field_auto_created);
  EXPECT_THAT(FieldNames(post), ElementsAre("id", "blog", "createdAt", "updatedAt", "blogPostsId"));
  // A @belongsTo on the other side means no implicit `gsi-` key.
  EXPECT_THAT(Names(post.directives), ElementsAre("model"));
}

TEST(ModelBuilderTest, HasOneTargetsFollowTheConnectedPrimaryKey) {
  SchemaModel schema = Build(R"(
    type Car @model { id: ID! engine: Engine @hasOne plate: Plate @hasOne(fields: ["plateNo"]) plateNo: String }
    type Engine @model { serial: ID! @primaryKey(sortKeyFields: ["make"]) make: String! }
    type Plate @model { id: ID! })");
  const CodeGenModel& car = *schema.models.Find("Car");
  const auto& engine = Field(car, "engine").connection_info;
  ASSERT_TRUE(engine);
  EXPECT_EQ(engine->kind, ConnectionType::HasOne);
  EXPECT_THAT(engine->associated_with_fields, ElementsAre("serial", "make"));
  EXPECT_THAT(*engine->target_names, ElementsAre("carEngineSerial", "carEngineMake"));
  EXPECT_TRUE(engine->is_connecting_field_auto_created);
  const auto& plate = Field(car, "plate").connection_info;
  EXPECT_THAT(*plate->target_names, ElementsAre("plateNo"));
  EXPECT_FALSE(plate->is_connecting_field_auto_created);
  EXPECT_THAT(FieldNames(car), ElementsAre("id", "engine", "plate", "plateNo", "createdAt",
                                           "updatedAt", "carEngineSerial", "carEngineMake"));
  EXPECT_EQ(Field(car, "carEngineMake").type, "String");
}

TEST(ModelBuilderTest, ReferencesAreWrappedAndMarkTheBelongsTo) {
  SchemaModel schema = Build(R"(
    type Team @model { id: ID! members: [Member] @hasMany(references: "teamId") }
    type Member @model { id: ID! teamId: ID team: Team @belongsTo(references: ["teamId"]) })");
  const CodeGenModel& team = *schema.models.Find("Team");
  const CodeGenField& members = Field(team, "members");
  EXPECT_EQ(Json(members.directives[0].arguments), R"({"references":["teamId"]})");
  EXPECT_THAT(members.connection_info->associated_with_fields, ElementsAre("teamId"));
  EXPECT_FALSE(members.connection_info->is_connecting_field_auto_created);
  const CodeGenField& member_team = Field(*schema.models.Find("Member"), "team");
  EXPECT_TRUE(member_team.connection_info->is_using_references);
  EXPECT_THAT(*member_team.connection_info->target_names, ElementsAre("teamId"));
}

TEST(ModelBuilderTest, UnconnectedModelFieldsAreDropped) {
  SchemaModel schema = Build(R"(
    type Author @model { id: ID! }
    type Book @model { id: ID! author: Author meta: Meta }
    type Meta { author: Author })");
  EXPECT_THAT(FieldNames(*schema.models.Find("Book")),
              ElementsAre("id", "meta", "createdAt", "updatedAt"));
  EXPECT_THAT(FieldNames(*schema.non_models.Find("Meta")), ElementsAre("author"));
}

TEST(ModelBuilderTest, ManyToManyGeneratesJoinModelAfterTheModels) {
  SchemaModel schema = Build(R"(
    type Post @model @auth(rules: [{ allow: public }]) { id: ID! tags: [Tag] @manyToMany(relationName: "postTags") }
    type Tag @model @auth(rules: [{ allow: public }]) { id: ID! posts: [Post] @manyToMany(relationName: "postTags") })");
  ASSERT_EQ(schema.models.size(), 3u);
  const CodeGenModel& join = schema.models.items()[2];
  EXPECT_EQ(join.name, "PostTags");
  EXPECT_THAT(FieldNames(join),
              ElementsAre("id", "postId", "tagId", "post", "tag", "createdAt", "updatedAt"));
  EXPECT_THAT(Names(join.directives), ElementsAre("model", "key", "key", "auth"));
  EXPECT_EQ(Json(join.directives[1].arguments), R"({"name":"byPost","fields":["postId"]})");
  const auto& post = Field(join, "post").connection_info;
  EXPECT_EQ(post->kind, ConnectionType::BelongsTo);
  EXPECT_THAT(*post->target_names, ElementsAre("postId"));
  const CodeGenField& tags = Field(*schema.models.Find("Post"), "tags");
  EXPECT_EQ(tags.type, "PostTags");
  ASSERT_EQ(tags.directives.size(), 1u);
  EXPECT_EQ(tags.directives[0].name, "hasMany");
  EXPECT_EQ(Json(tags.directives[0].arguments), R"({"indexName":"byPost","fields":["id"]})");
  // Associated with the join model's @belongsTo whose first field is the index's.
  EXPECT_EQ(tags.connection_info->associated_with, "post");
}

TEST(ModelBuilderTest, AuthRulesGetTheDefaultsOfTheirStrategy) {
  SchemaModel schema = Build(R"(
    type Doc @model @auth(rules: [
      { allow: owner },
      { allow: groups, groups: ["Admin"] },
      { allow: groups, groupsField: "editors" },
      { allow: groups, groupField: "g" },
      { allow: private, provider: iam },
      { allow: public },
      { allow: custom, provider: function },
      { allow: owner, identityClaim: "sub", provider: oidc, operations: [read] }
    ]) @searchable { id: ID! })");
  const CodeGenModel& doc = *schema.models.Find("Doc");
  // @auth moves after the other model directives.
  EXPECT_THAT(Names(doc.directives), ElementsAre("model", "searchable", "auth"));
  const boost::json::array& rules = doc.directives[2].arguments.at("rules").as_array();
  std::vector<std::string> printed;
  for (const auto& rule : rules) printed.push_back(boost::json::serialize(rule));
  const std::string all = R"(["create","update","delete","read"])";
  EXPECT_THAT(printed,
              ElementsAre(R"({"provider":"userPools","ownerField":"owner","allow":"owner","identityClaim":"cognito:username","operations":)" + all + "}",
                          R"({"groupClaim":"cognito:groups","provider":"userPools","allow":"groups","groups":["Admin"],"operations":)" + all + "}",
                          R"({"groupClaim":"cognito:groups","provider":"userPools","allow":"groups","groupsField":"editors","groupField":"groups","operations":)" + all + "}",
                          R"({"allow":"private","provider":"iam","operations":)" + all + "}",
                          R"({"allow":"public","operations":)" + all + "}",
                          R"({"allow":"custom","provider":"function","operations":)" + all + "}",
                          R"({"provider":"oidc","ownerField":"owner","allow":"owner","identityClaim":"sub","operations":["read"]})"));
}

TEST(ModelBuilderTest, TimestampOptions) {
  SchemaModel schema = Build(R"(
    type A @model(timestamps: null) { id: ID! }
    type B @model(timestamps: { createdAt: "createdOn", updatedAt: "updatedOn" }) { id: ID! }
    type C @model(timestamps: { createdAt: "made" }) { id: ID! }
    type D @model { id: ID! createdAt: AWSDateTime! })");
  EXPECT_THAT(FieldNames(*schema.models.Find("A")), ElementsAre("id"));
  EXPECT_THAT(FieldNames(*schema.models.Find("B")), ElementsAre("id", "createdOn", "updatedOn"));
  EXPECT_THAT(FieldNames(*schema.models.Find("C")), ElementsAre("id", "made", "updatedAt"));
  const CodeGenModel& d = *schema.models.Find("D");
  EXPECT_THAT(FieldNames(d), ElementsAre("id", "createdAt", "updatedAt"));
  EXPECT_FALSE(Field(d, "createdAt").is_read_only);  // the schema's own field stays as written
  EXPECT_FALSE(Field(d, "createdAt").is_nullable);
}

TEST(ModelBuilderTest, VersionIsTheReferenceHash) {
  EXPECT_EQ(ComputeModelsVersion(Build("type Todo @model { name: String! }")),
            "7928bb6eca6370e8422298c895e3e2c4");
  EXPECT_EQ(ComputeModelsVersion(Build(R"(
    type Blog @model { id: ID! posts: [Post] @hasMany }
    type Post @model { id: ID! title: String })")),
            "5bcbf79b4dfe031c9a0a105536643a14");
}

TEST(ModelBuilderTest, TypesKeepTheirFirstPlaceAndExtensionsMergeIntoIt) {
  SchemaModel schema = Build(R"(
    extend type Order { note: String }
    type Item @model { id: ID! order: Order @belongsTo kind: Kind }
    type Order @model { id: ID! items: [Item] @hasMany }
    enum Kind { SMALL LARGE }
    extend enum Kind { HUGE }
    type Query { ping: String }
    extend type Query { pong: String })");
  ASSERT_EQ(schema.models.size(), 2u);
  EXPECT_EQ(schema.models.items()[0].name, "Order");  // the extension came first
  EXPECT_EQ(schema.models.items()[1].name, "Item");
  EXPECT_THAT(FieldNames(schema.models.items()[0]),
              ElementsAre("id", "note", "items", "createdAt", "updatedAt"));
  // An extension's enum values come before the values it extends (enum-values.js).
  EXPECT_THAT(schema.enums.Find("Kind")->values, ElementsAre("HUGE", "SMALL", "LARGE"));
  ASSERT_EQ(schema.queries.size(), 2u);
  EXPECT_EQ(schema.queries.items()[1].name, "pong");
}

TEST(ModelBuilderTest, EnumValuesAreKeyedByConstantCase) {
  SchemaModel schema = Build("enum Rating { _3 _1 fooBar FOO_BAR _10 }");
  // `_1` → key "1": integer-like keys come first in JavaScript objects; fooBar/FOO_BAR collide.
  EXPECT_THAT(schema.enums.Find("Rating")->values, ElementsAre("_1", "_3", "_10", "FOO_BAR"));
}

TEST(ModelBuilderTest, RepeatedMergesRepeatTheExtensionsListItems) {
  const std::string sdl = R"(
    type Post @model @auth(rules: [{ allow: owner }]) { id: ID! }
    extend type Post @auth(rules: [{ allow: public }]))";
  auto rule_count = [](const SchemaModel& schema) {
    const CodeGenModel& post = *schema.models.Find("Post");
    return post.directives.back().arguments.at("rules").as_array().size();
  };
  EXPECT_EQ(rule_count(Build(sdl, kIntrospectionMergePasses)), 2u);
  EXPECT_EQ(rule_count(Build(sdl, kModelsMergePasses)), 5u);
  EXPECT_TRUE(MergePassesMatter(ParseSdl(sdl).value()));
  EXPECT_FALSE(MergePassesMatter(ParseSdl("type Post @model { id: ID! }").value()));
}

TEST(ModelBuilderTest, RootTypesComeFromTheSchemaDefinition) {
  SchemaModel schema = Build(R"(
    schema { query: RootQuery }
    type RootQuery { items(limit: Int = 10): [String] }
    type Query { notRoot: String })");
  ASSERT_EQ(schema.queries.size(), 1u);
  EXPECT_EQ(schema.queries.items()[0].name, "items");
  EXPECT_EQ(schema.queries.items()[0].parameters[0].name, "limit");
  EXPECT_TRUE(schema.non_models.Contains("Query"));
}

TEST(ModelBuilderTest, AmplifyDirectiveTypesAreSkipped) {
  // The inputs and enums of the directive definitions (appsync-visitor.js typesToSkip).
  EXPECT_EQ(AmplifyDirectiveTypeNames().size(), 13u);
  EXPECT_EQ(AmplifyDirectiveTypeNames().count("TimestampConfiguration"), 1u);
  SchemaModel schema = Build(R"(
    enum ModelOperation { create read }
    type Widget @model { id: ID! op: ModelOperation })");
  EXPECT_TRUE(schema.enums.empty());
}

TEST(ModelBuilderTest, ErrorsSayWhatAndWhere) {
  struct Case {
    const char* sdl;
    const char* message;
    int line;
  };
  const Case cases[] = {
      {"type Post @model {\n  id: ID!\n  author: Writer\n}", "Unknown type: \"Writer\".", 3},
      {"type Post @model {\n  id: ID!\n  tags: [String]\n}\nextend type Post { tags: String }",
       "Field 'Post.tags' changed type from '[String]' to 'String'", 5},
      {"type A @model {\n  key: String @primaryKey\n}", "must reference non-null fields", 2},
      {"type A @model {\n  key: String! @primaryKey(sortKeyFields: [\"nope\"])\n}",
       "Cannot find sort key field nope", 2},
      {"type A @model {\n  id: ID!\n  b: B @belongsTo\n}\ntype B { id: ID! }",
       "needs a @model type, but B is not one", 3},
      {"type A @model {\n  id: ID!\n  bs: [B] @hasOne\n}\ntype B @model { id: ID! }",
       "A hasOne relationship should be 1:1, no lists", 3},
      {"type A @model {\n  id: ID!\n  b: B @hasMany\n}\ntype B @model { id: ID! }",
       "A field with hasMany must be a list type", 3},
      {"type A @model {\n  id: ID!\n  bs: [B] @belongsTo\n}\ntype B @model { id: ID! }",
       "A list field does not support the 'belongsTo' relation", 3},
      {"type A @model { id: ID! }\ntype B @model {\n  id: ID!\n  a: A @belongsTo\n}",
       "should match to a corresponding 'hasMany' or 'hasOne' field", 4},
      {"type A @model {\n  id: ID!\n  bs: [B] @hasMany(indexName: \"byA\", fields: [\"id\"])\n}\n"
       "type B @model { id: ID! }",
       "@index directive with name byA was not found in connected model B", 3},
      {"type A @model {\n  id: ID!\n  bs: [B] @manyToMany(relationName: \"AB\")\n}\n"
       "type B @model { id: ID! }",
       "there should be two matching manyToMany directives and found: 1", 3},
      {"type A @model @auth(rules: { allow: public }) { id: ID! }", "rules must be a list", 1},
      {"directive @model(x: Int) on OBJECT\ntype A @model { id: ID! }",
       "Unable to merge GraphQL directive \"model\"", 1},
  };
  for (const Case& c : cases) {
    CodegenError error = BuildError(c.sdl);
    EXPECT_THAT(error.message, HasSubstr(c.message)) << c.sdl;
    ASSERT_TRUE(error.location) << c.sdl;
    EXPECT_EQ(error.location->line, c.line) << c.sdl;
  }
}

}  // namespace
}  // namespace amplify::codegen
