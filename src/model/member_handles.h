#pragma once
// Typed handles of structure members (members_generated.h has one per member of the model).
// A handle carries the member's wire name and the JSON kind its shape allows, so code that
// reads an input or writes an output names members through the model, never through a string.
#include <string_view>

namespace amplify::model {

struct StringMember {  // strings and timestamps
  std::string_view wire;
};
struct BoolMember {
  std::string_view wire;
};
struct IntegerMember {  // integers and longs
  std::string_view wire;
};
struct DoubleMember {
  std::string_view wire;
};
struct StructureMember {
  std::string_view wire;
  int shape;  // index into kShapes
};
struct ListMember {
  std::string_view wire;
  int shape;  // the list shape's index into kShapes
};

}  // namespace amplify::model
