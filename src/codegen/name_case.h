#pragma once
// The name transformations the reference plugin applies to type and field names: change-case 4
// (pascalCase, camelCase, constantCase, all on no-case 3's word split), graphql-transformer-common
// (graphqlName, toUpper) and the plugin's own utils/fieldUtils.js toCamelCase. GraphQL names are
// ASCII, so these work on bytes and only change the case of ASCII letters.
#include <string>
#include <string_view>
#include <vector>

namespace amplify::codegen {

// no-case's word split, the one every case conversion here uses: a word ends before an upper-case
// letter that follows a lower-case letter or a digit ("camel|Case", "v2|Go") and before the last
// capital of an acronym that starts a capitalised word ("HTTP|Server"); every other character
// separates words ("a_b" → "a", "b"). The words are views into `input`; an input without letters
// or digits has none.
std::vector<std::string_view> SplitWords(std::string_view input);

// change-case `pascalCase`: "sendMessage" → "SendMessage", "HTTPServer" → "HttpServer"; a word
// after the first that starts with a digit gets a `_` prefix ("A_B_1c" → "AB_1c").
std::string PascalCase(std::string_view input);

// change-case `camelCase`: "BlogPost" → "blogPost", "HTMLPage" → "htmlPage"; the first word is
// lower-cased, the others as in PascalCase.
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
