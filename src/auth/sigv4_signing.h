#pragma once
// SigV4 canonicalisation and signing (docs/DECISIONS.md "Signature verification"): pure
// functions over a request as received, checked against AWS's own test vectors. The canonical
// path is the path as sent, dot segments and empty segments removed, then URI-encoded once
// more — which is how botocore and the JS SDK v3 sign this API (an encoded label `a%2Fb` is
// signed as `a%252Fb`) and how the vectors, which send raw paths, expect them encoded.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amplify::auth {

using Header = std::pair<std::string, std::string>;  // name as sent, raw value

struct SignedRequest {
  std::string_view method;
  std::string_view target;                      // request-target: path, then ?query
  std::span<const Header> headers;              // every header as received
  std::span<const std::string> signed_headers;  // lower-case names, from the Authorization
  std::string_view payload_hash;                // lower-case hex SHA-256 of the body
};

std::string CanonicalPath(std::string_view path);
std::string CanonicalQuery(std::string_view query);
// "name:value\n" for each signed header: values trimmed, runs of spaces one space, repeated
// fields joined with ','.
std::string CanonicalHeaders(std::span<const Header> headers,
                             std::span<const std::string> signed_headers);
std::string CanonicalRequest(const SignedRequest& request);

// "yyyymmdd/region/service/aws4_request".
std::string CredentialScopeText(std::string_view date, std::string_view region,
                                std::string_view service);
std::string StringToSign(std::string_view amz_date, std::string_view scope,
                         std::string_view canonical_request);

using Digest = std::array<uint8_t, 32>;
Digest SigningKey(std::string_view secret, std::string_view date, std::string_view region,
                  std::string_view service);
// Lower-case hex HMAC-SHA256 of the string to sign.
std::string SignatureHex(const Digest& signing_key, std::string_view string_to_sign);

std::string Sha256Hex(std::string_view data);
std::string Hex(std::span<const uint8_t> bytes);

}  // namespace amplify::auth
