#pragma once
// `--chaos-config FILE`: fault rules (and effects) in force from the start (docs/DECISIONS.md
// "Fault injection and throttling"). The file is what POST /_chaos/faults takes — a JSON array of
// rules, so a LocalStack rule file works as it is — or an object {"faults": [...], "effects":
// {...}}.
#include <string>
#include <string_view>

#include "chaos/chaos_api.h"
#include "chaos/fault_rules.h"
#include "common/result.h"

namespace amplify::chaos {

struct ChaosConfig {
  RuleList faults;
  Effects effects;
};

Result<ChaosConfig> ParseChaosConfig(std::string_view json);
// Reads and parses FILE; the error names the file and what is wrong with it.
Result<ChaosConfig> LoadChaosConfig(const std::string& path);

}  // namespace amplify::chaos
