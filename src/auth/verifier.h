#pragma once
// `--auth enforce`: verifies a request's SigV4 signature as AWS does (docs/DECISIONS.md
// "Signature verification") and names the account and region it acts in. Runs before the
// route and the body are looked at; the answers are AWS's 403s with AWS's wording.
#include "auth/credentials.h"
#include "common/clock.h"
#include "common/result.h"
#include "common/scope.h"
#include "http/message.h"

namespace amplify::auth {

inline constexpr std::string_view kServiceName = "amplifybackend";
inline constexpr int64_t kMaxSkewMs = 15 * 60 * 1000;

class Verifier {
 public:
  Verifier(const CredentialStore& credentials, const Clock& clock)
      : credentials_(credentials), clock_(clock) {}

  // The scope the request acts in: the key's account, the credential scope's region. Needs
  // every header of the request (http::ServerOptions::keep_headers).
  Result<Scope> Verify(const http::Request& request) const;

 private:
  const CredentialStore& credentials_;
  const Clock& clock_;
};

}  // namespace amplify::auth
