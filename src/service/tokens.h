#pragma once
// Admin-UI challenge tokens (docs/DECISIONS.md "Challenge tokens"): CreateToken, GetToken,
// DeleteToken. Synchronous writes; no jobs. Challenge codes never reach the log.
#include "service/plan.h"

namespace amplify::service {

Result<Plan> CreateToken(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> GetToken(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> DeleteToken(const Context& ctx, const boost::json::object& in, Snapshot& read);

// Seconds left until `expires_ms`, rounded up, as TokenResp reports `ttl`.
int64_t SecondsRemaining(int64_t now_ms, int64_t expires_ms);

}  // namespace amplify::service
