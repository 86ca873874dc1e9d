#pragma once
// The name transformations the reference plugin applies to type and field names: change-case 4
// (camelCase, constantCase via no-case 3), graphql-transformer-common (graphqlName, toUpper) and
// the plugin's own utils/fieldUtils.js toCamelCase. GraphQL names are ASCII, so these work on
// bytes and only change the case of ASCII letters.
#include <string>
#include <string_view>
#include <vector>

namespace amplify::codegen {

// change-case `camelCase`: "BlogPost" → "blogPost", "HTMLPage" → "htmlPage".
std::string CamelCase(std::string_view input);

// change-case `constantCase`: "fooBar" → "FOO_BAR" (enum value keys).
std::string ConstantCase(std::string_view input);

// First character upper / lower cased, the rest unchanged (`toUpper` / `toLower`).
std::string UpperFirst(std::string_view word);
std::string LowerFirst(std::string_view word);

// graphql-transformer-common `graphqlName`: drops a leading run of characters that cannot start a
// name and every other character that cannot appear in one.
std::string GraphqlName(std::string_view value);

// fieldUtils.js `toCamelCase`: first word with a lower-cased first letter, the others with an
// upper-cased one, joined ("Post", "tags", "id" → "postTagsId").
std::string JoinCamelCase(const std::vector<std::string_view>& words);

}  // namespace amplify::codegen
