#pragma once
// Where a request acts: all state is keyed by (account, region) first, as in every AWS service
// (docs/ARCHITECTURE.md "State").
#include <string>

namespace amplify {

struct Scope {
  std::string account;  // 12-digit account id
  std::string region;   // e.g. us-east-1
  bool operator==(const Scope&) const = default;
};

}  // namespace amplify
