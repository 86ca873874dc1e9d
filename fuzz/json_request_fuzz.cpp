// Fuzzes the rest-json request reader and the shape validator (src/protocol/request_reader.h,
// src/model/shape_validator.h). Input: an operation name, a newline, the request body; a name
// the model does not have picks an operation from its hash. The path labels are fixed values.
// Checks: nothing is thrown past the Result; an error is a 400 BadRequest with a message; an
// accepted input has no null member left, holds the labels, validates again without a problem,
// and reads back to the same input when serialized and read again.
#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/aws_error.h"
#include "fuzz_check.h"
#include "model/service_model.h"
#include "model/shape_validator.h"
#include "protocol/request_reader.h"

namespace {

namespace json = boost::json;
namespace model = amplify::model;
using amplify::protocol::Labels;
using amplify::protocol::ReadRequest;

const model::Operation& PickOperation(std::string_view name) {
  if (const model::Operation* op = model::FindOperation(name)) return *op;
  size_t hash = std::hash<std::string_view>{}(name);
  return model::kOperations[hash % model::kOperationCount];
}

// One value per URI member of the input, as the router would pass them.
Labels LabelsOf(const model::Operation& op) {
  Labels labels;
  for (const model::Member& m : model::ShapeAt(op.input).members) {
    if (m.location != model::Location::kUri) continue;
    labels.emplace_back(m.wire, "label-" + std::string(m.wire));
  }
  return labels;
}

bool HasNullMember(const json::value& v) {
  if (v.is_object()) {
    for (const auto& member : v.get_object()) {
      if (member.value().is_null() || HasNullMember(member.value())) return true;
    }
  } else if (v.is_array()) {
    for (const json::value& e : v.get_array())
      if (HasNullMember(e)) return true;
  }
  return false;
}

// Equal, but doubles only to within a few ulps: Boost.JSON 1.81 parses numbers imprecisely by
// default, so a double's shortest text can read back one ulp off.
bool SameJson(const json::value& a, const json::value& b) {
  if (a.is_double() && b.is_double()) {
    double x = a.get_double(), y = b.get_double();
    return x == y || std::fabs(x - y) <= 1e-15 * std::max(std::fabs(x), std::fabs(y));
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    const json::array &x = a.get_array(), &y = b.get_array();
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), SameJson);
  }
  if (!a.is_object()) return a == b;
  const json::object &x = a.get_object(), &y = b.get_object();
  if (x.size() != y.size()) return false;
  for (const auto& member : x) {
    const json::value* other = y.if_contains(member.key());
    if (!other || !SameJson(member.value(), *other)) return false;
  }
  return true;
}

void CheckAccepted(const model::Operation& op, const Labels& labels, const json::object& input) {
  FUZZ_CHECK(!HasNullMember(input), "a null member survived the reader");
  for (const auto& [wire, text] : labels) {
    const json::value* label = input.if_contains(wire);
    FUZZ_CHECK(label && label->is_string() && label->get_string() == text, "a label is missing");
  }
  std::vector<std::string> problems;
  model::Validate(input, model::ShapeAt(op.input), "", problems);
  FUZZ_CHECK(problems.empty(), "an accepted input fails validation");

  auto again = ReadRequest(op, json::serialize(input), labels);
  FUZZ_CHECK(again.ok(), "an accepted input, serialized, is refused");
  FUZZ_CHECK(SameJson((*again)->object(), input), "an accepted input reads back differently");
}

void ReadAndCheck(std::string_view input) {
  size_t newline = input.find('\n');
  std::string_view name = input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  const model::Operation& op = PickOperation(name);
  Labels labels = LabelsOf(op);

  auto result = ReadRequest(op, body, labels);
  if (result.ok()) return CheckAccepted(op, labels, (*result)->object());
  FUZZ_CHECK(result.error().code == amplify::ErrorCode::kBadRequest, "an error is not BadRequest");
  FUZZ_CHECK(amplify::HttpStatusOf(result.error().code) == 400, "BadRequest is not a 400");
  FUZZ_CHECK(!result.error().message.empty(), "an error has no message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    ReadAndCheck(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "thrown past the Result: %s\n", e.what());
    FUZZ_CHECK(false, "the reader threw");
  } catch (...) {
    FUZZ_CHECK(false, "the reader threw something that is not a std::exception");
  }
  return 0;
}
