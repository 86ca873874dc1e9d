#include "codegen/connection_kinds.h"

#include <optional>
#include <string>

#include "codegen/directive_values.h"
#include "codegen/model_fields.h"
#include "codegen/name_case.h"

namespace amplify::codegen {
namespace {

std::string Where(const CodeGenModel& model, const CodeGenField& field) {
  return model.name + "." + field.name;
}

// fieldUtils.getOtherSideBelongsToField: the first field of `other` typed `type_name` that has
// a @belongsTo.
const CodeGenField* OtherSideBelongsToField(const std::string& type_name,
                                            const CodeGenModel& other) {
  for (const CodeGenField& field : other.fields) {
    if (field.type == type_name && FindDirective(field.directives, "belongsTo") != nullptr) {
      return &field;
    }
  }
  return nullptr;
}

// process-belongs-to.js getBelongsToConnectedFields: the fields of `connected` whose @hasOne
// (single) or @hasMany (list) points back at `model`.
std::vector<const CodeGenField*> BelongsToConnectedFields(const CodeGenModel& model,
                                                          CodeGenModel& connected) {
  std::vector<const CodeGenField*> fields;
  for (const FieldDirective& flat : FlattenFieldDirectives(connected)) {
    const CodeGenField* field = FindField(connected, flat.field->name);
    bool matches = (flat.directive->name == "hasOne" && !field->is_list) ||
                   (flat.directive->name == "hasMany" && field->is_list);
    if (matches && field->type == model.name) fields.push_back(field);
  }
  return fields;
}

// makeConnectionAttributeName(type, field, keyField): "Blog", "posts", "id" → "blogPostsId".
std::string ConnectionAttributeName(const std::string& type, const std::string& field,
                                    const std::string& key_field) {
  return JoinCamelCase({type, field, key_field});
}

// The field names a relationship argument lists. The reference would also take numbers and
// lists as names; here they are an error.
CodegenResult<std::vector<std::string>> Names(const std::vector<boost::json::value>& values,
                                              const CodeGenDirective& directive) {
  std::vector<std::string> names;
  names.reserve(values.size());
  for (const boost::json::value& value : values) {
    if (!value.is_string()) {
      return CodegenError{"@" + directive.name + " lists " + StringifyCompact(value) +
                              ", which is not a field name.",
                          directive.location};
    }
    names.emplace_back(value.get_string());
  }
  return names;
}

// `(value || []).length === 0`: only a missing, falsy or empty list (or string) has no length
// to speak of; other values have an undefined length, which is not 0.
bool HasNoItems(const boost::json::value* value) {
  if (!IsTruthy(value)) return true;
  if (const boost::json::array* array = value->if_array()) return array->empty();
  return false;
}

// `[...value]` needs an iterable: a list or a string.
bool IsSpreadable(const boost::json::value* value) {
  return !IsTruthy(value) || value->is_array() || value->is_string();
}

// `list[0]` of a directive argument (a string's first character), if any.
std::optional<std::string> FirstItem(const boost::json::value* list) {
  std::vector<boost::json::value> items = SpreadList(list);
  if (items.empty() || !items.front().is_string()) return std::nullopt;
  return std::string(items.front().get_string());
}

// process-connections-v2.js getConnectedFieldForReferences: the other side must name the same
// `references`. Only its errors matter to the outputs.
std::optional<CodegenError> CheckReferences(const CodeGenField& field, CodeGenModel& model,
                                            CodeGenModel& connected,
                                            const CodeGenDirective& directive) {
  const boost::json::value* references = FindMember(directive.arguments, "references");
  if (IsTruthy(FindMember(directive.arguments, "fields"))) {
    return CodegenError{"'fields' and 'references' cannot be used together.", directive.location};
  }
  std::string wanted = StringifyCompact(*references);
  auto same_references = [&wanted](const CodeGenDirective& d) {
    const boost::json::value* other = FindMember(d.arguments, "references");
    return IsTruthy(other) && StringifyCompact(*other) == wanted;
  };
  if (directive.name == "belongsTo") {
    for (const CodeGenField* candidate : BelongsToConnectedFields(model, connected)) {
      for (const CodeGenDirective& d : candidate->directives) {
        if ((d.name == "hasOne" || d.name == "hasMany") && same_references(d)) return std::nullopt;
      }
    }
    return CodegenError{"Error processing @belongsTo directive on " + Where(model, field) +
                            ". @hasOne or @hasMany directive with references " + wanted +
                            " was not found in connected model " + connected.name,
                        directive.location};
  }
  for (const FieldDirective& flat : FlattenFieldDirectives(connected)) {
    if (same_references(*flat.directive)) return std::nullopt;
  }
  return CodegenError{"Error processing @" + directive.name + " directive on " +
                          Where(model, field) + ". @belongsTo directive with references " +
                          wanted + " was not found in connected model " + connected.name,
                      directive.location};
}

// `references.map(name => connected.fields.find(...))`; a name the model lacks fails later in
// the reference (reading `.name` of undefined), so here.
CodegenResult<std::vector<CodeGenField>> ReferencedFields(
    const std::vector<boost::json::value>& references, const CodeGenModel& model,
    const CodeGenField& field, const CodeGenModel& connected, const CodeGenDirective& directive) {
  auto names = Names(references, directive);
  if (!names.ok()) return names.error();
  std::vector<CodeGenField> fields;
  for (const std::string& name : names.value()) {
    const CodeGenField* found = FindField(connected, name);
    if (found == nullptr) {
      return CodegenError{"@" + directive.name + " on " + Where(model, field) + " references " +
                              name + ", which is not a field of " + connected.name + ".",
                          directive.location};
    }
    fields.push_back(*found);
  }
  return fields;
}

void SetAssociation(ConnectionResult& result, const std::vector<CodeGenField>& fields) {
  result.info.associated_with = fields.empty() ? "" : fields.front().name;
  for (const CodeGenField& associated : fields) {
    result.info.associated_with_fields.push_back(associated.name);
  }
}

void SetAssociation(ConnectionResult& result, const std::vector<const CodeGenField*>& fields) {
  result.info.associated_with = fields.empty() ? "" : fields.front()->name;
  for (const CodeGenField* associated : fields) {
    result.info.associated_with_fields.push_back(associated->name);
  }
}

CodegenResult<ConnectionResult> ResolveHasOne(const CodeGenField& field, CodeGenModel& model,
                                              CodeGenModel& connected,
                                              const CodeGenDirective& directive) {
  const CodeGenField* belongs_to = OtherSideBelongsToField(model.name, connected);
  if (field.is_list || (belongs_to != nullptr && belongs_to->is_list)) {
    return CodegenError{"A hasOne relationship should be 1:1, no lists", directive.location};
  }
  std::vector<boost::json::value> fields = SpreadList(FindMember(directive.arguments, "fields"));
  std::vector<boost::json::value> references =
      SpreadList(FindMember(directive.arguments, "references"));
  ConnectionResult result;
  result.info.kind = ConnectionType::HasOne;
  result.info.connected_model = connected.name;
  if (!references.empty()) {
    if (auto error = CheckReferences(field, model, connected, directive)) return *error;
    auto associated = ReferencedFields(references, model, field, connected, directive);
    if (!associated.ok()) return associated.error();
    SetAssociation(result, associated.value());
    return result;
  }
  // shouldUseFieldsInAssociatedWithInHasOne: associated with the connected model's key fields.
  std::vector<const CodeGenField*> key_fields = PrimaryKeyComponentFields(connected);
  SetAssociation(result, key_fields);
  result.info.is_connecting_field_auto_created =
      HasNoItems(FindMember(directive.arguments, "fields"));
  auto names = Names(fields, directive);
  if (!names.ok()) return names.error();
  std::vector<std::string> targets = std::move(names).value();
  if (targets.empty()) {
    for (const CodeGenField* key : key_fields) {
      targets.push_back(ConnectionAttributeName(model.name, field.name, key->name));
    }
  }
  if (!targets.empty()) result.info.target_name = targets.front();
  result.info.target_names = std::move(targets);
  return result;
}

CodegenResult<ConnectionResult> ResolveBelongsTo(const CodeGenField& field, CodeGenModel& model,
                                                 CodeGenModel& connected,
                                                 const CodeGenDirective& directive) {
  if (field.is_list) {
    return CodegenError{"A list field does not support the 'belongsTo' relation",
                        directive.location};
  }
  std::vector<const CodeGenField*> other_sides = BelongsToConnectedFields(model, connected);
  if (other_sides.empty()) {
    return CodegenError{
        "A 'belongsTo' field should match to a corresponding 'hasMany' or 'hasOne' field",
        directive.location};
  }
  std::vector<boost::json::value> references =
      SpreadList(FindMember(directive.arguments, "references"));
  if (!references.empty()) {
    if (auto error = CheckReferences(field, model, connected, directive)) return *error;
  }
  const CodeGenField& other_side = *other_sides.front();
  if (!IsSpreadable(FindMember(directive.arguments, "fields"))) {
    return CodegenError{"@belongsTo on " + Where(model, field) + ": fields must be a list.",
                        directive.location};
  }
  auto names = Names(SpreadList(FindMember(directive.arguments, "fields")), directive);
  if (!names.ok()) return names.error();
  auto reference_names = Names(references, directive);
  if (!reference_names.ok()) return reference_names.error();
  std::vector<std::string> targets = std::move(names).value();
  for (std::string& name : reference_names.value()) targets.push_back(std::move(name));
  if (targets.empty()) {
    for (const CodeGenField* key : PrimaryKeyComponentFields(connected)) {
      targets.push_back(other_side.is_list
                            ? ConnectionAttributeName(connected.name, other_side.name, key->name)
                            : ConnectionAttributeName(model.name, field.name, key->name));
    }
  }
  ConnectionResult result;
  result.info.kind = ConnectionType::BelongsTo;
  result.info.connected_model = connected.name;
  if (!targets.empty()) result.info.target_name = targets.front();
  result.info.target_names = std::move(targets);
  result.info.is_using_references = !references.empty();
  return result;
}

// Without `fields`: one `<model><field><keyField>` foreign key per key field of `model`, the
// connected model's own field of that name if it has one.
std::vector<CodeGenField> ImplicitForeignKeys(const CodeGenField& field, const CodeGenModel& model,
                                              const CodeGenModel& connected,
                                              const CodeGenDirective& directive) {
  std::vector<CodeGenField> fields;
  for (const CodeGenField* key : PrimaryKeyComponentFields(model)) {
    std::string name = ConnectionAttributeName(model.name, field.name, key->name);
    const CodeGenField* existing = FindField(connected, name);
    fields.push_back(existing != nullptr ? *existing : MakeField(name, key->type, true));
    if (existing == nullptr) fields.back().location = directive.location;
  }
  return fields;
}

// With `fields`: the connected field the @index named by indexName (or the @primaryKey) sits on,
// else the connected model's @belongsTo back to `model`, else `id`.
CodegenResult<std::string> HasManyKeyFieldName(const CodeGenField& field, CodeGenModel& model,
                                               CodeGenModel& connected,
                                               const CodeGenDirective& directive) {
  const boost::json::value* index_name = FindMember(directive.arguments, "indexName");
  bool by_index = IsTruthy(index_name);
  for (const FieldDirective& candidate : FlattenFieldDirectives(connected)) {
    const CodeGenDirective& d = *candidate.directive;
    const boost::json::value* name = FindMember(d.arguments, "name");
    bool matches = by_index ? d.name == "index" && name != nullptr && *name == *index_name
                            : d.name == "primaryKey";
    if (matches) return candidate.field->name;
  }
  if (by_index) {
    return CodegenError{"Error processing @hasMany directive on " + Where(model, field) +
                            ", @index directive with name " + ScalarToString(*index_name) +
                            " was not found in connected model " + connected.name,
                        directive.location};
  }
  const CodeGenField* belongs_to = OtherSideBelongsToField(model.name, connected);
  return belongs_to != nullptr ? belongs_to->name : std::string("id");
}

// process-has-many.js getConnectedFieldsForHasMany with custom primary keys.
CodegenResult<std::vector<CodeGenField>> HasManyAssociatedFields(
    const CodeGenField& field, CodeGenModel& model, CodeGenModel& connected,
    const CodeGenDirective& directive) {
  if (!IsTruthy(FindMember(directive.arguments, "fields"))) {
    return ImplicitForeignKeys(field, model, connected, directive);
  }
  CodegenResult<std::string> key_name = HasManyKeyFieldName(field, model, connected, directive);
  if (!key_name.ok()) return key_name.error();
  // A @belongsTo back to `model` whose first field is the key field stands for it.
  for (const CodeGenField& candidate : connected.fields) {
    if (candidate.type != model.name) continue;
    for (const CodeGenDirective& d : candidate.directives) {
      if (d.name == "belongsTo" && FirstItem(FindMember(d.arguments, "fields")) == key_name.value()) {
        return std::vector<CodeGenField>{candidate};
      }
    }
  }
  const CodeGenField* key_field = FindField(connected, key_name.value());
  if (key_field == nullptr) {
    return CodegenError{"Can not find key field " + key_name.value() + " in " + connected.name,
                        directive.location};
  }
  return std::vector<CodeGenField>{*key_field};
}

CodegenResult<ConnectionResult> ResolveHasMany(const CodeGenField& field, CodeGenModel& model,
                                               CodeGenModel& connected,
                                               const CodeGenDirective& directive) {
  if (!field.is_list) {
    return CodegenError{"A field with hasMany must be a list type", directive.location};
  }
  std::vector<boost::json::value> references =
      SpreadList(FindMember(directive.arguments, "references"));
  ConnectionResult result;
  result.info.kind = ConnectionType::HasMany;
  result.info.connected_model = connected.name;
  if (!references.empty()) {
    if (auto error = CheckReferences(field, model, connected, directive)) return *error;
  }
  CodegenResult<std::vector<CodeGenField>> associated =
      references.empty() ? HasManyAssociatedFields(field, model, connected, directive)
                         : ReferencedFields(references, model, field, connected, directive);
  if (!associated.ok()) return associated.error();
  result.associated_fields = std::move(associated).value();
  SetAssociation(result, result.associated_fields);
  result.info.is_connecting_field_auto_created =
      references.empty() && HasNoItems(FindMember(directive.arguments, "fields"));
  return result;
}

}  // namespace

CodegenResult<ConnectionResult> ResolveConnection(const CodeGenField& field, CodeGenModel& model,
                                                  CodeGenModel& connected,
                                                  const CodeGenDirective& directive) {
  if (directive.name == "hasOne") return ResolveHasOne(field, model, connected, directive);
  if (directive.name == "belongsTo") return ResolveBelongsTo(field, model, connected, directive);
  return ResolveHasMany(field, model, connected, directive);
}

}  // namespace amplify::codegen
