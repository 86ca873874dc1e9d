#pragma once
// The one check of the reference's ModelIntrospectionSchema.json validator (lib/validate-cjs.js,
// run after generation) that generated output can fail: a type in a place the JSON schema does
// not allow it — an input type as a field or operation type, a model, non-model, union or
// interface as an argument or input attribute type. The reference then throws, quoting ajv's
// error list for the first failure in the validator's order.
#include <array>
#include <optional>
#include <string>

#include "codegen/codegen_error.h"
#include "codegen/metadata_type.h"

namespace amplify::codegen {

// The root properties in the order the validator checks them (the JSON schema's `properties`).
enum class SchemaSection {
  kModels,
  kNonModels,
  kEnums,
  kQueries,
  kMutations,
  kSubscriptions,
  kInputs,
  kGenerations,
  kConversations,
};

// `FieldType` (fields, operation results) or `InputFieldType` (arguments, input attributes).
enum class TypeSlot { kField, kInput };

class IntrospectionValidation {
 public:
  // Remembers the first type in `section` the validator rejects; `instance_path` (a callable
  // giving the JSON pointer, e.g. "/queries/q/type") is only evaluated for a rejected type.
  template <class PathFunction>
  void Check(SchemaSection section, TypeSlot slot, TypeKind kind, PathFunction&& instance_path) {
    if (IsAllowed(slot, kind)) return;
    auto& failure = failures_[static_cast<size_t>(section)];
    if (!failure) failure = Failure{slot, instance_path()};
  }

  // The error the reference throws, when something failed.
  std::optional<CodegenError> FirstError() const;

 private:
  struct Failure {
    TypeSlot slot;
    std::string instance_path;
  };
  static bool IsAllowed(TypeSlot slot, TypeKind kind);

  std::array<std::optional<Failure>, 9> failures_;
};

}  // namespace amplify::codegen
