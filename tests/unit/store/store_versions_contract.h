#pragma once
// Store contract, what derived data relies on: every write under an app bumps its version; the
// models of an API; copying an environment; nested atomic writes.
// Part of the suite in store_contract.h, which registers these tests.
#include "store/store_contract_fixture.h"

namespace amplify::store::contract {

TYPED_TEST_P(StoreContractTest, EveryWriteUnderAnAppBumpsItsVersion) {
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"app1", "one", 1, "", 0});
    return OkStatus();
  });
  int64_t last = *this->reader().AppVersion(kScope, "app1");
  EXPECT_EQ(this->reader().GetApp(kScope, "app1")->version, last);
  // Each write, in its own transaction, must leave a larger version behind.
  const std::vector<std::pair<std::string, std::function<void(StoreWriter&)>>> writes = {
      {"PutApp",
       [](StoreWriter& w) {
         w.PutApp(kScope, {"app1", "renamed", 1, "{}", 0});
       }},
      {"PutEnvironment",
       [](StoreWriter& w) {
         w.PutEnvironment(kScope, {"app1", "dev", 1});
       }},
      {"PutResource",
       [](StoreWriter& w) { w.PutResource(kScope, MakeResource("app1", "dev", "api", "x")); }},
      {"PutApiModels",
       [](StoreWriter& w) { w.PutApiModels(kScope, MakeModels("app1", "dev", "x")); }},
      {"CopyEnvironment",
       [](StoreWriter& w) { w.CopyEnvironment(kScope, "app1", "dev", "qa", 2); }},
      {"DeleteResource",
       [](StoreWriter& w) { w.DeleteResource(kScope, "app1", "qa", "api", "x"); }},
      {"DeleteEnvironment", [](StoreWriter& w) { w.DeleteEnvironment(kScope, "app1", "dev"); }},
  };
  for (const auto& [name, write] : writes) {
    this->MustWrite([&](StoreWriter& w) {
      write(w);
      return OkStatus();
    });
    int64_t now = *this->reader().AppVersion(kScope, "app1");
    EXPECT_GT(now, last) << name;
    last = now;
  }
  // Other apps, scopes and records outside the app's documents leave it alone.
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"app2", "two", 1, "", 0});
    w.PutEnvironment(kOtherAccount, {"app1", "dev", 1});
    w.PutToken(kScope, {"app1", "session", "C", 1, 2});
    return OkStatus();
  });
  EXPECT_EQ(*this->reader().AppVersion(kScope, "app1"), last);
}

TYPED_TEST_P(StoreContractTest, ApiModelsArePutReplacedAndGoWithTheirApi) {
  this->MustWrite([](StoreWriter& w) {
    w.PutResource(kScope, MakeResource("app1", "dev", "api", "blog"));
    w.PutApiModels(kScope, MakeModels("app1", "dev", "blog", 1, "first"));
    w.PutApiModels(kScope, MakeModels("app1", "dev", "blog", 2, std::string(100'000, 'm')));
    return OkStatus();
  });
  std::optional<ApiModelsRecord> models =
      this->reader().GetApiModels(kScope, "app1", "dev", "blog");
  ASSERT_TRUE(models.has_value());
  EXPECT_EQ(models->schema_version, 2);
  EXPECT_EQ(models->models.size(), 100'000u);  // large text, as it is
  EXPECT_EQ(models->model_introspection_schema, "{\"version\": 1}");
  EXPECT_EQ(models->generated_ms, 9);
  EXPECT_FALSE(this->reader().GetApiModels(kOtherAccount, "app1", "dev", "blog"));
  this->MustWrite([](StoreWriter& w) {
    w.DeleteResource(kScope, "app1", "dev", "api", "blog");
    return OkStatus();
  });
  EXPECT_FALSE(this->reader().GetApiModels(kScope, "app1", "dev", "blog"));
}

TYPED_TEST_P(StoreContractTest, CopyEnvironmentCopiesResourcesAndModels) {
  this->MustWrite([](StoreWriter& w) {
    w.PutEnvironment(kScope, {"app1", "dev", 1});
    w.PutResource(kScope, MakeResource("app1", "dev", "storage", "files", R"({"s":1})"));
    w.PutResource(kScope, MakeResource("app1", "dev", "api", "blog", R"({"a":1})"));
    w.PutApiModels(kScope, MakeModels("app1", "dev", "blog", 3));
    w.PutEnvironment(kScope, {"app1", "qa", 2});
    w.CopyEnvironment(kScope, "app1", "dev", "qa", 77);
    return OkStatus();
  });
  std::vector<ResourceRecord> qa = this->reader().ListResources(kScope, "app1", "qa");
  ASSERT_EQ(qa.size(), 2u);
  EXPECT_EQ(qa[0].name, "files");  // in the source's creation order
  EXPECT_EQ(qa[0].config_json, R"({"s":1})");
  EXPECT_EQ(qa[0].created_ms, 77);
  EXPECT_EQ(qa[1].name, "blog");
  EXPECT_EQ(this->reader().GetApiModels(kScope, "app1", "qa", "blog")->schema_version, 3);
  EXPECT_EQ(this->reader().ListResources(kScope, "app1", "dev").size(), 2u);  // the source stays
  this->MustWrite([](StoreWriter& w) {
    w.DeleteEnvironment(kScope, "app1", "qa");
    return OkStatus();
  });
  EXPECT_FALSE(this->reader().GetApiModels(kScope, "app1", "qa", "blog"));
  EXPECT_TRUE(this->reader().GetApiModels(kScope, "app1", "dev", "blog"));
}

TYPED_TEST_P(StoreContractTest, AtomicallyUndoesOnlyItsOwnChanges) {
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"kept", "", 1, "", 0});
    Status inner = w.Atomically([&] {
      w.PutApp(kScope, {"undone", "", 1, "", 0});
      Status innermost = w.Atomically([&] {
        w.PutApp(kScope, {"also-undone", "", 1, "", 0});
        return OkStatus();
      });
      EXPECT_TRUE(innermost.ok());
      return Status(BadRequest("no"));
    });
    EXPECT_EQ(inner.error().message, "no");
    EXPECT_TRUE(w.Atomically([&] {
                   w.PutApp(kScope, {"after", "", 1, "", 0});
                   return OkStatus();
                 }).ok());
    return OkStatus();
  });
  StoreReader& r = this->reader();
  EXPECT_TRUE(r.GetApp(kScope, "kept"));
  EXPECT_FALSE(r.GetApp(kScope, "undone"));
  EXPECT_FALSE(r.GetApp(kScope, "also-undone"));
  EXPECT_TRUE(r.GetApp(kScope, "after"));
}

}  // namespace amplify::store::contract
