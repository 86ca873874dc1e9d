#pragma once
// Model generations of the last few schemas. GenerateBackendAPIModels generates on the request
// thread and leaves the result here; the completing job, which runs inside the store's write,
// takes it instead of holding every other writer while it generates (and generates itself only
// when the schema is not here: after a restart, or when the entry was pushed out).
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "codegen/model_generator.h"

namespace amplify::service {

using Generation = codegen::CodegenResult<codegen::GeneratedModels>;

class RecentGenerations {
 public:
  static constexpr size_t kMaxEntries = 8;
  static constexpr size_t kMaxEntryBytes = 8 << 20;  // larger results are not kept

  // The generation of exactly `schema`, or null.
  std::shared_ptr<const Generation> Find(const std::string& schema);
  void Put(const std::string& schema, std::shared_ptr<const Generation> generation);

 private:
  struct Entry {
    std::string schema;
    std::shared_ptr<const Generation> generation;
  };
  std::mutex mu_;
  std::list<Entry> entries_;  // most recently used first
};

// What to store for `schema`: from `recent` when there, else generated now.
std::shared_ptr<const Generation> GenerationOf(RecentGenerations& recent,
                                               const std::string& schema);

}  // namespace amplify::service
