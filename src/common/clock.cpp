#include "common/clock.h"

#include <chrono>
#include <cstring>

namespace amplify {

int64_t SystemClock::NowMillis() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

void Digits(char* out, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
}

}  // namespace

// The civil date of a day count (days since 1970-01-01) by Howard Hinnant's public-domain
// algorithm: no gmtime_r (and its time-zone lock), no printf, on every job a response lists.
Iso8601 Iso8601Of(int64_t epoch_ms) {
  int64_t ms = epoch_ms % 1000, secs = epoch_ms / 1000;
  if (ms < 0) {
    ms += 1000;
    secs -= 1;
  }
  int64_t days = secs / 86400, rest = secs % 86400;
  if (rest < 0) {
    rest += 86400;
    days -= 1;
  }
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  Iso8601 out;
  std::memcpy(out.text, "0000-00-00T00:00:00.000Z", sizeof out.text);
  Digits(out.text, year, 4);
  Digits(out.text + 5, month, 2);
  Digits(out.text + 8, day, 2);
  Digits(out.text + 11, rest / 3600, 2);
  Digits(out.text + 14, rest / 60 % 60, 2);
  Digits(out.text + 17, rest % 60, 2);
  Digits(out.text + 20, ms, 3);
  return out;
}

std::string FormatIso8601(int64_t epoch_ms) { return std::string(Iso8601Of(epoch_ms).view()); }

}  // namespace amplify
