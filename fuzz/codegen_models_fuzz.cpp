// Fuzzes the whole GenerateBackendAPIModels pipeline (src/codegen/model_generator.h): parse,
// build the schema model, write both outputs. Input: a transform schema. A schema is what a
// client uploads, and the job that generates from it runs in the server process.
// Checks: nothing is thrown past the CodegenResult; no exception is caught inside it either
// (GenerateModels turns one into "Model generation failed: ...", which here means a bug); an
// error says something; generated models are non-empty and the introspection schema is a JSON
// object.
#include <boost/json/parse.hpp>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "codegen/model_generator.h"
#include "fuzz_check.h"

namespace {

void GenerateAndCheck(std::string_view schema) {
  auto generated = amplify::codegen::GenerateModels(schema);
  if (!generated.ok()) {
    const std::string& message = generated.error().message;
    if (message.starts_with("Model generation failed: ")) std::fprintf(stderr, "%s\n", message.c_str());
    FUZZ_CHECK(!message.starts_with("Model generation failed: "), "codegen threw inside");
    FUZZ_CHECK(!message.empty(), "an error without a message");
    return;
  }
  FUZZ_CHECK(!generated->models.empty(), "empty DataStore models");
  boost::system::error_code ec;
  boost::json::value introspection = boost::json::parse(generated->model_introspection_schema, ec);
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
