#pragma once
// The one table of identifier rules (docs/DECISIONS.md "Identifiers"): the members that name
// things we store or look up, wherever they arrive (path label or body), and the rule each
// follows. The validator and the request reader apply it, so no handler checks an identifier
// itself and nothing unchecked is read or written.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace amplify::model {

enum class IdentifierRule {
  kName,        // 1-255 bytes of [A-Za-z0-9][A-Za-z0-9._-]*
  kBucketName,  // S3's general-purpose bucket naming rules
};

inline constexpr size_t kMaxNameBytes = 255;
inline constexpr size_t kMaxBucketNameBytes = 63;
// Prefixes S3 reserves (S3 User Guide, "General purpose bucket naming rules").
inline constexpr std::array<std::string_view, 3> kReservedBucketPrefixes = {"xn--", "sthree-",
                                                                            "amzn-s3-demo-"};

// The rule for a member by its wire name; nullopt for members that are not identifiers.
std::optional<IdentifierRule> IdentifierRuleFor(std::string_view wire);

// The constraint text ("Value at 'appId' failed to satisfy constraint: ...") when `value`
// breaks `rule`; nullopt when it follows it. The value itself is never quoted: it may be
// anything a client sent.
std::optional<std::string> IdentifierProblem(IdentifierRule rule, std::string_view path,
                                             std::string_view value);

// The S3 naming rule `name` breaks (a sentence naming it), or nullopt when it is valid.
std::optional<std::string> BucketNameProblem(std::string_view name);

}  // namespace amplify::model
