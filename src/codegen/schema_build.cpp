#include "codegen/schema_build.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "codegen/amplify_directives.h"

namespace amplify::codegen {
namespace {

// Scalars every schema knows: graphql-js' own and the ones the plugin's addToSchema declares
// (scalars/index.js, the same names for the javascript and introspection targets).
const std::unordered_set<std::string>& PredefinedTypes() {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> found = {
        "ID",           "String",  "Int",     "Float",      "Boolean",    "AWSDate",
        "AWSDateTime",  "AWSTime", "AWSTimestamp", "AWSEmail", "AWSJSON", "AWSURL",
        "AWSPhone",     "AWSIPAddress"};
    for (const std::string& name : AmplifyDirectiveTypeNames()) found.insert(name);
    return found;
  }();
  return names;
}

class ReferenceChecker {
 public:
  explicit ReferenceChecker(const std::vector<const Definition*>& types) {
    known_.reserve(types.size());
    for (const Definition* type : types) known_.insert(type->name);
  }

  std::optional<CodegenError> Check(const std::string& name, SourceLocation location) const {
    if (known_.count(name) != 0 || PredefinedTypes().count(name) != 0) return std::nullopt;
    return CodegenError{"Unknown type: \"" + name + "\".", location};
  }

  std::optional<CodegenError> Check(const TypeRef& type) const {
    const TypeRef* named = &type;
    while (named->kind != TypeRef::Kind::Named) named = named->inner.get();
    return Check(named->name, named->location);
  }

  std::optional<CodegenError> CheckArguments(const std::vector<InputValueDefinition>& args) const {
    for (const InputValueDefinition& argument : args) {
      if (auto error = Check(argument.type)) return error;
    }
    return std::nullopt;
  }

  std::optional<CodegenError> CheckType(const Definition& type) const {
    for (const std::string& name : type.interfaces) {
      if (auto error = Check(name, type.location)) return error;
    }
    for (const FieldDefinition& field : type.fields) {
      if (auto error = Check(field.type)) return error;
      if (auto error = CheckArguments(field.arguments)) return error;
    }
    for (const std::string& name : type.union_members) {
      if (auto error = Check(name, type.location)) return error;
    }
    return CheckArguments(type.input_fields);
  }

 private:
  std::unordered_set<std::string_view> known_;
};

// The first definition of each name, in order, with the index of the last one.
template <class Member>
std::vector<std::pair<size_t, size_t>> FirstAndLast(const std::vector<Member>& members) {
  std::vector<std::pair<size_t, size_t>> slots;
  std::unordered_map<std::string, size_t> slot_of;
  for (size_t i = 0; i < members.size(); ++i) {
    auto [it, inserted] = slot_of.emplace(members[i].name, slots.size());
    if (inserted) {
      slots.emplace_back(i, i);
    } else {
      slots[it->second].second = i;
    }
  }
  return slots;
}

template <class Member>
bool HasRepeatedNames(const std::vector<Member>& members) {
  std::vector<std::string_view> names;
  names.reserve(members.size());
  for (const Member& member : members) names.push_back(member.name);
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) != names.end();
}

// A field's arguments named more than once: graphql-js keeps the first place and the last type;
// printSchemaWithDirectives then restores the directives of the first one of that name.
void RebuildArguments(FieldDefinition& field) {
  std::vector<InputValueDefinition> arguments;
  for (auto [first_index, last_index] : FirstAndLast(field.arguments)) {
    InputValueDefinition argument = field.arguments[last_index];
    argument.directives = field.arguments[first_index].directives;
    arguments.push_back(std::move(argument));
  }
  field.arguments = std::move(arguments);
}

// Fields named more than once: the schema the reference builds (graphql-tools mapSchema's
// correctASTNodes) keeps the first place but the whole last definition.
template <class Field>
void RebuildFields(std::vector<Field>& fields) {
  if (HasRepeatedNames(fields)) {
    std::vector<Field> rebuilt;
    for (auto [first_index, last_index] : FirstAndLast(fields)) {
      rebuilt.push_back(std::move(fields[last_index]));
    }
    fields = std::move(rebuilt);
  }
  if constexpr (std::is_same_v<Field, FieldDefinition>) {
    for (Field& field : fields) {
      if (HasRepeatedNames(field.arguments)) RebuildArguments(field);
    }
  }
}

bool IsReplacedByGraphqlJs(const std::string& name) {
  static const std::unordered_set<std::string> names = {
      "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Type", "__TypeKind", "__Field",
      "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"};
  return names.count(name) != 0;
}

// The type names a definition refers to, in the order collectReferencedTypes visits them.
std::vector<std::string> ReferencedNames(const Definition& type) {
  std::vector<std::string> names = type.interfaces;
  auto named = [](const TypeRef& ref) {
    const TypeRef* current = &ref;
    while (current->kind != TypeRef::Kind::Named && current->inner) current = current->inner.get();
    return current->name;
  };
  for (const FieldDefinition& field : type.fields) {
    names.push_back(named(field.type));
    for (const InputValueDefinition& argument : field.arguments) names.push_back(named(argument.type));
  }
  for (const std::string& member : type.union_members) names.push_back(member);
  for (const InputValueDefinition& field : type.input_fields) names.push_back(named(field.type));
  return names;
}

}  // namespace

std::vector<const Definition*> OrderAsPrinted(const std::vector<const Definition*>& types) {
  std::unordered_map<std::string_view, const Definition*> reserved;  // `__` types by name
  std::vector<const Definition*> kept;
  kept.reserve(types.size());
  for (const Definition* type : types) {
    if (IsReplacedByGraphqlJs(type->name)) continue;
    if (type->name.rfind("__", 0) == 0) {
      reserved.emplace(type->name, type);
    } else {
      kept.push_back(type);
    }
  }
  if (reserved.empty()) return kept;
  std::vector<const Definition*> ordered;
  ordered.reserve(types.size());
  struct Frame {
    std::vector<std::string> names;
    size_t next = 0;
  };
  for (const Definition* type : kept) {
    ordered.push_back(type);
    // Depth first, with an explicit stack: each reserved type goes right after its referrer.
    std::vector<Frame> stack;
    stack.push_back({ReferencedNames(*type), 0});
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.names.size()) {
        stack.pop_back();
        continue;
      }
      auto found = reserved.find(top.names[top.next++]);
      if (found == reserved.end()) continue;
      const Definition* referenced = found->second;
      reserved.erase(found);
      ordered.push_back(referenced);
      stack.push_back({ReferencedNames(*referenced), 0});
    }
  }
  return ordered;
}

std::optional<CodegenError> CheckTypeReferences(
    const std::vector<const Definition*>& types,
    const std::vector<const OperationTypeDefinition*>& roots,
    const std::vector<const Definition*>& directive_definitions) {
  ReferenceChecker checker(types);
  for (const OperationTypeDefinition* root : roots) {
    if (auto error = checker.Check(root->type_name, root->location)) return error;
  }
  for (const Definition* directive : directive_definitions) {
    if (auto error = checker.CheckArguments(directive->arguments)) return error;
  }
  for (const Definition* type : types) {
    // graphql-js never builds a type it replaces with its own, so never resolves its fields.
    if (IsReplacedByGraphqlJs(type->name)) continue;
    if (auto error = checker.CheckType(*type)) return error;
  }
  return std::nullopt;
}

bool HasRepeatedMemberNames(const Definition& type) {
  if (HasRepeatedNames(type.fields) || HasRepeatedNames(type.input_fields) ||
      HasRepeatedNames(type.enum_values)) {
    return true;
  }
  for (const FieldDefinition& field : type.fields) {
    if (HasRepeatedNames(field.arguments)) return true;
  }
  return false;
}

void KeepFirstOfEachName(Definition& type) {
  RebuildFields(type.fields);
  RebuildFields(type.input_fields);
  if (HasRepeatedNames(type.enum_values)) {
    std::vector<EnumValueDefinition> values;
    for (auto [first_index, last_index] : FirstAndLast(type.enum_values)) {
      values.push_back(std::move(type.enum_values[last_index]));
    }
    type.enum_values = std::move(values);
  }
}

}  // namespace amplify::codegen
