// Every response is valid UTF-8 JSON whatever bytes the request carried (docs/DECISIONS.md
// "Errors and protocol"): every byte value and every class of malformed UTF-8, raw and
// percent-encoded, through each error path of the request path. The fixture parses every body
// with a strict UTF-8 JSON parser; here the header lines are checked to be printable ASCII.
#include <fmt/format.h>

#include "protocol/aws_responses.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

// Malformed UTF-8, one of each class (Unicode 15, table 3-7), plus a valid but unusual one.
const std::vector<std::string> kMalformed = {
    "\x80",              // lone continuation byte
    "\xBF\x80",          // continuation bytes only
    "\xC0\xAF",          // overlong '/'
    "\xE0\x80\xAF",      // overlong, 3 bytes
    "\xF0\x80\x80\xAF",  // overlong, 4 bytes
    "\xED\xA0\x80",      // UTF-16 surrogate
    "\xF4\x90\x80\x80",  // above U+10FFFF
    "\xF8\x88\x80\x80\x80",  // 5-byte form
    "\xFF\xFE",          // never valid
    "\xE2\x82",          // truncated
    "\xC3",              // truncated at the end
    "\xEF\xBF\xBF",      // U+FFFF: valid, a noncharacter
};

std::vector<std::string> Payloads() {
  std::vector<std::string> all = kMalformed;
  for (int b = 0; b < 256; ++b) all.emplace_back(1, static_cast<char>(b));
  return all;
}

std::string PercentEncoded(std::string_view raw) {
  std::string out;
  for (unsigned char c : raw) out += fmt::format("%{:02X}", c);
  return out;
}

// A payload the identifier rule allows after "a": the request then gets past it (to a 404).
bool Allowed(std::string_view p) {
  return p.size() == 1 && (std::isalnum(static_cast<unsigned char>(p[0])) || p[0] == '.' ||
                           p[0] == '_' || p[0] == '-');
}

class Utf8ResponsesTest : public ServiceFixture {
 protected:
  // The fixture already failed the test if the body is not strict UTF-8 JSON.
  void Check(const std::string& method, const std::string& path, const std::string& body,
             int status) {
    HttpReply r = Send(method, path, body);
    EXPECT_EQ(r.status, status) << method << " " << PercentEncoded(path) << ": " << r.raw;
    EXPECT_FALSE(r.error_type.empty()) << PercentEncoded(path);
    EXPECT_TRUE(r.body.contains("message")) << r.raw;
  }
};

TEST_F(Utf8ResponsesTest, RawBytesInEveryPathErrorGiveValidJson) {
  for (const std::string& p : Payloads()) {
    if (p == "/" || p == "?" || p == "%") continue;  // they change the path's shape, tested below
    const int label = Allowed(p) ? 404 : 400;
    Check("POST", "/backend/a" + p + "/details", "{}", label);  // identifier rule
    Check("POST", "/prod/backend/a" + p + "/details", "{}", label);
    Check("GET", "/backend/a" + p + "/details", "", 405);        // method, path quoted
    Check("POST", "/nosuch/a" + p, "{}", 404);                   // route, path quoted
  }
}

TEST_F(Utf8ResponsesTest, PercentEncodedBytesInEveryLabelGiveValidJson) {
  for (const std::string& p : Payloads()) {
    std::string e = PercentEncoded(p);
    const int label = Allowed(p) ? 404 : 400;
    Check("POST", "/backend/a" + e + "/details", "{}", label);
    Check("GET", "/backend/app1/job/d" + e + "/j", "", label);
    Check("GET", "/backend/app1/challenge/s" + e, "", label);
    Check("POST", "/nosuch/" + e, "{}", 404);
  }
  Check("POST", "/backend/a%ZZ/details", "{}", 400);  // malformed escape
  Check("POST", "/backend/a%/details", "{}", 400);
}

TEST_F(Utf8ResponsesTest, BytesInBodiesGiveValidJson) {
  ASSERT_EQ(CreateBackend("app1", "dev").status, 200);
  // Bodies that are not valid JSON: raw bytes inside a string (invalid UTF-8, a control byte,
  // a stray quote) and outside one. Those that happen to be valid JSON are other tests' subject.
  for (const std::string& p : Payloads()) {
    for (const std::string& body : {R"({"operation":"x)" + p + R"("})", "{" + p + "}"}) {
      boost::system::error_code ec;
      (void)boost::json::parse(body, ec);
      if (ec) Check("POST", "/backend/app1/job/dev", body, 400);
    }
  }
  // A valid but unknown enum value is quoted back in the message, escaped.
  HttpReply quoted = Send("POST", "/backend/app1/storage",
                          R"({"backendEnvironmentName":"dev","resourceName":"s",)"
                          R"("resourceConfig":{"serviceName":"\u0000\u001f\"\\\ud83d\ude00",)"
                          R"("permissions":{"authenticated":["READ"]}}})");
  EXPECT_EQ(quoted.status, 400) << quoted.raw;
  EXPECT_NE(Str(quoted.body, "message").find("enum value set"), std::string::npos) << quoted.raw;
  Check("POST", "/backend", R"({"appId":"a\ud800","appName":"x","backendEnvironmentName":"d"})",
        400);
}

TEST_F(Utf8ResponsesTest, TransportErrorsEscapeWhatTheyQuote) {
  for (const std::string& p : Payloads()) {
    for (auto error : {http::TransportError::kMalformedRequest, http::TransportError::kUriTooLong,
                       http::TransportError::kHeadersTooLarge}) {
      http::Response r = protocol::TransportErrorResponse(error, "bad " + p);
      boost::system::error_code ec;
      boost::json::value v = boost::json::parse(r.body, ec);
      EXPECT_FALSE(ec) << PercentEncoded(p);
      EXPECT_TRUE(v.is_object());
    }
  }
}

TEST_F(Utf8ResponsesTest, PreflightsNeverEchoBytesIntoHeaders) {
  for (const std::string& p : Payloads()) {
    http::Request request;
    request.method = "OPTIONS";
    request.target = "/backend/app1/details";
    request.access_control_request_headers = "content-type," + p;
    std::promise<http::Response> done;
    dispatcher_.Handle(std::move(request), http::MakeResponder([&done](http::Response r) {
                         done.set_value(std::move(r));
                       }));
    http::Response r = done.get_future().get();
    EXPECT_EQ(r.status, 200);
    for (unsigned char c : r.headers) {
      EXPECT_TRUE(c == '\r' || c == '\n' || (c >= 0x20 && c < 0x7F)) << PercentEncoded(p);
    }
  }
}

}  // namespace
}  // namespace amplify::service
