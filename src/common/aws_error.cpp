#include "common/aws_error.h"

#include "model/service_model.h"

namespace amplify {

int HttpStatusOf(ErrorCode code) { return model::ErrorSpecOf(code).http_status; }

std::string_view ErrorTypeOf(ErrorCode code) { return model::ErrorSpecOf(code).type; }

}  // namespace amplify
