#pragma once
// Fault rules in LocalStack's Chaos API shape (docs/DECISIONS.md "Fault injection and throttling"),
// so a LocalStack configuration carries over unchanged: `{region?, service?, operation?,
// probability?, error?: {statusCode?, code?}}`, plus our extension `job: {status: "FAILED",
// error?}`. Parsing validates a whole list and applies the defaults; rules compare equal after the
// defaults.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace amplify::chaos {

inline constexpr std::string_view kServiceName = "amplifybackend";
inline constexpr int kDefaultStatus = 503;
inline constexpr std::string_view kDefaultCode = "ServiceUnavailable";
inline constexpr std::string_view kDefaultJobError =
    "The job failed: a fault injected by a /_chaos/faults rule.";
// More rules than anyone tests with; every matched request walks the list.
inline constexpr size_t kMaxRules = 1000;

// A rule's filters and what it does. Absent filters match everything.
struct FaultRule {
  std::optional<std::string> region;
  std::optional<std::string> service;
  std::optional<std::string> operation;
  double probability = 1.0;
  // An error answer (the default) ...
  int status = kDefaultStatus;
  std::string code = std::string(kDefaultCode);
  // ... or, with `job`, a 200 whose job ends FAILED with this error.
  std::optional<std::string> job_error;

  bool operator==(const FaultRule&) const = default;
};

// Where a request goes, as rules see it.
struct FaultTarget {
  std::string_view service = kServiceName;
  std::string_view operation;  // the model's operation name, e.g. "GetBackend"
  std::string_view region;
};

// Whether the rule's filters select the request (the probability is not rolled here).
// `service` compares ASCII case-insensitively (service ids are lower-case; SDK class names are
// not), region and operation exactly.
bool Selects(const FaultRule& rule, const FaultTarget& target);

// A JSON array of rules, every one valid, defaults applied; else a BadRequest naming the first
// problem ("rule 2: probability must be a number from 0 to 1").
Result<std::vector<FaultRule>> ParseFaultRules(std::string_view json);
// The same from parsed JSON (a --chaos-config file).
Result<std::vector<FaultRule>> FaultRulesFrom(const boost::json::value& value);

// The rules as a JSON array, defaults written out: what GET /_chaos/faults answers.
std::string FaultRulesJson(const std::vector<FaultRule>& rules);
// One rule as a JSON object (the debug log names the rule that matched).
std::string FaultRuleJson(const FaultRule& rule);

}  // namespace amplify::chaos
