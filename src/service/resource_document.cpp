#include "service/resource_document.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace amplify::service {
namespace {

using boost::json::object;

// The document's own keys: internal, not wire members.
constexpr std::string_view kConfigKey = "resourceConfig";
constexpr std::string_view kOutputKey = "output";
constexpr std::string_view kImportedKey = "imported";
constexpr std::string_view kStateKey = "state";

}  // namespace

StoredResource ParseStoredResource(const store::ResourceRecord& record) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(record.config_json, ec);
  if (ec || !v.is_object()) return {};
  return StoredResourceOf(v.get_object());
}

StoredResource StoredResourceOf(const object& o) {
  StoredResource r;
  if (auto* c = o.if_contains(kConfigKey); c && c->is_object()) r.config = c->get_object();
  if (auto* c = o.if_contains(kOutputKey); c && c->is_object()) r.output = c->get_object();
  if (auto* c = o.if_contains(kImportedKey); c && c->is_bool()) r.imported = c->get_bool();
  if (auto* c = o.if_contains(kStateKey); c && c->is_object()) r.state = c->get_object();
  return r;
}

object DocumentOf(const StoredResource& r) {
  return object{{kConfigKey, r.config},
                {kOutputKey, r.output},
                {kImportedKey, r.imported},
                {kStateKey, r.state}};
}

std::string SerializeStoredResource(const StoredResource& r) {
  return boost::json::serialize(DocumentOf(r));
}

void MergeInto(object& target, const object& patch) {
  for (const auto& kv : patch) {
    boost::json::value* current = target.if_contains(kv.key());
    if (current && current->is_object() && kv.value().is_object()) {
      MergeInto(current->get_object(), kv.value().get_object());
    } else {
      target[kv.key()] = kv.value();
    }
  }
}

std::string_view ResourceTypeOf(std::string_view category) {
  if (category == kAuth) return "BackendAuth";
  if (category == kApi) return "BackendAPI";
  if (category == kStorage) return "BackendStorage";
  return "Resource";
}

}  // namespace amplify::service
