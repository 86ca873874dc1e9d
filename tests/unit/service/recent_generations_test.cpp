#include "service/recent_generations.h"

#include <gtest/gtest.h>

namespace amplify::service {
namespace {

constexpr const char* kSchema = "type Post @model { id: ID! }";

TEST(RecentGenerationsTest, GeneratesOnceAndFindsTheSameResult) {
  RecentGenerations recent;
  EXPECT_EQ(recent.Find(kSchema), nullptr);
  auto first = GenerationOf(recent, kSchema);
  ASSERT_TRUE(first->ok());
  EXPECT_EQ(recent.Find(kSchema), first);
  EXPECT_EQ(GenerationOf(recent, kSchema), first);
  EXPECT_EQ(first->value().models, codegen::GenerateModels(kSchema)->models);
}

TEST(RecentGenerationsTest, KeepsErrorsAndOnlyTheMostRecentSchemas) {
  RecentGenerations recent;
  auto invalid = GenerationOf(recent, "type {");
  EXPECT_FALSE(invalid->ok());
  EXPECT_EQ(recent.Find("type {"), invalid);
  for (size_t i = 0; i < RecentGenerations::kMaxEntries; ++i) {
    (void)GenerationOf(recent, "type T" + std::to_string(i) + " @model { id: ID! }");
  }
  EXPECT_EQ(recent.Find("type {"), nullptr);  // pushed out by newer schemas
  EXPECT_NE(recent.Find("type T0 @model { id: ID! }"), nullptr);
}

}  // namespace
}  // namespace amplify::service
