#include "ops/export_import.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <functional>
#include <istream>
#include <ostream>
#include <stdexcept>

#include "common/json_writer.h"

namespace amplify::ops {
namespace {

namespace json = boost::json;
using store::DumpColumn;
using store::DumpRow;
using store::DumpTable;
using store::DumpTables;

std::string HeaderLine() {
  return fmt::format(R"({{"format":"{}","version":{}}})", kExportFormat, kExportVersion);
}

size_t CountReplacements(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  size_t n = 0;
  for (size_t at = text.find(kReplacement); at != text.npos; at = text.find(kReplacement, at + 3)) {
    ++n;
  }
  return n;
}

// One row as a line. JsonWriter turns each byte that is not UTF-8 into U+FFFD and copies valid
// sequences (a stored U+FFFD too) as they are, so the text held invalid bytes exactly when the
// written string holds more U+FFFD than the text did.
void AppendRowLine(std::string& line, const DumpTable& table, const DumpRow& row,
                   int64_t& invalid_utf8_texts) {
  JsonWriter w(line);
  w.BeginObject();
  w.Key("table");
  w.String(table.name);
  w.Key("row");
  w.BeginObject();
  for (size_t i = 0; i < table.columns.size(); ++i) {
    w.Key(table.columns[i].name);
    if (const auto* number = std::get_if<int64_t>(&row[i])) {
      w.Int(*number);
      continue;
    }
    const std::string& text = std::get<std::string>(row[i]);
    const size_t start = line.size();
    w.String(text);
    if (CountReplacements(std::string_view(line).substr(start)) > CountReplacements(text)) {
      ++invalid_utf8_texts;
    }
  }
  w.EndObject();
  w.EndObject();
  line += '\n';
}

Status CheckHeader(std::string_view line) {
  const std::string expected = HeaderLine();
  json::error_code ec;
  json::value v = json::parse(line, ec);
  const json::object* header = ec ? nullptr : v.if_object();
  const json::value* format = header ? header->if_contains("format") : nullptr;
  const json::value* version = header ? header->if_contains("version") : nullptr;
  if (!format || !version || header->size() != 2 || !format->is_string() ||
      format->get_string() != kExportFormat) {
    return BadRequest("line 1: not an amplifybackend export: the first line must be " + expected);
  }
  if (!version->is_int64() || version->get_int64() != kExportVersion) {
    return BadRequest(
        fmt::format("line 1: export version {} is not supported (this server reads {})",
                    json::serialize(*version), kExportVersion));
  }
  return OkStatus();
}

struct ParsedRow {
  const DumpTable* table = nullptr;
  DumpRow row;
};

// What is wrong with the value of `column`, or "" when it fits (and is stored in `out`).
std::string ParseValue(const DumpTable& table, const DumpColumn& column, const json::value& v,
                       store::DumpValue& out) {
  if (column.integer) {
    // Not is_number(): a fraction, or a number past int64, would not come back the same.
    if (!v.is_int64()) return fmt::format("{}.{} must be an integer", table.name, column.name);
    out = v.get_int64();
  } else {
    if (!v.is_string()) return fmt::format("{}.{} must be a string", table.name, column.name);
    out = std::string(v.get_string());
  }
  return {};
}

// What is wrong with a row line, or "" when it is one (then in `out`).
std::string ParseRow(std::string_view line, ParsedRow& out) {
  if (line.empty()) return "empty line";
  json::error_code ec;
  json::value v = json::parse(line, ec);  // rejects bytes that are not UTF-8
  if (ec) return "not JSON (" + ec.message() + ")";
  const json::object* object = v.if_object();
  if (!object) return "not a JSON object";
  for (const auto& member : *object) {
    if (member.key() != "table" && member.key() != "row") {
      return "unknown member " + JsonQuote(member.key());
    }
  }
  const json::value* name = object->if_contains("table");
  const json::value* row = object->if_contains("row");
  if (!name || !name->is_string()) return R"(no "table" string)";
  out.table = store::FindDumpTable(name->get_string());
  if (!out.table) return "unknown table " + JsonQuote(name->get_string());
  if (!row || !row->is_object()) return R"(no "row" object)";
  const DumpTable& table = *out.table;
  const json::object& values = row->get_object();
  for (const auto& member : values) {
    bool known = false;
    for (const DumpColumn& column : table.columns) known = known || column.name == member.key();
    if (!known) return fmt::format("unknown column {} in {}", JsonQuote(member.key()), table.name);
  }
  out.row.resize(table.columns.size());
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const json::value* value = values.if_contains(table.columns[i].name);
    if (!value) return fmt::format("{}.{} is missing", table.name, table.columns[i].name);
    std::string wrong = ParseValue(table, table.columns[i], *value, out.row[i]);
    if (!wrong.empty()) return wrong;
  }
  return {};
}

size_t TableIndex(const DumpTable* table) {
  return static_cast<size_t>(table - DumpTables().data());
}

std::vector<TableCount> ZeroCounts() {
  std::vector<TableCount> counts;
  for (const DumpTable& table : DumpTables()) counts.push_back({table.name, 0});
  return counts;
}

// Reads the header and every row line of `in`, handing each row on with its line number and
// length. Stops at the first bad line, naming it.
using RowSink = std::function<Status(int64_t line, size_t bytes, ParsedRow&)>;
Result<std::vector<TableCount>> ReadExport(std::istream& in, const RowSink& on_row) {
  std::string line;
  if (!std::getline(in, line)) {
    return BadRequest("line 1: the file is empty; an export starts with " + HeaderLine());
  }
  if (Status header = CheckHeader(line); !header) return header.error();
  std::vector<TableCount> counts = ZeroCounts();
  ParsedRow parsed;
  for (int64_t number = 2; std::getline(in, line); ++number) {
    std::string wrong = ParseRow(line, parsed);
    if (!wrong.empty()) return BadRequest(fmt::format("line {}: {}", number, wrong));
    ++counts[TableIndex(parsed.table)].rows;
    if (Status taken = on_row(number, line.size(), parsed); !taken) return taken.error();
  }
  if (in.bad()) return Internal("reading the export failed");
  return counts;
}

// Gathers consecutive rows of one table and inserts them kImportBatchRows at a time.
class BatchInserter {
 public:
  explicit BatchInserter(store::Store& store) : store_(store) {}

  Status Add(int64_t line, size_t bytes, ParsedRow& parsed) {
    if (parsed.table != table_) {
      if (Status flushed = Flush(); !flushed) return flushed;
      table_ = parsed.table;
    }
    if (rows_.empty()) first_line_ = line;
    last_line_ = line;
    bytes_ += bytes;
    rows_.push_back(std::move(parsed.row));
    if (rows_.size() >= kImportBatchRows || bytes_ >= kImportBatchBytes) return Flush();
    return OkStatus();
  }

  Status Flush() {
    if (rows_.empty()) return OkStatus();
    try {
      store_.InsertRows(*table_, rows_);
    } catch (const std::exception& e) {
      return Internal(fmt::format(
          "lines {}-{}: inserting into {} failed ({}); the {} rows inserted before stay, so "
          "empty the store before importing again",
          first_line_, last_line_, table_->name, e.what(), inserted_));
    }
    inserted_ += static_cast<int64_t>(rows_.size());
    rows_.clear();
    bytes_ = 0;
    return OkStatus();
  }

 private:
  store::Store& store_;
  const DumpTable* table_ = nullptr;
  std::vector<DumpRow> rows_;
  size_t bytes_ = 0;
  int64_t first_line_ = 0, last_line_ = 0, inserted_ = 0;
};

}  // namespace

Result<ExportReport> ExportStore(store::Store& store, std::ostream& out) {
  ExportReport report;
  std::string line = HeaderLine() + '\n';
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
  try {
    for (const DumpTable& table : DumpTables()) {
      TableCount count{table.name, 0};
      store.ScanTable(table, [&](const DumpRow& row) {
        line.clear();
        AppendRowLine(line, table, row, report.invalid_utf8_texts);
        // Stops the scan: nothing more can be written.
        if (!out.write(line.data(), static_cast<std::streamsize>(line.size()))) {
          throw std::runtime_error("writing the export failed");
        }
        ++count.rows;
      });
      report.tables.push_back(count);
    }
  } catch (const std::exception& e) {
    return Internal(e.what());
  }
  if (!out.flush()) return Internal("writing the export failed");
  return report;
}

Result<std::vector<TableCount>> ImportStore(store::Store& store, std::istream& in) {
  try {
    if (!store.Empty()) {
      return BadRequest(
          "the target store is not empty; import only into a new data dir or database "
          "(nothing was imported)");
    }
  } catch (const std::exception& e) {
    return Internal(e.what());
  }
  // First pass: every line checked, nothing written (rows are dropped as they are read).
  auto checked = ReadExport(in, [](int64_t, size_t, ParsedRow&) { return OkStatus(); });
  if (!checked) return std::move(checked).error();
  in.clear();
  if (!in.seekg(0)) return Internal("the export cannot be read a second time (not a file)");
  BatchInserter inserter(store);
  auto inserted = ReadExport(in, [&](int64_t line, size_t bytes, ParsedRow& parsed) {
    return inserter.Add(line, bytes, parsed);
  });
  if (!inserted) return std::move(inserted).error();
  if (Status flushed = inserter.Flush(); !flushed) return flushed.error();
  return inserted;
}

}  // namespace amplify::ops
