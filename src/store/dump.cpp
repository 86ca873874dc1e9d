#include "store/dump.h"

#include <fmt/format.h>

#include <array>

namespace amplify::store {
namespace {

constexpr std::array kApps = {
    DumpColumn{"account"},   DumpColumn{"region"},         DumpColumn{"app_id"},
    DumpColumn{"app_name"},  DumpColumn{"created_ms", true}, DumpColumn{"config_json"},
    DumpColumn{"version", true}};
constexpr std::array kEnvironments = {
    DumpColumn{"account"}, DumpColumn{"region"},  DumpColumn{"app_id"},
    DumpColumn{"name"},    DumpColumn{"seq", true}, DumpColumn{"created_ms", true}};
constexpr std::array kResources = {
    DumpColumn{"seq", true},        DumpColumn{"account"},     DumpColumn{"region"},
    DumpColumn{"app_id"},           DumpColumn{"environment"}, DumpColumn{"category"},
    DumpColumn{"name"},             DumpColumn{"config_json"}, DumpColumn{"created_ms", true},
    DumpColumn{"updated_ms", true}};
constexpr std::array kApiModels = {
    DumpColumn{"account"},     DumpColumn{"region"},
    DumpColumn{"app_id"},      DumpColumn{"environment"},
    DumpColumn{"api_name"},    DumpColumn{"schema_version", true},
    DumpColumn{"models"},      DumpColumn{"model_introspection_schema"},
    DumpColumn{"generated_ms", true}};
constexpr std::array kJobs = {
    DumpColumn{"seq", true},   DumpColumn{"account"},     DumpColumn{"region"},
    DumpColumn{"app_id"},      DumpColumn{"environment"}, DumpColumn{"job_id"},
    DumpColumn{"operation"},   DumpColumn{"status"},      DumpColumn{"error"},
    DumpColumn{"create_ms", true}, DumpColumn{"update_ms", true}};
constexpr std::array kJobQueue = {
    DumpColumn{"seq", true},    DumpColumn{"account"},        DumpColumn{"region"},
    DumpColumn{"app_id"},       DumpColumn{"environment"},    DumpColumn{"job_id"},
    DumpColumn{"due_ms", true}, DumpColumn{"lease_owner"},    DumpColumn{"lease_until_ms", true},
    DumpColumn{"change_kind"},  DumpColumn{"change_data"}};
constexpr std::array kTokens = {
    DumpColumn{"account"},        DumpColumn{"region"},           DumpColumn{"app_id"},
    DumpColumn{"session_id"},     DumpColumn{"challenge_code"},   DumpColumn{"created_ms", true},
    DumpColumn{"expires_ms", true}};
constexpr std::array kBuckets = {DumpColumn{"name"}, DumpColumn{"account"},
                                 DumpColumn{"region"}, DumpColumn{"creation_ms", true}};

constexpr std::array kTables = {
    DumpTable{"apps", kApps, "account, region, app_id"},
    DumpTable{"environments", kEnvironments, "account, region, app_id, seq"},
    DumpTable{"resources", kResources, "seq"},
    DumpTable{"api_models", kApiModels, "account, region, app_id, environment, api_name"},
    DumpTable{"jobs", kJobs, "seq"},
    DumpTable{"job_queue", kJobQueue, "seq"},
    DumpTable{"tokens", kTokens, "account, region, app_id, session_id"},
    DumpTable{"buckets", kBuckets, "name"},
};

}  // namespace

std::span<const DumpTable> DumpTables() { return kTables; }

std::string DumpSelectSql(const DumpTable& table) {
  std::string columns;
  for (const DumpColumn& column : table.columns) {
    if (!columns.empty()) columns += ", ";
    columns += column.name;
  }
  return fmt::format("SELECT {} FROM {} ORDER BY {}", columns, table.name, table.order_by);
}

std::string DumpInsertSql(const DumpTable& table, bool numbered_parameters) {
  std::string columns, values;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) {
      columns += ", ";
      values += ", ";
    }
    columns += table.columns[i].name;
    values += numbered_parameters ? fmt::format("${}", i + 1) : "?";
  }
  return fmt::format("INSERT INTO {} ({}) VALUES ({})", table.name, columns, values);
}

const DumpTable* FindDumpTable(std::string_view name) {
  for (const DumpTable& table : kTables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

}  // namespace amplify::store
