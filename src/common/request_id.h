#pragma once
#include <array>
#include <string_view>

namespace amplify {

// A request id: a random prefix fixed at start-up and a counter, in UUID form.
struct RequestId {
  std::array<char, 36> text;
  std::string_view view() const { return {text.data(), text.size()}; }
};

// A request id unique in this process and across restarts, for x-amzn-RequestId on every
// response, including the transport's own errors. Formatted in place: no allocation.
RequestId NextRequestId();

}  // namespace amplify
