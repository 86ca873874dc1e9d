#pragma once
// What a job changes when it completes. The engine runs changes without knowing them: the
// service layer defines the kinds (service/job_changes.h) and decodes stored ones.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/store.h"

namespace amplify::jobs {

class JobChange {
 public:
  virtual ~JobChange() = default;

  // The kind stored with a queued change, so the service layer can decode it.
  virtual std::string_view Kind() const = 0;
  virtual std::string Encode() const = 0;

  // CPU-heavy work to do outside any transaction before Apply (model generation). The
  // dispatcher and the engine run it on the worker pool, never on an event loop or the writer.
  virtual bool NeedsPreparation() const { return false; }
  virtual void Prepare(store::StoreReader& reader, const Scope& scope) {
    (void)reader;
    (void)scope;
  }
  // True when what Prepare computed no longer matches the state `r` shows: prepare again.
  virtual bool Stale(store::StoreReader& r, const Scope& scope) const {
    (void)r;
    (void)scope;
    return false;
  }

  // Whether the change still applies to the state `r` shows: checked when a queued job
  // completes (the state may have moved since it began). An error ends the job FAILED.
  virtual Status Check(store::StoreReader& r, const Scope& scope) const = 0;
  // Writes the change; the state passed Check. An error (e.g. an invalid schema) ends the job
  // FAILED and the engine undoes whatever Apply wrote.
  virtual Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) = 0;
  // False for a change whose Apply never fails: the engine then spares the savepoint that would
  // undo it (and should it fail after all, the whole write is refused, not the job FAILED).
  virtual bool ApplyCanFail() const { return true; }
};

// Decodes a queued change; nullptr for a kind or encoding it does not know.
using ChangeDecoder = std::unique_ptr<JobChange> (*)(std::string_view kind, std::string_view data);

}  // namespace amplify::jobs
