// Fuzzes the whole GenerateBackendAPIModels pipeline (src/codegen/model_generator.h): parse,
// build the schema model, write both outputs. Input: a transform schema. A schema is what a
// client uploads, and the job that generates from it runs in the server process.
// Checks: nothing is thrown past the CodegenResult; no exception is caught inside it either
// (GenerateModels turns one into "Model generation failed: ...", which here means a bug); an
// error says something; generated models are non-empty and the introspection schema is a JSON
// object.
#include <boost/json/parse.hpp>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "codegen/model_generator.h"
#include "fuzz_check.h"

namespace {

// JSON.stringify escapes a lone surrogate as \udxxx (a GraphQL string may hold one: `"\udbdd"`),
// valid JSON text that Boost.JSON 1.81 refuses to parse; each becomes \ufffd before the check.
// The writer prints a surrogate pair as its raw character, so every such escape is a lone one.
std::string WithoutLoneSurrogates(std::string text) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  for (size_t i = 0; i + 5 < text.size(); ++i) {
    if (text[i] != '\\') continue;
    bool surrogate = text[i + 1] == 'u' && lower(text[i + 2]) == 'd' && hex(text[i + 3]) &&
                     lower(text[i + 3]) >= '8' && hex(text[i + 4]) && hex(text[i + 5]);
    if (surrogate) text.replace(i + 2, 4, "fffd");
    ++i;  // past the escaped character, so `\\` is not read as the start of an escape
  }
  return text;
}

void GenerateAndCheck(std::string_view schema) {
  auto generated = amplify::codegen::GenerateModels(schema);
  if (!generated.ok()) {
    const std::string& message = generated.error().message;
    bool threw_inside = message.starts_with("Model generation failed: ");
    if (threw_inside) std::fprintf(stderr, "%s\n", message.c_str());
    FUZZ_CHECK(!threw_inside, "codegen threw inside");
    FUZZ_CHECK(!message.empty(), "an error without a message");
    return;
  }
  FUZZ_CHECK(!generated->models.empty(), "empty DataStore models");
  boost::system::error_code ec;
  boost::json::value introspection =
      boost::json::parse(WithoutLoneSurrogates(generated->model_introspection_schema), ec);
  FUZZ_CHECK(!ec && introspection.is_object(), "the introspection schema is not a JSON object");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    GenerateAndCheck(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "thrown past the CodegenResult: %s\n", e.what());
    FUZZ_CHECK(false, "codegen threw");
  } catch (...) {
    FUZZ_CHECK(false, "codegen threw something that is not a std::exception");
  }
  return 0;
}
