#include "chaos/chaos_api.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>

#include "common/json_writer.h"

namespace amplify::chaos {
namespace {

constexpr std::string_view kFaultsPath = "/_chaos/faults";
constexpr std::string_view kEffectsPath = "/_chaos/effects";

Result<boost::json::value> ParseBody(std::string_view body) {
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(body, ec);
  if (ec) return BadRequest(fmt::format("The request body is not valid JSON: {}.", ec.message()));
  return parsed;
}

Result<std::string> AnswerFaults(FaultInjector& chaos, std::string_view method,
                                 std::string_view body) {
  if (method == "GET") return FaultRulesJson(*chaos.Rules());
  if (method != "POST" && method != "PATCH" && method != "DELETE") {
    return MethodNotAllowed("/_chaos/faults takes GET, POST, PATCH or DELETE.");
  }
  Result<std::vector<FaultRule>> rules = ParseFaultRules(body);
  if (!rules) return rules.error();
  if (method == "POST") {
    chaos.Replace(std::move(rules.value()));
  } else if (method == "PATCH") {
    if (Status ok = chaos.Append(*rules); !ok) return ok.error();
  } else {
    chaos.Remove(*rules);
  }
  return FaultRulesJson(*chaos.Rules());
}

Result<std::string> AnswerEffects(FaultInjector& chaos, std::string_view method,
                                  std::string_view body) {
  if (method == "POST") {
    Result<boost::json::value> json = ParseBody(body);
    if (!json) return json.error();
    Result<Effects> effects = EffectsFrom(*json);
    if (!effects) return effects.error();
    chaos.SetLatency(effects->latency);
  } else if (method != "GET") {
    return MethodNotAllowed("/_chaos/effects takes GET or POST.");
  }
  return EffectsJson({chaos.Latency()});
}

}  // namespace

Result<Effects> EffectsFrom(const boost::json::value& json) {
  if (!json.is_object()) return BadRequest("Effects must be a JSON object {\"latency\": ms}.");
  Effects effects;
  for (const auto& member : json.get_object()) {
    if (member.key() != "latency") {
      return BadRequest(fmt::format("Unknown member {} in the effects; only latency is supported.",
                                    JsonQuote(member.key())));
    }
    const boost::json::value& latency = member.value();
    if (latency.is_null()) continue;
    if (!latency.is_int64() || latency.get_int64() < 0 ||
        latency.get_int64() > kMaxLatency.count()) {
      return BadRequest(fmt::format("latency must be a whole number of milliseconds from 0 to {}.",
                                    kMaxLatency.count()));
    }
    effects.latency = std::chrono::milliseconds(latency.get_int64());
  }
  return effects;
}

std::string EffectsJson(const Effects& effects) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("latency");
  w.Int(effects.latency.count());
  w.EndObject();
  return out;
}

Result<std::string> AnswerChaosApi(FaultInjector& chaos, std::string_view method,
                                   std::string_view path, std::string_view body) {
  if (path == kFaultsPath) return AnswerFaults(chaos, method, body);
  if (path == kEffectsPath) return AnswerEffects(chaos, method, body);
  return UnknownOperation("No such chaos endpoint: use /_chaos/faults or /_chaos/effects.");
}

}  // namespace amplify::chaos
