// amplify-modelgen: GenerateModels from the command line.
//
//   amplify-modelgen --out-dir DIR [--repeat N] SCHEMA.graphql...
//       writes DIR/<name>.models and DIR/<name>.introspection.json, or DIR/<name>.error when
//       generation fails; with --repeat N, generates N times per file and prints
//       "<file> <mean microseconds per generation>" per file.
//   amplify-modelgen --stdout models|introspection SCHEMA.graphql
//       prints one of the two strings (or the error on stderr, exit 1).
//
// Exit status: 0 when every file was processed (invalid schemas included), 2 on usage or I/O
// errors.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "codegen/model_generator.h"

namespace {

namespace fs = std::filesystem;
using amplify::codegen::GenerateModels;

constexpr int kUsageOrIoError = 2;

const char kUsage[] =
    "usage: amplify-modelgen --out-dir DIR [--repeat N] SCHEMA.graphql...\n"
    "       amplify-modelgen --stdout models|introspection SCHEMA.graphql\n";

struct Options {
  std::string out_dir;
  std::string stdout_part;  // "models" or "introspection"
  int repeat = 0;           // 0: no timing
  std::vector<std::string> schemas;
};

std::optional<Options> ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--out-dir" && has_value) {
      options.out_dir = argv[++i];
    } else if (arg == "--stdout" && has_value) {
      options.stdout_part = argv[++i];
    } else if (arg == "--repeat" && has_value) {
      try {
        options.repeat = std::stoi(argv[++i]);
      } catch (const std::exception&) {
        return std::nullopt;
      }
      if (options.repeat < 1) return std::nullopt;
    } else if (arg.starts_with("--")) {
      return std::nullopt;
    } else {
      options.schemas.push_back(arg);
    }
  }
  bool to_dir = !options.out_dir.empty() && options.stdout_part.empty();
  bool to_stdout = options.out_dir.empty() && options.repeat == 0 && options.schemas.size() == 1 &&
                   (options.stdout_part == "models" || options.stdout_part == "introspection");
  if (options.schemas.empty() || (!to_dir && !to_stdout)) return std::nullopt;
  return options;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

bool WriteFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  return static_cast<bool>(out);
}

// Generates `repeat` times and returns the mean time of one generation in microseconds.
double TimeGeneration(const std::string& schema, int repeat) {
  volatile size_t output_bytes = 0;  // uses every result, so no run can be optimized away
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < repeat; ++i) {
    auto result = GenerateModels(schema);
    output_bytes = output_bytes + (result.ok() ? result->models.size() : 1);
  }
  std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
  return elapsed.count() / repeat;
}

// Writes <name>.models + <name>.introspection.json or <name>.error, removing the other kind
// left by an earlier run.
bool ProcessIntoDirectory(const std::string& schema_path, const Options& options) {
  std::optional<std::string> schema = ReadFile(schema_path);
  if (!schema) {
    std::cerr << "amplify-modelgen: cannot read " << schema_path << "\n";
    return false;
  }
  fs::path source(schema_path);
  fs::path base = fs::path(options.out_dir) / source.stem();
  auto result = GenerateModels(*schema);
  std::error_code ignored;
  bool written = true;
  if (result.ok()) {
    fs::remove(base.string() + ".error", ignored);
    written = WriteFile(base.string() + ".models", result->models) &&
              WriteFile(base.string() + ".introspection.json", result->model_introspection_schema);
  } else {
    fs::remove(base.string() + ".models", ignored);
    fs::remove(base.string() + ".introspection.json", ignored);
    written = WriteFile(base.string() + ".error", result.error().ToString());
  }
  if (!written) {
    std::cerr << "amplify-modelgen: cannot write into " << options.out_dir << "\n";
    return false;
  }
  if (options.repeat > 0) {
    std::printf("%s %.1f\n", source.filename().string().c_str(),
                TimeGeneration(*schema, options.repeat));
    std::fflush(stdout);
  }
  return true;
}

int PrintOnePart(const Options& options) {
  std::optional<std::string> schema = ReadFile(options.schemas.front());
  if (!schema) {
    std::cerr << "amplify-modelgen: cannot read " << options.schemas.front() << "\n";
    return kUsageOrIoError;
  }
  auto result = GenerateModels(*schema);
  if (!result.ok()) {
    std::cerr << result.error().ToString() << "\n";
    return 1;
  }
  std::cout << (options.stdout_part == "models" ? result->models
                                                : result->model_introspection_schema);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> options = ParseOptions(argc, argv);
  if (!options) {
    std::cerr << kUsage;
    return kUsageOrIoError;
  }
  if (!options->stdout_part.empty()) return PrintOnePart(*options);
  std::error_code error;
  if (!fs::is_directory(options->out_dir, error)) {
    std::cerr << "amplify-modelgen: no such directory " << options->out_dir << "\n";
    return kUsageOrIoError;
  }
  int status = 0;
  for (const std::string& schema_path : options->schemas) {
    if (!ProcessIntoDirectory(schema_path, *options)) status = kUsageOrIoError;
  }
  return status;
}
