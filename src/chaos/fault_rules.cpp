#include "chaos/fault_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <span>

#include "common/json_writer.h"

namespace amplify::chaos {
namespace {

using boost::json::object;
using boost::json::value;

constexpr size_t kMaxFilterBytes = 256;
constexpr size_t kMaxJobErrorBytes = 1024;
constexpr std::array<std::string_view, 6> kRuleMembers = {"region",      "service", "operation",
                                                          "probability", "error",   "job"};
constexpr std::array<std::string_view, 2> kErrorMembers = {"statusCode", "code"};
constexpr std::array<std::string_view, 2> kJobMembers = {"status", "error"};

AwsError Problem(size_t index, std::string_view what) {
  return BadRequest(fmt::format("Invalid fault rule {}: {}.", index + 1, what));
}

// A member that is present and not JSON null (null counts as absent, as in request bodies).
const value* Present(const object& o, std::string_view key) {
  const value* v = o.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

Status OnlyMembers(const object& o, std::span<const std::string_view> allowed,
                   std::string_view where, size_t index) {
  for (const auto& member : o) {
    if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end()) {
      return Problem(index, fmt::format("unknown member {} in {}", JsonQuote(member.key()), where));
    }
  }
  return OkStatus();
}

// An X-Amzn-ErrorType value: a token, so it is safe in a header and a metrics label.
bool IsErrorCode(std::string_view code) {
  return !code.empty() && code.size() <= 128 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == ':' || c == '#';
  });
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

bool HasControlCharacters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

Status ReadFilter(const object& o, std::string_view key, size_t index,
                  std::optional<std::string>& out) {
  const value* v = Present(o, key);
  if (!v) return OkStatus();
  if (!v->is_string()) return Problem(index, fmt::format("{} must be a string", key));
  std::string_view text = v->get_string();
  if (text.empty() || text.size() > kMaxFilterBytes || HasControlCharacters(text)) {
    return Problem(index, fmt::format("{} must be 1 to {} characters, without control characters",
                                      key, kMaxFilterBytes));
  }
  out = std::string(text);
  return OkStatus();
}

Status ReadProbability(const object& o, size_t index, double& out) {
  const value* v = Present(o, "probability");
  if (!v) return OkStatus();
  if (!v->is_number() || v->to_number<double>() < 0.0 || v->to_number<double>() > 1.0) {
    return Problem(index, "probability must be a number from 0 to 1");
  }
  out = v->to_number<double>();
  return OkStatus();
}

Status ReadError(const value& v, size_t index, FaultRule& rule) {
  if (!v.is_object()) return Problem(index, "error must be an object {statusCode?, code?}");
  const object& error = v.get_object();
  if (Status ok = OnlyMembers(error, kErrorMembers, "error", index); !ok) return ok;
  if (const value* status = Present(error, "statusCode")) {
    if (!status->is_int64() || status->get_int64() < 400 || status->get_int64() > 599) {
      return Problem(index, "error.statusCode must be an integer from 400 to 599");
    }
    rule.status = static_cast<int>(status->get_int64());
  }
  if (const value* code = Present(error, "code")) {
    if (!code->is_string() || !IsErrorCode(code->get_string())) {
      return Problem(index,
                     "error.code must be 1 to 128 letters, digits or . _ - : # (an error type "
                     "such as ServiceUnavailable)");
    }
    rule.code = std::string(code->get_string());
  }
  return OkStatus();
}

Status ReadJob(const value& v, size_t index, FaultRule& rule) {
  if (!v.is_object()) return Problem(index, "job must be an object {status: \"FAILED\", error?}");
  const object& job = v.get_object();
  if (Status ok = OnlyMembers(job, kJobMembers, "job", index); !ok) return ok;
  const value* status = Present(job, "status");
  if (status && !(status->is_string() && status->get_string() == "FAILED")) {
    return Problem(index, "job.status must be \"FAILED\"");
  }
  rule.job_error = std::string(kDefaultJobError);
  if (const value* error = Present(job, "error")) {
    if (!error->is_string() || error->get_string().empty() ||
        error->get_string().size() > kMaxJobErrorBytes ||
        HasControlCharacters(error->get_string())) {
      return Problem(index, fmt::format("job.error must be a text of 1 to {} characters, without "
                                        "control characters",
                                        kMaxJobErrorBytes));
    }
    rule.job_error = std::string(error->get_string());
  }
  return OkStatus();
}

Result<FaultRule> ReadRule(const value& v, size_t index) {
  if (!v.is_object()) return Problem(index, "a rule must be a JSON object");
  const object& o = v.get_object();
  FaultRule rule;
  if (Status ok = OnlyMembers(o, kRuleMembers, "the rule", index); !ok) return ok.error();
  for (auto [key, field] : {std::pair{"region", &rule.region}, std::pair{"service", &rule.service},
                            std::pair{"operation", &rule.operation}}) {
    if (Status ok = ReadFilter(o, key, index, *field); !ok) return ok.error();
  }
  if (Status ok = ReadProbability(o, index, rule.probability); !ok) return ok.error();
  const value* error = Present(o, "error");
  const value* job = Present(o, "job");
  if (error && job) return Problem(index, "a rule has either error or job, not both");
  if (error) {
    if (Status ok = ReadError(*error, index, rule); !ok) return ok.error();
  }
  if (job) {
    if (Status ok = ReadJob(*job, index, rule); !ok) return ok.error();
  }
  return rule;
}

void WriteRule(JsonWriter& w, const FaultRule& rule) {
  w.BeginObject();
  for (auto [key, field] : {std::pair{"region", &rule.region}, std::pair{"service", &rule.service},
                            std::pair{"operation", &rule.operation}}) {
    if (!*field) continue;
    w.Key(key);
    w.String(**field);
  }
  w.Key("probability");
  w.Raw(fmt::format("{}", rule.probability));
  if (rule.job_error) {
    w.Key("job");
    w.BeginObject();
    w.Key("status");
    w.String("FAILED");
    w.Key("error");
    w.String(*rule.job_error);
    w.EndObject();
  } else {
    w.Key("error");
    w.BeginObject();
    w.Key("statusCode");
    w.Int(rule.status);
    w.Key("code");
    w.String(rule.code);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace

bool Selects(const FaultRule& rule, const FaultTarget& target) {
  if (rule.service && !EqualsIgnoringAsciiCase(*rule.service, target.service)) return false;
  if (rule.region && *rule.region != target.region) return false;
  return !rule.operation || *rule.operation == target.operation;
}

Result<std::vector<FaultRule>> FaultRulesFrom(const value& json) {
  if (!json.is_array()) {
    return BadRequest("Fault rules must be a JSON array of rules (LocalStack's Chaos API shape).");
  }
  const boost::json::array& list = json.get_array();
  if (list.size() > kMaxRules) {
    return BadRequest(fmt::format("At most {} fault rules can be set.", kMaxRules));
  }
  std::vector<FaultRule> rules;
  rules.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    Result<FaultRule> rule = ReadRule(list[i], i);
    if (!rule) return rule.error();
    rules.push_back(std::move(rule.value()));
  }
  return rules;
}

Result<std::vector<FaultRule>> ParseFaultRules(std::string_view json) {
  boost::system::error_code ec;
  value parsed = boost::json::parse(json, ec);
  if (ec) return BadRequest(fmt::format("The fault rules are not valid JSON: {}.", ec.message()));
  return FaultRulesFrom(parsed);
}

std::string FaultRulesJson(const std::vector<FaultRule>& rules) {
  std::string out;
  JsonWriter w(out);
  w.BeginArray();
  for (const FaultRule& rule : rules) WriteRule(w, rule);
  w.EndArray();
  return out;
}

std::string FaultRuleJson(const FaultRule& rule) {
  std::string out;
  JsonWriter w(out);
  WriteRule(w, rule);
  return out;
}

}  // namespace amplify::chaos
