#include "service/tokens.h"

#include <fmt/format.h>

#include <memory>

#include "service/backends.h"

namespace amplify::service {
namespace {

using boost::json::object;

// Upper-case letters and digits without the look-alikes 0/O and 1/I, so a code read aloud or
// copied by hand survives.
constexpr std::string_view kChallengeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr size_t kChallengeLength = 12;

AwsError TokenNotFound(const std::string& app_id, const std::string& session_id) {
  return NotFound("Token",
                  fmt::format("Token with session {} not found for app {}.", session_id, app_id));
}

bool Live(const store::TokenRecord& t, int64_t now_ms) { return now_ms < t.expires_ms; }

// TokenResp (OPERATIONS.md §3.1): `ttl` is a string, the seconds left.
object TokenResponse(const store::TokenRecord& t, int64_t now_ms) {
  return {{"appId", t.app_id},
          {"challengeCode", t.challenge_code},
          {"sessionId", t.session_id},
          {"ttl", std::to_string(SecondsRemaining(now_ms, t.expires_ms))}};
}

}  // namespace

int64_t SecondsRemaining(int64_t now_ms, int64_t expires_ms) {
  int64_t left = expires_ms - now_ms;
  return left <= 0 ? 0 : (left + 999) / 1000;
}

void CreateToken(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  store::Scope scope = call.scope;
  int64_t now = s.clock.NowMillis();
  auto token = std::make_shared<store::TokenRecord>(
      store::TokenRecord{app_id, s.ids.Uuid(), s.ids.Token(kChallengeLength, kChallengeAlphabet),
                         now, now + s.config.token_ttl_seconds * 1000});
  s.store.Write(
      [scope, token](store::StoreWriter& w) -> Status {
        if (!w.GetApp(scope, token->app_id)) return AppNotFound(token->app_id);
        w.PutToken(scope, *token);
        return OkStatus();
      },
      [token, now, reply = std::move(call.reply)](Status st) {
        if (!st) return reply(st.error());
        reply(TokenResponse(*token, now));
      });
}

void GetToken(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string session_id = StringMember(call.input, "sessionId");
  store::StoreReader& r = s.store.Reader();
  int64_t now = s.clock.NowMillis();
  auto token = r.GetToken(call.scope, app_id, session_id);
  if (!token || !Live(*token, now)) return call.reply(TokenNotFound(app_id, session_id));
  call.reply(TokenResponse(*token, now));
}

void DeleteToken(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string session_id = StringMember(call.input, "sessionId");
  store::Scope scope = call.scope;
  int64_t now = s.clock.NowMillis();
  s.store.Write(
      [=](store::StoreWriter& w) -> Status {
        auto token = w.GetToken(scope, app_id, session_id);
        if (!token || !Live(*token, now)) return TokenNotFound(app_id, session_id);
        w.DeleteToken(scope, app_id, session_id);
        return OkStatus();
      },
      [reply = std::move(call.reply)](Status st) {
        if (!st) return reply(st.error());
        reply(object{{"isSuccess", true}});
      });
}

}  // namespace amplify::service
