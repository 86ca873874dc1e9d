#pragma once
// A `conversations` entry of the introspection JSON: the fixed conversation and message models
// the reference's utils/process-conversation.js describes for a mutation with @conversation.
#include <functional>
#include <string>
#include <string_view>

#include "codegen/json_text.h"

namespace amplify::codegen {

// change-case 4's pascalCase (no-case word splitting) for the ASCII names GraphQL allows.
std::string PascalCase(std::string_view name);

struct ConversationRouteNames {
  std::string route;               // PascalCase(mutation name)
  std::string conversation_model;  // Conversation<Route>
  std::string message_model;       // ConversationMessage<Route>
};

ConversationRouteNames NamesOfConversationRoute(std::string_view mutation_name);

// Writes the route object; `write_send` writes the value of message.send (the mutation's
// operation metadata) and returning false abandons the route.
bool WriteConversationRoute(JsonTextWriter& json, std::string_view mutation_name,
                            const ConversationRouteNames& names,
                            const std::function<bool()>& write_send);

}  // namespace amplify::codegen
