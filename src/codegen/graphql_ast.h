#pragma once
// The GraphQL type-system document (SDL) as the parser produces it. Plain values, no pointers
// between nodes: the model builder looks types up by name.
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace amplify::codegen {

struct SourceLocation {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};

struct ObjectField;

// A literal in a directive argument or a default value.
struct Value {
  enum class Kind { Null, Int, Float, String, Boolean, Enum, Variable, List, Object };
  Kind kind = Kind::Null;
  // Int/Float: the literal as written; String: the decoded string (escapes and block-string
  // indentation already processed); Enum/Variable: the name.
  std::string text;
  bool boolean = false;
  std::vector<Value> items;          // List
  std::vector<ObjectField> fields;   // Object, in source order
  SourceLocation location;
};

struct ObjectField {
  std::string name;
  Value value;
};

struct Argument {
  std::string name;
  Value value;
  SourceLocation location;
};

struct Directive {
  std::string name;
  std::vector<Argument> arguments;  // source order
  SourceLocation location;

  const Argument* Find(const std::string& argument_name) const {
    for (const auto& argument : arguments) {
      if (argument.name == argument_name) return &argument;
    }
    return nullptr;
  }
};

// Named, [inner] or inner!
struct TypeRef {
  enum class Kind { Named, List, NonNull };
  Kind kind = Kind::Named;
  std::string name;                     // Named only
  std::shared_ptr<const TypeRef> inner;  // List and NonNull only
  SourceLocation location;

  // The innermost named type.
  const std::string& NamedType() const { return kind == Kind::Named ? name : inner->NamedType(); }
};

struct InputValueDefinition {
  std::optional<std::string> description;
  std::string name;
  TypeRef type;
  std::optional<Value> default_value;
  std::vector<Directive> directives;
  SourceLocation location;
};

struct FieldDefinition {
  std::optional<std::string> description;
  std::string name;
  std::vector<InputValueDefinition> arguments;
  TypeRef type;
  std::vector<Directive> directives;
  SourceLocation location;
};

struct EnumValueDefinition {
  std::optional<std::string> description;
  std::string name;
  std::vector<Directive> directives;
  SourceLocation location;
};

struct OperationTypeDefinition {
  std::string operation;  // "query", "mutation" or "subscription"
  std::string type_name;
  SourceLocation location;
};

enum class DefinitionKind {
  Schema,
  Scalar,
  Object,
  Interface,
  Union,
  Enum,
  InputObject,
  Directive,
};

// One definition or extension (`extend type X …`) in source order. Members not used by a kind
// stay empty.
struct Definition {
  DefinitionKind kind = DefinitionKind::Object;
  bool is_extension = false;
  std::optional<std::string> description;
  std::string name;                                   // empty for schema definitions
  std::vector<std::string> interfaces;                // Object, Interface
  std::vector<Directive> directives;                  // all but Directive definitions
  std::vector<FieldDefinition> fields;                // Object, Interface
  std::vector<InputValueDefinition> input_fields;     // InputObject
  std::vector<EnumValueDefinition> enum_values;       // Enum
  std::vector<std::string> union_members;             // Union
  std::vector<OperationTypeDefinition> operation_types;  // Schema
  std::vector<InputValueDefinition> arguments;        // Directive definitions
  bool repeatable = false;                            // Directive definitions
  std::vector<std::string> locations;                 // Directive definitions
  SourceLocation location;
};

struct Document {
  std::vector<Definition> definitions;
};

}  // namespace amplify::codegen
