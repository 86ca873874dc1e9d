#include "codegen/model_fields.h"

#include <algorithm>

#include "codegen/directive_values.h"

namespace amplify::codegen {

CodeGenField* FindField(CodeGenModel& model, std::string_view name) {
  for (CodeGenField& field : model.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const CodeGenField* FindField(const CodeGenModel& model, std::string_view name) {
  for (const CodeGenField& field : model.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

void AddFieldIfMissing(CodeGenModel& model, CodeGenField field) {
  if (FindField(model, field.name) == nullptr) model.fields.push_back(std::move(field));
}

std::vector<FieldDirective> FlattenFieldDirectives(CodeGenModel& model) {
  std::vector<FieldDirective> all;
  for (CodeGenField& field : model.fields) {
    for (CodeGenDirective& directive : field.directives) {
      directive.flattened = true;
      all.push_back({&directive, &field});
    }
  }
  return all;
}

std::vector<const CodeGenField*> PrimaryKeyComponentFields(const CodeGenModel& model) {
  std::vector<const CodeGenField*> fields;
  auto key = std::find_if(model.fields.begin(), model.fields.end(),
                          [](const CodeGenField& f) { return f.primary_key_info.has_value(); });
  if (key == model.fields.end()) return fields;
  fields.push_back(&*key);
  for (const std::string& name : key->primary_key_info->sort_key_fields) {
    if (const CodeGenField* field = FindField(model, name)) fields.push_back(field);
  }
  return fields;
}

const CodeGenDirective* FindDirective(const std::vector<CodeGenDirective>& directives,
                                      std::string_view name) {
  for (const CodeGenDirective& directive : directives) {
    if (directive.name == name) return &directive;
  }
  return nullptr;
}

void EnsureIdField(CodeGenModel& model) {
  if (CodeGenField* id = FindField(model, "id")) {
    id->is_nullable = false;
    return;
  }
  CodeGenField id = MakeField("id", "ID", false);
  id.location = model.location;
  model.fields.insert(model.fields.begin(), std::move(id));
}

std::optional<CodegenError> AddTimestampFields(CodeGenModel& model,
                                               const CodeGenDirective& model_directive) {
  const boost::json::value* timestamps = FindMember(model_directive.arguments, "timestamps");
  if (timestamps != nullptr && timestamps->is_null()) return std::nullopt;
  const boost::json::object* names = timestamps != nullptr ? timestamps->if_object() : nullptr;
  for (auto [key, fallback] : {std::pair{"createdAt", "createdAt"}, {"updatedAt", "updatedAt"}}) {
    // `timestamps?.createdAt || 'createdAt'`: a missing or falsy name falls back to the default.
    const boost::json::value* name = names != nullptr ? FindMember(*names, key) : nullptr;
    if (IsTruthy(name) && !name->is_string()) {
      return CodegenError{"@model(timestamps:) on " + model.name + ": " + key +
                              " must be a field name.",
                          model_directive.location};
    }
    CodeGenField field = MakeField(IsTruthy(name) ? std::string(name->get_string()) : fallback,
                                   "AWSDateTime", true);
    field.is_read_only = true;
    field.location = model_directive.location;
    AddFieldIfMissing(model, std::move(field));
  }
  return std::nullopt;
}

void MoveIdFirst(CodeGenModel& model) {
  auto is_id = [](const CodeGenField& f) { return f.name == "id"; };
  size_t ids = static_cast<size_t>(std::count_if(model.fields.begin(), model.fields.end(), is_id));
  if (ids == 0 || (ids == 1 && is_id(model.fields.front()))) return;
  // The reference unshifts each `id` field in turn, so several would end up in reverse order.
  std::vector<CodeGenField> sorted;
  sorted.reserve(model.fields.size());
  for (auto it = model.fields.rbegin(); it != model.fields.rend(); ++it) {
    if (it->name == "id") sorted.push_back(*it);
  }
  for (CodeGenField& field : model.fields) {
    if (field.name != "id") sorted.push_back(std::move(field));
  }
  model.fields = std::move(sorted);
}

CodeGenField MakeField(std::string name, std::string type, bool is_nullable) {
  CodeGenField field;
  field.name = std::move(name);
  field.type = std::move(type);
  field.is_list = false;
  field.is_nullable = is_nullable;
  return field;
}

}  // namespace amplify::codegen
