#pragma once
// One relationship field's connection, as utils/process-has-one.js, process-belongs-to.js,
// process-has-many.js and process-connections-v2.js work it out (custom primary keys respected,
// hasOne associated with the connected model's key fields: the flags both targets use).
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

struct ConnectionResult {
  CodeGenFieldConnection info;
  // HAS_MANY: the connected model's fields the connection is associated with; the ones it lacks
  // (implicit foreign keys such as `blogPostsId`) are added to it.
  std::vector<CodeGenField> associated_fields;
};

// `directive` is the field's first @hasOne, @hasMany or @belongsTo; `connected` the model the
// field's type names (it may be `model` itself). Both models may have their field directives
// tagged by flattenFieldDirectives on the way, as in the reference.
CodegenResult<ConnectionResult> ResolveConnection(const CodeGenField& field, CodeGenModel& model,
                                                  CodeGenModel& connected,
                                                  const CodeGenDirective& directive);

}  // namespace amplify::codegen
