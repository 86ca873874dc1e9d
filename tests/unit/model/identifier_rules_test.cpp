#include "model/identifier_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace amplify::model {
namespace {

TEST(IdentifierRulesTest, TheTableNamesEveryIdentifierMember) {
  for (std::string_view wire : {"appId", "backendEnvironmentName", "targetEnvironmentName",
                                "resourceName", "jobId", "sessionId"}) {
    EXPECT_EQ(IdentifierRuleFor(wire), IdentifierRule::kName) << wire;
  }
  EXPECT_EQ(IdentifierRuleFor("bucketName"), IdentifierRule::kBucketName);
  EXPECT_EQ(IdentifierRuleFor("appName"), std::nullopt);
  EXPECT_EQ(IdentifierRuleFor("AppId"), std::nullopt);  // wire names are case-sensitive
}

TEST(IdentifierRulesTest, NamesAreOneTo255BytesOfTheAllowedCharacters) {
  for (const std::string& ok :
       {std::string("a"), std::string("0"), std::string("d1a2b3c4"), std::string("My_App.v-2"),
        std::string("a.."), std::string(255, 'x'),
        std::string("3f2504e0-4f89-41d3-9a0c-0305e82c3301")}) {
    EXPECT_EQ(IdentifierProblem(IdentifierRule::kName, "appId", ok), std::nullopt) << ok;
  }
  for (const std::string& bad :
       {std::string(""), std::string(256, 'x'), std::string(".."), std::string("."),
        std::string("-a"), std::string("_a"), std::string("a/b"), std::string("a b"),
        std::string("a\0b", 3), std::string("a\r\nb"), std::string("caf\xC3\xA9"),
        std::string("\xFF\xFE"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("a%2Fb"), std::string("a\"b"), std::string("a'b")}) {
    std::optional<std::string> problem = IdentifierProblem(IdentifierRule::kName, "appId", bad);
    ASSERT_TRUE(problem.has_value()) << bad;
    EXPECT_EQ(*problem,
              "Value at 'appId' failed to satisfy constraint: Member must be 1 to 255 bytes "
              "matching regular expression pattern: [A-Za-z0-9][A-Za-z0-9._-]*");
  }
}

TEST(IdentifierRulesTest, ABucketNameProblemNamesThePathAndTheRuleButNotTheValue) {
  std::optional<std::string> problem =
      IdentifierProblem(IdentifierRule::kBucketName, "resourceConfig.bucketName", "Sneaky\xFF");
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("'resourceConfig.bucketName'"), std::string::npos) << *problem;
  EXPECT_NE(problem->find("lower-case letters"), std::string::npos) << *problem;
  EXPECT_EQ(problem->find("Sneaky"), std::string::npos) << *problem;
  EXPECT_EQ(IdentifierProblem(IdentifierRule::kBucketName, "bucketName", "my-bucket"),
            std::nullopt);
}

// --- Naming rules -------------------------------------------------------------------------

TEST(BucketNameTest, ValidNamesHaveNoProblem) {
  for (const std::string& name :
       {std::string("abc"), std::string("my.bucket-1"), std::string(63, 'a'), std::string("1.2.3"),
        std::string("192.168.5.4.5"), std::string("a-s3alias1"), std::string("0xn--a"),
        std::string("1bucket")}) {
    EXPECT_EQ(BucketNameProblem(name), std::nullopt) << name;
  }
}

TEST(BucketNameTest, EachRuleIsNamed) {
  struct Case {
    std::string name;
    const char* rule;
  } cases[] = {
      {"", "between 3 and 63"},
      {"ab", "between 3 and 63"},
      {std::string(64, 'a'), "between 3 and 63"},
      {"My-Bucket", "lower-case letters, numbers, dots (.) and hyphens"},
      {"my_bucket", "lower-case letters"},
      {"my bucket", "lower-case letters"},
      {"caf\xC3\xA9", "lower-case letters"},
      {"-bucket", "begin and end with a letter or number"},
      {"bucket-", "begin and end"},
      {".bucket", "begin and end"},
      {"bucket.", "begin and end"},
      {"my..bucket", "two adjacent periods"},
      {"192.168.5.4", "IP address"},
      {"1.1.1.1", "IP address"},
      {"xn--bucket", "prefix xn--"},
      {"sthree-bucket", "prefix sthree-"},
      {"amzn-s3-demo-bucket", "prefix amzn-s3-demo-"},
      {"bucket-s3alias", "suffix -s3alias"},
      {"bucket--ol-s3", "suffix --ol-s3"},
      {"bucket.mrap", "suffix .mrap"},
      {"bucket--x-s3", "suffix --x-s3"},
      {"bucket--table-s3", "suffix --table-s3"},
  };
  for (const Case& c : cases) {
    std::optional<std::string> problem = BucketNameProblem(c.name);
    ASSERT_TRUE(problem.has_value()) << c.name;
    EXPECT_NE(problem->find(c.rule), std::string::npos) << c.name << ": " << *problem;
  }
}

}  // namespace
}  // namespace amplify::model
