#pragma once
#include <cstddef>

namespace amplify::http {

// Bounds on what a request may hold besides its body and header bytes (DECISIONS.md
// "Connections"); past each, a JSON 4xx and the connection closes.
struct HttpLimits {
  size_t target_bytes = 8 << 10;   // request-target; longer → 414
  size_t path_segments = 64;       // '/'-separated path segments; more → 414
  size_t header_fields = 100;      // more → 431
  size_t chunk_extension = 256;    // bytes of extensions on one chunk; more → 400
  size_t trailer_fields = 16;      // more → 431
  size_t trailer_bytes = 4 << 10;  // bytes of the trailer section; more → 431
};

}  // namespace amplify::http
