#pragma once
#include <string>

namespace amplify {

// A request id unique in this process and across restarts (random prefix + counter), for
// x-amzn-RequestId on every response, including the transport's own errors.
std::string NextRequestId();

}  // namespace amplify
