#include "service/s3_buckets.h"

#include <fmt/format.h>

#include <array>

#include "common/base64url.h"
#include "common/clock.h"
#include "common/json_writer.h"
#include "model/identifier_rules.h"
#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/errors.h"

namespace amplify::service {
namespace {

namespace members = model::members;

constexpr int kPageSize = 100;
constexpr size_t kMaxName = model::kMaxBucketNameBytes;
constexpr std::string_view kTokenPrefix = "s3b1.";

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Lower-case alphanumerics, every run of anything else one '-', no '-' at either end.
std::string Sanitize(std::string_view text) {
  std::string out;
  for (char raw : text) {
    char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
    if (IsLowerAlnum(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

std::string GenerateBucketName(std::string_view resource, std::string_view app_id,
                               std::string_view env, std::string_view suffix) {
  const size_t room = kMaxName - 1 - suffix.size();  // "<base>-<suffix>"
  std::string base = Sanitize(fmt::format("{}-{}-{}", resource, app_id, env));
  if (base.empty()) base = "storage";
  // The name is "<base>-<suffix>": a reserved prefix may end in that '-'. A leading "s3-"
  // keeps such a name readable and valid (Sanitize leaves no "--", so "xn--" cannot occur).
  for (std::string_view prefix : model::kReservedBucketPrefixes) {
    if ((base + "-").starts_with(prefix)) base = "s3-" + base;
  }
  if (base.size() > room) base.resize(room);
  while (!base.empty() && base.back() == '-') base.pop_back();
  return fmt::format("{}-{}", base, suffix);
}

std::string EncodeBucketsToken(std::string_view last_name) {
  return fmt::format("{}{}", kTokenPrefix, Base64UrlEncode(last_name));
}

std::optional<std::string> DecodeBucketsToken(std::string_view token) {
  if (!token.starts_with(kTokenPrefix)) return std::nullopt;
  std::optional<std::string> name = Base64UrlDecode(token.substr(kTokenPrefix.size()));
  if (!name || name->empty()) return std::nullopt;
  return name;
}

Result<Plan> ListS3Buckets(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  std::string after;
  if (std::optional<std::string_view> token =
          model::Find(in, members::ListS3BucketsRequest::NextToken)) {
    std::optional<std::string> name = DecodeBucketsToken(*token);
    if (!name) return BadNextToken();
    after = std::move(*name);
  }
  // One row more than a page says whether another page follows.
  std::vector<store::BucketRecord> rows =
      read.reader().ListBuckets(ctx.scope.account, after, kPageSize + 1);
  const bool more = rows.size() > static_cast<size_t>(kPageSize);
  if (more) rows.resize(kPageSize);
  using Out = members::ListS3BucketsResponse;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key(Out::Buckets);
  w.BeginArray();
  for (const store::BucketRecord& b : rows) {
    w.BeginObject();
    w.Member(members::S3BucketInfo::CreationDate, Iso8601Of(b.creation_ms).view());
    w.Member(members::S3BucketInfo::Name, b.name);
    w.EndObject();
  }
  w.EndArray();
  if (more) w.Member(Out::NextToken, EncodeBucketsToken(rows.back().name));
  w.EndObject();
  return Plan::Respond(std::move(out));
}

}  // namespace amplify::service
