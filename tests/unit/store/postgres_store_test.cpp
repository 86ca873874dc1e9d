// PgStore: the shared contract suite on PostgreSQL, plus what only it does (several stores on one
// database as several processes would, advisory locks, reconnecting).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/postgres_store_factory.h"
#include "store/store_contract.h"

namespace amplify::store {
namespace contract {

INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StoreContractTest, ::testing::Types<PostgresFactory>);

}  // namespace contract
}  // namespace amplify::store
