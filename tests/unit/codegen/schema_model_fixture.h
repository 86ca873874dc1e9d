#pragma once
// Hand-built SchemaModels for the writer tests: what the model builder derives from the schemas
// quoted above each function (so the writers are tested without the parser and builder).
// Expected texts live in golden/ and are what the reference prints for the same schemas.
#include <boost/json/parse.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "codegen/codegen_model.h"

namespace amplify::codegen::testing {

inline std::string ReadGolden(const std::string& name) {
  std::ifstream in(std::string(AMPLIFY_SOURCE_DIR) + "/tests/unit/codegen/golden/" + name,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline CodeGenField Scalar(std::string name, std::string type, bool required = false) {
  CodeGenField field;
  field.name = std::move(name);
  field.type = std::move(type);
  field.is_nullable = !required;
  return field;
}

// `[type]`, `[type!]`, `[type]!` …
inline CodeGenField List(std::string name, std::string type, bool items_required,
                         bool list_required) {
  CodeGenField field = Scalar(std::move(name), std::move(type), items_required);
  field.is_list = true;
  field.is_list_nullable = !list_required;
  return field;
}

inline CodeGenField ReadOnlyTimestamp(std::string name) {
  CodeGenField field = Scalar(std::move(name), "AWSDateTime");
  field.is_read_only = true;
  return field;
}

inline CodeGenField ManagedId() {
  CodeGenField field = Scalar("id", "ID", true);
  field.primary_key_info = CodeGenPrimaryKeyFieldInfo{};
  return field;
}

inline CodeGenDirective Directive(std::string name, const char* arguments_json = "{}") {
  CodeGenDirective directive;
  directive.name = std::move(name);
  directive.arguments = boost::json::parse(arguments_json).as_object();
  return directive;
}

inline CodeGenModel NonModel(std::string name, std::vector<CodeGenField> fields) {
  CodeGenModel type;
  type.name = std::move(name);
  type.fields = std::move(fields);
  return type;
}

// A model with the timestamp fields the builder appends.
inline CodeGenModel Model(std::string name, std::vector<CodeGenField> fields,
                          std::vector<CodeGenDirective> directives) {
  fields.push_back(ReadOnlyTimestamp("createdAt"));
  fields.push_back(ReadOnlyTimestamp("updatedAt"));
  CodeGenModel model = NonModel(std::move(name), std::move(fields));
  model.directives = std::move(directives);
  return model;
}

// enum Status { ACTIVE ARCHIVED }
// type Address { street: String tags: [String!] }
// type Blog @model @auth(rules: [{ allow: public }]) {
//   id: ID!  name: String!  status: Status  address: Address  posts: [Post] @hasMany
// }
// type Post @model { id: ID!  title: String!  blog: Blog @belongsTo }
inline SchemaModel BlogSchema() {
  SchemaModel schema;
  schema.enums.Put("Status", {"Status", {"ACTIVE", "ARCHIVED"}});
  schema.non_models.Put("Address", NonModel("Address", {Scalar("street", "String"),
                                                        List("tags", "String", true, false)}));

  CodeGenField posts = List("posts", "Post", false, false);
  posts.directives = {Directive("hasMany")};
  posts.connection_info = CodeGenFieldConnection{};
  posts.connection_info->kind = ConnectionType::HasMany;
  posts.connection_info->connected_model = "Post";
  posts.connection_info->associated_with = "blogPostsId";
  posts.connection_info->associated_with_fields = {"blogPostsId"};
  schema.models.Put("Blog", Model("Blog",
                                  {ManagedId(), Scalar("name", "String", true),
                                   Scalar("status", "Status"), Scalar("address", "Address"), posts},
                                  {Directive("model"),
                                   Directive("auth", R"({"rules":[{"allow":"public","operations":
                                         ["create","update","delete","read"]}]})")}));

  CodeGenField blog = Scalar("blog", "Blog");
  blog.directives = {Directive("belongsTo")};
  blog.connection_info = CodeGenFieldConnection{};
  blog.connection_info->kind = ConnectionType::BelongsTo;
  blog.connection_info->connected_model = "Blog";
  blog.connection_info->target_name = "blogPostsId";
  blog.connection_info->target_names = std::vector<std::string>{"blogPostsId"};
  CodeGenModel post =
      Model("Post", {ManagedId(), Scalar("title", "String", true), blog}, {Directive("model")});
  post.fields.push_back(Scalar("blogPostsId", "ID"));
  schema.models.Put("Post", std::move(post));
  return schema;
}

// type Todo @model { id: ID! name: String }
// type Recipe { name: String ingredients: [String] }
// union SearchResult = Recipe | Todo
// interface Node { id: ID! }
// input TodoInput { name: String!, tags: [String]!, color: Color, sub: TodoInput }
// enum Color { RED GREEN }
// type Query {
//   generateRecipe(description: String): Recipe @generation(aiModel: "Claude")
//   listThings(limit: Int, tags: [String!]!): [String]
//   search: SearchResult
// }
// type Mutation {
//   doIt(input: TodoInput): Todo
//   sendChat(conversationId: ID!, content: [String]): String @conversation(aiModel: "Claude")
// }
// type Subscription { onIt: Todo @aws_subscribe(mutations: ["doIt"]) }
inline SchemaModel OperationsSchema() {
  SchemaModel schema;
  schema.models.Put("Todo",
                    Model("Todo", {ManagedId(), Scalar("name", "String")}, {Directive("model")}));
  schema.non_models.Put(
      "Recipe",
      NonModel("Recipe", {Scalar("name", "String"), List("ingredients", "String", false, false)}));
  schema.enums.Put("Color", {"Color", {"RED", "GREEN"}});
  schema.unions.Put("SearchResult", {"SearchResult", {"Recipe", "Todo"}});
  schema.interfaces.Put("Node", {"Node", {Scalar("id", "ID", true)}});

  auto input = [](const CodeGenField& field) {
    CodeGenInputValue value;
    static_cast<TypeInfo&>(value) = field;
    value.name = field.name;
    return value;
  };
  schema.inputs.Put(
      "TodoInput",
      {"TodoInput",
       {input(Scalar("name", "String", true)), input(List("tags", "String", false, true)),
        input(Scalar("color", "Color")), input(Scalar("sub", "TodoInput"))}});

  CodeGenField generate = Scalar("generateRecipe", "Recipe");
  generate.directives = {Directive("generation", R"({"aiModel":"Claude"})")};
  generate.parameters = {input(Scalar("description", "String"))};
  schema.queries.Put("generateRecipe", generate);
  CodeGenField list_things = List("listThings", "String", false, false);
  list_things.parameters = {input(Scalar("limit", "Int")),
                            input(List("tags", "String", true, true))};
  schema.queries.Put("listThings", list_things);
  schema.queries.Put("search", Scalar("search", "SearchResult"));

  CodeGenField do_it = Scalar("doIt", "Todo");
  do_it.parameters = {input(Scalar("input", "TodoInput"))};
  schema.mutations.Put("doIt", do_it);
  CodeGenField chat = Scalar("sendChat", "String");
  chat.directives = {Directive("conversation", R"({"aiModel":"Claude"})")};
  chat.parameters = {input(Scalar("conversationId", "ID", true)),
                     input(List("content", "String", false, false))};
  schema.mutations.Put("sendChat", chat);

  CodeGenField on_it = Scalar("onIt", "Todo");
  on_it.directives = {Directive("aws_subscribe", R"({"mutations":["doIt"]})")};
  schema.subscriptions.Put("onIt", on_it);
  return schema;
}

}  // namespace amplify::codegen::testing
