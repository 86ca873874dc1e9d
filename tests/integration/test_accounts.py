"""State is keyed by account and region (docs/DECISIONS.md "Accounts and regions"): a 12-digit access key id is the
account, any other key is account 000000000000; the region is the SigV4 credential scope's."""
import json
import unittest

from harness import ServerTestCase, unique

ACCOUNT_A = "111122223333"
ACCOUNT_B = "444455556666"


class AccountsAndRegionsTest(ServerTestCase):

    @classmethod
    def setUpData(cls):
        cls.a_east = cls.server.client(access_key=ACCOUNT_A, region="us-east-1")
        cls.a_west = cls.server.client(access_key=ACCOUNT_A, region="eu-west-1")
        cls.b_east = cls.server.client(access_key=ACCOUNT_B, region="us-east-1")
        cls.default = cls.server.client(access_key="AKIDEXAMPLE", region="us-east-1")
        cls.other_key = cls.server.client(access_key="AKIAIOSFODNN7EXAMPLE", region="us-east-1")

    def test_apps_are_invisible_to_other_accounts_and_regions(self):
        app_id = unique()
        created = self.create_backend(app_id, "dev", client=self.a_east)
        self.assertEqual(self.a_east.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        for name in ("a_west", "b_east", "default"):
            client = getattr(self, name)
            with self.subTest(client=name):
                self.assertAwsError("NotFoundException", client.get_backend, AppId=app_id)
                self.assertAwsError("NotFoundException", client.get_backend_job, AppId=app_id,
                                    BackendEnvironmentName="dev", JobId=created["JobId"])
                self.assertAwsError("NotFoundException", client.list_backend_jobs, AppId=app_id,
                                    BackendEnvironmentName="dev")
                self.assertAwsError("NotFoundException", client.delete_backend, AppId=app_id,
                                    BackendEnvironmentName="dev")
        self.assertEqual(self.a_east.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])

    def test_same_app_id_lives_separately_per_account_and_region(self):
        app_id = unique()
        names = {"a_east": "A east", "a_west": "A west", "b_east": "B east", "default": "Default"}
        for name, app_name in names.items():
            self.create_backend(app_id, "dev", app_name=app_name, client=getattr(self, name))
        getattr(self, "a_west").clone_backend(AppId=app_id, BackendEnvironmentName="dev",
                                              TargetEnvironmentName="only-west")
        for name, app_name in names.items():
            with self.subTest(client=name):
                backend = getattr(self, name).get_backend(AppId=app_id)
                self.assertEqual(backend["AppName"], app_name)
                expected = ["dev", "only-west"] if name == "a_west" else ["dev"]
                self.assertEqual(backend["BackendEnvironmentList"], expected)

    def test_region_comes_from_the_credential_scope(self):
        app_id = unique()
        self.create_backend(app_id, "dev", client=self.a_west)
        meta = json.loads(self.a_west.get_backend(AppId=app_id)["AmplifyMetaConfig"])
        self.assertEqual(meta["providers"]["awscloudformation"]["Region"], "eu-west-1")

    def test_non_numeric_keys_share_the_default_account(self):
        app_id = unique()
        self.create_backend(app_id, "dev", client=self.default)
        self.assertEqual(self.other_key.get_backend(AppId=app_id)["BackendEnvironmentList"],
                         ["dev"])
        for key in ("11112222333", "1111222233334", "00000000000X"):
            with self.subTest(key=key):
                client = self.server.client(access_key=key, region="us-east-1")
                self.assertEqual(client.get_backend(AppId=app_id)["AppId"], app_id)

    def test_account_000000000000_key_is_the_default_account(self):
        app_id = unique()
        self.create_backend(app_id, "dev", client=self.default)
        zero = self.server.client(access_key="000000000000", region="us-east-1")
        self.assertEqual(zero.get_backend(AppId=app_id)["AppId"], app_id)

    def test_remove_all_only_touches_its_own_account(self):
        app_id = unique()
        self.create_backend(app_id, "dev", client=self.a_east)
        self.create_backend(app_id, "dev", client=self.b_east)
        self.b_east.remove_all_backends(AppId=app_id, CleanAmplifyApp=True)
        self.assertAwsError("NotFoundException", self.b_east.get_backend, AppId=app_id)
        self.assertEqual(self.a_east.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])


if __name__ == "__main__":
    unittest.main()
