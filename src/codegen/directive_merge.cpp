#include "codegen/directive_merge.h"

#include <algorithm>
#include <utility>

namespace amplify::codegen {
namespace {

// The `.value` graphql-js literal nodes carry: the text of strings, enums and numbers, the
// boolean of booleans, nothing (undefined) for the rest. Lists are deduplicated by it.
struct LiteralKey {
  bool is_bool = false;
  std::string text;
  bool boolean = false;
  bool operator==(const LiteralKey& other) const {
    return is_bool == other.is_bool && (is_bool ? boolean == other.boolean : text == other.text);
  }
};

std::optional<LiteralKey> KeyOf(const Value& value) {
  switch (value.kind) {
    case Value::Kind::String:
    case Value::Kind::Enum:
    case Value::Kind::Int:
    case Value::Kind::Float: return LiteralKey{false, value.text, false};
    case Value::Kind::Boolean: return LiteralKey{true, "", value.boolean};
    default: return std::nullopt;
  }
}

bool IsFalsy(const std::optional<LiteralKey>& key) {
  return !key || (key->is_bool ? !key->boolean : key->text.empty());
}

// deduplicateLists(source, target): target items whose value is falsy or not in source are
// appended. `target` may be the very list `source` is (a value shared by two arguments).
std::vector<Value> ConcatNewItems(const std::vector<Value>& source,
                                  const std::vector<Value>& target) {
  std::vector<Value> items = source;
  for (const Value& item : target) {
    std::optional<LiteralKey> key = KeyOf(item);
    bool seen = false;
    if (!IsFalsy(key)) {
      for (const Value& existing : source) {
        if (KeyOf(existing) == key) {
          seen = true;
          break;
        }
      }
    }
    if (!seen) items.push_back(item);
  }
  return items;
}

using ArgumentNodes = std::vector<std::shared_ptr<ArgumentNode>>;

// directives.js mergeArguments(incoming, existing): the existing argument nodes, mutated in
// place (a list gains the incoming items, another value is replaced by the incoming node), then
// the incoming arguments the list lacks.
CodegenResult<ArgumentNodes> MergeArgumentNodes(const ArgumentNodes& incoming,
                                                const ArgumentNodes& existing) {
  ArgumentNodes result = existing;
  for (const std::shared_ptr<ArgumentNode>& argument : incoming) {
    auto match = std::find_if(result.begin(), result.end(),
                              [&](const auto& a) { return a->name == argument->name; });
    if (match == result.end()) {
      result.push_back(argument);
      continue;
    }
    ArgumentNode& target = **match;
    if (target.value->value.kind != Value::Kind::List) {
      target.value = argument->value;
      continue;
    }
    if (argument->value->value.kind != Value::Kind::List) {
      return CodegenError{"Cannot read properties of undefined (reading 'filter')",
                          argument->location};
    }
    std::vector<Value> items = ConcatNewItems(target.value->value.items, argument->value->value.items);
    target.value->value.items = std::move(items);
  }
  return result;
}

std::string PrintType(const TypeRef& type) {
  switch (type.kind) {
    case TypeRef::Kind::Named: return type.name;
    case TypeRef::Kind::List: return "[" + PrintType(*type.inner) + "]";
    case TypeRef::Kind::NonNull: return PrintType(*type.inner) + "!";
  }
  return type.name;
}

// fields.js safeChangeForFieldType: the same shape once non-null wrappers are ignored (two named
// types always pass: the reference compares them as "[object Object]").
bool IsSafeTypeChange(const TypeRef& old_type, const TypeRef& new_type) {
  if (old_type.kind == TypeRef::Kind::Named && new_type.kind == TypeRef::Kind::Named) return true;
  if (new_type.kind == TypeRef::Kind::NonNull) {
    const TypeRef& of = old_type.kind == TypeRef::Kind::NonNull ? *old_type.inner : old_type;
    return IsSafeTypeChange(of, *new_type.inner);
  }
  if (old_type.kind == TypeRef::Kind::NonNull) return IsSafeTypeChange(new_type, old_type);
  if (old_type.kind == TypeRef::Kind::List) {
    return new_type.kind == TypeRef::Kind::List &&
           IsSafeTypeChange(*old_type.inner, *new_type.inner);
  }
  return false;
}

// fields.js preventConflicts: the existing field keeps its type unless the incoming one makes it
// non-null; a different named type or shape is an error.
std::optional<CodegenError> ReconcileFieldType(const std::string& type_name, FieldNode& existing,
                                               const FieldNode& incoming) {
  std::string existing_text = PrintType(existing.type);
  std::string incoming_text = PrintType(incoming.type);
  if (existing_text != incoming_text) {
    if (existing.type.NamedType() != incoming.type.NamedType()) {
      return CodegenError{"Field \"" + incoming.name +
                              "\" already defined with a different type. Declared as \"" +
                              existing.type.NamedType() + "\", but you tried to override with \"" +
                              incoming.type.NamedType() + "\"",
                          incoming.location};
    }
    if (!IsSafeTypeChange(existing.type, incoming.type)) {
      return CodegenError{"Field '" + type_name + "." + existing.name + "' changed type from '" +
                              existing_text + "' to '" + incoming_text + "'",
                          incoming.location};
    }
  }
  if (incoming.type.kind == TypeRef::Kind::NonNull && existing.type.kind != TypeRef::Kind::NonNull) {
    existing.type = incoming.type;
  }
  return std::nullopt;
}

// arguments.js mergeArguments(incoming, existing): existing then incoming, a repeated name
// replaced in place by the later one.
std::vector<InputValueDefinition> MergeFieldArguments(
    const std::vector<InputValueDefinition>& existing,
    const std::vector<InputValueDefinition>& incoming) {
  std::vector<InputValueDefinition> result;
  auto add = [&result](const InputValueDefinition& argument) {
    auto match = std::find_if(result.begin(), result.end(), [&](const InputValueDefinition& a) {
      return a.name == argument.name;
    });
    if (match == result.end()) {
      result.push_back(argument);
    } else {
      *match = argument;
    }
  };
  for (const InputValueDefinition& argument : existing) add(argument);
  for (const InputValueDefinition& argument : incoming) add(argument);
  return result;
}

const std::unordered_set<std::string> kNoRepeatable;

}  // namespace

DirectiveNodes ToNodes(const std::vector<Directive>& directives) {
  DirectiveNodes nodes;
  nodes.reserve(directives.size());
  for (const Directive& directive : directives) {
    auto node = std::make_shared<DirectiveNode>();
    node->name = directive.name;
    node->location = directive.location;
    for (const Argument& argument : directive.arguments) {
      node->arguments.push_back(std::make_shared<ArgumentNode>(
          ArgumentNode{argument.name, std::make_shared<ValueNode>(ValueNode{argument.value}),
                       argument.location}));
    }
    nodes.push_back(std::move(node));
  }
  return nodes;
}

FieldNodes ToNodes(const std::vector<FieldDefinition>& fields) {
  FieldNodes nodes;
  nodes.reserve(fields.size());
  for (const FieldDefinition& field : fields) {
    nodes.push_back(std::make_shared<FieldNode>(FieldNode{
        field.name, field.type, field.arguments, ToNodes(field.directives), std::nullopt,
        field.location}));
  }
  return nodes;
}

FieldNodes ToNodes(const std::vector<InputValueDefinition>& fields) {
  FieldNodes nodes;
  nodes.reserve(fields.size());
  for (const InputValueDefinition& field : fields) {
    nodes.push_back(std::make_shared<FieldNode>(FieldNode{
        field.name, field.type, {}, ToNodes(field.directives), field.default_value,
        field.location}));
  }
  return nodes;
}

std::vector<Directive> FromNodes(const DirectiveNodes& directives) {
  std::vector<Directive> out;
  out.reserve(directives.size());
  for (const auto& node : directives) {
    Directive directive;
    directive.name = node->name;
    directive.location = node->location;
    for (const auto& argument : node->arguments) {
      directive.arguments.push_back({argument->name, argument->value->value, argument->location});
    }
    out.push_back(std::move(directive));
  }
  return out;
}

std::vector<FieldDefinition> FieldsFromNodes(const FieldNodes& fields) {
  std::vector<FieldDefinition> out;
  out.reserve(fields.size());
  for (const auto& node : fields) {
    FieldDefinition field;
    field.name = node->name;
    field.type = node->type;
    field.arguments = node->arguments;
    field.directives = FromNodes(node->directives);
    field.location = node->location;
    out.push_back(std::move(field));
  }
  return out;
}

std::vector<InputValueDefinition> InputFieldsFromNodes(const FieldNodes& fields) {
  std::vector<InputValueDefinition> out;
  out.reserve(fields.size());
  for (const auto& node : fields) {
    InputValueDefinition field;
    field.name = node->name;
    field.type = node->type;
    field.default_value = node->default_value;
    field.directives = FromNodes(node->directives);
    field.location = node->location;
    out.push_back(std::move(field));
  }
  return out;
}

CodegenResult<DirectiveNodes> MergeDirectiveNodes(const DirectiveNodes& existing,
                                                  const DirectiveNodes& incoming,
                                                  const std::unordered_set<std::string>& repeatable) {
  DirectiveNodes result;
  result.reserve(existing.size() + incoming.size());
  // deduplicateDirectives: a later repeat folds its arguments into the first one's (mutating
  // them) and is dropped; its own argument list keeps the folded result.
  for (size_t i = 0; i < existing.size(); ++i) {
    const auto& directive = existing[i];
    auto first = std::find_if(existing.begin(), existing.end(),
                              [&](const auto& d) { return d->name == directive->name; });
    if (first != existing.begin() + static_cast<long>(i) && repeatable.count(directive->name) == 0) {
      auto merged = MergeArgumentNodes(directive->arguments, (*first)->arguments);
      if (!merged.ok()) return merged.error();
      directive->arguments = std::move(merged).value();
      continue;
    }
    result.push_back(directive);
  }
  for (const auto& directive : incoming) {
    auto match = std::find_if(result.begin(), result.end(),
                              [&](const auto& d) { return d->name == directive->name; });
    if (match != result.end() && repeatable.count(directive->name) == 0) {
      auto merged = MergeArgumentNodes(directive->arguments, (*match)->arguments);
      if (!merged.ok()) return merged.error();
      (*match)->arguments = std::move(merged).value();
      continue;
    }
    result.push_back(directive);
  }
  return result;
}

CodegenResult<FieldNodes> MergeFieldNodes(const std::string& type_name, const FieldNodes& existing,
                                          const FieldNodes& incoming) {
  FieldNodes result = existing;
  for (const auto& field : incoming) {
    auto match = std::find_if(result.begin(), result.end(),
                              [&](const auto& f) { return f->name == field->name; });
    if (match == result.end()) {
      result.push_back(field);
      continue;
    }
    FieldNode& target = **match;
    if (auto error = ReconcileFieldType(type_name, target, *field)) return *error;
    target.arguments = MergeFieldArguments(target.arguments, field->arguments);
    // fields.js passes no directive definitions here: every field directive merges as if not
    // repeatable (two @index become one).
    auto directives = MergeDirectiveNodes(target.directives, field->directives, kNoRepeatable);
    if (!directives.ok()) return directives.error();
    target.directives = std::move(directives).value();
  }
  return result;
}

std::vector<std::string> MergeNamedTypes(const std::vector<std::string>& existing,
                                         const std::vector<std::string>& incoming) {
  std::vector<std::string> result = existing;
  for (const std::string& name : incoming) {
    if (std::find(existing.begin(), existing.end(), name) == existing.end()) result.push_back(name);
  }
  return result;
}

}  // namespace amplify::codegen
