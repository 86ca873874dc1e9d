#pragma once
// Reads a rest-json request body and validates it against the operation's input shape
// (docs/DECISIONS.md "Validation"): empty body = {}, malformed JSON or a non-object → 400, then
// required members (nested too), JSON types, enums and ranges. A JSON null counts as absent
// and is removed, so handlers never see one. Unknown members are kept (and ignored), as AWS does.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "model/service_model.h"

namespace amplify::protocol {

// The operation's input as one object keyed by wire names: body members plus path labels. Its
// values live in one arena, so reading a request costs one allocation, not one per member.
class RequestInput {
 public:
  RequestInput() = default;
  RequestInput(const RequestInput&) = delete;
  RequestInput& operator=(const RequestInput&) = delete;

  const boost::json::object& object() const { return value_.get_object(); }

 private:
  friend Result<std::unique_ptr<RequestInput>> ReadRequest(
      const model::Operation&, std::string_view,
      std::vector<std::pair<std::string_view, std::string>>);

  alignas(std::max_align_t) unsigned char buffer_[1024];
  boost::json::monotonic_resource arena_{buffer_, sizeof buffer_};
  boost::json::value value_;
};

using Labels = std::vector<std::pair<std::string_view, std::string>>;

Result<std::unique_ptr<RequestInput>> ReadRequest(const model::Operation& op, std::string_view body,
                                                  Labels labels);

}  // namespace amplify::protocol
