#pragma once
// The amplifybackend service model as data (docs/ARCHITECTURE.md): routing, validation and
// (de)serialization are generic code over these tables. The tables are generated
// (service_model_generated.*) by tools/gen_service_model.py from the installed botocore model.
#include <cstdint>
#include <span>
#include <string_view>

#include "model/service_model_generated.h"

namespace amplify::model {

enum class ShapeKind : uint8_t {
  kString,
  kBoolean,
  kInteger,
  kLong,
  kDouble,
  kTimestamp,
  kStructure,
  kList
};
enum class Location : uint8_t { kBody, kUri };

struct Member {
  std::string_view name;  // SDK name, e.g. "AppId"
  std::string_view wire;  // JSON key or path label, e.g. "appId", "MFAMode", "client_id"
  int shape;              // index into kShapes
  bool required;
  Location location;
};

struct Shape {
  std::string_view name;
  ShapeKind kind;
  std::span<const Member> members;  // structures
  int element;                      // lists: index of the element shape, else -1
  std::span<const std::string_view> enum_values;
  bool has_min;
  int64_t min;
  bool has_max;
  int64_t max;
  bool exception;
  int http_status;  // exceptions only
};

struct Operation {
  OperationId id;
  std::string_view name;
  std::string_view method;  // "GET" | "POST"
  std::string_view uri;     // e.g. "/backend/{appId}/job/{backendEnvironmentName}/{jobId}"
  int input;
  int output;
};

// One row per ErrorCode: X-Amzn-ErrorType, HTTP status, and the member a body carries besides
// `message` ("resourceType", "limitType" or "").
struct ErrorSpec {
  ErrorCode code;
  std::string_view type;
  int http_status;
  std::string_view extra_member;
};

extern const Shape kShapes[kShapeCount];
extern const Operation kOperations[kOperationCount];
extern const ErrorSpec kErrors[kErrorCount];

inline const ErrorSpec& ErrorSpecOf(ErrorCode code) { return kErrors[static_cast<int>(code)]; }

inline const Shape& ShapeAt(int index) { return kShapes[index]; }
inline const Operation& OperationOf(OperationId id) { return kOperations[static_cast<int>(id)]; }
// nullptr when unknown.
const Shape* FindShape(std::string_view name);
const Operation* FindOperation(std::string_view name);
// The member with this wire name, or nullptr.
const Member* FindWireMember(const Shape& shape, std::string_view wire);

}  // namespace amplify::model
