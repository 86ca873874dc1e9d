#pragma once
// Store contract, S3 buckets: names are global across accounts (GetBucket, PutBucket,
// DeleteBucket), listings are per account in name order with keyset paging (ListBuckets).
// Part of the suite in store_contract.h, which registers these tests.
#include "store/store_contract_fixture.h"

namespace amplify::store::contract {

inline std::vector<std::string> BucketNames(const std::vector<BucketRecord>& buckets) {
  std::vector<std::string> names;
  for (const BucketRecord& b : buckets) names.push_back(b.name);
  return names;
}

TYPED_TEST_P(StoreContractTest, BucketsArePutReadReplacedAndDeleted) {
  EXPECT_FALSE(this->reader().GetBucket("photos"));
  this->MustWrite([](StoreWriter& w) {
    w.PutBucket({"photos", kScope.account, "us-east-1", 10});
    w.PutBucket({"videos", kScope.account, "eu-west-1", 11});
    return OkStatus();
  });
  std::optional<BucketRecord> photos = this->reader().GetBucket("photos");
  ASSERT_TRUE(photos.has_value());
  EXPECT_EQ(photos->name, "photos");
  EXPECT_EQ(photos->account, kScope.account);
  EXPECT_EQ(photos->region, "us-east-1");
  EXPECT_EQ(photos->creation_ms, 10);

  this->MustWrite([](StoreWriter& w) {
    w.PutBucket({"photos", kScope.account, "us-west-2", 12});  // replaces, no duplicate
    w.DeleteBucket("videos");
    w.DeleteBucket("never-existed");  // deleting what is not there is no error
    return OkStatus();
  });
  EXPECT_EQ(this->reader().GetBucket("photos")->region, "us-west-2");
  EXPECT_EQ(this->reader().GetBucket("photos")->creation_ms, 12);
  EXPECT_FALSE(this->reader().GetBucket("videos"));
  EXPECT_EQ(BucketNames(this->reader().ListBuckets(kScope.account, "", 10)),
            std::vector<std::string>{"photos"});
}

TYPED_TEST_P(StoreContractTest, BucketNamesAreGlobalAcrossAccounts) {
  this->MustWrite([](StoreWriter& w) {
    w.PutBucket({"shared", kOtherAccount.account, "us-east-1", 1});
    return OkStatus();
  });
  // Any account sees who owns a name.
  std::optional<BucketRecord> shared = this->reader().GetBucket("shared");
  ASSERT_TRUE(shared.has_value());
  EXPECT_EQ(shared->account, kOtherAccount.account);
  EXPECT_TRUE(this->reader().ListBuckets(kScope.account, "", 10).empty());
  // A put of the same name moves it: there is never more than one bucket of a name.
  this->MustWrite([](StoreWriter& w) {
    w.PutBucket({"shared", kScope.account, "us-east-1", 2});
    return OkStatus();
  });
  EXPECT_EQ(this->reader().GetBucket("shared")->account, kScope.account);
  EXPECT_TRUE(this->reader().ListBuckets(kOtherAccount.account, "", 10).empty());
  EXPECT_EQ(this->reader().ListBuckets(kScope.account, "", 10).size(), 1u);
}

TYPED_TEST_P(StoreContractTest, ListBucketsPagesOneAccountInNameOrder) {
  this->MustWrite([](StoreWriter& w) {
    for (const char* name : {"d", "b", "e", "a", "c"}) {
      w.PutBucket({name, kScope.account, "us-east-1", 1});
      w.PutBucket({std::string("other-") + name, kOtherAccount.account, "us-east-1", 1});
    }
    return OkStatus();
  });
  StoreReader& r = this->reader();
  using Names = std::vector<std::string>;
  EXPECT_EQ(BucketNames(r.ListBuckets(kScope.account, "", 10)), (Names{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(BucketNames(r.ListBuckets(kScope.account, "", 2)), (Names{"a", "b"}));
  EXPECT_EQ(BucketNames(r.ListBuckets(kScope.account, "b", 2)), (Names{"c", "d"}));
  // `after_name` need not exist: paging continues after where it would sort.
  EXPECT_EQ(BucketNames(r.ListBuckets(kScope.account, "bb", 10)), (Names{"c", "d", "e"}));
  EXPECT_TRUE(r.ListBuckets(kScope.account, "e", 10).empty());
  EXPECT_TRUE(r.ListBuckets("333333333333", "", 10).empty());
  EXPECT_EQ(r.ListBuckets(kOtherAccount.account, "", 10).size(), 5u);
}

TYPED_TEST_P(StoreContractTest, RejectedWriteLeavesNoBucket) {
  Status rejected = this->store_->WriteSync([](StoreWriter& w) -> Status {
    w.PutBucket({"half", kScope.account, "us-east-1", 1});
    return BadRequest("no");
  });
  EXPECT_FALSE(rejected.ok());
  EXPECT_FALSE(this->reader().GetBucket("half"));
  EXPECT_TRUE(this->reader().ListBuckets(kScope.account, "", 10).empty());
}

}  // namespace amplify::store::contract
