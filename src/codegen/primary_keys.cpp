#include "codegen/primary_keys.h"

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "codegen/directive_values.h"
#include "codegen/model_builder.h"
#include "codegen/model_fields.h"
#include "codegen/name_case.h"

namespace amplify::codegen {
namespace {

// `[first].concat(value ?? [])`: a list's items, or the value itself.
boost::json::array ConcatKeyFields(const std::string& first, const boost::json::value* more) {
  boost::json::array fields;
  fields.emplace_back(boost::json::string(first));
  if (more == nullptr || more->is_null()) return fields;
  if (const boost::json::array* items = more->if_array()) {
    for (const boost::json::value& item : *items) fields.push_back(item);
  } else {
    fields.push_back(*more);
  }
  return fields;
}

// generateDefaultIndexName: `${toLower(plural(model))}By${fields.map(toUpper).join('And')}`.
std::optional<std::string> DefaultIndexName(const std::string& model_name,
                                            const boost::json::array& fields) {
  std::string name = LowerFirst(PluralizeModelName(model_name)) + "By";
  for (size_t i = 0; i < fields.size(); ++i) {
    const boost::json::string* field = fields[i].if_string();
    if (field == nullptr) return std::nullopt;
    if (i > 0) name += "And";
    name += UpperFirst(*field);
  }
  return name;
}

const CodeGenField* FirstFieldWithDirective(const CodeGenModel& model, std::string_view name) {
  for (const CodeGenField& field : model.fields) {
    if (FindDirective(field.directives, name) != nullptr) return &field;
  }
  return nullptr;
}

std::optional<CodegenError> CheckPrimaryKeyField(const CodeGenModel& model,
                                                 const CodeGenField* field) {
  if (field == nullptr) {
    return CodegenError{"Cannot find primary key field in type " + model.name, model.location};
  }
  if (field->is_nullable) {
    return CodegenError{
        "The primary key on type '" + model.name + "' must reference non-null fields.",
        field->location};
  }
  return std::nullopt;
}

// processIndex keys its map by field name: a repeated name (a self @manyToMany join model)
// keeps its first place with the last field's directives.
std::vector<const CodeGenField*> FieldsByName(const CodeGenModel& model) {
  std::vector<const CodeGenField*> by_name;
  std::unordered_map<std::string_view, size_t> slot;
  for (const CodeGenField& field : model.fields) {
    auto [it, inserted] = slot.emplace(field.name, by_name.size());
    if (inserted) {
      by_name.push_back(&field);
    } else {
      by_name[it->second] = &field;
    }
  }
  return by_name;
}

// One @index as `key(name, queryField, fields)`.
CodegenResult<CodeGenDirective> IndexKey(const CodeGenModel& model, const CodeGenField& field,
                                         const CodeGenDirective& index) {
  boost::json::array fields =
      ConcatKeyFields(field.name, FindMember(index.arguments, "sortKeyFields"));
  CodeGenDirective key;
  key.name = "key";
  key.location = index.location;
  const boost::json::value* name = FindMember(index.arguments, "name");
  if (name != nullptr && !name->is_null()) {
    key.arguments["name"] = *name;
  } else if (std::optional<std::string> generated = DefaultIndexName(model.name, fields)) {
    key.arguments["name"] = *generated;
  } else {
    return CodegenError{"@index on " + model.name + "." + field.name +
                            ": sortKeyFields must be field names.",
                        index.location};
  }
  // An absent queryField stays absent (undefined); an explicit null is kept.
  if (const boost::json::value* query_field = FindMember(index.arguments, "queryField")) {
    key.arguments["queryField"] = *query_field;
  }
  key.arguments["fields"] = std::move(fields);
  return key;
}

}  // namespace

std::optional<CodegenError> EnsurePrimaryKeyField(CodeGenModel& model) {
  const CodeGenField* annotated = FirstFieldWithDirective(model, "primaryKey");
  if (annotated == nullptr) {
    EnsureIdField(model);
    CodeGenField* id = FindField(model, "id");
    if (auto error = CheckPrimaryKeyField(model, id)) return error;
    id->primary_key_info = CodeGenPrimaryKeyFieldInfo{PrimaryKeyType::ManagedId, {}};
    return std::nullopt;
  }
  std::string key_name = annotated->name;
  CodeGenField* key = FindField(model, key_name);
  if (auto error = CheckPrimaryKeyField(model, key)) return error;
  const CodeGenDirective* directive = nullptr;
  for (const FieldDirective& flat : FlattenFieldDirectives(model)) {
    if (flat.directive->name == "primaryKey") {
      directive = flat.directive;
      break;
    }
  }
  CodeGenPrimaryKeyFieldInfo info;
  const boost::json::value* sort_keys = FindMember(directive->arguments, "sortKeyFields");
  // `sortKeyFieldNames?.length > 0 ? names.map(find) : []`: only a non-empty list (or string)
  // names sort keys, and each must be a field of the model.
  std::vector<boost::json::value> names;
  if (sort_keys != nullptr && sort_keys->is_array()) names = SpreadList(sort_keys);
  if (sort_keys != nullptr && sort_keys->is_string() && !sort_keys->get_string().empty()) {
    return CodegenError{"sortKeyFields of the primary key in type " + model.name +
                            " must be a list of field names.",
                        directive->location};
  }
  for (const boost::json::value& name : names) {
    const boost::json::string* text = name.if_string();
    if (text == nullptr || FindField(model, *text) == nullptr) {
      return CodegenError{"Cannot find sort key field " + ScalarToString(name) +
                              " of the primary key in type " + model.name,
                          directive->location};
    }
    info.sort_key_fields.emplace_back(*text);
  }
  info.primary_key_type = key_name == "id" && info.sort_key_fields.empty()
                              ? PrimaryKeyType::OptionallyManagedId
                              : PrimaryKeyType::CustomId;
  key->primary_key_info = std::move(info);
  return std::nullopt;
}

void AddPrimaryKeyDirective(CodeGenModel& model) {
  for (const CodeGenDirective& directive : model.directives) {
    if (directive.name == "key" && FindMember(directive.arguments, "name") == nullptr) return;
  }
  const CodeGenField* field = FirstFieldWithDirective(model, "primaryKey");
  if (field == nullptr) return;
  const CodeGenDirective* primary_key = FindDirective(field->directives, "primaryKey");
  CodeGenDirective key;
  key.name = "key";
  key.location = primary_key->location;
  key.arguments["fields"] =
      ConcatKeyFields(field->name, FindMember(primary_key->arguments, "sortKeyFields"));
  model.directives.push_back(std::move(key));
}

std::optional<CodegenError> AddIndexDirectives(CodeGenModel& model) {
  bool has_index = std::any_of(model.fields.begin(), model.fields.end(), [](const CodeGenField& f) {
    return FindDirective(f.directives, "index") != nullptr;
  });
  if (!has_index) return std::nullopt;
  std::vector<CodeGenDirective> keys;
  for (const CodeGenField* field : FieldsByName(model)) {
    for (const CodeGenDirective& index : field->directives) {
      if (index.name != "index") continue;
      CodegenResult<CodeGenDirective> key = IndexKey(model, *field, index);
      if (!key.ok()) return key.error();
      keys.push_back(std::move(key).value());
    }
  }
  // Keys already named on the model (a v1 @key) win over @index keys of the same name.
  std::vector<boost::json::value> existing_names;
  for (const CodeGenDirective& directive : model.directives) {
    const boost::json::value* name = FindMember(directive.arguments, "name");
    if (directive.name == "key" && IsTruthy(name)) existing_names.push_back(*name);
  }
  for (CodeGenDirective& key : keys) {
    const boost::json::value& name = key.arguments.at("name");
    bool exists = std::find(existing_names.begin(), existing_names.end(), name) !=
                  existing_names.end();
    if (!exists) model.directives.push_back(std::move(key));
  }
  return std::nullopt;
}

}  // namespace amplify::codegen
