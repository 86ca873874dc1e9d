#include "codegen/auth_rules.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>

#include "codegen/directive_values.h"
#include "codegen/model_fields.h"

namespace amplify::codegen {
namespace {

bool IsString(const boost::json::value* value, std::string_view text) {
  return value != nullptr && value->is_string() && value->get_string() == text;
}

// `rule.key`: the member of an object rule, undefined (nullptr) otherwise.
const boost::json::value* RuleMember(const boost::json::value& rule, std::string_view key) {
  const boost::json::object* object = rule.if_object();
  return object != nullptr ? FindMember(*object, key) : nullptr;
}

// `a || b`.
const boost::json::value* Either(const boost::json::value* first, const boost::json::value* second) {
  return IsTruthy(first) ? first : second;
}

// `{...rule}` into `target`: an object's members; a string or list spreads as index keys;
// other values add nothing. A key already there keeps its place and takes the new value.
void SpreadRule(boost::json::object& target, const boost::json::value& rule) {
  if (const boost::json::object* object = rule.if_object()) {
    for (const auto& member : *object) target[member.key()] = member.value();
  } else if (const boost::json::string* text = rule.if_string()) {
    for (size_t i = 0; i < text->size(); ++i) {
      target[std::to_string(i)] = boost::json::string(1, (*text)[i]);
    }
  } else if (const boost::json::array* items = rule.if_array()) {
    for (size_t i = 0; i < items->size(); ++i) target[std::to_string(i)] = (*items)[i];
  }
}

// `{...}` without `key` (a member set to undefined, which JSON leaves out wherever it stood).
boost::json::object Without(const boost::json::object& object, std::string_view key) {
  boost::json::object copy(object.storage());
  copy.reserve(object.size());
  for (const auto& member : object) {
    if (member.key() != key) copy[member.key()] = member.value();
  }
  return copy;
}

boost::json::object CompleteRule(const boost::json::value& rule,
                                 const boost::json::storage_ptr& storage) {
  const boost::json::value* allow = RuleMember(rule, "allow");
  const boost::json::value* operations =
      Either(RuleMember(rule, "operations"), RuleMember(rule, "mutations"));
  boost::json::object completed(storage);
  completed.reserve(8);
  if (IsString(allow, "owner")) {
    const boost::json::value* identity =
        Either(RuleMember(rule, "identityClaim"), RuleMember(rule, "identityField"));
    const boost::json::value* owner_field = RuleMember(rule, "ownerField");
    completed["provider"] = "userPools";
    completed["ownerField"] = IsTruthy(owner_field) ? *owner_field : boost::json::value("owner");
    SpreadRule(completed, rule);
    completed["identityClaim"] = !IsTruthy(identity) || IsString(identity, "username")
                                     ? boost::json::value("cognito:username")
                                     : *identity;
  } else if (IsString(allow, "groups")) {
    completed["groupClaim"] = "cognito:groups";
    completed["provider"] = "userPools";
    SpreadRule(completed, rule);
    if (IsTruthy(RuleMember(rule, "groups"))) {
      if (completed.contains("groupField")) completed = Without(completed, "groupField");
    } else {
      const boost::json::value* group_field = RuleMember(rule, "groupField");
      completed["groupField"] = IsTruthy(group_field) ? *group_field : boost::json::value("groups");
    }
  } else {
    SpreadRule(completed, rule);
  }
  if (IsTruthy(operations)) {
    completed["operations"] = *operations;
  } else {
    completed["operations"] = boost::json::array{"create", "update", "delete", "read"};
  }
  return completed;
}

std::optional<CodegenError> ProcessAuthDirective(CodeGenDirective& directive) {
  const boost::json::value* rules = FindMember(directive.arguments, "rules");
  boost::json::array processed(directive.arguments.storage());
  if (IsTruthy(rules)) {
    if (!rules->is_array()) {
      return CodegenError{"@auth rules must be a list of rules.", directive.location};
    }
    for (const boost::json::value& rule : rules->get_array()) {
      if (rule.is_null()) {
        return CodegenError{"@auth rules must not contain null.", directive.location};
      }
      // Dynamic group rules (groupField) are left out of the outputs.
      if (IsString(RuleMember(rule, "allow"), "groups") && IsTruthy(RuleMember(rule, "groupField"))) {
        continue;
      }
      processed.push_back(CompleteRule(rule, directive.arguments.storage()));
    }
  }
  directive.arguments["rules"] = std::move(processed);
  return std::nullopt;
}

// The non-auth directives in order, then the processed @auth ones.
std::optional<CodegenError> ReorderAuth(std::vector<CodeGenDirective>& directives) {
  if (FindDirective(directives, "auth") == nullptr) return std::nullopt;
  std::vector<CodeGenDirective> others;
  std::vector<CodeGenDirective> auth;
  for (CodeGenDirective& directive : directives) {
    (directive.name == "auth" ? auth : others).push_back(std::move(directive));
  }
  for (CodeGenDirective& directive : auth) {
    if (auto error = ProcessAuthDirective(directive)) return error;
    others.push_back(std::move(directive));
  }
  directives = std::move(others);
  return std::nullopt;
}

}  // namespace

std::optional<CodegenError> ProcessAuthDirectives(SchemaModel& schema) {
  for (CodeGenModel& model : schema.models.items()) {
    if (auto error = ReorderAuth(model.directives)) return error;
    for (CodeGenField& field : model.fields) {
      if (auto error = ReorderAuth(field.directives)) return error;
    }
  }
  return std::nullopt;
}

}  // namespace amplify::codegen
