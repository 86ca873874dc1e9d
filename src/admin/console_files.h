#pragma once
// Serves the embedded console (console_assets.h) under /_admin/: GET and HEAD, index.html for
// the directory, ETags computed once from the content so a reload revalidates with a 304.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "admin/console_assets.h"
#include "http/message.h"

namespace amplify::admin {

inline constexpr std::string_view kConsolePrefix = "/_admin/";

class ConsoleFiles {
 public:
  explicit ConsoleFiles(std::span<const ConsoleAsset> assets = ConsoleAssets());

  // The answer to `request` when it is for the console's pages: a file under /_admin/, the
  // bare /_admin, or a browser's GET / (redirected). Nullopt for any other request.
  std::optional<http::Response> Serve(const http::Request& request) const;

 private:
  struct File {
    const ConsoleAsset* asset;
    std::string etag;
  };
  http::Response Send(const File& file, const http::Request& request) const;

  std::unordered_map<std::string_view, File> files_;
};

}  // namespace amplify::admin
