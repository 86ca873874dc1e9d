#pragma once
// The console's files (console/src/), embedded at build time by tools/embed_console.cmake so
// the binary serves them with no file system, CDN or network (docs/ARCHITECTURE.md "Admin
// console").
#include <span>
#include <string_view>

namespace amplify::admin {

struct ConsoleAsset {
  std::string_view path;          // relative to console/src/, e.g. "js/main.js"
  std::string_view content_type;  // from the file's extension
  std::string_view body;
};

// Every embedded file, in path order (generated: console_assets_generated.cpp).
std::span<const ConsoleAsset> ConsoleAssets();

}  // namespace amplify::admin
