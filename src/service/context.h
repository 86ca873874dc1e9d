#pragma once
// What a handler works with besides its input and what it read (docs/ARCHITECTURE.md
// "Handlers"): who is asking and when, ids, settings, and the cache of derived documents.
// No store, no threads: a handler reads through its Snapshot and writes by returning a Plan.
#include <cstdint>
#include <string>

#include "common/ids.h"
#include "common/scope.h"

namespace amplify::service {

class DocumentCache;

struct ServiceConfig {
  std::string default_region = "us-east-1";
  int64_t token_ttl_seconds = 600;
};

struct Context {
  Scope scope;
  int64_t now_ms = 0;
  IdSource& ids;
  const ServiceConfig& config;
  DocumentCache& documents;
};

}  // namespace amplify::service
