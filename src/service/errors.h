#pragma once
// The errors the operations answer with, one named constructor each: NotFoundException's
// resourceType says what is missing (docs/DECISIONS.md "Apps and environments").
#include <string_view>

#include "common/aws_error.h"

namespace amplify::service {

AwsError AppNotFound(std::string_view app_id);
AwsError EnvironmentNotFound(std::string_view app_id, std::string_view env);
AwsError EnvironmentExists(std::string_view app_id, std::string_view env);
// The category's resourceType: BackendAuth, BackendAPI, BackendStorage.
AwsError ResourceNotFound(std::string_view category, std::string_view app_id, std::string_view env,
                          std::string_view name);
// A second resource of the same name in an environment.
AwsError ResourceExists(std::string_view category, std::string_view app_id, std::string_view env,
                        std::string_view name);
AwsError JobNotFound(std::string_view job_id);
AwsError TokenNotFound(std::string_view app_id, std::string_view session_id);
AwsError ConfigNotFound(std::string_view app_id);
AwsError ConfigExists(std::string_view app_id);
AwsError BadNextToken();
// The app changed under a request again and again (TooManyRequests: SDKs retry it).
AwsError KeptChanging();

}  // namespace amplify::service
