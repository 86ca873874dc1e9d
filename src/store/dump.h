#pragma once
// The tables as `export` / `import` carry them (docs/ARCHITECTURE.md "Several processes"): the
// same tables and columns in SQLite and PostgreSQL, so one JSON Lines file moves between them.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace amplify::store {

struct DumpColumn {
  std::string_view name;
  bool integer = false;  // INTEGER / BIGINT; otherwise TEXT
};

struct DumpTable {
  std::string_view name;
  std::span<const DumpColumn> columns;
  std::string_view order_by;  // a stable order for the export, e.g. "seq"
};

// Every table, parents before children (apps before environments, jobs before job_queue).
std::span<const DumpTable> DumpTables();
const DumpTable* FindDumpTable(std::string_view name);

// The statements both stores run: SELECT of every column in order_by order, and an INSERT of
// one row with parameters "?" (SQLite) or "$1, $2, ..." (PostgreSQL).
std::string DumpSelectSql(const DumpTable& table);
std::string DumpInsertSql(const DumpTable& table, bool numbered_parameters);

using DumpValue = std::variant<int64_t, std::string>;
using DumpRow = std::vector<DumpValue>;  // the table's columns, in order

}  // namespace amplify::store
