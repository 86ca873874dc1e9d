// export / import over in-memory SQLite stores: every record kind goes through byte for byte,
// and a file that is wrong anywhere, or a store that is not empty, changes nothing.
#include "ops/export_import.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <sstream>

namespace amplify::ops {
namespace {

using namespace store;

const Scope kScope{"111111111111", "us-east-1"};
const Scope kOther{"222222222222", "eu-west-1"};

// Quotes, escapes, control bytes, a NUL, U+2028, U+FFFD itself and a 4-byte character.
const std::string kAwkward =
    std::string("a\"b\\c\n\t\x01\x7f") + '\0' + "\u2028 \uFFFD \U0001F600 \xC3\xA9";

std::unique_ptr<Store> NewStore() { return OpenSqliteStore({.in_memory = true}); }

void MustWrite(Store& store, const WriteFn& fn) {
  Status status = store.WriteSync(fn);
  ASSERT_TRUE(status.ok()) << status.error().message;
}

JobRecord Job(std::string env, std::string id, std::string status = "COMPLETED") {
  return {.app_id = "shop",
          .environment = std::move(env),
          .job_id = std::move(id),
          .operation = "CreateBackend",
          .status = std::move(status),
          .error = "",
          .create_ms = 1000,
          .update_ms = 2000};
}

// One of everything the store keeps, in two scopes.
void Fill(Store& store) {
  const AppRecord shop{.app_id = "shop",
                       .app_name = "Shop " + kAwkward,
                       .created_ms = 1,
                       .config_json = R"({"backendManagerAppId":"shop","n":"\u00e9"})"};
  MustWrite(store, [&](StoreWriter& w) {
    // Creation order that is not name order.
    for (const char* env : {"prod", "dev", "alpha"}) {
      w.CreateEnvironment(kScope, shop, {.app_id = "shop", .name = env, .created_ms = 2});
    }
    w.PutApp(kOther, {.app_id = "other", .app_name = "Other", .created_ms = 3, .config_json = ""});
    for (const char* category : {"auth", "api", "storage"}) {
      w.PutResource(kScope, {.app_id = "shop",
                             .environment = "dev",
                             .category = category,
                             .name = std::string(category) + "1",
                             .config_json = R"({"k":")" + std::string(category) + R"("})",
                             .created_ms = 4,
                             .updated_ms = 5});
    }
    w.PutApiModels(kScope, {.app_id = "shop",
                            .environment = "dev",
                            .api_name = "api1",
                            .schema_version = 3,
                            .models = "export const schema = " + kAwkward,
                            .model_introspection_schema = R"({"version":1})",
                            .generated_ms = 6});
    JobRecord failed = Job("dev", "failed");
    w.InsertJob(kScope, failed);
    failed.status = "FAILED";
    failed.error = "boom: " + kAwkward;
    w.UpdateJob(kScope, failed);
    for (const char* id : {"queued", "leased"}) {
      JobRecord running = Job("prod", id, "RUNNING");
      w.InsertJob(kScope, running);
      w.EnqueueChange(kScope, running,
                      {.kind = "CreateBackend",
                       .data = R"({"x":1})",
                       .due_ms = std::string(id) == "leased" ? 10 : 99999});
    }
    EXPECT_EQ(w.ClaimDueJobs(/*now_ms=*/50, /*lease_ms=*/1000, "engine-a", 10).size(), 1u);
    w.PutToken(kScope, {.app_id = "shop",
                        .session_id = "s1",
                        .challenge_code = "c1",
                        .created_ms = 7,
                        .expires_ms = 8});
    w.PutBucket(
        {.name = "bucket-b", .account = kScope.account, .region = kScope.region, .creation_ms = 9});
    w.PutBucket({.name = "bucket-a",
                 .account = kOther.account,
                 .region = kOther.region,
                 .creation_ms = 10});
    return OkStatus();
  });
}

std::string Export(Store& store) {
  std::ostringstream out;
  Result<ExportReport> report = ExportStore(store, out);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return out.str();
}

Result<std::vector<TableCount>> Import(Store& store, const std::string& text) {
  std::istringstream in(text);
  return ImportStore(store, in);
}

int64_t Rows(const std::vector<TableCount>& counts, std::string_view table) {
  for (const TableCount& count : counts) {
    if (count.table == table) return count.rows;
  }
  return -1;
}

TEST(ExportImportTest, RoundTripIsByteIdenticalAndReadsBackTheSame) {
  auto a = NewStore(), b = NewStore();
  Fill(*a);
  const std::string exported = Export(*a);
  EXPECT_EQ(exported.substr(0, exported.find('\n')),
            R"({"format":"amplifybackend-export","version":1})");
  auto counts = Import(*b, exported);
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(Rows(*counts, "apps"), 2);
  EXPECT_EQ(Rows(*counts, "environments"), 3);
  EXPECT_EQ(Rows(*counts, "resources"), 3);
  EXPECT_EQ(Rows(*counts, "jobs"), 3);
  EXPECT_EQ(Rows(*counts, "job_queue"), 2);
  EXPECT_EQ(Export(*b), exported);

  StoreReader& r = b->Reader();
  EXPECT_EQ(r.GetApp(kScope, "shop")->app_name, "Shop " + kAwkward);
  EXPECT_EQ(r.GetApp(kScope, "shop")->version, a->Reader().GetApp(kScope, "shop")->version);
  std::vector<std::string> envs;
  for (const EnvironmentRecord& env : r.ListEnvironments(kScope, "shop")) envs.push_back(env.name);
  EXPECT_EQ(envs, (std::vector<std::string>{"prod", "dev", "alpha"}));
  EXPECT_EQ(r.ListResources(kScope, "shop", "dev").size(), 3u);
  EXPECT_EQ(r.GetApiModels(kScope, "shop", "dev", "api1")->models,
            "export const schema = " + kAwkward);
  std::optional<JobRecord> failed = r.GetJob(kScope, "shop", "failed");
  EXPECT_EQ(failed->status, "FAILED");
  EXPECT_EQ(failed->error, "boom: " + kAwkward);
  EXPECT_EQ(failed->seq, a->Reader().GetJob(kScope, "shop", "failed")->seq);
  EXPECT_EQ(r.FindPendingJob(kScope, "shop", "prod")->job_id, "queued");
  EXPECT_EQ(r.NextClaimMs(), a->Reader().NextClaimMs());
  EXPECT_EQ(r.GetToken(kScope, "shop", "s1")->challenge_code, "c1");
  EXPECT_EQ(r.GetBucket("bucket-a")->account, kOther.account);
  MustWrite(*b, [](StoreWriter& w) {
    EXPECT_EQ(w.LeaseOwner(kScope, "shop", "leased"), "engine-a");
    EXPECT_EQ(w.LeaseOwner(kScope, "shop", "queued"), "");
    return OkStatus();
  });
}

TEST(ExportImportTest, EveryLineIsJsonWithTheTableAndItsColumns) {
  auto a = NewStore();
  Fill(*a);
  std::istringstream lines(Export(*a));
  std::string line;
  std::getline(lines, line);
  std::vector<std::string> tables;
  while (std::getline(lines, line)) {
    boost::json::object row = boost::json::parse(line).as_object();
    std::string table(row.at("table").as_string());
    if (tables.empty() || tables.back() != table) tables.push_back(table);
    EXPECT_EQ(row.at("row").as_object().size(), FindDumpTable(table)->columns.size());
  }
  std::vector<std::string> expected;
  for (const DumpTable& table : DumpTables()) expected.emplace_back(table.name);
  EXPECT_EQ(tables, expected);
}

TEST(ExportImportTest, ManyRowsGoInBatches) {
  auto a = NewStore(), b = NewStore();
  MustWrite(*a, [](StoreWriter& w) {
    for (size_t i = 0; i < 2 * kImportBatchRows + 5; ++i) {
      JobRecord job = Job("dev", "job" + std::to_string(i));
      w.InsertJob(kScope, job);
    }
    return OkStatus();
  });
  const std::string exported = Export(*a);
  auto counts = Import(*b, exported);
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(Rows(*counts, "jobs"), static_cast<int64_t>(2 * kImportBatchRows + 5));
  EXPECT_EQ(Export(*b), exported);
}

TEST(ExportImportTest, TextThatIsNotUtf8IsExportedAsReplacementCharacters) {
  auto a = NewStore(), b = NewStore();
  MustWrite(*a, [](StoreWriter& w) {
    w.PutApp(kScope, {.app_id = "bad",
                      .app_name = "x\xff"
                                  "y",
                      .created_ms = 1,
                      .config_json = ""});
    return OkStatus();
  });
  std::ostringstream out;
  Result<ExportReport> report = ExportStore(*a, out);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->invalid_utf8_texts, 1);
  ASSERT_TRUE(Import(*b, out.str()).ok());
  EXPECT_EQ(b->Reader().GetApp(kScope, "bad")->app_name, "x\uFFFDy");
}

TEST(ExportImportTest, RefusesAStoreThatIsNotEmpty) {
  auto a = NewStore(), b = NewStore();
  Fill(*a);
  MustWrite(*b, [](StoreWriter& w) {
    w.PutBucket(
        {.name = "mine", .account = kScope.account, .region = kScope.region, .creation_ms = 1});
    return OkStatus();
  });
  const std::string before = Export(*b);
  auto counts = Import(*b, Export(*a));
  ASSERT_FALSE(counts.ok());
  EXPECT_NE(counts.error().message.find("not empty"), std::string::npos);
  EXPECT_EQ(Export(*b), before);
}

// Each bad line comes last, after good rows of every table: nothing at all may be written.
struct BadLine {
  const char* name;
  std::string line;
  std::string error;  // how the message starts, after "line N: "
};

class BadFileTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(BadFileTest, IsRefusedNamingTheLineAndWritesNothing) {
  auto a = NewStore(), b = NewStore();
  Fill(*a);
  const std::string good = Export(*a);
  const auto lines = std::count(good.begin(), good.end(), '\n');
  auto counts = Import(*b, good + GetParam().line + "\n");
  ASSERT_FALSE(counts.ok());
  const std::string expected = fmt::format("line {}: {}", lines + 1, GetParam().error);
  EXPECT_EQ(counts.error().message.substr(0, expected.size()), expected);
  EXPECT_TRUE(b->Empty());
}

const std::string kBucket = R"("row":{"name":"n","account":"a","region":"r","creation_ms":1})";

INSTANTIATE_TEST_SUITE_P(
    Lines, BadFileTest,
    ::testing::Values(
        BadLine{"UnknownTable", R"({"table":"nope",)" + kBucket + "}", R"(unknown table "nope")"},
        BadLine{"MissingColumn",
                R"({"table":"buckets","row":{"name":"n","account":"a","region":"r"}})",
                "buckets.creation_ms is missing"},
        BadLine{
            "UnknownColumn",
            R"({"table":"buckets","row":{"name":"n","account":"a","region":"r","creation_ms":1,"x":2}})",
            R"(unknown column "x" in buckets)"},
        BadLine{
            "StringForInteger",
            R"({"table":"buckets","row":{"name":"n","account":"a","region":"r","creation_ms":"1"}})",
            "buckets.creation_ms must be an integer"},
        BadLine{
            "Fraction",
            R"({"table":"buckets","row":{"name":"n","account":"a","region":"r","creation_ms":1.5}})",
            "buckets.creation_ms must be an integer"},
        BadLine{
            "PastInt64",
            R"({"table":"buckets","row":{"name":"n","account":"a","region":"r","creation_ms":9223372036854775808}})",
            "buckets.creation_ms must be an integer"},
        BadLine{
            "IntegerForString",
            R"({"table":"buckets","row":{"name":1,"account":"a","region":"r","creation_ms":1}})",
            "buckets.name must be a string"},
        BadLine{"UnknownMember", R"({"table":"buckets",)" + kBucket + R"(,"extra":1})",
                R"(unknown member "extra")"},
        BadLine{"NoRow", R"({"table":"buckets"})", R"(no "row" object)"},
        BadLine{"NotAnObject", "[1]", "not a JSON object"}, BadLine{"Empty", "", "empty line"},
        BadLine{"Truncated", R"({"table":"buckets",)", "not JSON"},
        BadLine{"NotUtf8", "{\"table\":\"buckets\xff\"}", "not JSON"}),
    [](const auto& info) { return info.param.name; });

TEST(ExportImportTest, RefusesAFileWithoutTheHeader) {
  auto b = NewStore();
  const std::string row = R"({"table":"buckets",)" + kBucket + "}\n";
  for (const std::string& text : {std::string(), row,
                                  R"({"format":"other","version":1})"
                                  "\n" +
                                      row,
                                  R"({"format":"amplifybackend-export"})"
                                  "\n" +
                                      row}) {
    auto counts = Import(*b, text);
    ASSERT_FALSE(counts.ok()) << text;
    EXPECT_EQ(counts.error().message.rfind("line 1: ", 0), 0u) << counts.error().message;
  }
  auto newer = Import(*b, R"({"format":"amplifybackend-export","version":2})"
                          "\n" +
                              row);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().message,
            "line 1: export version 2 is not supported (this server reads 1)");
  EXPECT_TRUE(b->Empty());
}

TEST(ExportImportTest, AnEmptyStoreExportsTheHeaderAlone) {
  auto a = NewStore(), b = NewStore();
  const std::string exported = Export(*a);
  EXPECT_EQ(exported, "{\"format\":\"amplifybackend-export\",\"version\":1}\n");
  auto counts = Import(*b, exported);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->size(), DumpTables().size());
  EXPECT_TRUE(b->Empty());
}

TEST(ExportImportTest, ARowTheStoreRejectsFailsTheImportSayingWhere) {
  auto b = NewStore();
  const std::string row = R"({"table":"buckets",)" + kBucket + "}\n";
  auto counts = Import(*b, R"({"format":"amplifybackend-export","version":1})"
                           "\n" +
                               row + row);
  ASSERT_FALSE(counts.ok());
  EXPECT_NE(counts.error().message.find("lines 2-3: inserting into buckets failed"),
            std::string::npos)
      << counts.error().message;
  EXPECT_TRUE(b->Empty());  // one batch, one transaction
}

}  // namespace
}  // namespace amplify::ops
