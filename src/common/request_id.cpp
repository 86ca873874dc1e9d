#include "common/request_id.h"

#include <atomic>
#include <cstring>
#include <string>

#include "common/ids.h"

namespace amplify {

RequestId NextRequestId() {
  static const std::string prefix = RandomIdSource().Uuid().substr(0, 24);  // "xxxxxxxx-...-"
  static std::atomic<uint64_t> counter{0};
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
  RequestId id;
  std::memcpy(id.text.data(), prefix.data(), 24);
  for (int i = 35; i >= 24; --i, n >>= 4) id.text[i] = kHex[n & 0xF];
  return id;
}

}  // namespace amplify
