#pragma once
// The /_chaos/ endpoints (docs/DECISIONS.md "Fault injection and throttling"), LocalStack's Chaos
// API under our own prefix: /_chaos/faults (GET lists, POST replaces, PATCH appends, DELETE removes
// the rules given) and /_chaos/effects (GET shows, POST sets {"latency": ms}). Every answer is the
// state after the request; an invalid body is a BadRequest and changes nothing.
#include <boost/json/value.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "chaos/fault_injector.h"
#include "common/result.h"

namespace amplify::chaos {

inline constexpr std::string_view kChaosPrefix = "/_chaos/";
// The longest latency an effect may add: a longer one would hold a shutting-down server.
inline constexpr std::chrono::milliseconds kMaxLatency{60'000};

struct Effects {
  std::chrono::milliseconds latency{0};
};

// `{"latency": ms}`; an absent latency is 0 (POST sets the effects whole).
Result<Effects> EffectsFrom(const boost::json::value& json);
std::string EffectsJson(const Effects& effects);

// The JSON body answering `method` on `path` (the request-target without its query).
Result<std::string> AnswerChaosApi(FaultInjector& chaos, std::string_view method,
                                   std::string_view path, std::string_view body);

}  // namespace amplify::chaos
