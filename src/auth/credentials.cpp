#include "auth/credentials.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "auth/sigv4.h"

namespace amplify::auth {
namespace {

std::string_view Trim(std::string_view v) {
  size_t b = v.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return v.substr(b, v.find_last_not_of(" \t\r") - b + 1);
}

std::string Lower(std::string_view v) {
  std::string out(v);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsAccountId(std::string_view v) {
  return v.size() == 12 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Section {
  std::string profile;
  int line = 0;
  std::string key_id, secret, token, account;
};

AwsError Invalid(std::string message) { return BadRequest(std::move(message)); }

// Adds a finished section; a section with no key at all (e.g. only `region`) is skipped.
Status Add(const Section& s, CredentialTable& table) {
  if (s.key_id.empty() && s.secret.empty()) return OkStatus();
  if (s.key_id.empty() || s.secret.empty()) {
    return Invalid(fmt::format("profile [{}] (line {}) needs both aws_access_key_id and "
                               "aws_secret_access_key",
                               s.profile, s.line));
  }
  std::string account = s.account.empty() ? std::string(kDefaultAccount) : s.account;
  if (!IsAccountId(account)) {
    return Invalid(fmt::format("profile [{}] (line {}): aws_account_id must be 12 digits",
                               s.profile, s.line));
  }
  auto [it, inserted] = table.emplace(s.key_id, Credential{s.profile, s.secret, s.token, account});
  if (!inserted) {
    return Invalid(fmt::format("profile [{}] (line {}) repeats the access key id of profile [{}]",
                               s.profile, s.line, it->second.profile));
  }
  return OkStatus();
}

}  // namespace

Result<CredentialTable> ParseCredentialsFile(std::string_view text) {
  CredentialTable table;
  Section current;
  bool in_section = false;
  int number = 0;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    std::string_view line = Trim(text.substr(at, end == std::string_view::npos ? text.npos
                                                                                : end - at));
    at = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++number;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return Invalid(fmt::format("line {}: a section needs a ']'", number));
      if (in_section) {
        if (Status ok = Add(current, table); !ok) return ok.error();
      }
      std::string_view name = Trim(line.substr(1, line.size() - 2));
      if (name.starts_with("profile ")) name = Trim(name.substr(8));
      current = Section{std::string(name), number, {}, {}, {}, {}};
      in_section = true;
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return Invalid(fmt::format("line {}: expected 'key = value'", number));
    }
    if (!in_section) return Invalid(fmt::format("line {}: a key outside any [profile]", number));
    std::string key = Lower(Trim(line.substr(0, eq)));
    std::string value(Trim(line.substr(eq + 1)));
    if (key == "aws_access_key_id") current.key_id = value;
    else if (key == "aws_secret_access_key") current.secret = value;
    else if (key == "aws_session_token") current.token = value;
    else if (key == "aws_account_id") current.account = value;
  }
  if (in_section) {
    if (Status ok = Add(current, table); !ok) return ok.error();
  }
  if (table.empty()) return Invalid("no profile holds an aws_access_key_id");
  return table;
}

CredentialStore::CredentialStore(std::string path) : path_(std::move(path)) {
  Result<CredentialTable> loaded = Load();
  if (!loaded) {
    throw std::runtime_error(fmt::format("--credentials {}: {}", path_, loaded.error().message));
  }
  table_.store(std::make_shared<const CredentialTable>(std::move(loaded.value())));
}

Status CredentialStore::Reload() {
  Result<CredentialTable> loaded = Load();
  if (!loaded) return loaded.error();
  table_.store(std::make_shared<const CredentialTable>(std::move(loaded.value())));
  return OkStatus();
}

Result<CredentialTable> CredentialStore::Load() const {
  std::ifstream in(path_, std::ios::binary);
  if (!in) return Invalid("cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return ParseCredentialsFile(text.str());
}

}  // namespace amplify::auth
