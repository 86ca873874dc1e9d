// SplitWords and the case conversions built on it, against no-case 3.0.4 / change-case 4.1.2 (the
// expected values are what node prints for these inputs).
#include "codegen/name_case.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace amplify::codegen {
namespace {

using Words = std::vector<std::string_view>;

TEST(SplitWordsTest, EmptyOrSeparatorOnlyInputHasNoWords) {
  EXPECT_EQ(SplitWords(""), Words{});
  EXPECT_EQ(SplitWords("_"), Words{});
  EXPECT_EQ(SplitWords("__--  .."), Words{});
}

TEST(SplitWordsTest, SplitsBeforeAnUpperCaseLetterAfterALowerCaseOne) {
  EXPECT_EQ(SplitWords("chat"), Words{"chat"});
  EXPECT_EQ(SplitWords("camelCase"), (Words{"camel", "Case"}));
  EXPECT_EQ(SplitWords("PascalCase"), (Words{"Pascal", "Case"}));
  EXPECT_EQ(SplitWords("aB"), (Words{"a", "B"}));
}

TEST(SplitWordsTest, AcronymEndsBeforeTheCapitalOfTheNextWord) {
  EXPECT_EQ(SplitWords("CAMELCase"), (Words{"CAMEL", "Case"}));
  EXPECT_EQ(SplitWords("XMLHttpRequest"), (Words{"XML", "Http", "Request"}));
  EXPECT_EQ(SplitWords("ABCDef"), (Words{"ABC", "Def"}));
  EXPECT_EQ(SplitWords("ABc"), (Words{"A", "Bc"}));
  EXPECT_EQ(SplitWords("AB"), Words{"AB"});
  EXPECT_EQ(SplitWords("ALLCAPS"), Words{"ALLCAPS"});
  EXPECT_EQ(SplitWords("userID"), (Words{"user", "ID"}));
  EXPECT_EQ(SplitWords("userIDs"), (Words{"user", "I", "Ds"}));
  EXPECT_EQ(SplitWords("getUSERSList9"), (Words{"get", "USERS", "List9"}));
}

// A digit belongs to the word before it and ends it before an upper-case letter only.
TEST(SplitWordsTest, DigitsStayWithThePrecedingWord) {
  EXPECT_EQ(SplitWords("v2"), Words{"v2"});
  EXPECT_EQ(SplitWords("HTTPServer2Go"), (Words{"HTTP", "Server2", "Go"}));
  EXPECT_EQ(SplitWords("a1B2c3"), (Words{"a1", "B2c3"}));
  EXPECT_EQ(SplitWords("iOS9App"), (Words{"i", "OS9", "App"}));
  EXPECT_EQ(SplitWords("1stPlace"), (Words{"1st", "Place"}));
  EXPECT_EQ(SplitWords("Model3D"), (Words{"Model3", "D"}));
}

TEST(SplitWordsTest, OtherCharactersSeparateAndAreTrimmed) {
  EXPECT_EQ(SplitWords("snake_case_name"), (Words{"snake", "case", "name"}));
  EXPECT_EQ(SplitWords("__x__y"), (Words{"x", "y"}));
  EXPECT_EQ(SplitWords("A_B_1c"), (Words{"A", "B", "1c"}));
  EXPECT_EQ(SplitWords("--lead-and-trail--"), (Words{"lead", "and", "trail"}));
  EXPECT_EQ(SplitWords("x.y z"), (Words{"x", "y", "z"}));
  EXPECT_EQ(SplitWords("sendMessageV2_to3Things"),
            (Words{"send", "Message", "V2", "to3", "Things"}));
  // Bytes outside ASCII separate words, as no-case's /[^A-Z0-9]+/gi does for non-ASCII.
  EXPECT_EQ(SplitWords("h\xC3\xA9llo"), (Words{"h", "llo"}));
}

struct CaseExample {
  std::string input, pascal, camel, constant;
};

TEST(NameCaseTest, ConversionsMatchChangeCase) {
  const std::vector<CaseExample> examples = {
      {"", "", "", ""},
      {"_", "", "", ""},
      {"chat", "Chat", "chat", "CHAT"},
      {"fooBar", "FooBar", "fooBar", "FOO_BAR"},
      {"CAMELCase", "CamelCase", "camelCase", "CAMEL_CASE"},
      {"HTTPServer2Go", "HttpServer2Go", "httpServer2Go", "HTTP_SERVER2_GO"},
      {"XMLHttpRequest", "XmlHttpRequest", "xmlHttpRequest", "XML_HTTP_REQUEST"},
      {"ABCDef", "AbcDef", "abcDef", "ABC_DEF"},
      {"getUSERSList9", "GetUsersList9", "getUsersList9", "GET_USERS_LIST9"},
      {"userIDs", "UserIDs", "userIDs", "USER_I_DS"},
      {"a1B2c3", "A1B2c3", "a1B2c3", "A1_B2C3"},
      {"iOS9App", "IOs9App", "iOs9App", "I_OS9_APP"},
      {"1stPlace", "1stPlace", "1stPlace", "1ST_PLACE"},
      {"__x__y", "XY", "xY", "X_Y"},
      // A later word that starts with a digit gets a `_` prefix; the first word does not.
      {"A_B_1c", "AB_1c", "aB_1c", "A_B_1C"},
      {"sendMessageV2_to3Things", "SendMessageV2To3Things", "sendMessageV2To3Things",
       "SEND_MESSAGE_V2_TO3_THINGS"},
      {"--lead-and-trail--", "LeadAndTrail", "leadAndTrail", "LEAD_AND_TRAIL"},
  };
  for (const CaseExample& example : examples) {
    EXPECT_EQ(PascalCase(example.input), example.pascal) << example.input;
    EXPECT_EQ(CamelCase(example.input), example.camel) << example.input;
    EXPECT_EQ(ConstantCase(example.input), example.constant) << example.input;
  }
}

}  // namespace
}  // namespace amplify::codegen
