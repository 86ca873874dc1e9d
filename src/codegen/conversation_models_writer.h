#pragma once
// One entry of the introspection JSON's `conversations` section: for a mutation with
// @conversation, the fixed conversation and message models (with their participant-role enum and
// the message send/subscribe operations) the reference's utils/process-conversation.js writes.
#include <functional>
#include <string>
#include <string_view>

#include "codegen/json_text.h"

namespace amplify::codegen {

// The names derived from the mutation's. `route` is Amplify's own word: process-conversation.js
// calls PascalCase(mutation name) the `routeName` of the conversation route (the mutation).
struct ConversationModelNames {
  std::string route;               // PascalCase(mutation name)
  std::string conversation_model;  // Conversation<Route>
  std::string message_model;       // ConversationMessage<Route>
};

ConversationModelNames NamesOfConversationModels(std::string_view mutation_name);

// Writes the value of `conversations.<mutation name>`; `write_send` writes the value of
// message.send (the mutation's operation metadata) and returning false abandons the entry.
bool WriteConversationsEntry(JsonTextWriter& json, std::string_view mutation_name,
                             const ConversationModelNames& names,
                             const std::function<bool()>& write_send);

}  // namespace amplify::codegen
