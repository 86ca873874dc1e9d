#include "codegen/schema_merge.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "codegen/amplify_directives.h"
#include "codegen/directive_merge.h"
#include "codegen/schema_build.h"

namespace amplify::codegen {
namespace {

bool IsTypeDefinition(DefinitionKind kind) {
  return kind != DefinitionKind::Schema && kind != DefinitionKind::Directive;
}

// One type definition or extension as shared nodes. Object, interface and input fields share
// `fields`, as they share `fields` in graphql-js.
struct TypeNode {
  DefinitionKind kind = DefinitionKind::Object;
  std::string name;
  DirectiveNodes directives;
  FieldNodes fields;
  std::vector<EnumValueDefinition> enum_values;
  std::vector<std::string> union_members;
  std::vector<std::string> interfaces;
  SourceLocation location;
};

TypeNode ToTypeNode(const Definition& definition) {
  TypeNode node;
  node.kind = definition.kind;
  node.name = definition.name;
  node.directives = ToNodes(definition.directives);
  node.fields = definition.kind == DefinitionKind::InputObject ? ToNodes(definition.input_fields)
                                                               : ToNodes(definition.fields);
  node.enum_values = definition.enum_values;
  node.union_members = definition.union_members;
  node.interfaces = definition.interfaces;
  node.location = definition.location;
  return node;
}

Definition FromTypeNode(const TypeNode& node) {
  Definition definition;
  definition.kind = node.kind;
  definition.name = node.name;
  definition.directives = FromNodes(node.directives);
  if (node.kind == DefinitionKind::InputObject) {
    definition.input_fields = InputFieldsFromNodes(node.fields);
  } else if (node.kind == DefinitionKind::Object || node.kind == DefinitionKind::Interface) {
    definition.fields = FieldsFromNodes(node.fields);
  }
  definition.enum_values = node.enum_values;
  definition.union_members = node.union_members;
  definition.interfaces = node.interfaces;
  definition.location = node.location;
  return definition;
}

std::string ErrorPrefix(const TypeNode& incoming) {
  switch (incoming.kind) {
    case DefinitionKind::Object: return "Unable to merge GraphQL type \"" + incoming.name + "\": ";
    case DefinitionKind::InputObject:
      return "Unable to merge GraphQL input type \"" + incoming.name + "\": ";
    case DefinitionKind::Interface:
      return "Unable to merge GraphQL interface \"" + incoming.name + "\": ";
    default: return "";
  }
}

CodegenError WithPrefix(const std::string& prefix, CodegenError error) {
  error.message = prefix + error.message;
  return error;
}

// enum-values.js: the incoming values first, then the existing ones it lacks.
std::vector<EnumValueDefinition> MergeEnumValues(const TypeNode& existing,
                                                 const TypeNode& incoming) {
  std::vector<EnumValueDefinition> values;
  auto add = [&values](const EnumValueDefinition& value) {
    auto match = std::find_if(values.begin(), values.end(),
                              [&](const EnumValueDefinition& v) { return v.name == value.name; });
    if (match == values.end()) values.push_back(value);
  };
  for (const EnumValueDefinition& value : incoming.enum_values) add(value);
  if (existing.kind == DefinitionKind::Enum) {
    for (const EnumValueDefinition& value : existing.enum_values) add(value);
  }
  return values;
}

// One mergeGraphQLNodes pass over the document's type nodes: each name keeps the place of its
// first definition; later ones are merged into it by the incoming kind's merger.
class SchemaMerger {
 public:
  explicit SchemaMerger(const std::unordered_set<std::string>& repeatable)
      : repeatable_(repeatable) {}

  std::optional<CodegenError> Add(const TypeNode& node) {
    auto [it, inserted] = index_.emplace(node.name, types_.size());
    if (inserted) {
      types_.push_back(node);
      return std::nullopt;
    }
    CodegenResult<TypeNode> merged = Merge(types_[it->second], node);
    if (!merged.ok()) return merged.error();
    types_[it->second] = std::move(merged).value();
    return std::nullopt;
  }

  // An entry standing for a directive definition, for a type of that name to merge into.
  void AddDirectivePlaceholder(const std::string& name) {
    TypeNode placeholder;
    placeholder.kind = DefinitionKind::Directive;
    placeholder.name = name;
    if (index_.emplace(name, types_.size()).second) types_.push_back(std::move(placeholder));
  }

  std::vector<TypeNode>& types() { return types_; }

 private:
  CodegenResult<TypeNode> Merge(const TypeNode& existing, const TypeNode& incoming) {
    std::string prefix = ErrorPrefix(incoming);
    TypeNode merged;
    merged.kind = incoming.kind;
    merged.name = existing.name;
    merged.location =
        existing.kind == DefinitionKind::Directive ? incoming.location : existing.location;
    bool has_fields = incoming.kind == DefinitionKind::Object ||
                      incoming.kind == DefinitionKind::Interface ||
                      incoming.kind == DefinitionKind::InputObject;
    if (has_fields) {
      auto fields = MergeFieldNodes(incoming.name, existing.fields, incoming.fields);
      if (!fields.ok()) return WithPrefix(prefix, fields.error());
      merged.fields = std::move(fields).value();
    }
    auto directives = MergeDirectiveNodes(existing.directives, incoming.directives, repeatable_);
    if (!directives.ok()) return WithPrefix(prefix, directives.error());
    merged.directives = std::move(directives).value();
    if (incoming.kind == DefinitionKind::Object || incoming.kind == DefinitionKind::Interface) {
      merged.interfaces = MergeNamedTypes(existing.interfaces, incoming.interfaces);
    } else if (incoming.kind == DefinitionKind::Enum) {
      merged.enum_values = MergeEnumValues(existing, incoming);
    } else if (incoming.kind == DefinitionKind::Union) {
      merged.union_members = MergeNamedTypes(
          existing.kind == DefinitionKind::Union ? existing.union_members
                                                 : std::vector<std::string>{},
          incoming.union_members);
    }
    return merged;
  }

  const std::unordered_set<std::string>& repeatable_;
  std::vector<TypeNode> types_;
  std::unordered_map<std::string, size_t> index_;
};

bool HasRepeatedNames(const Document& document) {
  std::vector<std::string_view> names;
  names.reserve(document.definitions.size());
  for (const Definition& definition : document.definitions) {
    if (IsTypeDefinition(definition.kind)) names.push_back(definition.name);
  }
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) != names.end();
}

// mergeGraphQLNodes starts from the merged directive definitions: a type named like a directive
// (`type auth`) is merged into that entry, so it takes the directive's place before all types.
bool NamesADirective(const Document& document, const DirectiveDefinitions& directives) {
  std::unordered_set<std::string_view> names(directives.names.begin(), directives.names.end());
  return std::any_of(document.definitions.begin(), document.definitions.end(),
                     [&names](const Definition& definition) {
                       return IsTypeDefinition(definition.kind) && names.count(definition.name) != 0;
                     });
}

// The document's types after `passes` merges of the same (mutated) nodes: pointers into the
// document when no name repeats, else into `owned`.
std::optional<CodegenError> MergeTypes(const Document& document,
                                       const DirectiveDefinitions& directives, int passes,
                                       MergedSchema& schema) {
  bool names_a_directive = NamesADirective(document, directives);
  if (!names_a_directive && !HasRepeatedNames(document)) {
    for (const Definition& definition : document.definitions) {
      if (IsTypeDefinition(definition.kind)) schema.types.push_back(&definition);
    }
    return std::nullopt;
  }
  std::vector<TypeNode> nodes;
  for (const Definition& definition : document.definitions) {
    if (IsTypeDefinition(definition.kind)) nodes.push_back(ToTypeNode(definition));
  }
  std::vector<TypeNode> merged;
  for (int pass = 0; pass < std::max(passes, 1); ++pass) {
    SchemaMerger merger(directives.repeatable);
    if (names_a_directive) {
      for (const std::string& name : directives.names) merger.AddDirectivePlaceholder(name);
    }
    for (const TypeNode& node : nodes) {
      if (auto error = merger.Add(node)) return error;
    }
    merged = std::move(merger.types());
  }
  for (const TypeNode& node : merged) {
    if (node.kind == DefinitionKind::Directive) continue;  // a placeholder no type replaced
    schema.owned.push_back(FromTypeNode(node));
    schema.types.push_back(&schema.owned.back());
  }
  return std::nullopt;
}

struct RootTypes {
  std::optional<std::string> query, mutation, subscription;
  std::vector<const OperationTypeDefinition*> written;  // for unknown-type checks
};

// mergeSchemaDefs then mergeGraphQLTypes' defaults: each operation keeps the type the latest
// schema definition names; one that none names uses the type of its default name if defined.
RootTypes ResolveRootTypes(const Document& document, const std::vector<const Definition*>& types) {
  auto defined = [&types](const char* name) {
    return std::any_of(types.begin(), types.end(),
                       [name](const Definition* type) { return type->name == name; });
  };
  RootTypes roots;
  for (const Definition& definition : document.definitions) {
    if (definition.kind != DefinitionKind::Schema) continue;
    for (const OperationTypeDefinition& operation : definition.operation_types) {
      roots.written.push_back(&operation);
    }
    auto take = [&](const std::string& operation, std::optional<std::string>& slot) {
      for (auto it = definition.operation_types.rbegin(); it != definition.operation_types.rend();
           ++it) {
        if (it->operation == operation) {
          slot = it->type_name;
          return;
        }
      }
    };
    take("query", roots.query);
    take("mutation", roots.mutation);
    take("subscription", roots.subscription);
  }
  if (!roots.query && defined("Query")) roots.query = "Query";
  if (!roots.mutation && defined("Mutation")) roots.mutation = "Mutation";
  if (!roots.subscription && defined("Subscription")) roots.subscription = "Subscription";
  return roots;
}

}  // namespace

CodegenResult<MergedSchema> MergeSchema(const Document& document, int merge_passes) {
  auto directives = MergeDirectiveDefinitions(document);
  if (!directives.ok()) return directives.error();
  MergedSchema schema;
  if (auto error = MergeTypes(document, directives.value(), merge_passes, schema)) {
    return *error;
  }
  RootTypes roots = ResolveRootTypes(document, schema.types);
  if (auto error = CheckTypeReferences(schema.types, roots.written, directives->definitions)) {
    return *error;
  }
  schema.query_type = roots.query.value_or("");
  schema.mutation_type = roots.mutation.value_or("");
  schema.subscription_type = roots.subscription.value_or("");
  schema.types = OrderAsPrinted(schema.types);
  for (const Definition*& type : schema.types) {
    if (!HasRepeatedMemberNames(*type)) continue;
    schema.owned.push_back(*type);
    KeepFirstOfEachName(schema.owned.back());
    type = &schema.owned.back();
  }
  return schema;
}

bool HasDefinitionsToMerge(const Document& document) {
  if (HasRepeatedNames(document)) return true;
  auto directives = MergeDirectiveDefinitions(document);
  return directives.ok() && NamesADirective(document, directives.value());
}

}  // namespace amplify::codegen
