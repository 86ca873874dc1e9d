#include "service/amplify_meta.h"

#include <fmt/format.h>
#include <openssl/sha.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>

#include "service/resource_document.h"

namespace amplify::service {
namespace {

// The names the Amplify CLI gives each category's service and plugin.
const char* DefaultServiceOf(const std::string& category) {
  if (category == "auth") return "Cognito";
  if (category == "api") return "AppSync";
  if (category == "storage") return "S3";
  return "";
}

// Lower-case, alphanumerics and '-' only: app ids and environment names become stack names.
std::string StackSafe(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  return out.substr(0, 40);
}

}  // namespace

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  std::string hex;
  for (unsigned char b : digest) hex += fmt::format("{:02x}", b);
  return hex;
}

StackIdentity StackIdentityOf(const Scope& scope, const std::string& app_id,
                              const std::string& environment) {
  std::string h =
      Sha256Hex(fmt::format("{}/{}/{}/{}", scope.account, scope.region, app_id, environment));
  unsigned long digits = std::stoul(h.substr(0, 8), nullptr, 16) % 900000 + 100000;
  StackIdentity id;
  id.stack_name =
      fmt::format("amplify-{}-{}-{}", StackSafe(app_id), StackSafe(environment), digits);
  id.stack_id = fmt::format("arn:aws:cloudformation:{}:{}:stack/{}/{}-{}-4{}-a{}-{}", scope.region,
                            scope.account, id.stack_name, h.substr(8, 8), h.substr(16, 4),
                            h.substr(20, 3), h.substr(23, 3), h.substr(26, 12));
  id.deployment_bucket = id.stack_name + "-deployment";
  id.auth_role_name = id.stack_name + "-authRole";
  id.unauth_role_name = id.stack_name + "-unauthRole";
  id.auth_role_arn = fmt::format("arn:aws:iam::{}:role/{}", scope.account, id.auth_role_name);
  id.unauth_role_arn = fmt::format("arn:aws:iam::{}:role/{}", scope.account, id.unauth_role_name);
  return id;
}

std::string AmplifyMetaConfig(const Scope& scope, const std::string& app_id,
                              const std::string& environment,
                              const std::vector<store::ResourceRecord>& resources) {
  StackIdentity id = StackIdentityOf(scope, app_id, environment);
  boost::json::object meta;
  meta["providers"] = {{"awscloudformation",
                        {{"AuthRoleName", id.auth_role_name},
                         {"UnauthRoleArn", id.unauth_role_arn},
                         {"AuthRoleArn", id.auth_role_arn},
                         {"Region", scope.region},
                         {"DeploymentBucketName", id.deployment_bucket},
                         {"UnauthRoleName", id.unauth_role_name},
                         {"StackName", id.stack_name},
                         {"StackId", id.stack_id},
                         {"AmplifyAppId", app_id}}}};
  for (const store::ResourceRecord& r : resources) {
    StoredResource stored = ParseStoredResource(r);
    boost::json::object entry;
    entry["service"] = DefaultServiceOf(r.category);
    entry["providerPlugin"] = "awscloudformation";
    if (stored.imported) entry["serviceType"] = "imported";
    entry["output"] = std::move(stored.output);
    boost::json::value& category = meta[r.category];
    if (!category.is_object()) category.emplace_object();
    category.get_object()[r.name] = std::move(entry);
  }
  return boost::json::serialize(meta);
}

const std::string& AmplifyFeatureFlags() {
  // The cli.json `amplify init` writes for a new Gen 1 project (transformer v2).
  static const std::string kFlags = boost::json::serialize(boost::json::parse(R"({
    "features": {
      "graphqltransformer": {
        "addmissingownerfields": true, "improvepluralization": false,
        "validatetypenamereservedwords": true, "useexperimentalpipelinedtransformer": true,
        "enableiterativegsiupdates": true, "secondarykeyasgsi": true,
        "skipoverridemutationinputtypes": true, "transformerversion": 2,
        "suppressschemamigrationprompt": true, "securityenhancementnotification": false,
        "showfieldauthnotification": false, "usesubusernamefordefaultidentityclaim": true,
        "usefieldnameforprimarykeyconnectionfield": false, "enableautoindexquerynames": true,
        "respectprimarykeyattributesonconnectionfield": true,
        "shoulddeepmergedirectiveconfigdefaults": false,
        "populateownerfieldforstaticgroupauth": true
      },
      "frontend-ios": {"enablexcodeintegration": true},
      "auth": {"enablecaseinsensitivity": true, "useinclusiveterminology": true,
               "breakcirculardependency": true, "forcealiasattributes": false,
               "useenabledmfas": true},
      "codegen": {"useappsyncmodelgenplugin": true, "usedocsgeneratorplugin": true,
                  "usetypesgeneratorplugin": true, "cleangeneratedmodelsdirectory": true,
                  "retaincasestyle": true, "addtimestampfields": true,
                  "handlelistnullabilitytransparently": true, "emitauthprovider": true,
                  "generateindexrules": true, "enabledartnullsafety": true,
                  "generatemodelsforlazyloadandcustomselectionset": false},
      "appsync": {"generategraphqlpermissions": true},
      "latestregionsupport": {"pinpoint": 1, "translate": 1, "transcribe": 1, "rekognition": 1,
                              "textract": 1, "comprehend": 1},
      "project": {"overrides": true}
    }
  })"));
  return kFlags;
}

}  // namespace amplify::service
