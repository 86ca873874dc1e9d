// BuildSchemaModel against the reference visitor's own state for every corpus schema: the
// goldens in model_builder_golden/ are dump_visitor.js runs of the reference plugin (its
// AppSyncModelVisitor maps after processDirectives(false, true, true), and computeVersion).
// MODEL_BUILDER_SHOW_ERRORS=1 prints our error next to the reference's for rejected schemas.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "codegen/graphql_parser.h"
#include "codegen/model_builder.h"
#include "codegen/schema_model_json.h"

namespace amplify::codegen {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(AMPLIFY_SOURCE_DIR) / "tests" / "corpus" / "modelgen";
const fs::path kGoldens = fs::path(AMPLIFY_SOURCE_DIR) / "tests" / "unit" / "codegen" /
                          "model_builder_golden";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A lone surrogate reaches us WTF-8 encoded (ED A0..BF xx); the goldens hold U+FFFD for it.
std::string WithoutSurrogates(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0xED && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA0) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// The first place two JSON values differ, as a path, or empty when they are equal (member order
// counts: the outputs follow it).
std::string FirstDifference(const boost::json::value& ours, const boost::json::value& theirs,
                            const std::string& path) {
  if (ours.kind() != theirs.kind() && !(ours.is_number() && theirs.is_number())) {
    return path + ": " + boost::json::serialize(ours) + " vs reference " +
           boost::json::serialize(theirs);
  }
  if (ours.is_object()) {
    const auto& a = ours.get_object();
    const auto& b = theirs.get_object();
    auto ai = a.begin();
    auto bi = b.begin();
    for (; ai != a.end() && bi != b.end(); ++ai, ++bi) {
      if (ai->key() != bi->key()) {
        return path + ": key " + std::string(ai->key()) + " vs reference " + std::string(bi->key());
      }
      std::string name = path + "." + std::string(ai->key());
      if (ai->value().is_object() && ai->value().as_object().contains("name") &&
          ai->value().as_object().at("name").is_string()) {
        name += "(" + std::string(ai->value().as_object().at("name").get_string()) + ")";
      }
      std::string difference = FirstDifference(ai->value(), bi->value(), name);
      if (!difference.empty()) return difference;
    }
    if (ai != a.end() || bi != b.end()) {
      return path + ": " + boost::json::serialize(ours) + " vs reference " +
             boost::json::serialize(theirs);
    }
    return "";
  }
  if (ours.is_array()) {
    const auto& a = ours.get_array();
    const auto& b = theirs.get_array();
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      std::string name = path + "[" + std::to_string(i) + "]";
      if (a[i].is_object() && a[i].as_object().contains("name") &&
          a[i].as_object().at("name").is_string()) {
        name += "(" + std::string(a[i].as_object().at("name").get_string()) + ")";
      }
      std::string difference = FirstDifference(a[i], b[i], name);
      if (!difference.empty()) return difference;
    }
    if (a.size() != b.size()) {
      return path + ": " + std::to_string(a.size()) + " items vs reference " +
             std::to_string(b.size()) + ": " + boost::json::serialize(ours) + " vs " +
             boost::json::serialize(theirs);
    }
    return "";
  }
  if (ours.is_number()) {
    return ours.to_number<double>() == theirs.to_number<double>()
               ? ""
               : path + ": " + boost::json::serialize(ours) + " vs reference " +
                     boost::json::serialize(theirs);
  }
  if (ours.is_string()) {
    if (WithoutSurrogates(ours.get_string()) == std::string_view(theirs.get_string())) return "";
  } else if (ours == theirs) {
    return "";
  }
  return path + ": " + boost::json::serialize(ours) + " vs reference " +
         boost::json::serialize(theirs);
}

std::vector<fs::path> CorpusSchemas() {
  std::vector<fs::path> schemas;
  for (const fs::path& dir : {kCorpus, kCorpus / "invalid", kGoldens / "schemas"}) {
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".graphql") continue;
      // <stem>.json; <stem>.models.json is its javascript-target companion.
      if (fs::exists(kGoldens / (entry.path().stem().string() + ".json"))) {
        schemas.push_back(entry.path());
      }
    }
  }
  std::sort(schemas.begin(), schemas.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return schemas;
}

class ModelBuilderCorpusTest : public ::testing::TestWithParam<fs::path> {};

// The introspection target's state (one merge of the document), and the javascript target's
// (four merges) from <stem>.models.json where it differs, else the same.
TEST_P(ModelBuilderCorpusTest, MatchesReferenceVisitorState) {
  const fs::path& schema = GetParam();
  boost::json::value golden =
      boost::json::parse(ReadFile(kGoldens / (schema.stem().string() + ".json")));
  fs::path models_golden_path = kGoldens / (schema.stem().string() + ".models.json");
  boost::json::value models_golden =
      fs::exists(models_golden_path) ? boost::json::parse(ReadFile(models_golden_path)) : golden;
  CodegenResult<Document> document = ParseSdl(ReadFile(schema));
  std::optional<CodegenResult<SchemaModel>> built;
  if (document.ok()) built.emplace(BuildSchemaModel(document.value(), kIntrospectionMergePasses));
  if (golden.as_object().contains("error")) {
    bool failed = !document.ok() || !built->ok();
    EXPECT_TRUE(failed) << "the reference fails with: " << golden.at("error").as_string();
    if (failed && std::getenv("MODEL_BUILDER_SHOW_ERRORS") != nullptr) {
      std::cout << schema.stem().string() << "\n  ours:      "
                << (document.ok() ? built->error() : document.error()).ToString()
                << "\n  reference: " << golden.at("error").as_string().c_str() << "\n";
    }
    return;
  }
  ASSERT_TRUE(document.ok()) << document.error().ToString();
  ASSERT_TRUE(built->ok()) << built->error().ToString();
  EXPECT_EQ(FirstDifference(testing::SchemaModelJson(built->value()), golden, ""), "");
  if (models_golden.as_object().contains("error")) return;  // the writers reject it
  CodegenResult<SchemaModel> models = BuildSchemaModel(document.value(), kModelsMergePasses);
  ASSERT_TRUE(models.ok()) << models.error().ToString();
  EXPECT_EQ(FirstDifference(testing::SchemaModelJson(models.value()), models_golden, ""), "")
      << "javascript target (" << kModelsMergePasses << " merges)";
  if (!MergePassesMatter(document.value())) {
    EXPECT_EQ(FirstDifference(testing::SchemaModelJson(models.value()), golden, ""), "");
  }
}

// A corpus schema without a golden would silently go untested.
TEST(ModelBuilderGoldensTest, EveryCorpusSchemaHasAGolden) {
  for (const fs::path& dir : {kCorpus, kCorpus / "invalid"}) {
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".graphql") continue;
      EXPECT_TRUE(fs::exists(kGoldens / (entry.path().stem().string() + ".json")))
          << entry.path() << " has no golden: see model_builder_golden/README.md";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, ModelBuilderCorpusTest, ::testing::ValuesIn(CorpusSchemas()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           return info.param.stem().string();
                         });

}  // namespace
}  // namespace amplify::codegen
