// The `export` and `import` subcommands around ExportStore / ImportStore: files, standard
// streams, the store, the log (standard error: main.cpp points it there) and the exit code.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "ops/export_import.h"

namespace amplify::ops {
namespace {

std::string Describe(const std::vector<TableCount>& counts) {
  std::string text;
  for (const TableCount& count : counts) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", count.rows, count.table);
  }
  return text;
}

// Both need a store that lasts: --in-memory (perhaps from AMPLIFYBACKEND_IN_MEMORY) would
// export an empty store, or import into one gone at exit. Export also wants the database to
// exist already: opening a store creates an empty one.
Status CheckStore(const store::StoreOptions& options, bool must_exist) {
  if (!options.postgres.url.empty()) return OkStatus();
  if (options.sqlite.in_memory) {
    return BadRequest(
        "--in-memory keeps nothing to export or import into; use --data-dir or "
        "--database-url");
  }
  // store.h: the database is data_dir/amplifybackend.db.
  const auto db = std::filesystem::path(options.sqlite.data_dir) / "amplifybackend.db";
  if (must_exist && !std::filesystem::exists(db)) {
    return BadRequest(fmt::format("no database at {} (wrong --data-dir?)", db.string()));
  }
  return OkStatus();
}

// Into `path` + ".partial", renamed to `path` once complete: a failed export leaves no file
// that looks whole.
Result<ExportReport> ExportToFile(store::Store& store, const std::string& path) {
  const std::string partial = path + ".partial";
  std::ofstream file(partial, std::ios::binary | std::ios::trunc);
  if (!file) return Internal(fmt::format("cannot write {}: {}", partial, std::strerror(errno)));
  Result<ExportReport> report = ExportStore(store, file);
  file.close();
  std::error_code ec;
  if (report && !file) report = Internal(fmt::format("writing {} failed", partial));
  if (report) std::filesystem::rename(partial, path, ec);
  if (report && ec) report = Internal(fmt::format("cannot rename {}: {}", partial, ec.message()));
  if (!report) std::filesystem::remove(partial, ec);
  return report;
}

// Standard input can be read only once and ImportStore reads twice: it is copied to a
// temporary file first, unlinked at once so that it goes away with the process.
Status SpoolStandardInput(std::ifstream& file) {
  std::string name = (std::filesystem::temp_directory_path() / "amplifybackend-import-XXXXXX");
  const int fd = ::mkstemp(name.data());
  if (fd < 0)
    return Internal(fmt::format("cannot create a temporary file: {}", std::strerror(errno)));
  file.open(name, std::ios::binary);
  ::unlink(name.c_str());
  char buffer[1 << 16];
  bool ok = file.is_open();
  for (size_t n; ok && (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0;) {
    ok = ::write(fd, buffer, n) == static_cast<ssize_t>(n);
  }
  ok = ok && !std::ferror(stdin);
  ::close(fd);
  if (!ok) return Internal("cannot copy standard input to a temporary file");
  return OkStatus();
}

}  // namespace

int RunExport(const store::StoreOptions& options, const std::string& path) {
  if (Status usable = CheckStore(options, /*must_exist=*/true); !usable) {
    spdlog::error("export: {}", usable.error().message);
    return 2;
  }
  try {
    auto store = store::OpenStore(options);
    Result<ExportReport> report =
        path == "-" ? ExportStore(*store, std::cout) : ExportToFile(*store, path);
    if (!report) {
      spdlog::error("export: {}", report.error().message);
      return 1;
    }
    if (report->invalid_utf8_texts > 0) {
      spdlog::warn(
          "export: {} stored texts were not UTF-8; their invalid bytes were written as "
          "U+FFFD",
          report->invalid_utf8_texts);
    }
    spdlog::info("export: wrote {} to {}", Describe(report->tables),
                 path == "-" ? "standard output" : path);
    return 0;
  } catch (const std::exception& e) {
    spdlog::error("export: {}", e.what());
    return 1;
  }
}

int RunImport(const store::StoreOptions& options, const std::string& path) {
  if (Status usable = CheckStore(options, /*must_exist=*/false); !usable) {
    spdlog::error("import: {}", usable.error().message);
    return 2;
  }
  try {
    // The input first: a wrong path must not leave a new empty database behind.
    std::ifstream file;
    if (path == "-") {
      if (Status spooled = SpoolStandardInput(file); !spooled) {
        spdlog::error("import: {}", spooled.error().message);
        return 1;
      }
    } else {
      file.open(path, std::ios::binary);
    }
    if (!file) {
      spdlog::error("import: cannot read {}: {}", path, std::strerror(errno));
      return 1;
    }
    auto store = store::OpenStore(options);
    auto counts = ImportStore(*store, file);
    if (!counts) {
      spdlog::error("import: {}", counts.error().message);
      return 1;
    }
    spdlog::info("import: inserted {} from {}", Describe(*counts),
                 path == "-" ? "standard input" : path);
    return 0;
  } catch (const std::exception& e) {
    spdlog::error("import: {}", e.what());
    return 1;
  }
}

}  // namespace amplify::ops
