#include "service/errors.h"

#include <fmt/format.h>

#include "service/resource_document.h"

namespace amplify::service {

AwsError AppNotFound(std::string_view app_id) {
  return NotFound("App", fmt::format("App {} not found.", app_id));
}

AwsError EnvironmentNotFound(std::string_view app_id, std::string_view env) {
  return NotFound("BackendEnvironment",
                  fmt::format("Backend environment {} not found for app {}.", env, app_id));
}

AwsError EnvironmentExists(std::string_view app_id, std::string_view env) {
  return BadRequest(fmt::format("Backend environment {} already exists for app {}.", env, app_id));
}

AwsError ResourceNotFound(std::string_view category, std::string_view app_id, std::string_view env,
                          std::string_view name) {
  return NotFound(std::string(ResourceTypeOf(category)),
                  fmt::format("No {} resource named {} in backend environment {} of app {}.",
                              category, name, env, app_id));
}

AwsError ResourceExists(std::string_view category, std::string_view app_id, std::string_view env,
                        std::string_view name) {
  return BadRequest(
      fmt::format("A {} resource named {} already exists in backend environment {} of app {}.",
                  category, name, env, app_id));
}

AwsError JobNotFound(std::string_view job_id) {
  return NotFound("BackendJob", fmt::format("Job {} not found.", job_id));
}

AwsError TokenNotFound(std::string_view app_id, std::string_view session_id) {
  return NotFound("Token",
                  fmt::format("Token with session {} not found for app {}.", session_id, app_id));
}

AwsError ConfigNotFound(std::string_view app_id) {
  return NotFound("BackendConfig", fmt::format("No backend config found for app {}.", app_id));
}

AwsError ConfigExists(std::string_view app_id) {
  return BadRequest(fmt::format("A backend config already exists for app {}.", app_id));
}

AwsError BadNextToken() { return BadRequest("The nextToken is not valid."); }

AwsError KeptChanging() {
  return TooManyRequests("ConcurrentModification",
                         "The app kept changing while the request was applied; try again.");
}

}  // namespace amplify::service
