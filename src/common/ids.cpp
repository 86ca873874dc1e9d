#include "common/ids.h"

#include <openssl/rand.h>

#include <cstdio>
#include <stdexcept>

namespace amplify {
namespace {

void FillRandom(unsigned char* out, size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("RAND_bytes failed");
}

std::string FormatUuid(const unsigned char b[16]) {
  char buf[37];
  std::snprintf(buf, sizeof buf,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return buf;
}

}  // namespace

std::string RandomIdSource::Uuid() {
  unsigned char b[16];
  FillRandom(b, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;  // version 4
  b[8] = (b[8] & 0x3f) | 0x80;  // RFC 4122 variant
  return FormatUuid(b);
}

std::string RandomIdSource::Token(size_t length, std::string_view alphabet) {
  std::string out;
  out.reserve(length);
  unsigned char b[64];
  // Rejection sampling keeps every character equally likely.
  const unsigned limit = 256 - (256 % alphabet.size());
  while (out.size() < length) {
    FillRandom(b, sizeof b);
    for (unsigned char c : b) {
      if (c >= limit) continue;
      out.push_back(alphabet[c % alphabet.size()]);
      if (out.size() == length) break;
    }
  }
  return out;
}

std::string SequentialIdSource::Uuid() {
  char buf[37];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012llx",
                static_cast<unsigned long long>(next_++));
  return buf;
}

std::string SequentialIdSource::Token(size_t length, std::string_view alphabet) {
  uint64_t n = next_++;
  std::string out(length, alphabet[0]);
  for (size_t i = length; i-- > 0 && n > 0; n /= alphabet.size())
    out[i] = alphabet[n % alphabet.size()];
  return out;
}

}  // namespace amplify
