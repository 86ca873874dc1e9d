// export / import over SQLite (store/dump.h): plain scans on a connection of their own, and
// inserts through the writer's transaction.
#include <fmt/format.h>

#include <variant>

#include "store/sqlite/sqlite_store.h"

namespace amplify::store {

void SqliteStore::ScanTable(const DumpTable& table,
                            const std::function<void(const DumpRow&)>& on_row) {
  auto db = OpenConnection();
  SqliteStatement rows = db->Prepare(DumpSelectSql(table));
  DumpRow row(table.columns.size());
  while (rows.Step()) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const int column = static_cast<int>(i);
      if (table.columns[i].integer) {
        row[i] = rows.Int64(column);
      } else {
        row[i] = rows.Text(column);
      }
    }
    on_row(row);
  }
}

void SqliteStore::InsertRows(const DumpTable& table, const std::vector<DumpRow>& rows) {
  const std::string sql = DumpInsertSql(table, /*numbered_parameters=*/false);
  Status status = WriteSync([&](StoreWriter& w) {
    SqliteConnection& db = static_cast<SqliteRecords&>(w).connection();
    for (const DumpRow& row : rows) {
      SqliteStatement insert = db.Prepare(sql);
      for (size_t i = 0; i < row.size(); ++i) {
        std::visit([&](const auto& value) { insert.Bind(static_cast<int>(i) + 1, value); },
                   row[i]);
      }
      insert.Run();
    }
    return OkStatus();
  });
  if (!status) throw std::runtime_error(status.error().message);
}

bool SqliteStore::Empty() {
  auto db = OpenConnection();
  for (const DumpTable& table : DumpTables()) {
    if (db->QueryInt(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", table.name)) != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace amplify::store
