#pragma once
// How an auth, api or storage resource is stored (docs/DECISIONS.md "Resources"): its
// configuration as Get* reports it (wire names), the identifiers it was given (amplify-meta.json
// `output`), whether it was imported, and state its category keeps; and Update*'s deep merge.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "store/records.h"

namespace amplify::service {

inline const std::string kAuth = "auth";
inline const std::string kApi = "api";
inline const std::string kStorage = "storage";

struct StoredResource {
  boost::json::object config;
  boost::json::object output;
  bool imported = false;
  // Extra state a category keeps (the API's schema version); not reported by Get*.
  boost::json::object state;
};

StoredResource ParseStoredResource(const store::ResourceRecord& record);
// From the document as a JSON object (a queued change carries it so).
StoredResource StoredResourceOf(const boost::json::object& document);
boost::json::object DocumentOf(const StoredResource& resource);
std::string SerializeStoredResource(const StoredResource& resource);

// Update* semantics: members of `patch` replace those of `target`; objects merge recursively,
// lists and scalars are replaced whole; absent members keep their values.
void MergeInto(boost::json::object& target, const boost::json::object& patch);

// NotFoundException's resourceType for a category: BackendAuth, BackendAPI, BackendStorage.
std::string_view ResourceTypeOf(std::string_view category);

}  // namespace amplify::service
