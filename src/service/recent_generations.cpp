#include "service/recent_generations.h"

namespace amplify::service {
namespace {

size_t SizeOf(const Generation& generation) {
  if (!generation.ok()) return generation.error().message.size();
  return generation->models.size() + generation->model_introspection_schema.size();
}

}  // namespace

std::shared_ptr<const Generation> RecentGenerations::Find(const std::string& schema) {
  std::lock_guard lock(mu_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->schema == schema) {
      entries_.splice(entries_.begin(), entries_, it);
      return entries_.front().generation;
    }
  }
  return nullptr;
}

void RecentGenerations::Put(const std::string& schema,
                            std::shared_ptr<const Generation> generation) {
  if (schema.size() + SizeOf(*generation) > kMaxEntryBytes) return;
  std::lock_guard lock(mu_);
  entries_.remove_if([&](const Entry& e) { return e.schema == schema; });
  entries_.push_front({schema, std::move(generation)});
  if (entries_.size() > kMaxEntries) entries_.pop_back();
}

std::shared_ptr<const Generation> GenerationOf(RecentGenerations& recent,
                                               const std::string& schema) {
  if (auto known = recent.Find(schema)) return known;
  auto generated = std::make_shared<const Generation>(codegen::GenerateModels(schema));
  recent.Put(schema, generated);
  return generated;
}

}  // namespace amplify::service
