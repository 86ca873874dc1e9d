#pragma once
// The keys `--auth enforce` accepts, read from a file in the AWS shared-credentials format
// users already have (docs/DECISIONS.md "Signature verification"): `[profile]` sections with
// aws_access_key_id, aws_secret_access_key, optional aws_session_token and aws_account_id (12
// digits; default 000000000000), the account the key acts in. Other keys (region, output, ...)
// are ignored. Re-read on SIGHUP: a file that does not parse keeps the keys already loaded.
#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"

namespace amplify::auth {

struct Credential {
  std::string profile;
  std::string secret_access_key;
  std::string session_token;  // "" when the key needs none
  std::string account_id;
};

// Access key id → its credential.
using CredentialTable = std::unordered_map<std::string, Credential>;

// The table, or why the file is not valid (line and profile named, never a secret).
Result<CredentialTable> ParseCredentialsFile(std::string_view text);

class CredentialStore {
 public:
  // Reads `path`; throws std::runtime_error when it cannot be read or parsed.
  explicit CredentialStore(std::string path);

  // Reads the file again; on failure keeps the current keys and returns why.
  Status Reload();
  // The keys as last loaded: any thread, no lock.
  std::shared_ptr<const CredentialTable> Current() const { return table_.load(); }

 private:
  Result<CredentialTable> Load() const;

  std::string path_;
  std::atomic<std::shared_ptr<const CredentialTable>> table_;
};

}  // namespace amplify::auth
