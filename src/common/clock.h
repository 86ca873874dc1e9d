#pragma once
// Time is injected (docs/ARCHITECTURE.md "Tests") so jobs and token expiry are testable without
// sleeps.
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace amplify {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC.
  virtual int64_t NowMillis() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override;
};

// A clock tests move by hand.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms = 1'700'000'000'000) : now_(start_ms) {}
  int64_t NowMillis() const override { return now_.load(); }
  void Advance(int64_t ms) { now_ += ms; }
  void Set(int64_t ms) { now_ = ms; }

 private:
  std::atomic<int64_t> now_;
};

// "2026-11-22T10:15:30.123Z": ISO-8601 UTC with milliseconds, as jobs report times
// (docs/DECISIONS.md "Jobs").
std::string FormatIso8601(int64_t epoch_ms);

// The same text in place (24 characters), for writers that copy it on: no allocation.
struct Iso8601 {
  char text[24];
  std::string_view view() const { return {text, sizeof text}; }
};
Iso8601 Iso8601Of(int64_t epoch_ms);

}  // namespace amplify
