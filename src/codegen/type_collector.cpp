#include "codegen/type_collector.h"

#include <algorithm>
#include <boost/json/monotonic_resource.hpp>
#include <unordered_map>

#include "codegen/amplify_directives.h"
#include "codegen/directive_values.h"
#include "codegen/model_fields.h"
#include "codegen/name_case.h"
#include "codegen/primary_keys.h"

namespace amplify::codegen {
namespace {

// The parser bounds type nesting; this guards hand-built documents.
constexpr int kMaxTypeDepth = 512;

void FillTypeInfo(const TypeRef& type, TypeInfo& info, int depth) {
  if (depth > kMaxTypeDepth || type.kind == TypeRef::Kind::Named || !type.inner) {
    info.type = type.name;
    return;
  }
  FillTypeInfo(*type.inner, info, depth + 1);
  if (type.kind == TypeRef::Kind::List) {
    info.is_list = true;
    info.is_list_nullable = true;
  } else if (type.inner->kind == TypeRef::Kind::List) {
    // `[T]!`: getTypeInfo looks through the list, so T keeps its own nullability.
    info.is_list = true;
    info.is_list_nullable = false;
  } else {
    info.is_nullable = false;
  }
}

CodeGenInputValue ConvertInputValue(const InputValueDefinition& input,
                                    const boost::json::storage_ptr& storage) {
  CodeGenInputValue value;
  static_cast<TypeInfo&>(value) = TypeInfoOf(input.type);
  value.name = input.name;
  value.directives = ConvertDirectives(input.directives, storage);
  return value;
}

// Types the visitor ignores: `AMPLIFY` and the inputs and enums of the directive definitions.
bool IsSkipped(const std::string& name) {
  return name == "AMPLIFY" || AmplifyDirectiveTypeNames().count(name) != 0;
}

// JavaScript orders integer-like keys (canonical array indexes) first, ascending.
bool IsArrayIndex(const std::string& key) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return false;
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return std::stoull(key) < 4294967295ULL;
}

// `values[constantCase(name)] = name` for each value, then Object.values: values whose keys
// collide keep the first one's place and the last one's name.
std::vector<std::string> EnumValues(const std::vector<EnumValueDefinition>& definitions) {
  std::vector<std::pair<std::string, std::string>> entries;
  std::unordered_map<std::string, size_t> index;
  for (const EnumValueDefinition& definition : definitions) {
    std::string key = ConstantCase(definition.name);
    auto [it, inserted] = index.emplace(key, entries.size());
    if (inserted) {
      entries.emplace_back(std::move(key), definition.name);
    } else {
      entries[it->second].second = definition.name;
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    bool a_index = IsArrayIndex(a.first);
    bool b_index = IsArrayIndex(b.first);
    if (a_index != b_index) return a_index;
    return a_index && std::stoull(a.first) < std::stoull(b.first);
  });
  std::vector<std::string> values;
  values.reserve(entries.size());
  for (auto& entry : entries) values.push_back(std::move(entry.second));
  return values;
}

// graphql-js builds fields, arguments and input fields into plain JavaScript objects, where a
// member named `__proto__` sets the prototype instead: the reference never sees such a member
// (enum values are kept).
bool IsDroppedName(const std::string& name) { return name == "__proto__"; }

// Room for `id`, the timestamps and a few foreign keys, which come later.
constexpr size_t kAddedFieldsReserve = 4;

std::vector<CodeGenField> ConvertFields(const std::vector<FieldDefinition>& fields,
                                        const boost::json::storage_ptr& storage) {
  std::vector<CodeGenField> converted;
  converted.reserve(fields.size() + kAddedFieldsReserve);
  for (const FieldDefinition& field : fields) {
    if (!IsDroppedName(field.name)) converted.push_back(ConvertField(field, storage));
  }
  return converted;
}

CodegenResult<CodeGenModel> BuildModel(const Definition& type,
                                       std::vector<CodeGenDirective> directives,
                                       const boost::json::storage_ptr& storage) {
  CodeGenModel model;
  model.name = type.name;
  model.location = type.location;
  model.directives = std::move(directives);
  model.fields = ConvertFields(type.fields, storage);
  if (auto error = EnsurePrimaryKeyField(model)) return *error;
  CodeGenDirective model_directive = *FindDirective(model.directives, "model");
  if (auto error = AddTimestampFields(model, model_directive)) return *error;
  MoveIdFirst(model);
  return model;
}

std::optional<CodegenError> CollectObject(const Definition& type, const MergedSchema& schema,
                                          const boost::json::storage_ptr& storage,
                                          SchemaModel& out) {
  std::vector<CodeGenDirective> directives = ConvertDirectives(type.directives, storage);
  if (FindDirective(directives, "model") != nullptr) {
    CodegenResult<CodeGenModel> model = BuildModel(type, std::move(directives), storage);
    if (!model.ok()) return model.error();
    out.models.Put(type.name, std::move(model).value());
    return std::nullopt;
  }
  OrderedMap<CodeGenField>* operations = nullptr;
  if (type.name == schema.query_type) {
    operations = &out.queries;
  } else if (type.name == schema.mutation_type) {
    operations = &out.mutations;
  } else if (type.name == schema.subscription_type) {
    operations = &out.subscriptions;
  }
  if (operations != nullptr) {
    for (const FieldDefinition& field : type.fields) {
      if (!IsDroppedName(field.name)) operations->Put(field.name, ConvertField(field, storage));
    }
    return std::nullopt;
  }
  CodeGenModel non_model;
  non_model.name = type.name;
  non_model.location = type.location;
  non_model.directives = std::move(directives);
  non_model.fields = ConvertFields(type.fields, storage);
  out.non_models.Put(type.name, std::move(non_model));
  return std::nullopt;
}

}  // namespace

TypeInfo TypeInfoOf(const TypeRef& type) {
  TypeInfo info;
  FillTypeInfo(type, info, 0);
  return info;
}

CodeGenField ConvertField(const FieldDefinition& field, const boost::json::storage_ptr& storage) {
  CodeGenField converted;
  static_cast<TypeInfo&>(converted) = TypeInfoOf(field.type);
  converted.name = field.name;
  converted.directives = ConvertDirectives(field.directives, storage);
  converted.location = field.location;
  converted.parameters.reserve(field.arguments.size());
  for (const InputValueDefinition& argument : field.arguments) {
    if (!IsDroppedName(argument.name)) {
      converted.parameters.push_back(ConvertInputValue(argument, storage));
    }
  }
  return converted;
}

CodegenResult<SchemaModel> CollectTypes(const MergedSchema& schema) {
  SchemaModel out;
  // One arena for every directive argument of this schema: the model keeps it alive through
  // the values' shared storage pointer.
  boost::json::storage_ptr storage =
      boost::json::make_shared_resource<boost::json::monotonic_resource>();
  for (const Definition* definition : schema.types) {
    const Definition& type = *definition;
    if (IsSkipped(type.name)) continue;
    switch (type.kind) {
      case DefinitionKind::Object:
        if (auto error = CollectObject(type, schema, storage, out)) return *error;
        break;
      case DefinitionKind::InputObject: {
        CodeGenInputObject input{type.name, {}};
        for (const InputValueDefinition& value : type.input_fields) {
          if (!IsDroppedName(value.name)) {
            input.input_values.push_back(ConvertInputValue(value, storage));
          }
        }
        out.inputs.Put(type.name, std::move(input));
        break;
      }
      case DefinitionKind::Enum:
        out.enums.Put(type.name, CodeGenEnum{type.name, EnumValues(type.enum_values)});
        break;
      case DefinitionKind::Union:
        out.unions.Put(type.name, CodeGenUnion{type.name, type.union_members});
        break;
      case DefinitionKind::Interface:
        out.interfaces.Put(type.name,
                           CodeGenInterface{type.name, ConvertFields(type.fields, storage)});
        break;
      default: break;
    }
  }
  return out;
}

}  // namespace amplify::codegen
