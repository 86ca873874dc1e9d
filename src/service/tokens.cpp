#include "service/tokens.h"

#include "common/json_writer.h"
#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/errors.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using model::Get;

// Upper-case letters and digits without the look-alikes 0/O and 1/I, so a code read aloud or
// copied by hand survives.
constexpr std::string_view kChallengeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr size_t kChallengeLength = 12;

bool Live(const store::TokenRecord& t, int64_t now_ms) { return now_ms < t.expires_ms; }

// TokenResp: `ttl` is a string, the seconds left.
template <class Shape>
Output TokenOutput(const store::TokenRecord& t, int64_t now_ms) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, t.app_id);
  w.Member(Shape::ChallengeCode, t.challenge_code);
  w.Member(Shape::SessionId, t.session_id);
  w.Member(Shape::Ttl, std::to_string(SecondsRemaining(now_ms, t.expires_ms)));
  w.EndObject();
  return out;
}

// CreateToken's write: the app still exists, then the token.
class PutToken final : public WriteStep {
 public:
  explicit PutToken(store::TokenRecord token) : token_(std::move(token)) {}

  Result<WriteResult> Run(WriteContext& ctx) override {
    if (!ctx.writer.AppVersion(ctx.scope, token_.app_id)) return AppNotFound(token_.app_id);
    ctx.writer.PutToken(ctx.scope, token_);
    return WriteResult::kWritten;
  }
  Output Respond() const override {
    return TokenOutput<members::CreateTokenResponse>(token_, token_.created_ms);
  }

 private:
  store::TokenRecord token_;
};

// DeleteToken's write: the token is consumed once, so it is read again here.
class ConsumeToken final : public WriteStep {
 public:
  ConsumeToken(std::string app_id, std::string session_id, int64_t now_ms)
      : app_id_(std::move(app_id)), session_id_(std::move(session_id)), now_ms_(now_ms) {}

  Result<WriteResult> Run(WriteContext& ctx) override {
    std::optional<store::TokenRecord> token = ctx.writer.GetToken(ctx.scope, app_id_, session_id_);
    if (!token || !Live(*token, now_ms_)) return TokenNotFound(app_id_, session_id_);
    ctx.writer.DeleteToken(ctx.scope, app_id_, session_id_);
    return WriteResult::kWritten;
  }
  Output Respond() const override {
    std::string out;
    JsonWriter w(out);
    w.BeginObject();
    w.Member(members::DeleteTokenResponse::IsSuccess, true);
    w.EndObject();
    return out;
  }

 private:
  std::string app_id_, session_id_;
  int64_t now_ms_;
};

}  // namespace

int64_t SecondsRemaining(int64_t now_ms, int64_t expires_ms) {
  int64_t left = expires_ms - now_ms;
  return left <= 0 ? 0 : (left + 999) / 1000;
}

Result<Plan> CreateToken(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  std::string app_id(Get(in, members::CreateTokenRequest::AppId));
  if (!read.AppVersion(app_id)) return AppNotFound(app_id);
  store::TokenRecord token{app_id, ctx.ids.Uuid(),
                           ctx.ids.Token(kChallengeLength, kChallengeAlphabet), ctx.now_ms,
                           ctx.now_ms + ctx.config.token_ttl_seconds * 1000};
  return Plan::Write(std::make_unique<PutToken>(std::move(token)));
}

Result<Plan> GetToken(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetTokenRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string session_id(Get(in, Shape::SessionId));
  const store::TokenRecord* token = read.Token(app_id, session_id);
  if (!token || !Live(*token, ctx.now_ms)) return TokenNotFound(app_id, session_id);
  return Plan::Respond(TokenOutput<members::GetTokenResponse>(*token, ctx.now_ms));
}

Result<Plan> DeleteToken(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::DeleteTokenRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string session_id(Get(in, Shape::SessionId));
  const store::TokenRecord* token = read.Token(app_id, session_id);
  if (!token || !Live(*token, ctx.now_ms)) return TokenNotFound(app_id, session_id);
  return Plan::Write(
      std::make_unique<ConsumeToken>(std::move(app_id), std::move(session_id), ctx.now_ms));
}

}  // namespace amplify::service
