#pragma once
// `amplifybackend-server export` / `import` (README "Export and import"): every row of every
// table (store/dump.h) as JSON Lines, to move state between the SQLite and PostgreSQL stores.
//   {"format":"amplifybackend-export","version":1}
//   {"table":"apps","row":{"account":"111111111111","region":"us-east-1",...}}
// Integers are JSON numbers, texts JSON strings; tables in DumpTables() order.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace amplify::ops {

inline constexpr std::string_view kExportFormat = "amplifybackend-export";
inline constexpr int64_t kExportVersion = 1;
// Rows per InsertRows call (one transaction each); a batch is also cut at kImportBatchBytes.
inline constexpr size_t kImportBatchRows = 1000;
inline constexpr size_t kImportBatchBytes = 16 << 20;

struct TableCount {
  std::string_view table;
  int64_t rows = 0;
};

struct ExportReport {
  std::vector<TableCount> tables;  // DumpTables() order
  // Stored texts that were not UTF-8: written with U+FFFD for each invalid byte, so the file
  // stays JSON; valid UTF-8 (anything a request could store) goes through unchanged.
  int64_t invalid_utf8_texts = 0;
};

// Streams the store to `out`, holding one row at a time.
Result<ExportReport> ExportStore(store::Store& store, std::ostream& out);

// Into an empty store only. Reads `in` twice, so it must be seekable (a file): the first pass
// checks every line and writes nothing, the second inserts. A malformed file thus changes
// nothing; only a failure of the store itself midway leaves the batches committed before it.
// Returns the rows inserted per table (DumpTables() order).
Result<std::vector<TableCount>> ImportStore(store::Store& store, std::istream& in);

// The subcommands: open the store (StoreOptions as `serve` takes them), run, log to the
// default logger, and return the process exit code. `path` "-" is standard input / output.
int RunExport(const store::StoreOptions& options, const std::string& path);
int RunImport(const store::StoreOptions& options, const std::string& path);

}  // namespace amplify::ops
