#pragma once
// Unpadded base64url (RFC 4648 §5): the opaque part of the nextTokens this server hands out.
#include <optional>
#include <string>
#include <string_view>

namespace amplify {

std::string Base64UrlEncode(std::string_view bytes);
// Only the canonical encoding of some bytes; nullopt for anything else.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace amplify
