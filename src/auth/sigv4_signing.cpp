#include "auth/sigv4_signing.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <stdexcept>

namespace amplify::auth {
namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void AppendEncoded(std::string& out, std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (IsUnreserved(c) || (keep_slash && c == '/')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Lenient: a '%' not followed by two hex digits stays as it is (the signature then decides).
std::string Decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(in[i]);
  }
  return out;
}

std::string_view Trim(std::string_view v) {
  size_t b = v.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = v.find_last_not_of(" \t\r\n");
  return v.substr(b, e - b + 1);
}

bool EqualsLower(std::string_view name, std::string_view lower) {
  return name.size() == lower.size() &&
         std::equal(name.begin(), name.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
         });
}

Digest Hmac(std::span<const uint8_t> key, std::string_view data) {
  Digest out{};
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(), &size) ||
      size != out.size()) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return out;
}

}  // namespace

std::string CanonicalPath(std::string_view path) {
  // As botocore and the JS SDK: drop empty and "." segments, ".." removes the one before.
  std::vector<std::string_view> kept;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? path.npos
                                                                              : slash - start);
    if (seg == "..") {
      if (!kept.empty()) kept.pop_back();
    } else if (!seg.empty() && seg != ".") {
      kept.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::string out = "/";
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i) out.push_back('/');
    AppendEncoded(out, kept[i], /*keep_slash=*/false);
  }
  if (!kept.empty() && path.size() > 1 && path.back() == '/') out.push_back('/');
  return out;
}

std::string CanonicalQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    std::string_view pair =
        query.substr(start, amp == std::string_view::npos ? query.npos : amp - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string key, value;
      AppendEncoded(key, Decode(pair.substr(0, eq)), false);
      if (eq != std::string_view::npos) AppendEncoded(value, Decode(pair.substr(eq + 1)), false);
      pairs.emplace_back(std::move(key), std::move(value));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out.push_back('&');
    out += key;
    out.push_back('=');
    out += value;
  }
  return out;
}

std::string CanonicalHeaders(std::span<const Header> headers,
                             std::span<const std::string> signed_headers) {
  std::string out;
  for (const std::string& name : signed_headers) {
    out += name;
    out.push_back(':');
    bool first = true;
    for (const auto& [field, raw] : headers) {
      if (!EqualsLower(field, name)) continue;
      if (!first) out.push_back(',');
      first = false;
      // Trimall: runs of whitespace (folded lines too) become one space.
      std::string_view value = Trim(raw);
      bool space = false;
      for (char c : value) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          space = true;
          continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
      }
    }
    out.push_back('\n');
  }
  return out;
}

std::string CanonicalRequest(const SignedRequest& r) {
  size_t q = r.target.find('?');
  std::string out(r.method);
  out.push_back('\n');
  out += CanonicalPath(r.target.substr(0, q));
  out.push_back('\n');
  if (q != std::string_view::npos) out += CanonicalQuery(r.target.substr(q + 1));
  out.push_back('\n');
  out += CanonicalHeaders(r.headers, r.signed_headers);
  out.push_back('\n');
  for (size_t i = 0; i < r.signed_headers.size(); ++i) {
    if (i) out.push_back(';');
    out += r.signed_headers[i];
  }
  out.push_back('\n');
  out += r.payload_hash;
  return out;
}

std::string CredentialScopeText(std::string_view date, std::string_view region,
                                std::string_view service) {
  std::string out(date);
  out.push_back('/');
  out += region;
  out.push_back('/');
  out += service;
  out += "/aws4_request";
  return out;
}

std::string StringToSign(std::string_view amz_date, std::string_view scope,
                         std::string_view canonical_request) {
  std::string out = "AWS4-HMAC-SHA256\n";
  out += amz_date;
  out.push_back('\n');
  out += scope;
  out.push_back('\n');
  out += Sha256Hex(canonical_request);
  return out;
}

Digest SigningKey(std::string_view secret, std::string_view date, std::string_view region,
                  std::string_view service) {
  std::string first = "AWS4";
  first += secret;
  Digest k = Hmac({reinterpret_cast<const uint8_t*>(first.data()), first.size()}, date);
  k = Hmac(k, region);
  k = Hmac(k, service);
  return Hmac(k, "aws4_request");
}

std::string SignatureHex(const Digest& signing_key, std::string_view string_to_sign) {
  return Hex(Hmac(signing_key, string_to_sign));
}

std::string Sha256Hex(std::string_view data) {
  Digest out{};
  unsigned int size = 0;
  if (!EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_sha256(), nullptr) ||
      size != out.size()) {
    throw std::runtime_error("SHA-256 failed");
  }
  return Hex(out);
}

std::string Hex(std::span<const uint8_t> bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (uint8_t b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

}  // namespace amplify::auth
