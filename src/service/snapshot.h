#pragma once
// What one phase of a request read (docs/ARCHITECTURE.md "Read once, decide once"): every
// entity is read through here at most once, however many checks ask for it. The read phase
// takes a Snapshot over the thread's StoreReader; a write that must look again takes a new one
// over the StoreWriter inside its transaction.
// In the read phase the first read under an app reads the app's version before anything else,
// so a version a plan keeps is never newer than what it checked: a write that finds the same
// version knows nothing under the app changed (every write under an app bumps it, store.h).
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "common/scope.h"
#include "store/store.h"

namespace amplify::service {

class Snapshot {
 public:
  // A write's snapshot need not pin versions: it compares what it reads itself.
  enum Pinning { kPinned, kUnpinned };
  Snapshot(store::StoreReader& reader, const Scope& scope, Pinning pinning = kPinned)
      : reader_(reader), scope_(scope), pinned_(pinning == kPinned) {}
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const Scope& scope() const { return scope_; }
  // For the reads no two checks share (a page of jobs or buckets).
  store::StoreReader& reader() { return reader_; }

  // nullptr when absent.
  const store::AppRecord* App(const std::string& app_id);
  // The app's version when this snapshot first read under it; nullopt when it did not exist.
  std::optional<int64_t> AppVersion(const std::string& app_id);
  const std::vector<store::EnvironmentRecord>& Environments(const std::string& app_id);
  const store::EnvironmentRecord* Environment(const std::string& app_id, const std::string& env);
  const store::ResourceRecord* Resource(const std::string& app_id, const std::string& env,
                                        const std::string& category, const std::string& name);
  const std::vector<store::ResourceRecord>& Resources(const std::string& app_id,
                                                      const std::string& env);
  const store::ApiModelsRecord* ApiModels(const std::string& app_id, const std::string& env,
                                          const std::string& api_name);
  const store::JobRecord* Job(const std::string& app_id, const std::string& job_id);
  const store::TokenRecord* Token(const std::string& app_id, const std::string& session_id);
  const store::BucketRecord* Bucket(const std::string& name);

 private:
  template <class Record>
  struct Entry {
    std::string key;
    std::optional<Record> record;
  };
  template <class Record>
  struct ListEntry {
    std::string key;
    std::vector<Record> records;
  };
  // Reads the app's version first, once (see above).
  void Pin(const std::string& app_id) {
    if (pinned_) (void)AppVersion(app_id);
  }
  template <class Record, class Load>
  static const Record* Memo(std::deque<Entry<Record>>& memo, std::string key, Load load);

  store::StoreReader& reader_;
  const Scope& scope_;
  const bool pinned_;
  // Deques: references handed out stay valid as entries are added.
  std::deque<Entry<store::AppRecord>> apps_;
  std::deque<Entry<int64_t>> versions_;
  std::deque<ListEntry<store::EnvironmentRecord>> environment_lists_;
  std::deque<Entry<store::EnvironmentRecord>> environments_;
  std::deque<Entry<store::ResourceRecord>> resources_;
  std::deque<ListEntry<store::ResourceRecord>> resource_lists_;
  std::deque<Entry<store::ApiModelsRecord>> models_;
  std::deque<Entry<store::JobRecord>> jobs_;
  std::deque<Entry<store::TokenRecord>> tokens_;
  std::deque<Entry<store::BucketRecord>> buckets_;
};

}  // namespace amplify::service
