#include <boost/json/parse.hpp>
#include <regex>

#include "model/identifier_rules.h"
#include "service/s3_buckets.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using boost::json::parse;
using model::BucketNameProblem;

constexpr const char* kOtherAccountKey = "222222222222";
constexpr const char* kPermissions = R"({"authenticated":["READ","CREATE_AND_UPDATE"],
                                          "unAuthenticated":["READ"]})";

class StorageTest : public ServiceFixture {
 protected:
  explicit StorageTest(std::chrono::milliseconds job_duration = std::chrono::milliseconds(0))
      : ServiceFixture(job_duration) {}
  void SetUp() override { ASSERT_EQ(CreateBackend("a", "dev").status, 200); }

  static std::string Config(const std::string& bucket_member,
                            const std::string& permissions = kPermissions) {
    return R"({"serviceName":"S3","permissions":)" + permissions + bucket_member + "}";
  }
  HttpReply CreateStorage(const std::string& name, const std::string& config,
                          const std::string& env = "dev", const std::string& app = "a",
                          const std::string& key = "AKIDEXAMPLE") {
    return Send("POST", "/backend/" + app + "/storage",
                R"({"backendEnvironmentName":")" + env + R"(","resourceName":")" + name +
                    R"(","resourceConfig":)" + config + "}",
                key);
  }
  HttpReply GetStorage(const std::string& name, const std::string& env = "dev") {
    return Post("/backend/a/storage/" + env + "/details", R"({"resourceName":")" + name + R"("})");
  }
  HttpReply DeleteStorage(const std::string& name, const std::string& env = "dev") {
    return Post("/backend/a/storage/" + env + "/remove",
                R"({"resourceName":")" + name + R"(","serviceName":"S3"})");
  }
  HttpReply Import(const std::string& body, const std::string& env = "dev",
                   const std::string& app = "a", const std::string& key = "AKIDEXAMPLE") {
    return Send("POST", "/backend/" + app + "/storage/" + env + "/import", body, key);
  }
  std::vector<std::string> BucketNames(const std::string& key = "AKIDEXAMPLE") {
    HttpReply r = Send("POST", "/s3Buckets", "{}", key);
    std::vector<std::string> names;
    for (const auto& b : r.body.at("buckets").as_array()) {
      names.emplace_back(b.at("name").as_string());
    }
    return names;
  }
  std::string JobOperation(const HttpReply& r, const std::string& env = "dev") {
    return Str(Send("GET", "/backend/a/job/" + env + "/" + Str(r.body, "jobId")).body, "operation");
  }
  // What a rejected request must leave as it was.
  std::string Snapshot() {
    store::StoreReader& r = store_->Reader();
    std::string out;
    for (const char* account : {"000000000000", kOtherAccountKey}) {
      for (const auto& b : r.ListBuckets(account, "", 1000)) out += b.name + ";";
    }
    for (const auto& res : r.ListResources(scope_, "a", "dev")) out += res.name + res.config_json;
    out += Post("/backend/a/job/dev", "{}").raw;
    return out;
  }

  Scope scope_{"000000000000", "us-east-1"};
};

TEST_F(StorageTest, CreateWithABucketNameRoundTrips) {
  HttpReply created = CreateStorage("photos", Config(R"(,"bucketName":"my-photos.bucket")"));
  ASSERT_EQ(created.status, 200) << created.raw;
  // ShortJobResp: appId, backendEnvironmentName, jobId, status only.
  EXPECT_EQ(created.body.size(), 4u) << created.raw;
  EXPECT_EQ(Str(created.body, "status"), "COMPLETED");
  EXPECT_EQ(Str(created.body, "backendEnvironmentName"), "dev");
  EXPECT_EQ(JobOperation(created), "CreateBackendStorage");

  HttpReply got = GetStorage("photos");
  ASSERT_EQ(got.status, 200) << got.raw;
  EXPECT_EQ(Str(got.body, "resourceName"), "photos");
  EXPECT_EQ(got.body.at("resourceConfig"),
            parse(R"({"bucketName":"my-photos.bucket","imported":false,"serviceName":"S3",
                      "permissions":{"authenticated":["READ","CREATE_AND_UPDATE"],
                                     "unAuthenticated":["READ"]}})"));
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"my-photos.bucket"});
  auto meta = parse(Str(Post("/backend/a/details").body, "amplifyMetaConfig"));
  EXPECT_EQ(meta.at("storage").at("photos").at("output"),
            parse(R"({"BucketName":"my-photos.bucket","Region":"us-east-1"})"));
}

TEST_F(StorageTest, WithoutABucketNameOneIsGenerated) {
  ASSERT_EQ(CreateStorage("Photos_Main", Config("", R"({"authenticated":["READ"]})")).status, 200);
  std::string bucket =
      Str(GetStorage("Photos_Main").body.at("resourceConfig").as_object(), "bucketName");
  EXPECT_TRUE(std::regex_match(bucket, std::regex("photos-main-a-dev-[a-z0-9]{6}"))) << bucket;
  EXPECT_FALSE(BucketNameProblem(bucket));
  EXPECT_EQ(BucketNames(), std::vector<std::string>{bucket});
}

TEST_F(StorageTest, GeneratedNamesAreValidForOddAppIds) {
  // Upper case, underscores, dots and hyphens in the app id.
  const std::string app = "My_App.._-x";
  ASSERT_EQ(CreateBackend(app, "Dev_1").status, 200);
  HttpReply created = Send("POST", "/backend/My_App.._-x/storage",
                           R"({"backendEnvironmentName":"Dev_1","resourceName":"s",)"
                           R"("resourceConfig":)" +
                               Config("") + "}");
  ASSERT_EQ(created.status, 200) << created.raw;
  std::vector<std::string> names = BucketNames();
  ASSERT_EQ(names.size(), 1u);
  EXPECT_TRUE(std::regex_match(names[0], std::regex("s-my-app-x-dev-1-[a-z0-9]{6}"))) << names[0];
}

TEST_F(StorageTest, InvalidBucketNamesAreRejectedNamingTheRule) {
  std::string before = Snapshot();
  struct Case {
    const char* name;
    const char* rule;
  } cases[] = {{"ab", "between 3 and 63"},
               {"My-Bucket", "lower-case letters"},
               {"-bucket", "begin and end"},
               {"my..bucket", "two adjacent periods"},
               {"192.168.5.4", "IP address"},
               {"xn--bucket", "prefix xn--"},
               {"bucket-s3alias", "suffix -s3alias"},
               {"", "between 3 and 63"}};
  for (const Case& c : cases) {
    HttpReply r =
        CreateStorage("photos", Config(std::string(R"(,"bucketName":")") + c.name + "\""));
    EXPECT_EQ(r.status, 400) << c.name;
    EXPECT_NE(Str(r.body, "message").find(c.rule), std::string::npos) << Str(r.body, "message");
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(StorageTest, TakenBucketNamesAreRejectedInEveryAccount) {
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"shared-bucket")")).status, 200);
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  std::string before = Snapshot();
  HttpReply same = CreateStorage("photos", Config(R"(,"bucketName":"shared-bucket")"), "prod");
  EXPECT_EQ(same.status, 400);
  EXPECT_NE(Str(same.body, "message").find("shared-bucket"), std::string::npos);

  ASSERT_EQ(Send("POST", "/backend",
                 R"({"appId":"b","appName":"B","backendEnvironmentName":"dev"})", kOtherAccountKey)
                .status,
            200);
  HttpReply other = CreateStorage("photos", Config(R"(,"bucketName":"shared-bucket")"), "dev", "b",
                                  kOtherAccountKey);
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(Snapshot(), before);
  EXPECT_TRUE(BucketNames(kOtherAccountKey).empty());
}

TEST_F(StorageTest, ADuplicateResourceNameIsABadRequest) {
  ASSERT_EQ(CreateStorage("photos", Config("")).status, 200);
  std::string before = Snapshot();
  HttpReply again = CreateStorage("photos", Config(R"(,"bucketName":"another-bucket")"));
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(Snapshot(), before);  // the other bucket was not registered either
}

TEST_F(StorageTest, UpdateReplacesPermissionsAndKeepsTheBucket) {
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
  HttpReply updated = Post("/backend/a/storage/dev",
                           R"({"resourceName":"photos","resourceConfig":{"serviceName":"S3",
                               "permissions":{"authenticated":["DELETE"]}}})");
  ASSERT_EQ(updated.status, 200) << updated.raw;
  EXPECT_EQ(updated.body.size(), 4u);
  EXPECT_EQ(JobOperation(updated), "UpdateBackendStorage");
  EXPECT_EQ(GetStorage("photos").body.at("resourceConfig"),
            parse(R"({"bucketName":"photos-bucket","imported":false,"serviceName":"S3",
                      "permissions":{"authenticated":["DELETE"]}})"));

  HttpReply missing = Post("/backend/a/storage/dev",
                           R"({"resourceName":"nope","resourceConfig":{"serviceName":"S3",
                               "permissions":{"authenticated":["READ"]}}})");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Str(missing.body, "resourceType"), "BackendStorage");
}

TEST_F(StorageTest, DeleteRemovesTheResourceAndTheBucketItMade) {
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
  HttpReply deleted = DeleteStorage("photos");
  ASSERT_EQ(deleted.status, 200) << deleted.raw;
  EXPECT_EQ(JobOperation(deleted), "DeleteBackendStorage");
  EXPECT_EQ(GetStorage("photos").status, 404);
  EXPECT_TRUE(BucketNames().empty());
  // The name is free again.
  EXPECT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
}

TEST_F(StorageTest, ABucketSharedWithACloneStaysUntilItsLastUserIsDeleted) {
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
  ASSERT_EQ(Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})").status,
            200);
  ASSERT_EQ(DeleteStorage("photos").status, 200);
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"photos-bucket"});
  ASSERT_EQ(DeleteStorage("photos", "qa").status, 200);
  EXPECT_TRUE(BucketNames().empty());
}

TEST_F(StorageTest, DeleteBackendRemovesTheBucketsItsStorageMadeButNotImports) {
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
  ASSERT_EQ(Import(R"({"serviceName":"S3","bucketName":"existing-bucket"})").status, 200);
  ASSERT_EQ(Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})").status,
            200);
  // The clone still uses photos-bucket: it stays.
  ASSERT_EQ(Post("/backend/a/environments/dev/remove", "{}").status, 200);
  EXPECT_EQ(BucketNames(), (std::vector<std::string>{"existing-bucket", "photos-bucket"}));
  ASSERT_EQ(Post("/backend/a/environments/qa/remove", "{}").status, 200);
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"existing-bucket"});
}

TEST_F(StorageTest, RemoveAllBackendsRemovesTheBucketsOfEveryEnvironment) {
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
  ASSERT_EQ(CreateStorage("docs", Config(R"(,"bucketName":"docs-bucket")"), "prod").status, 200);
  ASSERT_EQ(Post("/backend/a/remove", R"({"cleanAmplifyApp":false})").status, 200);
  EXPECT_TRUE(BucketNames().empty());
}

TEST_F(StorageTest, UnknownStorageAppsAndEnvironmentsAreNotFound) {
  for (HttpReply r : {GetStorage("nope"), DeleteStorage("nope")}) {
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(Str(r.body, "resourceType"), "BackendStorage");
  }
  EXPECT_EQ(Str(GetStorage("x", "nope").body, "resourceType"), "BackendEnvironment");
  EXPECT_EQ(Str(CreateStorage("x", Config(""), "nope").body, "resourceType"), "BackendEnvironment");
  EXPECT_EQ(Str(CreateStorage("x", Config(""), "dev", "nope").body, "resourceType"), "App");
  EXPECT_EQ(Str(Import(R"({"serviceName":"S3","bucketName":"abc"})", "nope").body, "resourceType"),
            "BackendEnvironment");
  EXPECT_TRUE(BucketNames().empty());
}

TEST_F(StorageTest, ImportNeedsABucketName) {
  HttpReply r = Import(R"({"serviceName":"S3"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Str(r.body, "message").find("bucketName"), std::string::npos);
  HttpReply bad = Import(R"({"serviceName":"S3","bucketName":"Bad_Name"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(Str(bad.body, "message").find("lower-case"), std::string::npos);
}

TEST_F(StorageTest, ImportRegistersAnUnknownBucketAndNamesTheResourceAfterIt) {
  HttpReply imported = Import(R"({"serviceName":"S3","bucketName":"legacy-assets"})");
  ASSERT_EQ(imported.status, 200) << imported.raw;
  EXPECT_EQ(imported.body.size(), 4u);
  EXPECT_EQ(JobOperation(imported), "ImportBackendStorage");
  HttpReply got = GetStorage("legacy-assets");
  ASSERT_EQ(got.status, 200) << got.raw;
  EXPECT_EQ(got.body.at("resourceConfig"),
            parse(R"({"bucketName":"legacy-assets","imported":true,"serviceName":"S3",
                      "permissions":{"authenticated":["READ","CREATE_AND_UPDATE","DELETE"]}})"));
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"legacy-assets"});
  auto meta = parse(Str(Post("/backend/a/details").body, "amplifyMetaConfig"));
  EXPECT_EQ(meta.at("storage").at("legacy-assets").at("serviceType").as_string(), "imported");

  // Importing it again into the same environment is a BadRequest; another environment is fine.
  std::string before = Snapshot();
  EXPECT_EQ(Import(R"({"serviceName":"S3","bucketName":"legacy-assets"})").status, 400);
  EXPECT_EQ(Snapshot(), before);
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  EXPECT_EQ(Import(R"({"serviceName":"S3","bucketName":"legacy-assets"})", "prod").status, 200);
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"legacy-assets"});
}

TEST_F(StorageTest, DeletingAnImportKeepsTheBucket) {
  ASSERT_EQ(Import(R"({"serviceName":"S3","bucketName":"legacy-assets"})").status, 200);
  ASSERT_EQ(DeleteStorage("legacy-assets").status, 200);
  EXPECT_EQ(GetStorage("legacy-assets").status, 404);
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"legacy-assets"});
}

TEST_F(StorageTest, ImportOfABucketTheEnvironmentAlreadyUsesIsABadRequest) {
  ASSERT_EQ(CreateStorage("photos", Config(R"(,"bucketName":"photos-bucket")")).status, 200);
  std::string before = Snapshot();
  HttpReply r = Import(R"({"serviceName":"S3","bucketName":"photos-bucket"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Str(r.body, "message").find("photos"), std::string::npos);
  EXPECT_EQ(Snapshot(), before);
  // Another environment of the same account may import it.
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  EXPECT_EQ(Import(R"({"serviceName":"S3","bucketName":"photos-bucket"})", "prod").status, 200);
}

TEST_F(StorageTest, ImportOfAnotherAccountsBucketIsABadRequest) {
  ASSERT_EQ(Send("POST", "/backend",
                 R"({"appId":"b","appName":"B","backendEnvironmentName":"dev"})", kOtherAccountKey)
                .status,
            200);
  ASSERT_EQ(
      Import(R"({"serviceName":"S3","bucketName":"theirs"})", "dev", "b", kOtherAccountKey).status,
      200);
  std::string before = Snapshot();
  HttpReply r = Import(R"({"serviceName":"S3","bucketName":"theirs"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Str(r.body, "message").find("another account"), std::string::npos);
  EXPECT_EQ(Snapshot(), before);
  EXPECT_TRUE(BucketNames().empty());
}

class DelayedStorageTest : public StorageTest {
 protected:
  DelayedStorageTest() : StorageTest(std::chrono::milliseconds(2000)) {}
};

TEST_F(DelayedStorageTest, ABucketTakenWhileTheJobRanFailsTheJob) {
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  clock_.Advance(2000);
  engine_.RunDue();
  HttpReply first = CreateStorage("photos", Config(R"(,"bucketName":"race-bucket")"));
  HttpReply second = CreateStorage("photos", Config(R"(,"bucketName":"race-bucket")"), "prod");
  ASSERT_EQ(first.status, 200) << first.raw;
  ASSERT_EQ(second.status, 200) << second.raw;  // both checks passed when the jobs began
  EXPECT_EQ(Str(first.body, "status"), "RUNNING");
  EXPECT_EQ(GetStorage("photos").status, 404);  // visible once the job completes
  EXPECT_TRUE(BucketNames().empty());
  clock_.Advance(2000);
  engine_.RunDue();
  HttpReply done = Send("GET", "/backend/a/job/dev/" + Str(first.body, "jobId"));
  HttpReply failed = Send("GET", "/backend/a/job/prod/" + Str(second.body, "jobId"));
  EXPECT_EQ(Str(done.body, "status"), "COMPLETED");
  EXPECT_EQ(Str(failed.body, "status"), "FAILED");
  EXPECT_NE(Str(failed.body, "error").find("race-bucket"), std::string::npos) << failed.raw;
  EXPECT_EQ(GetStorage("photos").status, 200);
  EXPECT_EQ(GetStorage("photos", "prod").status, 404);
  EXPECT_EQ(BucketNames(), std::vector<std::string>{"race-bucket"});
}

}  // namespace
}  // namespace amplify::service
