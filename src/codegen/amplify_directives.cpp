#include "codegen/amplify_directives.h"

#include <unordered_map>

#include "codegen/graphql_parser.h"

namespace amplify::codegen {
namespace {

// DefaultDirectives' definitions (indentation and blank lines dropped).
constexpr const char* kDirectiveDefinitions = R"graphql(
directive @aws_api_key on FIELD_DEFINITION | OBJECT
directive @aws_auth(cognito_groups: [String!]!) on FIELD_DEFINITION
directive @aws_cognito_user_pools(cognito_groups: [String!]) on FIELD_DEFINITION | OBJECT
directive @aws_iam on FIELD_DEFINITION | OBJECT
directive @aws_lambda on FIELD_DEFINITION | OBJECT
directive @aws_oidc on FIELD_DEFINITION | OBJECT
directive @aws_subscribe(mutations: [String!]!) on FIELD_DEFINITION
directive @auth(rules: [AuthRule!]!) on OBJECT | FIELD_DEFINITION
input AuthRule {
allow: AuthStrategy!
provider: AuthProvider
identityClaim: String
groupClaim: String
ownerField: String
groupsField: String
groups: [String]
operations: [ModelOperation]
}
enum AuthStrategy {
owner
groups
private
public
custom
}
enum AuthProvider {
apiKey
iam
identityPool
oidc
userPools
function
}
enum ModelOperation {
create
update
delete
read
list
get
sync
listen
search
}
directive @belongsTo(fields: [String!], references: [String!]) on FIELD_DEFINITION
directive @default(value: String!) on FIELD_DEFINITION
directive @deprecated(reason: String) on FIELD_DEFINITION | INPUT_FIELD_DEFINITION | ENUM | ENUM_VALUE
directive @function(name: String!, region: String, accountId: String) repeatable on FIELD_DEFINITION
directive @hasMany(indexName: String, fields: [String!], references: [String!], limit: Int = 100) on FIELD_DEFINITION
directive @hasOne(fields: [String!], references: [String!]) on FIELD_DEFINITION
directive @http(method: HttpMethod = GET, url: String!, headers: [HttpHeader] = []) on FIELD_DEFINITION
enum HttpMethod {
GET
POST
PUT
DELETE
PATCH
}
input HttpHeader {
key: String
value: String
}
directive @index(name: String, sortKeyFields: [String], queryField: String) repeatable on FIELD_DEFINITION
directive @manyToMany(relationName: String!, limit: Int = 100) on FIELD_DEFINITION
directive @mapsTo(name: String!) on OBJECT
directive @model(
queries: ModelQueryMap
mutations: ModelMutationMap
subscriptions: ModelSubscriptionMap
timestamps: TimestampConfiguration
) on OBJECT
input ModelMutationMap {
create: String
update: String
delete: String
}
input ModelQueryMap {
get: String
list: String
}
input ModelSubscriptionMap {
onCreate: [String]
onUpdate: [String]
onDelete: [String]
level: ModelSubscriptionLevel
}
enum ModelSubscriptionLevel {
off
public
on
}
input TimestampConfiguration {
createdAt: String
updatedAt: String
}
directive @predictions(actions: [PredictionsActions!]!) on FIELD_DEFINITION
enum PredictionsActions {
identifyText
identifyLabels
convertTextToSpeech
translateText
}
directive @primaryKey(sortKeyFields: [String]) on FIELD_DEFINITION
directive @refersTo(name: String!) on OBJECT | FIELD_DEFINITION
directive @searchable(queries: SearchableQueryMap) on OBJECT
input SearchableQueryMap {
search: String
}
directive @sql(statement: String, reference: String) on FIELD_DEFINITION
)graphql";

bool SameType(const TypeRef& a, const TypeRef& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == TypeRef::Kind::Named) return a.name == b.name;
  return SameType(*a.inner, *b.inner);
}

bool SameValue(const Value& a, const Value& b) {
  if (a.kind != b.kind || a.text != b.text || a.boolean != b.boolean) return false;
  if (a.items.size() != b.items.size() || a.fields.size() != b.fields.size()) return false;
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameValue(a.items[i], b.items[i])) return false;
  }
  for (size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].name != b.fields[i].name || !SameValue(a.fields[i].value, b.fields[i].value)) {
      return false;
    }
  }
  return true;
}

bool SameDirectives(const std::vector<Directive>& a, const std::vector<Directive>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].arguments.size() != b[i].arguments.size()) return false;
    for (size_t j = 0; j < a[i].arguments.size(); ++j) {
      if (a[i].arguments[j].name != b[i].arguments[j].name ||
          !SameValue(a[i].arguments[j].value, b[i].arguments[j].value)) {
        return false;
      }
    }
  }
  return true;
}

// directives.js validateInputs compares the two definitions as printed without their
// description and locations: arguments (with their descriptions, defaults and directives) and
// `repeatable` must match.
bool SameSignature(const Definition& a, const Definition& b) {
  if (a.repeatable != b.repeatable || a.arguments.size() != b.arguments.size()) return false;
  for (size_t i = 0; i < a.arguments.size(); ++i) {
    const InputValueDefinition& x = a.arguments[i];
    const InputValueDefinition& y = b.arguments[i];
    if (x.name != y.name || x.description != y.description || !SameType(x.type, y.type) ||
        x.default_value.has_value() != y.default_value.has_value() ||
        (x.default_value && !SameValue(*x.default_value, *y.default_value)) ||
        !SameDirectives(x.directives, y.directives)) {
      return false;
    }
  }
  return true;
}

}  // namespace

const Document& AmplifyDirectiveDocument() {
  static const Document document = [] {
    CodegenResult<Document> parsed = ParseSdl(kDirectiveDefinitions);
    return parsed.ok() ? std::move(parsed).value() : Document{};
  }();
  return document;
}

const std::unordered_set<std::string>& AmplifyDirectiveTypeNames() {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> found;
    for (const Definition& definition : AmplifyDirectiveDocument().definitions) {
      if (definition.kind == DefinitionKind::Enum ||
          definition.kind == DefinitionKind::InputObject) {
        found.insert(definition.name);
      }
    }
    return found;
  }();
  return names;
}

CodegenResult<DirectiveDefinitions> MergeDirectiveDefinitions(const Document& document) {
  DirectiveDefinitions merged;
  // The document's definitions come first, Amplify's after them (addToSchema appends them).
  std::unordered_map<std::string, const Definition*> by_name;
  auto add = [&](const Definition& definition) -> std::optional<CodegenError> {
    auto [it, inserted] = by_name.emplace(definition.name, &definition);
    if (inserted) merged.names.push_back(definition.name);
    if (!inserted && !SameSignature(*it->second, definition)) {
      return CodegenError{"Unable to merge GraphQL directive \"" + definition.name +
                              "\": it is defined twice with different arguments.",
                          it->second->location};
    }
    it->second = &definition;
    return std::nullopt;
  };
  for (const Definition& definition : document.definitions) {
    if (definition.kind != DefinitionKind::Directive) continue;
    if (auto error = add(definition)) return *error;
    merged.definitions.push_back(&definition);
  }
  for (const Definition& definition : AmplifyDirectiveDocument().definitions) {
    if (definition.kind != DefinitionKind::Directive) continue;
    if (auto error = add(definition)) return *error;
  }
  for (const auto& [name, definition] : by_name) {
    if (definition->repeatable) merged.repeatable.insert(name);
  }
  return merged;
}

}  // namespace amplify::codegen
