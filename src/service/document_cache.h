#pragma once
// GetBackend's documents are derived data (amplify-meta.json, the environment list): this cache
// keeps each response body under the app's version it was built from. Every write under the
// app bumps the version in its own transaction (store.h), so a body whose version is still the
// app's is exact — also when several processes share one database: a reader checks the
// version, one indexed read, before it trusts an entry. Sharded, so no lock is shared by all
// requests; bounded, so a thousand apps cost a bounded amount of memory.
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/scope.h"

namespace amplify::service {

class DocumentCache {
 public:
  static constexpr size_t kShards = 16;
  static constexpr size_t kEntriesPerShard = 256;

  // The body cached for (scope, app, requested environment) if built at `version`.
  std::shared_ptr<const std::string> Find(const Scope& scope, std::string_view app_id,
                                          std::string_view environment, int64_t version);
  void Put(const Scope& scope, std::string_view app_id, std::string_view environment,
           int64_t version, std::string body);

 private:
  struct Entry {
    int64_t version;
    std::shared_ptr<const std::string> body;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Entry> entries;
  };
  static std::string KeyOf(const Scope& scope, std::string_view app_id,
                           std::string_view environment);
  Shard& ShardOf(const std::string& key);

  std::array<Shard, kShards> shards_;
};

}  // namespace amplify::service
