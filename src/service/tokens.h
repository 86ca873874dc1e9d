#pragma once
// Admin-UI challenge tokens (DESIGN.md §3 "Tokens"): CreateToken, GetToken, DeleteToken.
// Synchronous; no jobs. Challenge codes never reach the log.
#include "service/services.h"

namespace amplify::service {

void CreateToken(const Services& s, Call call);
void GetToken(const Services& s, Call call);
void DeleteToken(const Services& s, Call call);

// Seconds left until `expires_ms`, rounded up, as TokenResp reports `ttl`.
int64_t SecondsRemaining(int64_t now_ms, int64_t expires_ms);

}  // namespace amplify::service
