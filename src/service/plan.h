#pragma once
// What a handler decides (docs/ARCHITECTURE.md "Plans"): the output now, or a write and the
// output to build once it is durable. The dispatcher runs the plan: a read-only plan on the
// event loop, a write on the store's writer thread, its output back on the event loop.
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "common/result.h"
#include "jobs/job_engine.h"
#include "service/context.h"
#include "service/snapshot.h"
#include "store/store.h"

namespace amplify::service {

// A successful call's response body: the operation's output as JSON text.
using Output = std::string;

struct WriteContext {
  store::StoreWriter& writer;
  const Scope& scope;
  jobs::JobEngine& jobs;
};

enum class WriteResult {
  kWritten,   // the write ran (it may have written nothing, e.g. a job that ended FAILED)
  kConflict,  // what the read phase saw has changed; nothing was written: plan again
};

// A write a handler asks for: data and what to do with it, no captured state.
class WriteStep {
 public:
  virtual ~WriteStep() = default;

  // CPU-heavy work to do before the write, on the worker pool (model generation).
  virtual bool NeedsPreparation(const jobs::JobEngine& jobs) const {
    (void)jobs;
    return false;
  }
  virtual void Prepare(store::StoreReader& reader, const Scope& scope) {
    (void)reader;
    (void)scope;
  }
  // Inside the transaction, on the store's writer thread: checks that what the read phase saw
  // still holds (reading what it must once), writes, and keeps what Respond needs. No JSON.
  virtual Result<WriteResult> Run(WriteContext& ctx) = 0;
  // Once the write is durable, on the store's writer thread: a quick note to the engine.
  virtual void Durable(jobs::JobEngine& jobs) { (void)jobs; }
  // On the request's event loop: the output.
  virtual Output Respond() const = 0;

  // A /_chaos/faults `job` rule matched: the job this write begins is to end FAILED with
  // `error`, applying nothing. False for a write that begins no job; it then runs as planned.
  virtual bool FailJobWith(std::string error) {
    (void)error;
    return false;
  }
};

struct Plan {
  Output output;                     // when there is no write: the response body
  std::unique_ptr<WriteStep> write;  // else: the write, which then builds the output

  static Plan Respond(Output output) { return Plan{std::move(output), nullptr}; }
  static Plan Write(std::unique_ptr<WriteStep> step) { return Plan{{}, std::move(step)}; }
};

// An operation: (context, validated input, what it read) → a plan, or the error to answer.
using Handler = Result<Plan> (*)(const Context& ctx, const boost::json::object& input,
                                 Snapshot& read);

}  // namespace amplify::service
