// computeVersion (appsync-visitor.js): the `version` of the `models` string is the MD5 of
// JSON.stringify of a summary of the models and non-models, sorted by name, with each one's fields
// sorted by name and only the directives that shape keys and relationships.
#include <openssl/evp.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "codegen/directive_values.h"
#include "codegen/json_text.h"
#include "codegen/model_builder.h"

namespace amplify::codegen {
namespace {

bool IsKeyDirective(const CodeGenDirective& directive) {
  return directive.name == "primaryKey" || directive.name == "index";
}

bool IsRelationshipDirective(const CodeGenDirective& directive) {
  return directive.name == "hasOne" || directive.name == "belongsTo" ||
         directive.name == "hasMany" || directive.name == "manyToMany";
}

// A directive as JSON.stringify prints the object: `fieldName` is there once
// flattenFieldDirectives has tagged it.
void AppendDirective(std::string& out, const CodeGenDirective& directive,
                     const std::string& field_name) {
  out += "{\"name\":";
  AppendJsonString(out, directive.name);
  out += ",\"arguments\":";
  AppendCompactJson(out, directive.arguments);
  if (directive.flattened) {
    out += ",\"fieldName\":";
    AppendJsonString(out, field_name);
  }
  out += '}';
}

void AppendField(std::string& out, const CodeGenField& field) {
  out += "{\"name\":";
  AppendJsonString(out, field.name);
  out += ",\"directives\":[";
  bool first = true;
  for (const CodeGenDirective& directive : field.directives) {
    if (!IsRelationshipDirective(directive)) continue;
    if (!first) out += ',';
    first = false;
    AppendDirective(out, directive, field.name);
  }
  out += "],\"type\":";
  AppendJsonString(out, field.type);
  out += field.is_nullable ? ",\"isNullable\":true" : ",\"isNullable\":false";
  out += field.is_list ? ",\"isList\":true" : ",\"isList\":false";
  if (field.is_list_nullable) {
    out += *field.is_list_nullable ? ",\"isListNullable\":true" : ",\"isListNullable\":false";
  }
  out += '}';
}

void AppendModel(std::string& out, const CodeGenModel& model) {
  out += "{\"name\":";
  AppendJsonString(out, model.name);
  out += ",\"directives\":[";
  bool first = true;
  for (const CodeGenDirective& directive : model.directives) {
    if (!IsKeyDirective(directive)) continue;
    if (!first) out += ',';
    first = false;
    AppendDirective(out, directive, "");
  }
  out += "],\"fields\":[";
  std::vector<const CodeGenField*> fields;
  fields.reserve(model.fields.size());
  for (const CodeGenField& field : model.fields) fields.push_back(&field);
  std::stable_sort(fields.begin(), fields.end(),
                   [](const CodeGenField* a, const CodeGenField* b) { return a->name < b->name; });
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    AppendField(out, *fields[i]);
  }
  out += "]}";
}

// MD5 over text written in pieces: the JSON is hashed as it is produced.
class Md5Stream {
 public:
  Md5Stream() : context_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(context_, EVP_md5(), nullptr); }
  ~Md5Stream() { EVP_MD_CTX_free(context_); }
  Md5Stream(const Md5Stream&) = delete;
  Md5Stream& operator=(const Md5Stream&) = delete;

  // Hashes and clears `text`.
  void Consume(std::string& text) {
    EVP_DigestUpdate(context_, text.data(), text.size());
    text.clear();
  }

  std::string HexDigest() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context_, digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
      hex += kHex[digest[i] >> 4];
      hex += kHex[digest[i] & 0xf];
    }
    return hex;
  }

 private:
  EVP_MD_CTX* context_;
};

constexpr size_t kHashChunk = 1 << 15;

}  // namespace

std::string ComputeModelsVersion(const SchemaModel& model) {
  // `{...modelMap, ...nonModelMap}`: a non-model replaces a model of the same name in place.
  std::vector<const CodeGenModel*> types;
  std::unordered_map<std::string, size_t> index;
  auto add = [&](const CodeGenModel& type) {
    auto [it, inserted] = index.emplace(type.name, types.size());
    if (inserted) {
      types.push_back(&type);
    } else {
      types[it->second] = &type;
    }
  };
  for (const CodeGenModel& type : model.models.items()) add(type);
  for (const CodeGenModel& type : model.non_models.items()) add(type);
  std::stable_sort(types.begin(), types.end(),
                   [](const CodeGenModel* a, const CodeGenModel* b) { return a->name < b->name; });
  Md5Stream md5;
  std::string json = "[";
  json.reserve(kHashChunk * 2);
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) json += ',';
    AppendModel(json, *types[i]);
    if (json.size() >= kHashChunk) md5.Consume(json);
  }
  json += ']';
  md5.Consume(json);
  return md5.HexDigest();
}

}  // namespace amplify::codegen
