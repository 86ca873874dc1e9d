#include "codegen/json_text.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace amplify::codegen {
namespace {

std::string Number(double value) {
  std::string out;
  AppendJsonNumber(out, value);
  return out;
}

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

// Expected texts are what `node -e 'console.log(JSON.stringify(x))'` prints.
TEST(JsonTextTest, NumbersPrintAsJavaScriptPrintsThem) {
  const std::vector<std::pair<double, std::string>> cases = {
      {0, "0"},
      {-0.0, "0"},
      {1, "1"},
      {-1, "-1"},
      {100, "100"},
      {1e20, "100000000000000000000"},
      {1e21, "1e+21"},
      {1.5e21, "1.5e+21"},
      {123456789012345680000.0, "123456789012345680000"},
      {0.1, "0.1"},
      {-0.25, "-0.25"},
      {1e-6, "0.000001"},
      {1e-7, "1e-7"},
      {1.5e-7, "1.5e-7"},
      {0.000001234, "0.000001234"},
      {123.456, "123.456"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {9007199254740992.0, "9007199254740992"},
      {9007199254740994.0, "9007199254740994"},
      {12345678901234567890.0, "12345678901234567000"},
      {-1e-300, "-1e-300"},
      {1.0 / 3, "0.3333333333333333"},
      {1e100, "1e+100"},
      {123e-20, "1.23e-18"},
      {4.35, "4.35"},
      {0.1 + 0.2, "0.30000000000000004"},
  };
  for (const auto& [value, expected] : cases) EXPECT_EQ(Number(value), expected) << expected;
}

TEST(JsonTextTest, NonFiniteNumbersPrintAsNull) {
  EXPECT_EQ(Number(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(Number(-std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(Number(std::nan("")), "null");
}

TEST(JsonTextTest, StringsEscapeLikeJsonStringify) {
  EXPECT_EQ(Quoted(""), R"("")");
  EXPECT_EQ(Quoted("plain/slash"), R"("plain/slash")");
  EXPECT_EQ(Quoted("q\"b\\s"), R"("q\"b\\s")");
  EXPECT_EQ(Quoted("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(Quoted(std::string("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Quoted("é😀€\u2028"), "\"é😀€\u2028\"");
}

TEST(JsonTextTest, LoneSurrogatesEscapeAndSplitPairsJoin) {
  EXPECT_EQ(Quoted("x\xED\xA0\x80y"), R"("x\ud800y")");  // WTF-8 U+D800
  EXPECT_EQ(Quoted("a\xED\xB0\x80"
                   "b"),
            R"("a\udc00b")");  // U+DC00
  // U+D83D U+DE00 encoded separately is one character (😀) to JavaScript.
  EXPECT_EQ(Quoted("\xED\xA0\xBD\xED\xB8\x80"), "\"😀\"");
}

TEST(JsonTextTest, IllFormedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(Quoted("a\xFF"
                   "b"),
            "\"a\uFFFDb\"");
  EXPECT_EQ(Quoted("a\xE2\x82"), "\"a\uFFFD\"");      // truncated €: one U+FFFD
  EXPECT_EQ(Quoted("\xC0\xAF"), "\"\uFFFD\uFFFD\"");  // overlong: each byte replaced
}

TEST(JsonTextTest, NestedValuesIndentByFourSpaces) {
  auto value =
      boost::json::parse(R"({"a":1,"b":[1,"x",{"c":null,"d":[]}],"e":{},"f":true,"g":[[]]})");
  EXPECT_EQ(StringifyJson(value),
            "{\n"
            "    \"a\": 1,\n"
            "    \"b\": [\n"
            "        1,\n"
            "        \"x\",\n"
            "        {\n"
            "            \"c\": null,\n"
            "            \"d\": []\n"
            "        }\n"
            "    ],\n"
            "    \"e\": {},\n"
            "    \"f\": true,\n"
            "    \"g\": [\n"
            "        []\n"
            "    ]\n"
            "}");
  EXPECT_EQ(StringifyJson(boost::json::array{}), "[]");
  EXPECT_EQ(StringifyJson("x"), R"("x")");
}

TEST(JsonTextTest, IntegersPrintAsJavaScriptDoubles) {
  EXPECT_EQ(StringifyJson(boost::json::value(std::int64_t{-42})), "-42");
  EXPECT_EQ(StringifyJson(boost::json::value(std::uint64_t{12345678901234567890u})),
            "12345678901234567000");
}

TEST(JsonTextTest, DeepNestingDoesNotRecurse) {
  // Indentation makes the text quadratic in depth, so this stays moderate (16 MB).
  boost::json::value value = boost::json::array{};
  for (int i = 0; i < 2000; ++i) value = boost::json::array{std::move(value)};
  std::string text = StringifyJson(value);
  EXPECT_EQ(text.substr(0, 7), "[\n    [");
  EXPECT_EQ(text.back(), ']');
}

TEST(JsonTextTest, WriterPrintsMembersAndEmptyContainers) {
  std::string out;
  JsonTextWriter json(out);
  json.BeginObject();
  json.Member("name", "Todo");
  json.Member("isArray", false);
  json.Key("attributes");
  json.BeginArray();
  json.EndArray();
  json.Key("values");
  json.StringArray({"A", "B"});
  json.EndObject();
  EXPECT_EQ(out,
            "{\n    \"name\": \"Todo\",\n    \"isArray\": false,\n    \"attributes\": [],\n"
            "    \"values\": [\n        \"A\",\n        \"B\"\n    ]\n}");
}

}  // namespace
}  // namespace amplify::codegen
