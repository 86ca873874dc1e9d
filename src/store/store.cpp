#include "store/store.h"

#include <future>

namespace amplify::store {

AwsError StoreUnavailableError() {
  return GatewayTimeout("The database is unreachable; nothing was changed. Try again.");
}

std::unique_ptr<Store> OpenStore(const StoreOptions& options) {
  if (!options.postgres.url.empty()) return OpenPostgresStore(options.postgres);
  return OpenSqliteStore(options.sqlite);
}

// Must not be called from the store's own thread (inside a WriteFn or WriteDone): that thread
// would wait for itself.
Status Store::WriteSync(WriteFn fn) {
  std::promise<Status> durable;
  std::future<Status> result = durable.get_future();
  Write(std::move(fn), [&durable](Status status) { durable.set_value(std::move(status)); });
  return result.get();
}

}  // namespace amplify::store
