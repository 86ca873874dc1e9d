#pragma once
// Identifiers are injected (docs/ARCHITECTURE.md "Tests"): production uses random UUIDs, tests a
// counter.
#include <atomic>
#include <cstdint>
#include <string>

namespace amplify {

class IdSource {
 public:
  virtual ~IdSource() = default;
  // A lower-case RFC 4122 version-4 UUID string.
  virtual std::string Uuid() = 0;
  // `length` characters drawn from `alphabet` (challenge codes, bucket suffixes).
  virtual std::string Token(size_t length, std::string_view alphabet) = 0;
};

// Cryptographically random (OpenSSL RAND_bytes).
class RandomIdSource final : public IdSource {
 public:
  std::string Uuid() override;
  std::string Token(size_t length, std::string_view alphabet) override;
};

// Deterministic: 00000000-0000-4000-8000-000000000001, ...
class SequentialIdSource final : public IdSource {
 public:
  std::string Uuid() override;
  std::string Token(size_t length, std::string_view alphabet) override;

 private:
  std::atomic<uint64_t> next_{1};
};

}  // namespace amplify
