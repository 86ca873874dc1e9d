#pragma once
// A StoreReader that forwards to a real one and counts the reads by kind, so tests can see
// how often a request went to the store.
#include <map>
#include <string>

#include "store/store.h"

namespace amplify::service::testing {

class CountingReader final : public store::StoreReader {
 public:
  explicit CountingReader(store::StoreReader& inner) : inner_(inner) {}

  int count(const std::string& read) const {
    auto it = counts_.find(read);
    return it == counts_.end() ? 0 : it->second;
  }
  int total() const {
    int n = 0;
    for (const auto& [read, count] : counts_) n += count;
    return n;
  }

  std::optional<store::AppRecord> GetApp(const Scope& s, const std::string& a) override {
    return ++counts_["GetApp"], inner_.GetApp(s, a);
  }
  std::optional<int64_t> AppVersion(const Scope& s, const std::string& a) override {
    return ++counts_["AppVersion"], inner_.AppVersion(s, a);
  }
  std::vector<store::EnvironmentRecord> ListEnvironments(const Scope& s,
                                                         const std::string& a) override {
    return ++counts_["ListEnvironments"], inner_.ListEnvironments(s, a);
  }
  std::optional<store::EnvironmentRecord> GetEnvironment(const Scope& s, const std::string& a,
                                                         const std::string& e) override {
    return ++counts_["GetEnvironment"], inner_.GetEnvironment(s, a, e);
  }
  std::optional<store::ResourceRecord> GetResource(const Scope& s, const std::string& a,
                                                   const std::string& e, const std::string& c,
                                                   const std::string& n) override {
    return ++counts_["GetResource"], inner_.GetResource(s, a, e, c, n);
  }
  std::vector<store::ResourceRecord> ListResources(const Scope& s, const std::string& a,
                                                   const std::string& e) override {
    return ++counts_["ListResources"], inner_.ListResources(s, a, e);
  }
  std::optional<store::ApiModelsRecord> GetApiModels(const Scope& s, const std::string& a,
                                                     const std::string& e,
                                                     const std::string& n) override {
    return ++counts_["GetApiModels"], inner_.GetApiModels(s, a, e, n);
  }
  std::optional<store::JobRecord> GetJob(const Scope& s, const std::string& a,
                                         const std::string& j) override {
    return ++counts_["GetJob"], inner_.GetJob(s, a, j);
  }
  std::vector<store::JobRecord> ListJobs(const Scope& s, const store::JobQuery& q) override {
    return ++counts_["ListJobs"], inner_.ListJobs(s, q);
  }
  std::optional<store::PendingJob> FindPendingJob(const Scope& s, const std::string& a,
                                                  const std::string& e) override {
    return ++counts_["FindPendingJob"], inner_.FindPendingJob(s, a, e);
  }
  bool HasJobs(const Scope& s, const std::string& a) override {
    return ++counts_["HasJobs"], inner_.HasJobs(s, a);
  }
  std::optional<int64_t> NextClaimMs() override {
    return ++counts_["NextClaimMs"], inner_.NextClaimMs();
  }
  std::optional<store::TokenRecord> GetToken(const Scope& s, const std::string& a,
                                             const std::string& t) override {
    return ++counts_["GetToken"], inner_.GetToken(s, a, t);
  }
  std::vector<store::AppRecord> ListApps(const Scope& s, const store::AppListQuery& q) override {
    return ++counts_["ListApps"], inner_.ListApps(s, q);
  }
  std::vector<store::TokenRecord> ListLiveTokens(const Scope& s, const std::string& a,
                                                 int64_t now_ms) override {
    return ++counts_["ListLiveTokens"], inner_.ListLiveTokens(s, a, now_ms);
  }
  std::optional<store::BucketRecord> GetBucket(const std::string& n) override {
    return ++counts_["GetBucket"], inner_.GetBucket(n);
  }
  std::vector<store::BucketRecord> ListBuckets(const std::string& a, const std::string& after,
                                               int limit) override {
    return ++counts_["ListBuckets"], inner_.ListBuckets(a, after, limit);
  }

 private:
  store::StoreReader& inner_;
  std::map<std::string, int> counts_;
};

}  // namespace amplify::service::testing
