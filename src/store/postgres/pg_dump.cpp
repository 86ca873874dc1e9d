// export / import over PostgreSQL (store/dump.h): a scan on a connection of its own, inserts in
// one transaction; then the sequences continue after the highest seq imported.
#include <fmt/format.h>

#include <variant>

#include "store/postgres/pg_store.h"

namespace amplify::store {

void PgStore::ScanTable(const DumpTable& table,
                        const std::function<void(const DumpRow&)>& on_row) {
  // A cursor, 1,000 rows at a time: memory for a page, whatever the table's size.
  PgConnection db(conninfo_);
  db.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  db.Exec("DECLARE dump NO SCROLL CURSOR FOR " + DumpSelectSql(table));
  DumpRow row(table.columns.size());
  for (;;) {
    PgResult rows = db.Query("FETCH 1000 FROM dump");
    if (rows.Empty()) break;
    for (int r = 0; r < rows.Rows(); ++r) {
      for (size_t i = 0; i < table.columns.size(); ++i) {
        const int column = static_cast<int>(i);
        if (table.columns[i].integer) {
          row[i] = rows.Int64(r, column);
        } else {
          row[i] = rows.Text(r, column);
        }
      }
      on_row(row);
    }
  }
  db.Exec("COMMIT");
}

void PgStore::InsertRows(const DumpTable& table, const std::vector<DumpRow>& rows) {
  PgConnection db(conninfo_);
  const std::string sql = DumpInsertSql(table, /*numbered_parameters=*/true);
  db.Exec("BEGIN");
  std::vector<std::string> params;
  for (const DumpRow& row : rows) {
    params.clear();
    for (size_t i = 0; i < row.size(); ++i) {
      if (const auto* text = std::get_if<std::string>(&row[i])) {
        // libpq would cut the text at the NUL; PostgreSQL text cannot hold one at all.
        if (text->find('\0') != std::string::npos) {
          throw std::runtime_error(fmt::format("{}.{}: text with a NUL byte cannot be stored in "
                                               "PostgreSQL", table.name, table.columns[i].name));
        }
        params.push_back(*text);
      } else {
        params.push_back(std::to_string(std::get<int64_t>(row[i])));
      }
    }
    db.Query(sql, params);
  }
  // Sequences of tables whose seq is a BIGSERIAL continue after the rows brought in.
  if (table.name == "jobs" || table.name == "resources") {
    db.Exec(fmt::format(
        "SELECT setval(pg_get_serial_sequence('{0}', 'seq'), "
        "greatest((SELECT max(seq) FROM {0}), 1))",
        table.name));
  }
  db.Exec("COMMIT");
}

bool PgStore::Empty() {
  PgConnection db(conninfo_);
  for (const DumpTable& table : DumpTables()) {
    if (!db.Query(fmt::format("SELECT 1 FROM {} LIMIT 1", table.name)).Empty()) return false;
  }
  return true;
}

}  // namespace amplify::store
