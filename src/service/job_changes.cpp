#include "service/job_changes.h"

#include <boost/json/parse.hpp>

#include "service/api_models.h"
#include "service/backend_changes.h"
#include "service/backend_config.h"
#include "service/injected_failure.h"
#include "service/resource_change.h"

namespace amplify::service {
namespace {

using Decoder = std::unique_ptr<ServiceChange> (*)(const boost::json::object&);

struct ChangeKindEntry {
  std::string_view kind;
  Decoder decode;
};

// Every kind of change a job can carry, once.
constexpr ChangeKindEntry kChangeKinds[] = {
    {CreateBackendChange::kKind, &CreateBackendChange::Decode},
    {CloneBackendChange::kKind, &CloneBackendChange::Decode},
    {DeleteBackendChange::kKind, &DeleteBackendChange::Decode},
    {RemoveAllBackendsChange::kKind, &RemoveAllBackendsChange::Decode},
    {ResourceChange::kKind, &ResourceChange::Decode},
    {CreateBackendConfigChange::kKind, &CreateBackendConfigChange::Decode},
    {GenerateModelsChange::kKind, &GenerateModelsChange::Decode},
    {InjectedFailureChange::kKind, &InjectedFailureChange::Decode},
};

}  // namespace

std::unique_ptr<jobs::JobChange> DecodeChange(std::string_view kind, std::string_view data) {
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(data, ec);
  if (ec || !parsed.is_object()) return nullptr;
  for (const ChangeKindEntry& k : kChangeKinds) {
    if (k.kind == kind) return k.decode(parsed.get_object());
  }
  return nullptr;
}

std::string ChangeText(const boost::json::object& data, std::string_view key) {
  const boost::json::value* v = data.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

int64_t ChangeNumber(const boost::json::object& data, std::string_view key) {
  const boost::json::value* v = data.if_contains(key);
  return v && v->is_number() ? v->to_number<int64_t>() : 0;
}

bool ChangeFlag(const boost::json::object& data, std::string_view key) {
  const boost::json::value* v = data.if_contains(key);
  return v && v->is_bool() && v->get_bool();
}

}  // namespace amplify::service
