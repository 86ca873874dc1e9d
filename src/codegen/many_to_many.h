#pragma once
// processManyToManyDirectives (appsync-visitor.js): each pair of @manyToMany fields sharing a
// relationName gets a generated join model (`PostTags`: id, postId, tagId, post, tag, with
// `byPost` / `byTag` keys, the two models' @auth rules and timestamps), and the two fields become
// @hasMany fields of the join model type.
#include <optional>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

// Runs after the primary key and index directives are processed. Fails unless each relation
// name is used by exactly two fields.
std::optional<CodegenError> ProcessManyToMany(SchemaModel& schema);

}  // namespace amplify::codegen
