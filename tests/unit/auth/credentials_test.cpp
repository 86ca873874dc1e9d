#include "auth/credentials.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace amplify::auth {
namespace {

TEST(CredentialsFileTest, ReadsProfilesAsTheAwsCliWritesThem) {
  auto table = ParseCredentialsFile(
      "# comment\n"
      "[default]\n"
      "aws_access_key_id = AKIADEFAULT\n"
      "aws_secret_access_key = s3cr3t/+=\n"
      "region = us-east-1\n"
      "\n"
      "; another comment\n"
      "[profile team]\r\n"
      "AWS_ACCESS_KEY_ID=ASIATEAM\r\n"
      "aws_secret_access_key=team\r\n"
      "aws_session_token = tok==\r\n"
      "aws_account_id = 123456789012\r\n"
      "[sso-only]\n"
      "region = eu-west-1\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  ASSERT_EQ(table->size(), 2u);
  const Credential& d = table->at("AKIADEFAULT");
  EXPECT_EQ(d.profile, "default");
  EXPECT_EQ(d.secret_access_key, "s3cr3t/+=");
  EXPECT_EQ(d.session_token, "");
  EXPECT_EQ(d.account_id, "000000000000");
  const Credential& t = table->at("ASIATEAM");
  EXPECT_EQ(t.profile, "team");
  EXPECT_EQ(t.session_token, "tok==");
  EXPECT_EQ(t.account_id, "123456789012");
}

TEST(CredentialsFileTest, InvalidFilesSayWhyWithoutQuotingSecrets) {
  struct Case {
    const char* text;
    const char* why;
  } cases[] = {
      {"[a]\naws_access_key_id = K\n", "needs both"},
      {"[a]\naws_secret_access_key = SECRETVALUE\n", "needs both"},
      {"[a]\naws_access_key_id=K\naws_secret_access_key=SECRETVALUE\naws_account_id=12\n",
       "12 digits"},
      {"[a]\naws_access_key_id=K\naws_secret_access_key=x\n[b]\naws_access_key_id=K\n"
       "aws_secret_access_key=SECRETVALUE\n",
       "repeats the access key id of profile [a]"},
      {"aws_access_key_id=K\n", "outside any [profile]"},
      {"[a\n", "needs a ']'"},
      {"[a]\njunk SECRETVALUE\n", "expected 'key = value'"},
      {"", "no profile"},
  };
  for (const Case& c : cases) {
    auto table = ParseCredentialsFile(c.text);
    ASSERT_FALSE(table.ok()) << c.text;
    EXPECT_NE(table.error().message.find(c.why), std::string::npos) << table.error().message;
    EXPECT_EQ(table.error().message.find("SECRETVALUE"), std::string::npos);
  }
}

TEST(CredentialStoreTest, ReloadSwapsKeysAndKeepsThemWhenTheFileBreaks) {
  std::string path = ::testing::TempDir() + "/credentials-reload";
  auto write = [&](const char* text) { std::ofstream(path, std::ios::trunc) << text; };
  write("[a]\naws_access_key_id=K1\naws_secret_access_key=s1\n");
  CredentialStore store(path);
  EXPECT_TRUE(store.Current()->contains("K1"));
  write("[a]\naws_access_key_id=K2\naws_secret_access_key=s2\n");
  ASSERT_TRUE(store.Reload().ok());
  EXPECT_FALSE(store.Current()->contains("K1"));
  EXPECT_TRUE(store.Current()->contains("K2"));
  write("[broken\n");
  EXPECT_FALSE(store.Reload().ok());
  EXPECT_TRUE(store.Current()->contains("K2"));
  std::remove(path.c_str());
  EXPECT_THROW(CredentialStore("/nonexistent/credentials"), std::runtime_error);
}

}  // namespace
}  // namespace amplify::auth
