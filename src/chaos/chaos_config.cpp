#include "chaos/chaos_config.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <fstream>
#include <sstream>

#include "common/json_writer.h"

namespace amplify::chaos {

Result<ChaosConfig> ParseChaosConfig(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(json, ec);
  if (ec) return BadRequest(fmt::format("not valid JSON: {}", ec.message()));
  ChaosConfig config;
  const boost::json::value* faults = &parsed;
  if (parsed.is_object()) {
    for (const auto& member : parsed.get_object()) {
      if (member.key() != "faults" && member.key() != "effects") {
        return BadRequest(fmt::format("unknown member {} (faults and effects are known)",
                                      JsonQuote(member.key())));
      }
    }
    faults = parsed.get_object().if_contains("faults");
    if (const boost::json::value* effects = parsed.get_object().if_contains("effects")) {
      Result<Effects> read = EffectsFrom(*effects);
      if (!read) return read.error();
      config.effects = *read;
    }
  }
  if (faults) {
    Result<RuleList> rules = FaultRulesFrom(*faults);
    if (!rules) return rules.error();
    config.faults = std::move(rules.value());
  }
  return config;
}

Result<ChaosConfig> LoadChaosConfig(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return BadRequest(fmt::format("--chaos-config {}: cannot be read", path));
  std::ostringstream text;
  text << file.rdbuf();
  Result<ChaosConfig> config = ParseChaosConfig(text.str());
  if (!config) {
    return BadRequest(fmt::format("--chaos-config {}: {}", path, config.error().message));
  }
  return config;
}

}  // namespace amplify::chaos
