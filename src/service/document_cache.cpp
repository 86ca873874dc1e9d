#include "service/document_cache.h"

#include <functional>

namespace amplify::service {

std::string DocumentCache::KeyOf(const Scope& scope, std::string_view app_id,
                                 std::string_view environment) {
  std::string key;
  key.reserve(scope.account.size() + scope.region.size() + app_id.size() + environment.size() + 3);
  // Joined by a byte no identifier holds.
  key.append(scope.account).append(1, '\0').append(scope.region).append(1, '\0');
  key.append(app_id).append(1, '\0').append(environment);
  return key;
}

DocumentCache::Shard& DocumentCache::ShardOf(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

std::shared_ptr<const std::string> DocumentCache::Find(const Scope& scope, std::string_view app_id,
                                                       std::string_view environment,
                                                       int64_t version) {
  std::string key = KeyOf(scope, app_id, environment);
  Shard& shard = ShardOf(key);
  std::lock_guard lock(shard.mu);
  auto it = shard.entries.find(key);
  if (it == shard.entries.end() || it->second.version != version) return nullptr;
  return it->second.body;
}

void DocumentCache::Put(const Scope& scope, std::string_view app_id, std::string_view environment,
                        int64_t version, std::string body) {
  std::string key = KeyOf(scope, app_id, environment);
  auto shared = std::make_shared<const std::string>(std::move(body));
  Shard& shard = ShardOf(key);
  std::lock_guard lock(shard.mu);
  auto it = shard.entries.find(key);
  if (it != shard.entries.end()) {
    if (it->second.version <= version) it->second = {version, std::move(shared)};
    return;
  }
  // Full: make room by dropping an entry (any: a cache miss costs one rebuild).
  if (shard.entries.size() >= kEntriesPerShard) shard.entries.erase(shard.entries.begin());
  shard.entries.emplace(std::move(key), Entry{version, std::move(shared)});
}

}  // namespace amplify::service
