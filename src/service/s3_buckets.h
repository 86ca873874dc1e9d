#pragma once
// S3 buckets of an account (docs/DECISIONS.md "S3 buckets"): ListS3Buckets, and the names
// storage resources give their buckets (the naming rules are model/identifier_rules.h).
#include <optional>
#include <string>
#include <string_view>

#include "service/plan.h"

namespace amplify::service {

// POST /s3Buckets: the caller's account's buckets in name order, 100 per page.
Result<Plan> ListS3Buckets(const Context& ctx, const boost::json::object& in, Snapshot& read);

// `<resource>-<app>-<env>-<suffix>`: lower-cased, every run of other characters one '-',
// trimmed so the whole is at most 63 characters. Valid for any input when `suffix` is
// kBucketSuffixLength characters of kBucketSuffixAlphabet.
std::string GenerateBucketName(std::string_view resource, std::string_view app_id,
                               std::string_view env, std::string_view suffix);

inline constexpr size_t kBucketSuffixLength = 6;
inline constexpr std::string_view kBucketSuffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

// ListS3Buckets page tokens: opaque, encode the last name of a page (exposed for tests).
std::string EncodeBucketsToken(std::string_view last_name);
std::optional<std::string> DecodeBucketsToken(std::string_view token);

}  // namespace amplify::service
