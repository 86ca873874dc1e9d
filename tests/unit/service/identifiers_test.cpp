// The identifier rules (model/identifier_rules.h) on every operation, from the path and from
// the body: hostile values are 400s naming the member, the answer is valid UTF-8 JSON whatever
// bytes arrived, and nothing is read or written for them.
#include <fmt/format.h>

#include <regex>

#include "common/json_writer.h"
#include "model/identifier_rules.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

// Valid stand-ins for the labels a test does not aim at.
std::string ValidLabel(std::string_view wire) {
  if (wire == "appId") return "app1";
  if (wire == "backendEnvironmentName") return "dev";
  return "x1";
}

// The operation's path with `target` set to `raw` (already percent-encoded) and every other
// label valid.
std::string PathWith(const model::Operation& op, std::string_view target, std::string_view raw) {
  std::string path(op.uri);
  std::smatch m;
  std::regex label("\\{([A-Za-z]+)\\}");
  while (std::regex_search(path, m, label)) {
    std::string wire = m[1];
    path.replace(m.position(0), m.length(0), wire == target ? std::string(raw) : ValidLabel(wire));
  }
  return path;
}

std::vector<std::string> LabelsOf(const model::Operation& op) {
  std::vector<std::string> labels;
  std::string uri(op.uri);
  std::regex label("\\{([A-Za-z]+)\\}");
  for (auto it = std::sregex_iterator(uri.begin(), uri.end(), label); it != std::sregex_iterator();
       ++it) {
    labels.push_back((*it)[1]);
  }
  return labels;
}

class IdentifiersTest : public ServiceFixture {
 protected:
  void SetUp() override { ASSERT_EQ(CreateBackend("app1", "dev").status, 200); }

  void ExpectRefused(const model::Operation& op, const std::string& path, const std::string& body,
                     std::string_view member, std::string_view what) {
    HttpReply r = Send(std::string(op.method), path, body);
    EXPECT_EQ(r.status, 400) << op.name << " " << what << ": " << r.raw;
    EXPECT_EQ(r.error_type, "BadRequestException") << op.name << " " << what;
    EXPECT_NE(Str(r.body, "message").find(fmt::format("'{}'", member)), std::string::npos)
        << op.name << " " << what << ": " << r.raw;
  }

  // Nothing the hostile requests did is stored: app1 still has its one environment and job.
  void ExpectUnchanged() {
    HttpReply jobs = Post("/backend/app1/job/dev", "{}");
    ASSERT_EQ(jobs.status, 200) << jobs.raw;
    EXPECT_EQ(jobs.body.at("jobs").as_array().size(), 1u) << jobs.raw;
    HttpReply details = Post("/backend/app1/details", R"({"backendEnvironmentName":"dev"})");
    ASSERT_EQ(details.status, 200) << details.raw;
    EXPECT_EQ(details.body.at("backendEnvironmentList").as_array().size(), 1u) << details.raw;
  }
};

// Percent-encoded path labels the rule refuses: each a class of hostile input.
const std::vector<std::pair<std::string, std::string>> kHostileLabels = {
    {"%00", "an encoded NUL"},
    {"a%00b", "a NUL inside"},
    {"a%0D%0Ab", "CR LF"},
    {"a%2Fb", "an encoded slash"},
    {"..", "dot-dot"},
    {".", "dot"},
    {"%2E%2E", "encoded dot-dot"},
    {"a%20b", "a space"},
    {"caf%C3%A9", "non-ASCII UTF-8"},
    {"%FF%FE", "invalid UTF-8"},
    {"%C0%AF", "an overlong encoding"},
    {"%ED%A0%80", "a surrogate"},
    {"%E2%82", "a truncated sequence"},
    {"\xFF", "a raw 0xFF byte"},
    {"-a", "a leading hyphen"},
    {std::string(256, 'a'), "256 bytes"},
    {std::string(8192, 'a'), "8 KiB"},
};

TEST_F(IdentifiersTest, HostilePathLabelsAreRefusedOnEveryOperation) {
  for (const model::Operation& op : model::kOperations) {
    for (const std::string& wire : LabelsOf(op)) {
      if (!model::IdentifierRuleFor(wire)) continue;
      for (const auto& [raw, what] : kHostileLabels) {
        ExpectRefused(op, PathWith(op, wire, raw), "{}", wire, what);
        ExpectRefused(op, "/prod" + PathWith(op, wire, raw), "{}", wire, what);
      }
    }
  }
  ExpectUnchanged();
}

TEST_F(IdentifiersTest, HostileBodyMembersAreRefusedOnEveryOperation) {
  const std::vector<std::string> hostile = {"",    "..",  "a/b",        "a b",
                                            std::string("\0b", 2), "é",   "a\r\nb",     std::string(256, 'x'),
                                            "-x",  "_x",  "x\xEF\xBF\xBF"};
  for (const model::Operation& op : model::kOperations) {
    for (const model::Member& m : model::ShapeAt(op.input).members) {
      if (m.location != model::Location::kBody) continue;
      if (model::IdentifierRuleFor(m.wire) != model::IdentifierRule::kName) continue;
      for (const std::string& value : hostile) {
        std::string body;
        JsonWriter w(body);
        w.BeginObject();
        w.Key(m.wire);
        w.String(value);
        w.EndObject();
        ExpectRefused(op, PathWith(op, "", ""), body, m.wire, value);
      }
    }
  }
  ExpectUnchanged();
}

TEST_F(IdentifiersTest, EveryByteValueInALabelGetsAValidJsonAnswer) {
  // Bytes the rule allows pass it (the app is just unknown); every other byte is refused.
  // Either way the answer parses as UTF-8 JSON (the fixture parses every body).
  for (int b = 0; b < 256; ++b) {
    char c = static_cast<char>(b);
    bool allowed = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    std::string path = fmt::format("/backend/q%{:02X}q/details", b);
    HttpReply r = Post(path, R"({"backendEnvironmentName":"dev"})");
    if (allowed) {
      EXPECT_EQ(r.status, 404) << b << ": " << r.raw;
    } else {
      EXPECT_EQ(r.status, 400) << b << ": " << r.raw;
      EXPECT_NE(Str(r.body, "message").find("'appId'"), std::string::npos) << b;
    }
  }
  ExpectUnchanged();
}

TEST_F(IdentifiersTest, ValidIdentifiersStillWork) {
  std::string id(255, 'z');
  ASSERT_EQ(CreateBackend(id, "Env_1.a-b").status, 200);
  HttpReply r = Post("/backend/" + id + "/details", R"({"backendEnvironmentName":"Env_1.a-b"})");
  EXPECT_EQ(r.status, 200) << r.raw;
  HttpReply clone =
      Post("/backend/" + id + "/environments/Env_1.a-b/clone", R"({"targetEnvironmentName":"b"})");
  EXPECT_EQ(clone.status, 200) << clone.raw;
}

}  // namespace
}  // namespace amplify::service
