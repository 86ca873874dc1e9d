#include "common/request_id.h"

#include <fmt/format.h>

#include <atomic>

#include "common/ids.h"

namespace amplify {

std::string NextRequestId() {
  static const std::string prefix = RandomIdSource().Uuid().substr(0, 24);
  static std::atomic<uint64_t> counter{0};
  return fmt::format("{}{:012x}", prefix, counter.fetch_add(1, std::memory_order_relaxed));
}

}  // namespace amplify
