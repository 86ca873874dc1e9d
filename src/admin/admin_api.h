#pragma once
// The console's read-only JSON API under /_admin/api/ (README "Admin console"): what the public
// API has no operation for. Everything else the console reads through the public routes.
//   GET /_admin/api/apps?search=&limit=&nextToken=  the scope's apps, a page at a time
//   GET /_admin/api/apps/{appId}                    one app's admin-UI config and live tokens
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/scope.h"
#include "store/store.h"

namespace amplify::admin {

inline constexpr std::string_view kAdminApiPrefix = "/_admin/api/";

// The JSON body answering `method` `target` (a raw request-target under kAdminApiPrefix) for
// `scope`, or the AWS error to answer instead. Throws StoreUnavailable as a store read does.
Result<std::string> AnswerAdminApi(std::string_view method, std::string_view target,
                                   store::StoreReader& reader, const Scope& scope, int64_t now_ms);

}  // namespace amplify::admin
