#include "service/snapshot.h"

#include <algorithm>

namespace amplify::service {
namespace {

// Keys join their parts with a byte no identifier holds.
std::string Key(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view p : parts) {
    key.append(p);
    key.push_back('\0');
  }
  return key;
}

}  // namespace

template <class Record, class Load>
const Record* Snapshot::Memo(std::deque<Entry<Record>>& memo, std::string key, Load load) {
  for (const Entry<Record>& e : memo) {
    if (e.key == key) return e.record ? &*e.record : nullptr;
  }
  memo.push_back({std::move(key), load()});
  return memo.back().record ? &*memo.back().record : nullptr;
}

const store::AppRecord* Snapshot::App(const std::string& app_id) {
  const store::AppRecord* app = Memo(apps_, app_id, [&] { return reader_.GetApp(scope_, app_id); });
  // The first read under the app pins its version (snapshot.h): a later full read does not.
  Memo(versions_, app_id,
       [&] { return app ? std::optional<int64_t>(app->version) : std::nullopt; });
  return app;
}

std::optional<int64_t> Snapshot::AppVersion(const std::string& app_id) {
  const int64_t* version =
      Memo(versions_, app_id, [&] { return reader_.AppVersion(scope_, app_id); });
  if (!version) return std::nullopt;
  return *version;
}

const std::vector<store::EnvironmentRecord>& Snapshot::Environments(const std::string& app_id) {
  Pin(app_id);
  for (const auto& e : environment_lists_) {
    if (e.key == app_id) return e.records;
  }
  environment_lists_.push_back({app_id, reader_.ListEnvironments(scope_, app_id)});
  return environment_lists_.back().records;
}

const store::EnvironmentRecord* Snapshot::Environment(const std::string& app_id,
                                                      const std::string& env) {
  Pin(app_id);
  // A list read already answers for each of its environments.
  for (const auto& e : environment_lists_) {
    if (e.key != app_id) continue;
    auto it = std::find_if(e.records.begin(), e.records.end(),
                           [&](const store::EnvironmentRecord& r) { return r.name == env; });
    return it == e.records.end() ? nullptr : &*it;
  }
  return Memo(environments_, Key({app_id, env}),
              [&] { return reader_.GetEnvironment(scope_, app_id, env); });
}

const store::ResourceRecord* Snapshot::Resource(const std::string& app_id, const std::string& env,
                                                const std::string& category,
                                                const std::string& name) {
  Pin(app_id);
  const std::string list_key = Key({app_id, env});
  for (const auto& e : resource_lists_) {
    if (e.key != list_key) continue;
    auto it = std::find_if(e.records.begin(), e.records.end(), [&](const store::ResourceRecord& r) {
      return r.category == category && r.name == name;
    });
    return it == e.records.end() ? nullptr : &*it;
  }
  return Memo(resources_, Key({app_id, env, category, name}),
              [&] { return reader_.GetResource(scope_, app_id, env, category, name); });
}

const std::vector<store::ResourceRecord>& Snapshot::Resources(const std::string& app_id,
                                                              const std::string& env) {
  Pin(app_id);
  std::string key = Key({app_id, env});
  for (const auto& e : resource_lists_) {
    if (e.key == key) return e.records;
  }
  resource_lists_.push_back({std::move(key), reader_.ListResources(scope_, app_id, env)});
  return resource_lists_.back().records;
}

const store::ApiModelsRecord* Snapshot::ApiModels(const std::string& app_id, const std::string& env,
                                                  const std::string& api_name) {
  Pin(app_id);
  return Memo(models_, Key({app_id, env, api_name}),
              [&] { return reader_.GetApiModels(scope_, app_id, env, api_name); });
}

const store::JobRecord* Snapshot::Job(const std::string& app_id, const std::string& job_id) {
  return Memo(jobs_, Key({app_id, job_id}), [&] { return reader_.GetJob(scope_, app_id, job_id); });
}

const store::TokenRecord* Snapshot::Token(const std::string& app_id,
                                          const std::string& session_id) {
  return Memo(tokens_, Key({app_id, session_id}),
              [&] { return reader_.GetToken(scope_, app_id, session_id); });
}

const store::BucketRecord* Snapshot::Bucket(const std::string& name) {
  return Memo(buckets_, name, [&] { return reader_.GetBucket(name); });
}

}  // namespace amplify::service
