#pragma once
// How both metadata writers name a field's type (the reference plugin's getType) and key their
// JavaScript objects.
#include <string>
#include <string_view>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"
#include "codegen/json_text.h"

namespace amplify::codegen {

// `models` (appsync-json-metadata-visitor.js) or `modelIntrospectionSchema`
// (appsync-model-introspection-visitor.js).
enum class MetadataTarget { kDataStore, kIntrospection };

// What a type name resolves to, in the order getType tries them. Inputs, unions and interfaces
// resolve only for the introspection target.
enum class TypeKind { kScalar, kEnum, kNonModel, kModel, kInput, kUnion, kInterface, kUnknown };

TypeKind ResolveTypeKind(const SchemaModel& schema, const std::string& type_name,
                         MetadataTarget target);

// getType's value for a resolved type: "String", {"enum": "Color"}, {"model": "Post"} …
void WriteTypeValue(JsonTextWriter& json, TypeKind kind, const std::string& type_name);

// The error getType throws for a type it does not know (e.g. a custom `scalar`), located at
// `where` when the builder recorded it (line > 0).
CodegenError UnknownTypeError(const std::string& type_name, MetadataTarget target,
                              SourceLocation where = {});

// How the reference adds a key to the object it builds: `acc[name] = …` or `{...acc, [name]: …}`.
enum class KeyAssignment { kAssign, kSpread };

// Indices of `names` in the order the built JavaScript object iterates them: one entry per
// distinct name, at the position of its first occurrence, holding its last occurrence.
// Assignment swallows `__proto__` (it sets the prototype instead); the spread form keeps it.
std::vector<size_t> JsObjectKeyOrder(const std::vector<std::string_view>& names,
                                     KeyAssignment assignment);

}  // namespace amplify::codegen
