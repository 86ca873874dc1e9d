#include "model/identifier_rules.h"

#include <fmt/format.h>

#include <utility>

namespace amplify::model {
namespace {

constexpr std::array<std::pair<std::string_view, IdentifierRule>, 7> kRules = {{
    {"appId", IdentifierRule::kName},
    {"backendEnvironmentName", IdentifierRule::kName},
    {"targetEnvironmentName", IdentifierRule::kName},
    {"resourceName", IdentifierRule::kName},
    {"jobId", IdentifierRule::kName},
    {"sessionId", IdentifierRule::kName},
    {"bucketName", IdentifierRule::kBucketName},
}};

constexpr size_t kMinBucketNameBytes = 3;
constexpr std::array<std::string_view, 5> kReservedBucketSuffixes = {
    "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsName(std::string_view v) {
  if (v.empty() || v.size() > kMaxNameBytes || !IsAlnum(v.front())) return false;
  for (char c : v)
    if (!IsAlnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

// Four dot-separated groups of 1-3 digits, e.g. 192.168.5.4.
bool LooksLikeIpAddress(std::string_view name) {
  int groups = 0;
  size_t start = 0;
  while (start <= name.size()) {
    size_t dot = name.find('.', start);
    std::string_view group =
        name.substr(start, dot == std::string_view::npos ? name.npos : dot - start);
    if (group.empty() || group.size() > 3) return false;
    for (char c : group)
      if (!IsDigit(c)) return false;
    ++groups;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return groups == 4;
}

}  // namespace

std::optional<IdentifierRule> IdentifierRuleFor(std::string_view wire) {
  for (const auto& [member, rule] : kRules)
    if (member == wire) return rule;
  return std::nullopt;
}

std::optional<std::string> IdentifierProblem(IdentifierRule rule, std::string_view path,
                                             std::string_view value) {
  switch (rule) {
    case IdentifierRule::kName:
      if (IsName(value)) return std::nullopt;
      return fmt::format(
          "Value at '{}' failed to satisfy constraint: Member must be 1 to {} bytes matching "
          "regular expression pattern: [A-Za-z0-9][A-Za-z0-9._-]*",
          path, kMaxNameBytes);
    case IdentifierRule::kBucketName:
      if (std::optional<std::string> problem = BucketNameProblem(value)) {
        return fmt::format("Value at '{}' failed to satisfy constraint: {}", path, *problem);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> BucketNameProblem(std::string_view name) {
  auto problem = [](std::string_view rule) { return fmt::format("Invalid bucket name: {}", rule); };
  if (name.size() < kMinBucketNameBytes || name.size() > kMaxBucketNameBytes) {
    return problem("bucket names must be between 3 and 63 characters long.");
  }
  for (char c : name) {
    if (!IsLowerAlnum(c) && c != '.' && c != '-') {
      return problem(
          "bucket names can consist only of lower-case letters, numbers, dots (.) and hyphens "
          "(-).");
    }
  }
  if (!IsLowerAlnum(name.front()) || !IsLowerAlnum(name.back())) {
    return problem("bucket names must begin and end with a letter or number.");
  }
  if (name.find("..") != std::string_view::npos) {
    return problem("bucket names must not contain two adjacent periods.");
  }
  if (LooksLikeIpAddress(name)) {
    return problem(
        "bucket names must not be formatted as an IP address (for example, 192.168.5.4).");
  }
  for (std::string_view prefix : kReservedBucketPrefixes) {
    if (name.starts_with(prefix)) {
      return problem(fmt::format("bucket names must not start with the prefix {}.", prefix));
    }
  }
  for (std::string_view suffix : kReservedBucketSuffixes) {
    if (name.ends_with(suffix)) {
      return problem(fmt::format("bucket names must not end with the suffix {}.", suffix));
    }
  }
  return std::nullopt;
}

}  // namespace amplify::model
