// ConsoleFiles over a fixed set of files: what a browser gets for each path and method, and the
// ETag revalidation that keeps reloads cheap.
#include "admin/console_files.h"

#include <gtest/gtest.h>

#include <array>

namespace amplify::admin {
namespace {

const std::array<ConsoleAsset, 2> kFiles{{
    {"index.html", "text/html; charset=utf-8", "<!doctype html><title>x</title>"},
    {"js/main.js", "text/javascript; charset=utf-8", "export {};"},
}};

http::Request Get(std::string target, std::string accept = "") {
  http::Request r;
  r.method = "GET";
  r.target = std::move(target);
  r.accept = std::move(accept);
  return r;
}

std::string Header(const http::Response& r, std::string_view name) {
  size_t at = r.headers.find(std::string(name) + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 2;
  return r.headers.substr(at, r.headers.find("\r\n", at) - at);
}

TEST(ConsoleFilesTest, TheDirectoryIsIndexHtmlAndFilesKeepTheirTypes) {
  ConsoleFiles files(kFiles);
  std::optional<http::Response> index = files.Serve(Get("/_admin/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, kFiles[0].body);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  std::optional<http::Response> script = files.Serve(Get("/_admin/js/main.js?v=2"));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->body, "export {};");
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(*script, "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(*script, "X-Content-Type-Options"), "nosniff");
  EXPECT_NE(Header(*script, "Content-Security-Policy").find("connect-src 'self'"),
            std::string::npos);
}

TEST(ConsoleFilesTest, AMatchingETagIsAnsweredNotModified) {
  ConsoleFiles files(kFiles);
  std::string etag = Header(*files.Serve(Get("/_admin/js/main.js")), "ETag");
  ASSERT_EQ(etag.size(), 18u);  // a quoted 64-bit hash
  EXPECT_NE(etag, Header(*files.Serve(Get("/_admin/")), "ETag"));
  for (std::string tag : {etag, "\"other\", W/" + etag, std::string("*")}) {
    http::Request again = Get("/_admin/js/main.js");
    again.if_none_match = tag;
    std::optional<http::Response> r = files.Serve(again);
    EXPECT_EQ(r->status, 304) << tag;
    EXPECT_TRUE(r->body.empty());
    EXPECT_EQ(Header(*r, "ETag"), etag);
  }
  http::Request stale = Get("/_admin/js/main.js");
  stale.if_none_match = "\"0000000000000000\"";
  EXPECT_EQ(files.Serve(stale)->status, 200);
}

TEST(ConsoleFilesTest, OnlyABrowserAskingForTheRootIsRedirected) {
  ConsoleFiles files(kFiles);
  std::optional<http::Response> browser = files.Serve(Get("/", "text/html,application/xhtml+xml"));
  ASSERT_TRUE(browser);
  EXPECT_EQ(browser->status, 302);
  EXPECT_EQ(Header(*browser, "Location"), "/_admin/");
  EXPECT_FALSE(files.Serve(Get("/", "application/json")));
  EXPECT_FALSE(files.Serve(Get("/")));
  EXPECT_EQ(files.Serve(Get("/_admin"))->status, 301);
  EXPECT_FALSE(files.Serve(Get("/backend")));
  EXPECT_FALSE(files.Serve(Get("/_adminx/")));
}

TEST(ConsoleFilesTest, UnknownFilesAndOtherMethodsAreRefused) {
  ConsoleFiles files(kFiles);
  EXPECT_EQ(files.Serve(Get("/_admin/nope.js"))->status, 404);
  EXPECT_EQ(files.Serve(Get("/_admin/../CMakeLists.txt"))->status, 404);
  EXPECT_EQ(files.Serve(Get("/_admin/js"))->status, 404);
  http::Request post = Get("/_admin/");
  post.method = "POST";
  std::optional<http::Response> r = files.Serve(post);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(Header(*r, "Allow"), "GET, HEAD");
}

TEST(ConsoleFilesTest, TheEmbeddedConsoleHasAnIndexPage) {
  ConsoleFiles files;
  std::optional<http::Response> index = files.Serve(Get("/_admin/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<html"), std::string::npos);
}

}  // namespace
}  // namespace amplify::admin
