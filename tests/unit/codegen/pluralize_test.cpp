// PluralizeModelName against the `pluralize` 8.0.0 package the reference uses: a few readable
// cases, then model_builder_golden/plurals.tsv (word, plural as pluralize.plural gives it).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "codegen/model_builder.h"

namespace amplify::codegen {
namespace {

TEST(PluralizeModelNameTest, RegularAndIrregularEnglish) {
  EXPECT_EQ(PluralizeModelName("Todo"), "Todos");
  EXPECT_EQ(PluralizeModelName("BlogPost"), "BlogPosts");
  EXPECT_EQ(PluralizeModelName("Category"), "Categories");
  EXPECT_EQ(PluralizeModelName("Day"), "Days");
  EXPECT_EQ(PluralizeModelName("Address"), "Addresses");
  EXPECT_EQ(PluralizeModelName("Status"), "Statuses");
  EXPECT_EQ(PluralizeModelName("Box"), "Boxes");
  EXPECT_EQ(PluralizeModelName("Match"), "Matches");
  EXPECT_EQ(PluralizeModelName("Person"), "People");
  EXPECT_EQ(PluralizeModelName("SalesPerson"), "SalesPeople");
  EXPECT_EQ(PluralizeModelName("Child"), "Children");
  EXPECT_EQ(PluralizeModelName("Mouse"), "Mice");
  EXPECT_EQ(PluralizeModelName("UserMouse"), "UserMouses");  // \b only at the start of a name
  EXPECT_EQ(PluralizeModelName("Knife"), "Knives");
  EXPECT_EQ(PluralizeModelName("Wolf"), "Wolves");
  EXPECT_EQ(PluralizeModelName("Analysis"), "Analyses");
  EXPECT_EQ(PluralizeModelName("Criterion"), "Criteria");
  EXPECT_EQ(PluralizeModelName("Datum"), "Data");
  EXPECT_EQ(PluralizeModelName("Cactus"), "Cacti");
  EXPECT_EQ(PluralizeModelName("Hero"), "Heroes");
  EXPECT_EQ(PluralizeModelName("Photo"), "Photos");
  EXPECT_EQ(PluralizeModelName("Quiz"), "Quizzes");
  EXPECT_EQ(PluralizeModelName("Ox"), "Oxen");
  EXPECT_EQ(PluralizeModelName("Schema"), "Schemata");
}

TEST(PluralizeModelNameTest, UncountablesAndCase) {
  EXPECT_EQ(PluralizeModelName("Equipment"), "Equipment");
  EXPECT_EQ(PluralizeModelName("News"), "News");
  EXPECT_EQ(PluralizeModelName("Sheep"), "Sheep");
  EXPECT_EQ(PluralizeModelName("Goldfish"), "Goldfish");
  EXPECT_EQ(PluralizeModelName("UserEquipment"), "UserEquipments");  // whole words only
  EXPECT_EQ(PluralizeModelName("POST"), "POSTS");
  EXPECT_EQ(PluralizeModelName("UserFAQ"), "UserFAQS");
  EXPECT_EQ(PluralizeModelName("post"), "posts");
  EXPECT_EQ(PluralizeModelName("Item2"), "Item2s");
  EXPECT_EQ(PluralizeModelName(""), "");
}

TEST(PluralizeModelNameTest, MatchesPluralizePackageOnWordTable) {
  std::ifstream table(std::filesystem::path(AMPLIFY_SOURCE_DIR) / "tests" / "unit" / "codegen" /
                      "model_builder_golden" / "plurals.tsv");
  ASSERT_TRUE(table.is_open());
  std::string line;
  int checked = 0;
  while (std::getline(table, line)) {
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string word = line.substr(0, tab);
    EXPECT_EQ(PluralizeModelName(word), line.substr(tab + 1)) << "plural of " << word;
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace amplify::codegen
