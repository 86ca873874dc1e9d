#include "admin/admin_api.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <vector>

#include "common/base64url.h"
#include "common/clock.h"
#include "common/json_writer.h"
#include "model/identifier_rules.h"
#include "protocol/router.h"
#include "service/errors.h"

namespace amplify::admin {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 100;
constexpr size_t kMaxSearchBytes = 255;
constexpr std::string_view kTokenPrefix = "apps1.";

struct ListQuery {
  std::string search;
  std::string limit;
  std::string next_token;
};

// Percent-decodes a query component, '+' being a space as browsers send forms.
std::optional<std::string> DecodeComponent(std::string_view raw) {
  std::string plus(raw);
  for (char& c : plus) {
    if (c == '+') c = ' ';
  }
  std::string out;
  if (!protocol::PercentDecode(plus, out)) return std::nullopt;
  return out;
}

Result<ListQuery> ParseListQuery(std::string_view query) {
  ListQuery out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::optional<std::string> value =
        DecodeComponent(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    if (!value) return BadRequest(fmt::format("The query parameter {} is not valid.", name));
    if (name == "search") out.search = std::move(*value);
    else if (name == "limit") out.limit = std::move(*value);
    else if (name == "nextToken") out.next_token = std::move(*value);
    // Other parameters are ignored, as AWS ignores unknown query parameters.
  }
  return out;
}

Result<int> ParseLimit(std::string_view text) {
  if (text.empty()) return kDefaultLimit;
  int limit = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (ec != std::errc() || end != text.data() + text.size() || limit < 1 || limit > kMaxLimit) {
    return BadRequest(fmt::format("limit must be a whole number from 1 to {}.", kMaxLimit));
  }
  return limit;
}

// The members an app has in both answers.
void WriteAppMembers(JsonWriter& w, const store::AppRecord& app) {
  w.Key("appId");
  w.String(app.app_id);
  w.Key("appName");
  w.String(app.app_name);
  w.Key("createTime");
  w.String(Iso8601Of(app.created_ms).view());
}

Result<std::string> ListApps(std::string_view query_text, store::StoreReader& reader,
                             const Scope& scope) {
  Result<ListQuery> query = ParseListQuery(query_text);
  if (!query) return query.error();
  Result<int> limit = ParseLimit(query->limit);
  if (!limit) return limit.error();
  if (query->search.size() > kMaxSearchBytes) {
    return BadRequest(fmt::format("search must be at most {} bytes.", kMaxSearchBytes));
  }
  store::AppListQuery q{.search = query->search, .after_app_id = "", .limit = *limit + 1};
  if (!query->next_token.empty()) {
    std::optional<std::string> after;
    if (std::string_view token = query->next_token; token.starts_with(kTokenPrefix)) {
      after = Base64UrlDecode(token.substr(kTokenPrefix.size()));
    }
    if (!after || after->empty()) return service::BadNextToken();
    q.after_app_id = std::move(*after);
  }
  // One row more than the page says whether another page follows.
  std::vector<store::AppRecord> apps = reader.ListApps(scope, q);
  const bool more = apps.size() > static_cast<size_t>(*limit);
  if (more) apps.resize(static_cast<size_t>(*limit));
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("apps");
  w.BeginArray();
  for (const store::AppRecord& app : apps) {
    w.BeginObject();
    WriteAppMembers(w, app);
    w.Key("hasConfig");
    w.Bool(!app.config_json.empty());
    w.EndObject();
  }
  w.EndArray();
  if (more) {
    w.Key("nextToken");
    w.String(fmt::format("{}{}", kTokenPrefix, Base64UrlEncode(apps.back().app_id)));
  }
  w.EndObject();
  return out;
}

Result<std::string> DescribeApp(std::string_view raw_id, store::StoreReader& reader,
                                const Scope& scope, int64_t now_ms) {
  std::string app_id;
  if (!protocol::PercentDecode(raw_id, app_id)) return BadRequest("The appId is not valid.");
  if (auto problem = model::IdentifierProblem(model::IdentifierRule::kName, "appId", app_id)) {
    return BadRequest(fmt::format("1 validation error detected: {}", *problem));
  }
  std::optional<store::AppRecord> app = reader.GetApp(scope, app_id);
  if (!app) return service::AppNotFound(app_id);
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  WriteAppMembers(w, *app);
  w.Key("config");
  if (app->config_json.empty()) w.Raw("null");
  else w.Raw(app->config_json);  // stored as the JSON object text the API accepted
  w.Key("tokens");
  w.BeginArray();
  for (const store::TokenRecord& token : reader.ListLiveTokens(scope, app_id, now_ms)) {
    w.BeginObject();
    w.Key("sessionId");
    w.String(token.session_id);
    w.Key("challengeCode");
    w.String(token.challenge_code);
    w.Key("createTime");
    w.String(Iso8601Of(token.created_ms).view());
    w.Key("expireTime");
    w.String(Iso8601Of(token.expires_ms).view());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace

Result<std::string> AnswerAdminApi(std::string_view method, std::string_view target,
                                   store::StoreReader& reader, const Scope& scope,
                                   int64_t now_ms) {
  const size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  std::string_view query = question == std::string_view::npos ? "" : target.substr(question + 1);
  std::string_view rest = path.substr(kAdminApiPrefix.size());
  const bool list = rest == "apps";
  const bool describe = rest.starts_with("apps/") && rest.size() > 5 &&
                        rest.find('/', 5) == std::string_view::npos;
  if (!list && !describe) return UnknownOperation("No admin API at this path.");
  if (method != "GET" && method != "HEAD") {
    return MethodNotAllowed("The admin API is read-only: use GET.");
  }
  if (list) return ListApps(query, reader, scope);
  return DescribeApp(rest.substr(5), reader, scope, now_ms);
}

}  // namespace amplify::admin
