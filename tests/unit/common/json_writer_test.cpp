#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>

#include "model/members_generated.h"

namespace amplify {
namespace {

// Whether `text` is valid UTF-8 JSON: Boost.JSON's parser checks both.
bool ParsesAsJson(const std::string& text) {
  boost::system::error_code ec;
  boost::json::parse(text, ec);
  return !ec;
}

TEST(JsonWriterTest, WritesNestedObjectsAndArraysWithCommasInPlace) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("a");
  w.Int(-1);
  w.Key("list");
  w.BeginArray();
  w.String("x");
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Bool(false);
  w.EndArray();
  w.Key("raw");
  w.Raw(R"({"k":[1,2]})");
  w.Member(model::members::GetBackendJobResponse::JobId, "j");
  w.EndObject();
  EXPECT_EQ(out, R"({"a":-1,"list":["x",{},[],false],"raw":{"k":[1,2]},"jobId":"j"})");
}

TEST(JsonWriterTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\r\t\b\f"), R"("a\"b\\c\n\r\t\b\f")");
  EXPECT_EQ(JsonQuote(std::string("\x00\x01\x1f\x7f", 4)), R"("\u0000\u0001\u001f)"
                                                           "\x7f\"");
  EXPECT_EQ(JsonQuote("é€😀"), "\"é€😀\"");  // valid UTF-8 passes through
}

// Every byte value alone and each class of malformed UTF-8 still make valid JSON text.
TEST(JsonWriterTest, AnyBytesMakeValidUtf8Json) {
  for (int b = 0; b < 256; ++b) {
    std::string text = JsonQuote(std::string(1, static_cast<char>(b)));
    EXPECT_TRUE(ParsesAsJson(text)) << "byte " << b;
  }
  const std::string malformed[] = {
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xED\xA0\x80",      // a UTF-16 surrogate
      "\xF4\x90\x80\x80",  // past U+10FFFF
      "\xF8\x88\x80\x80",  // five-byte form
      "\xE2\x82",          // truncated
      "\x80\xBF",          // lone continuation bytes
      "\xFF\xFE",          // never valid
      "ok\xE2\x82\xACthen\xC3",
  };
  for (const std::string& bytes : malformed) {
    std::string text = JsonQuote(bytes);
    EXPECT_TRUE(ParsesAsJson(text)) << text;
    EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << text;  // U+FFFD
  }
  EXPECT_EQ(JsonQuote("ok\xE2\x82\xACthen\xC3"), "\"ok€then\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace amplify
