#include "codegen/graphql_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "codegen/graphql_value_parser.h"

namespace amplify::codegen {
namespace {

Document Parse(std::string_view source) {
  CodegenResult<Document> result = ParseSdl(source);
  EXPECT_TRUE(result.ok()) << result.error().ToString();
  return result.ok() ? std::move(result).value() : Document{};
}

// "message @line:column" of a source that must fail to parse.
std::string ParseError(std::string_view source) {
  CodegenResult<Document> result = ParseSdl(source);
  if (result.ok()) return "parsed";
  const CodegenError& error = result.error();
  if (!error.location) return error.message + " @?";
  return error.message + " @" + std::to_string(error.location->line) + ":" +
         std::to_string(error.location->column);
}

// A TypeRef as it is written: [A!]!
std::string Written(const TypeRef& type) {
  switch (type.kind) {
    case TypeRef::Kind::Named:
      return type.name;
    case TypeRef::Kind::List:
      return "[" + Written(*type.inner) + "]";
    case TypeRef::Kind::NonNull:
      return Written(*type.inner) + "!";
  }
  return "?";
}

TEST(GraphqlParserTest, ParsesObjectTypesWithFieldsArgumentsAndDirectives) {
  Document document = Parse(R"(
    "A post" type Post implements Node & Entity @model @auth(rules: [{allow: owner}]) {
      id: ID!
      "The title" title(locale: String = "en", max: Int): String
      tags: [String!]!
      matrix: [[Float]!]
    })");
  ASSERT_EQ(document.definitions.size(), 1u);
  const Definition& post = document.definitions[0];
  EXPECT_EQ(post.kind, DefinitionKind::Object);
  EXPECT_FALSE(post.is_extension);
  EXPECT_EQ(post.description, "A post");
  EXPECT_EQ(post.name, "Post");
  EXPECT_EQ(post.interfaces, (std::vector<std::string>{"Node", "Entity"}));
  ASSERT_EQ(post.directives.size(), 2u);
  EXPECT_EQ(post.directives[0].name, "model");
  EXPECT_EQ(post.directives[1].location.line, 2);
  EXPECT_EQ(post.directives[1].location.column, 56);
  ASSERT_EQ(post.fields.size(), 4u);
  EXPECT_EQ(Written(post.fields[0].type), "ID!");
  EXPECT_EQ(post.fields[1].description, "The title");
  EXPECT_EQ(post.fields[1].name, "title");
  ASSERT_EQ(post.fields[1].arguments.size(), 2u);
  EXPECT_EQ(post.fields[1].arguments[0].default_value->text, "en");
  EXPECT_FALSE(post.fields[1].arguments[1].default_value);
  EXPECT_EQ(Written(post.fields[2].type), "[String!]!");
  EXPECT_EQ(post.fields[2].type.NamedType(), "String");
  EXPECT_EQ(Written(post.fields[3].type), "[[Float]!]");
  EXPECT_EQ(post.location.line, 2);  // graphql-js: a definition starts at its description
  EXPECT_EQ(post.location.column, 5);
  EXPECT_EQ(post.fields[2].location.line, 5);
  EXPECT_EQ(post.fields[2].type.location.column, 13);
}

TEST(GraphqlParserTest, ParsesEveryDefinitionKind) {
  Document document = Parse(R"(
    schema @a { query: Q mutation: M subscription: S }
    """Date"""
    scalar AWSDate @b
    interface Node implements Base { id: ID! }
    union Result @c = | Post | Comment
    enum Status { "open" OPEN @d CLOSED }
    input PostInput @e { "t" title: String! = "x" @f, n: Int = 3 }
    directive @model(queries: ModelQueryMap, x: [Int] = [1]) repeatable on OBJECT | FIELD_DEFINITION
    directive @plain on | SCHEMA
    type Empty
    type Legacy implements & A & B
  )");
  ASSERT_EQ(document.definitions.size(), 10u);
  const auto& defs = document.definitions;
  EXPECT_EQ(defs[0].kind, DefinitionKind::Schema);
  EXPECT_EQ(defs[0].name, "");
  ASSERT_EQ(defs[0].operation_types.size(), 3u);
  EXPECT_EQ(defs[0].operation_types[1].operation, "mutation");
  EXPECT_EQ(defs[0].operation_types[1].type_name, "M");
  EXPECT_EQ(defs[1].kind, DefinitionKind::Scalar);
  EXPECT_EQ(defs[1].description, "Date");
  EXPECT_EQ(defs[1].directives.size(), 1u);
  EXPECT_EQ(defs[2].kind, DefinitionKind::Interface);
  EXPECT_EQ(defs[2].interfaces, std::vector<std::string>{"Base"});
  EXPECT_EQ(defs[3].kind, DefinitionKind::Union);
  EXPECT_EQ(defs[3].union_members, (std::vector<std::string>{"Post", "Comment"}));
  EXPECT_EQ(defs[4].kind, DefinitionKind::Enum);
  ASSERT_EQ(defs[4].enum_values.size(), 2u);
  EXPECT_EQ(defs[4].enum_values[0].description, "open");
  EXPECT_EQ(defs[4].enum_values[0].directives[0].name, "d");
  EXPECT_EQ(defs[4].enum_values[1].name, "CLOSED");
  EXPECT_EQ(defs[5].kind, DefinitionKind::InputObject);
  ASSERT_EQ(defs[5].input_fields.size(), 2u);
  EXPECT_EQ(defs[5].input_fields[0].description, "t");
  EXPECT_EQ(defs[5].input_fields[0].directives[0].name, "f");
  EXPECT_EQ(defs[5].input_fields[1].default_value->kind, Value::Kind::Int);
  EXPECT_EQ(defs[6].kind, DefinitionKind::Directive);
  EXPECT_EQ(defs[6].name, "model");
  EXPECT_TRUE(defs[6].repeatable);
  EXPECT_EQ(defs[6].arguments.size(), 2u);
  EXPECT_EQ(defs[6].locations, (std::vector<std::string>{"OBJECT", "FIELD_DEFINITION"}));
  EXPECT_FALSE(defs[7].repeatable);
  EXPECT_EQ(defs[7].locations, std::vector<std::string>{"SCHEMA"});
  EXPECT_TRUE(defs[8].fields.empty());
  EXPECT_EQ(defs[9].interfaces, (std::vector<std::string>{"A", "B"}));
}

TEST(GraphqlParserTest, ParsesEveryExtensionKind) {
  Document document = Parse(R"(
    extend schema @a
    extend schema { query: Q }
    extend scalar S @b
    extend type T implements I
    extend type T @c
    extend type T { f: Int }
    extend interface I @d
    extend union U = A
    extend union U @e
    extend enum E { X }
    extend enum E @f
    extend input In { x: Int }
    extend input In @g
  )");
  ASSERT_EQ(document.definitions.size(), 13u);
  for (const Definition& definition : document.definitions) EXPECT_TRUE(definition.is_extension);
  const auto& defs = document.definitions;
  EXPECT_EQ(defs[0].kind, DefinitionKind::Schema);
  EXPECT_EQ(defs[0].directives[0].name, "a");
  EXPECT_EQ(defs[1].operation_types[0].type_name, "Q");
  EXPECT_EQ(defs[2].kind, DefinitionKind::Scalar);
  EXPECT_EQ(defs[3].interfaces, std::vector<std::string>{"I"});
  EXPECT_EQ(defs[4].directives[0].name, "c");
  EXPECT_EQ(defs[5].fields[0].name, "f");
  EXPECT_EQ(defs[6].kind, DefinitionKind::Interface);
  EXPECT_EQ(defs[7].union_members, std::vector<std::string>{"A"});
  EXPECT_EQ(defs[9].enum_values[0].name, "X");
  EXPECT_EQ(defs[11].input_fields[0].name, "x");
  EXPECT_EQ(defs[12].directives[0].name, "g");
  EXPECT_EQ(defs[12].location.line, 14);
}

TEST(GraphqlParserTest, ParsesEveryValueKind) {
  Document document = Parse(R"(type T @v(
      i: -42, f: 1.5e-3, s: "a\u00e9\n", b: """
        block
      """, t: true, no: false, n: null, e: PUBLIC,
      l: [1, [2], []], o: {a: {b: [null]}, c: "d"}) { x: Int })");
  const std::vector<Argument>& arguments = document.definitions[0].directives[0].arguments;
  ASSERT_EQ(arguments.size(), 10u);
  EXPECT_EQ(arguments[0].value.kind, Value::Kind::Int);
  EXPECT_EQ(arguments[0].value.text, "-42");
  EXPECT_EQ(arguments[1].value.kind, Value::Kind::Float);
  EXPECT_EQ(arguments[1].value.text, "1.5e-3");
  EXPECT_EQ(arguments[2].value.kind, Value::Kind::String);
  EXPECT_EQ(arguments[2].value.text, "a\xC3\xA9\n");
  EXPECT_EQ(arguments[3].value.text, "block");
  EXPECT_TRUE(arguments[4].value.boolean);
  EXPECT_EQ(arguments[5].value.kind, Value::Kind::Boolean);
  EXPECT_FALSE(arguments[5].value.boolean);
  EXPECT_EQ(arguments[6].value.kind, Value::Kind::Null);
  EXPECT_EQ(arguments[7].value.kind, Value::Kind::Enum);
  EXPECT_EQ(arguments[7].value.text, "PUBLIC");
  const Value& list = arguments[8].value;
  ASSERT_EQ(list.kind, Value::Kind::List);
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(list.items[1].items[0].text, "2");
  EXPECT_TRUE(list.items[2].items.empty());
  const Value& object = arguments[9].value;
  ASSERT_EQ(object.kind, Value::Kind::Object);
  ASSERT_EQ(object.fields.size(), 2u);
  EXPECT_EQ(object.fields[0].name, "a");
  EXPECT_EQ(object.fields[0].value.fields[0].value.items[0].kind, Value::Kind::Null);
  EXPECT_EQ(object.fields[1].value.text, "d");
  EXPECT_EQ(arguments[9].location.line, 5);
  EXPECT_EQ(arguments[9].location.column, 24);
  EXPECT_EQ(object.location.column, 27);
}

TEST(GraphqlParserTest, VariablesOnlyOutsideConstantContexts) {
  CodegenResult<Value> variable = ParseValueSource("[$x]", /*is_const=*/false);
  ASSERT_TRUE(variable.ok());
  EXPECT_EQ(variable->items[0].kind, Value::Kind::Variable);
  EXPECT_EQ(variable->items[0].text, "x");
  EXPECT_EQ(ParseValueSource("$x", true).error().message, "Syntax Error: Unexpected \"$\".");
  EXPECT_EQ(ParseError("type A @d(a: $x) { a: Int }"), "Syntax Error: Unexpected \"$\". @1:14");
}

TEST(GraphqlParserTest, IgnoresCommentsCommasAndBom) {
  Document document = Parse(
      "\xEF\xBB\xBF# leading comment\r\ntype A {,, a: Int, # trailing } comment\r\n b: [Int,]}");
  ASSERT_EQ(document.definitions.size(), 1u);
  EXPECT_EQ(document.definitions[0].fields.size(), 2u);
  EXPECT_EQ(document.definitions[0].fields[1].location.line, 3);
  EXPECT_EQ(document.definitions[0].fields[1].location.column, 2);
}

TEST(GraphqlParserTest, DedentsBlockStringDescriptions) {
  Document document =
      Parse("\"\"\"\n    Line one\n      indented \\\"\"\" quote\n\n    \"\"\"\ntype A { a: Int }");
  EXPECT_EQ(document.definitions[0].description, "Line one\n  indented \"\"\" quote");
}

TEST(GraphqlParserTest, RejectsExecutableDefinitions) {
  EXPECT_EQ(ParseError("query { a }"), "Syntax Error: Unexpected Name \"query\". @1:1");
  EXPECT_EQ(ParseError("type A { a: Int }\n{ a }"), "Syntax Error: Unexpected \"{\". @2:1");
  EXPECT_EQ(ParseError("fragment F on A { a }"),
            "Syntax Error: Unexpected Name \"fragment\". @1:1");
  EXPECT_EQ(ParseError("\"d\" query { a }"), "Syntax Error: Unexpected Name \"query\". @1:5");
}

// Each message and location below is what graphql-js 15 reports for the same source.
TEST(GraphqlParserTest, ReportsSyntaxErrorsLikeGraphqlJs) {
  EXPECT_EQ(ParseError("type A { a: }"), "Syntax Error: Expected Name, found \"}\". @1:13");
  EXPECT_EQ(ParseError("type A { a String }"),
            "Syntax Error: Expected \":\", found Name \"String\". @1:12");
  EXPECT_EQ(ParseError("type A { a: \"abc"), "Syntax Error: Unterminated string. @1:17");
  EXPECT_EQ(ParseError("type A ?"),
            "Syntax Error: Cannot parse the unexpected character \"?\". @1:8");
  EXPECT_EQ(ParseError(""), "Syntax Error: Unexpected <EOF>. @1:1");
  EXPECT_EQ(ParseError("  # only a comment\n"), "Syntax Error: Unexpected <EOF>. @2:1");
  EXPECT_EQ(ParseError("type A { a: Int = 1x }"),
            "Syntax Error: Expected Name, found \"=\". @1:17");
  EXPECT_EQ(ParseError("type A @d(a: 1x) { a: Int }"),
            "Syntax Error: Invalid number, expected digit but got: \"x\". @1:15");
  EXPECT_EQ(ParseError("extend type A"), "Syntax Error: Unexpected <EOF>. @1:14");
  EXPECT_EQ(ParseError("extend foo A"), "Syntax Error: Unexpected Name \"foo\". @1:8");
  EXPECT_EQ(ParseError("extend directive @a on FIELD"),
            "Syntax Error: Unexpected Name \"directive\". @1:8");
  EXPECT_EQ(ParseError("type A { a: Int } x"), "Syntax Error: Unexpected Name \"x\". @1:19");
  EXPECT_EQ(ParseError("directive @a on FOO"), "Syntax Error: Unexpected Name \"FOO\". @1:17");
  EXPECT_EQ(ParseError("directive @a(b: Int) FIELD"),
            "Syntax Error: Expected \"on\", found Name \"FIELD\". @1:22");
  EXPECT_EQ(ParseError("type A implements B C { a: Int }"),
            "Syntax Error: Unexpected Name \"C\". @1:21");
  EXPECT_EQ(ParseError("type A {}"), "Syntax Error: Expected Name, found \"}\". @1:9");
  EXPECT_EQ(ParseError("schema { query: Q, foo: F }"),
            "Syntax Error: Unexpected Name \"foo\". @1:20");
  EXPECT_EQ(ParseError("schema @d"), "Syntax Error: Expected \"{\", found <EOF>. @1:10");
  EXPECT_EQ(ParseError("union U = "), "Syntax Error: Expected Name, found <EOF>. @1:11");
  EXPECT_EQ(ParseError("type A { a: [Int }"), "Syntax Error: Expected \"]\", found \"}\". @1:18");
  EXPECT_EQ(ParseError("\"desc\" \"desc\" type A"),
            "Syntax Error: Unexpected String \"desc\". @1:8");
  EXPECT_EQ(ParseError("type A @d(a: \"x\nb\") { a: Int }"),
            "Syntax Error: Unterminated string. @1:16");
  EXPECT_EQ(ParseError("enum E { A B\n  C }\n\n\n  \"\"\"\n  x\n  \"\"\" type B { ? }"),
            "Syntax Error: Cannot parse the unexpected character \"?\". @7:16");
}

std::string Nested(int depth, std::string_view open, std::string_view middle,
                   std::string_view close) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += middle;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

TEST(GraphqlParserTest, LimitsNestingDepth) {
  EXPECT_EQ(ParseError("type A @d(a: " + Nested(100, "[", "1", "]") + ") { a: Int }"), "parsed");
  EXPECT_EQ(ParseError("type A { a: " + Nested(100, "[", "Int", "]!") + " }"), "parsed");
  const std::string too_deep =
      "Syntax Error: Nesting too deep: more than 128 levels of lists, "
      "objects or list types.";
  EXPECT_EQ(ParseError("type A @d(a: " + Nested(256, "[", "1", "]") + ") { a: Int }"),
            too_deep + " @1:142");
  EXPECT_EQ(ParseError("type A { a: " + Nested(256, "[", "Int", "]") + " }"), too_deep + " @1:141");
  EXPECT_EQ(ParseError("type A @d(a: " + Nested(100000, "{a:", "1", "}") + ")").substr(0, 40),
            too_deep.substr(0, 40));
  EXPECT_EQ(ParseError(Nested(1000000, "[", "", "")), "Syntax Error: Unexpected \"[\". @1:1");
}

TEST(GraphqlParserTest, NeverFailsBadlyOnArbitraryBytes) {
  std::mt19937 random(20211026);
  const std::string seed =
      "\"\"\"d\"\"\" type A @d(a: [1, {b: \"x\\u00e9\"}]) { a(x: Int = 2): [B!]! }";
  for (int round = 0; round < 3000; ++round) {
    std::string source = seed;
    int edits = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < edits; ++i) {
      std::size_t at = random() % (source.size() + 1);
      if (random() % 2 == 0 && at < source.size()) {
        source.erase(at, 1);
      } else {
        source.insert(at, 1, static_cast<char>(random() % 256));
      }
    }
    CodegenResult<Document> result = ParseSdl(source);
    if (!result.ok()) {
      EXPECT_EQ(result.error().message.rfind("Syntax Error: ", 0), 0u) << source;
      EXPECT_TRUE(result.error().location.has_value());
    }
  }
}

TEST(GraphqlParserTest, ParsesTheModelgenCorpus) {
  const std::filesystem::path directory =
      std::filesystem::path(AMPLIFY_SOURCE_DIR) / "tests/corpus/modelgen";
  ASSERT_TRUE(std::filesystem::is_directory(directory)) << directory;
  int parsed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".graphql") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream contents;
    contents << file.rdbuf();
    CodegenResult<Document> result = ParseSdl(contents.str());
    EXPECT_TRUE(result.ok()) << entry.path() << ": " << result.error().ToString();
    if (result.ok()) {
      EXPECT_FALSE(result->definitions.empty()) << entry.path();
    }
    ++parsed;
  }
  EXPECT_GE(parsed, 20);
}

}  // namespace
}  // namespace amplify::codegen
