#pragma once
// What the model builder derives from a transform schema and the writers print: the C++ form of
// the reference plugin's CodeGenModel / CodeGenField / CodeGenEnum … maps
// (@aws-amplify/appsync-modelgen-plugin 2.15.3, visitors/appsync-visitor.d.ts). Cross references
// (connected model, associated fields, sort key fields) are by name. Every map keeps insertion
// order, because the reference's output follows JavaScript object key order.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// A name → T map that iterates in insertion order (a JavaScript object with non-numeric keys).
template <class T>
class OrderedMap {
 public:
  T* Find(const std::string& name) {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &items_[it->second];
  }
  const T* Find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &items_[it->second];
  }
  bool Contains(const std::string& name) const { return index_.count(name) != 0; }
  // Inserts at the end, or replaces in place when the name exists (as `map[name] = value`).
  T& Put(const std::string& name, T value) {
    auto [it, inserted] = index_.emplace(name, items_.size());
    if (inserted) {
      items_.push_back(std::move(value));
      return items_.back();
    }
    items_[it->second] = std::move(value);
    return items_[it->second];
  }
  std::vector<T>& items() { return items_; }
  const std::vector<T>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<T> items_;
  std::unordered_map<std::string, size_t> index_;
};

// A directive as `{name, arguments}`; arguments are the JSON values graphql-js'
// valueFromASTUntyped gives (Int/Float → number, Enum → string, List → array …), in source order,
// and may be rewritten by the builder (e.g. @auth rules gain `provider`).
struct CodeGenDirective {
  std::string name;
  boost::json::object arguments;
  bool flattened = false;  // builder: flattenFieldDirectives tagged it (the version hash sees it)
  SourceLocation location;  // builder: where it was written, for errors
};

// getTypeInfo: `type` is the innermost named type. is_list_nullable is set only for lists.
struct TypeInfo {
  std::string type;
  bool is_list = false;
  bool is_nullable = true;
  std::optional<bool> is_list_nullable;
};

struct CodeGenInputValue : TypeInfo {
  std::string name;
  std::vector<CodeGenDirective> directives;
};

enum class ConnectionType { HasOne, BelongsTo, HasMany };  // "HAS_ONE", "BELONGS_TO", "HAS_MANY"

// CodeGenFieldConnection, with every member the writers read.
struct CodeGenFieldConnection {
  ConnectionType kind = ConnectionType::HasMany;
  std::string connected_model;
  bool is_connecting_field_auto_created = false;
  // HAS_MANY / HAS_ONE
  std::string associated_with;                     // connectionInfo.associatedWith.name
  std::vector<std::string> associated_with_fields;  // connectionInfo.associatedWithFields[].name
  // HAS_ONE (optional there) / BELONGS_TO
  std::optional<std::string> target_name;
  std::optional<std::vector<std::string>> target_names;
  bool is_using_references = false;
};

enum class PrimaryKeyType { ManagedId, OptionallyManagedId, CustomId };

struct CodeGenPrimaryKeyFieldInfo {
  PrimaryKeyType primary_key_type = PrimaryKeyType::ManagedId;
  std::vector<std::string> sort_key_fields;  // field names, in key order
};

struct CodeGenField : TypeInfo {
  std::string name;
  std::vector<CodeGenDirective> directives;
  std::vector<CodeGenInputValue> parameters;  // field arguments (queries, mutations …)
  std::optional<CodeGenFieldConnection> connection_info;
  std::optional<bool> is_read_only;
  std::optional<CodeGenPrimaryKeyFieldInfo> primary_key_info;
  SourceLocation location;  // builder: where it was defined, for errors
};

enum class ObjectKind { Model, NonModel };

// CodeGenModel: models (type: 'model') and non-model types alike.
struct CodeGenModel {
  std::string name;
  std::vector<CodeGenDirective> directives;  // model-level, after processing (model, key, auth …)
  std::vector<CodeGenField> fields;          // in output order
  SourceLocation location;                   // builder: where it was defined, for errors
};

struct CodeGenEnum {
  std::string name;
  std::vector<std::string> values;  // Object.values(enum.values), in order
};

struct CodeGenInputObject {
  std::string name;
  std::vector<CodeGenInputValue> input_values;
};

struct CodeGenUnion {
  std::string name;
  std::vector<std::string> type_names;
};

struct CodeGenInterface {
  std::string name;
  std::vector<CodeGenField> fields;
};

// Everything the visitor holds after processDirectives(false, true, true), the flags both the
// javascript and the introspection targets use.
struct SchemaModel {
  OrderedMap<CodeGenModel> models;
  OrderedMap<CodeGenModel> non_models;
  OrderedMap<CodeGenEnum> enums;
  OrderedMap<CodeGenField> queries;
  OrderedMap<CodeGenField> mutations;
  OrderedMap<CodeGenField> subscriptions;
  OrderedMap<CodeGenInputObject> inputs;
  OrderedMap<CodeGenUnion> unions;
  OrderedMap<CodeGenInterface> interfaces;
};

}  // namespace amplify::codegen
