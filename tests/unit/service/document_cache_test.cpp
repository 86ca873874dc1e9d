#include "service/document_cache.h"

#include <gtest/gtest.h>

namespace amplify::service {
namespace {

const Scope kScope{"111111111111", "us-east-1"};
const Scope kOther{"222222222222", "us-east-1"};

TEST(DocumentCacheTest, AnEntryHoldsOnlyForItsVersion) {
  DocumentCache cache;
  EXPECT_EQ(cache.Find(kScope, "app", "", 1), nullptr);
  cache.Put(kScope, "app", "", 1, "body-1");
  ASSERT_NE(cache.Find(kScope, "app", "", 1), nullptr);
  EXPECT_EQ(*cache.Find(kScope, "app", "", 1), "body-1");
  EXPECT_EQ(cache.Find(kScope, "app", "", 2), nullptr);
  cache.Put(kScope, "app", "", 2, "body-2");
  EXPECT_EQ(*cache.Find(kScope, "app", "", 2), "body-2");
  cache.Put(kScope, "app", "", 1, "late");  // an older build never replaces a newer one
  EXPECT_EQ(*cache.Find(kScope, "app", "", 2), "body-2");
}

TEST(DocumentCacheTest, KeysSeparateScopesAppsAndRequestedEnvironments) {
  DocumentCache cache;
  cache.Put(kScope, "app", "", 1, "first-env");
  cache.Put(kScope, "app", "prod", 1, "prod");
  cache.Put(kOther, "app", "", 1, "other-account");
  EXPECT_EQ(*cache.Find(kScope, "app", "", 1), "first-env");
  EXPECT_EQ(*cache.Find(kScope, "app", "prod", 1), "prod");
  EXPECT_EQ(*cache.Find(kOther, "app", "", 1), "other-account");
  EXPECT_EQ(cache.Find(kScope, "ap", "pprod", 1), nullptr);
}

TEST(DocumentCacheTest, StaysBoundedAsAppsAreAdded) {
  DocumentCache cache;
  const size_t many = DocumentCache::kShards * DocumentCache::kEntriesPerShard * 3;
  for (size_t i = 0; i < many; ++i) cache.Put(kScope, "app" + std::to_string(i), "", 1, "x");
  size_t kept = 0;
  for (size_t i = 0; i < many; ++i)
    kept += cache.Find(kScope, "app" + std::to_string(i), "", 1) != nullptr;
  EXPECT_LE(kept, DocumentCache::kShards * DocumentCache::kEntriesPerShard);
  EXPECT_GT(kept, 0u);
}

}  // namespace
}  // namespace amplify::service
