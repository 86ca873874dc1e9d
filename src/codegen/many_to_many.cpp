#include "codegen/many_to_many.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "codegen/directive_values.h"
#include "codegen/model_fields.h"
#include "codegen/name_case.h"
#include "codegen/primary_keys.h"

namespace amplify::codegen {
namespace {

// One @manyToMany directive, by position (the models' field vectors change meanwhile).
struct ManyToManySide {
  size_t model_index;
  size_t field_index;
  size_t directive_index;  // among the field's directives when collected
  boost::json::value relation_name;
  SourceLocation location;
};

struct Relation {
  std::string name;  // graphqlName(toUpper(relationName))
  std::vector<ManyToManySide> sides;
};

CodegenResult<std::vector<Relation>> CollectRelations(const SchemaModel& schema) {
  std::vector<Relation> relations;
  std::unordered_map<std::string, size_t> index;
  const auto& models = schema.models.items();
  for (size_t m = 0; m < models.size(); ++m) {
    for (size_t f = 0; f < models[m].fields.size(); ++f) {
      const auto& directives = models[m].fields[f].directives;
      for (size_t d = 0; d < directives.size(); ++d) {
        if (directives[d].name != "manyToMany") continue;
        const boost::json::value* relation = FindMember(directives[d].arguments, "relationName");
        if (relation == nullptr || !relation->is_string()) {
          return CodegenError{"@manyToMany on " + models[m].name + "." +
                                  models[m].fields[f].name + " needs a relationName string.",
                              directives[d].location};
        }
        std::string name = GraphqlName(UpperFirst(relation->get_string()));
        auto [it, inserted] = index.emplace(name, relations.size());
        if (inserted) relations.push_back({name, {}});
        relations[it->second].sides.push_back({m, f, d, *relation, directives[d].location});
      }
    }
  }
  return relations;
}

// getSortKeyFields: the fields after the first of the model's unnamed `key`.
CodegenResult<std::vector<CodeGenField>> SortKeyFields(const CodeGenModel& model) {
  std::vector<CodeGenField> fields;
  for (const CodeGenDirective& directive : model.directives) {
    if (directive.name != "key" || IsTruthy(FindMember(directive.arguments, "name"))) continue;
    const boost::json::value* names = FindMember(directive.arguments, "fields");
    if (names == nullptr || !names->is_array()) {
      return CodegenError{"The key of " + model.name + " needs a list of fields.",
                          directive.location};
    }
    for (size_t i = 1; i < names->get_array().size(); ++i) {
      const boost::json::value& name = names->get_array()[i];
      const CodeGenField* field = name.is_string() ? FindField(model, name.get_string()) : nullptr;
      if (field == nullptr) {
        return CodegenError{"Cannot find sort key field " + ScalarToString(name) + " in type " +
                                model.name,
                            directive.location};
      }
      fields.push_back(*field);
    }
    break;
  }
  return fields;
}

CodeGenDirective MakeDirective(std::string name, boost::json::object arguments,
                           SourceLocation location) {
  CodeGenDirective directive;
  directive.name = std::move(name);
  directive.arguments = std::move(arguments);
  directive.location = location;
  return directive;
}

boost::json::array StringArray(const std::vector<std::string>& names) {
  boost::json::array array;
  for (const std::string& name : names) array.emplace_back(boost::json::string(name));
  return array;
}

// One side's part of the join model: its key field (with the `by<Model>` index), its sort key
// copies, and later the @belongsTo field.
struct JoinSide {
  const CodeGenModel* model;
  std::string key_field;                // `postId`
  std::vector<CodeGenField> sort_keys;  // the model's sort key fields
  std::vector<std::string> sort_names;  // `post<sortKey>`
};

CodegenResult<JoinSide> DescribeSide(const CodeGenModel& model) {
  JoinSide side{&model, "", {}, {}};
  std::vector<const CodeGenField*> key = PrimaryKeyComponentFields(model);
  side.key_field = JoinCamelCase({model.name, key.empty() ? "" : key.front()->name});
  auto sort_keys = SortKeyFields(model);
  if (!sort_keys.ok()) return sort_keys.error();
  side.sort_keys = std::move(sort_keys).value();
  for (const CodeGenField& field : side.sort_keys) {
    side.sort_names.push_back(LowerFirst(model.name) + field.name);
  }
  return side;
}

void AddKeyFields(CodeGenModel& join, const JoinSide& side, SourceLocation location) {
  CodeGenField key = MakeField(side.key_field, "ID", true);
  key.location = location;
  boost::json::object index;
  index["name"] = "by" + side.model->name;
  index["sortKeyFields"] = StringArray(side.sort_names);
  key.directives.push_back(MakeDirective("index", std::move(index), location));
  join.fields.push_back(std::move(key));
  for (size_t i = 0; i < side.sort_keys.size(); ++i) {
    CodeGenField copy = MakeField(side.sort_names[i], side.sort_keys[i].type, true);
    copy.is_list = side.sort_keys[i].is_list;
    copy.location = location;
    join.fields.push_back(std::move(copy));
  }
}

void AddBelongsToField(CodeGenModel& join, const JoinSide& side, SourceLocation location) {
  CodeGenField field = MakeField(CamelCase(side.model->name), side.model->name, false);
  field.location = location;
  std::vector<std::string> names = {side.key_field};
  names.insert(names.end(), side.sort_names.begin(), side.sort_names.end());
  boost::json::object arguments;
  arguments["fields"] = StringArray(names);
  field.directives.push_back(MakeDirective("belongsTo", std::move(arguments), location));
  join.fields.push_back(std::move(field));
}

// The two models' @auth directives, each distinct one once (compared as JSON).
std::vector<CodeGenDirective> SharedAuth(const CodeGenModel& first, const CodeGenModel& second) {
  std::vector<CodeGenDirective> auth;
  std::unordered_set<std::string> seen;
  for (const CodeGenModel* model : {&first, &second}) {
    for (const CodeGenDirective& directive : model->directives) {
      if (directive.name != "auth") continue;
      std::string key = directive.name + '\n' + StringifyCompact(directive.arguments);
      if (seen.insert(key).second) auth.push_back(directive);
    }
  }
  return auth;
}

// generateIntermediateModel, then the processing the visitor gives it.
CodegenResult<CodeGenModel> BuildJoinModel(const Relation& relation, const CodeGenModel& first,
                                           const CodeGenModel& second) {
  SourceLocation location = relation.sides.front().location;
  auto first_side = DescribeSide(first);
  if (!first_side.ok()) return first_side.error();
  auto second_side = DescribeSide(second);
  if (!second_side.ok()) return second_side.error();
  CodeGenModel join;
  join.name = relation.name;
  join.location = location;
  join.directives.push_back(MakeDirective("model", {}, location));
  for (CodeGenDirective& auth : SharedAuth(first, second)) join.directives.push_back(std::move(auth));
  CodeGenField id = MakeField("id", "ID", false);
  id.location = location;
  join.fields.push_back(std::move(id));
  AddKeyFields(join, first_side.value(), location);
  AddKeyFields(join, second_side.value(), location);
  AddBelongsToField(join, first_side.value(), location);
  AddBelongsToField(join, second_side.value(), location);
  AddPrimaryKeyDirective(join);
  if (auto error = AddIndexDirectives(join)) return *error;
  if (auto error = EnsurePrimaryKeyField(join)) return *error;
  if (auto error = AddTimestampFields(join, join.directives.front())) return *error;
  MoveIdFirst(join);
  return join;
}

// determinePrimaryKeyFieldname: the last field with @primaryKey, else `id`.
std::string PrimaryKeyFieldName(const CodeGenModel& model) {
  std::string name = "id";
  for (const CodeGenField& field : model.fields) {
    for (const CodeGenDirective& directive : field.directives) {
      if (directive.name == "primaryKey") name = field.name;
    }
  }
  return name;
}

}  // namespace

std::optional<CodegenError> ProcessManyToMany(SchemaModel& schema) {
  auto relations = CollectRelations(schema);
  if (!relations.ok()) return relations.error();
  // Directives already removed per field, by their collected index (later ones shift left).
  std::map<std::pair<size_t, size_t>, std::vector<size_t>> removed;
  std::unordered_set<size_t> replaced_models;
  for (const Relation& relation : relations.value()) {
    if (relation.sides.size() != 2) {
      return CodegenError{"Error for relation: '" + ScalarToString(relation.sides.front().relation_name) +
                              "', there should be two matching manyToMany directives and found: " +
                              std::to_string(relation.sides.size()),
                          relation.sides.front().location};
    }
    auto& models = schema.models.items();
    auto join = BuildJoinModel(relation, models[relation.sides[0].model_index],
                               models[relation.sides[1].model_index]);
    if (!join.ok()) return join.error();
    if (schema.models.Contains(relation.name)) {
      // The join model takes the place of a model of the same name; the reference then edits
      // the replaced model, which no output shows any more.
      replaced_models.insert(static_cast<size_t>(schema.models.Find(relation.name) - models.data()));
    }
    schema.models.Put(relation.name, std::move(join).value());
    for (const ManyToManySide& side : relation.sides) {
      if (replaced_models.count(side.model_index) != 0) continue;
      CodeGenModel& model = schema.models.items()[side.model_index];
      std::vector<size_t>& gone = removed[{side.model_index, side.field_index}];
      size_t shift = static_cast<size_t>(
          std::count_if(gone.begin(), gone.end(), [&](size_t i) { return i < side.directive_index; }));
      gone.push_back(side.directive_index);
      CodeGenField& field = model.fields[side.field_index];
      field.directives.erase(field.directives.begin() + static_cast<long>(side.directive_index - shift));
      field.type = relation.name;
      std::vector<std::string> key_fields = {PrimaryKeyFieldName(model)};
      auto sort_keys = SortKeyFields(model);
      if (!sort_keys.ok()) return sort_keys.error();
      for (const CodeGenField& sort_key : sort_keys.value()) key_fields.push_back(sort_key.name);
      boost::json::object arguments;
      arguments["indexName"] = "by" + model.name;
      arguments["fields"] = StringArray(key_fields);
      field.directives.push_back(MakeDirective("hasMany", std::move(arguments), side.location));
    }
  }
  return std::nullopt;
}

}  // namespace amplify::codegen
