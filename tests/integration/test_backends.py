"""Apps and environments through boto3: CreateBackend, GetBackend, CloneBackend, DeleteBackend,
RemoveAllBackends (docs/DECISIONS.md "Apps and environments")."""
import json
import os
import unittest
from unittest import mock

import boto3
import botocore
from botocore.config import Config

import harness
from harness import ServerTestCase, unique

JOB_KEYS = {"AppId", "BackendEnvironmentName", "JobId", "Operation", "Status"}


def env_list(response):
    return response.get("BackendEnvironmentList", [])


class BackendsTest(ServerTestCase):

    def assertCompletedJob(self, response, operation, app_id, env):
        self.assertTrue(JOB_KEYS <= set(response), response)
        self.assertEqual(response["AppId"], app_id)
        self.assertEqual(response["BackendEnvironmentName"], env)
        self.assertRegex(response["JobId"], harness.UUID_RE)
        self.assertEqual(response["Operation"], operation)
        self.assertEqual(response["Status"], "COMPLETED")
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 200)

    # -- CreateBackend -------------------------------------------------------------------------
    def test_create_backend_returns_a_completed_job(self):
        app_id = unique()
        response = self.create_backend(app_id, "dev")
        self.assertCompletedJob(response, "CreateBackend", app_id, "dev")
        self.assertTrue(response["ResponseMetadata"]["RequestId"])

    def test_create_backend_creates_the_app(self):
        app_id = unique()
        self.create_backend(app_id, "dev", app_name="My shop")
        backend = self.client.get_backend(AppId=app_id)
        self.assertEqual(backend["AppId"], app_id)
        self.assertEqual(backend["AppName"], "My shop")
        self.assertEqual(backend["BackendEnvironmentList"], ["dev"])
        self.assertEqual(backend["BackendEnvironmentName"], "dev")

    def test_create_existing_environment_is_a_bad_request(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        response = self.assertAwsError("BadRequestException", self.create_backend, app_id, "dev",
                                       status=400)
        self.assertTrue(response["Error"]["Message"])
        self.assertEqual(env_list(self.client.get_backend(AppId=app_id)), ["dev"])

    def test_job_of_create_backend_is_pollable(self):
        app_id = unique()
        created = self.create_backend(app_id, "dev")
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                          JobId=created["JobId"])
        self.assertEqual(job["JobId"], created["JobId"])
        self.assertEqual(job["Operation"], "CreateBackend")
        self.assertEqual(job["Status"], "COMPLETED")

    # -- GetBackend ----------------------------------------------------------------------------
    def test_environments_are_listed_in_creation_order(self):
        app_id = unique()
        for env in ("zeta", "alpha", "mid"):
            self.create_backend(app_id, env)
        backend = self.client.get_backend(AppId=app_id)
        self.assertEqual(backend["BackendEnvironmentList"], ["zeta", "alpha", "mid"])
        self.assertEqual(backend["BackendEnvironmentName"], "zeta")
        named = self.client.get_backend(AppId=app_id, BackendEnvironmentName="mid")
        self.assertEqual(named["BackendEnvironmentName"], "mid")
        self.assertEqual(named["BackendEnvironmentList"], ["zeta", "alpha", "mid"])

    def test_meta_config_and_feature_flags_are_json_strings(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        backend = self.client.get_backend(AppId=app_id, BackendEnvironmentName="dev")
        self.assertIsInstance(backend["AmplifyMetaConfig"], str)
        self.assertIsInstance(backend["AmplifyFeatureFlags"], str)
        meta = json.loads(backend["AmplifyMetaConfig"])
        self.assertIsInstance(meta, dict)
        cfn = meta["providers"]["awscloudformation"]
        for key in ("StackName", "Region", "DeploymentBucketName"):
            self.assertIsInstance(cfn.get(key), str, key)
            self.assertTrue(cfn[key], key)
        self.assertEqual(cfn["Region"], harness.REGION)
        flags = json.loads(backend["AmplifyFeatureFlags"])
        self.assertIsInstance(flags, dict)
        self.assertEqual(flags["features"]["graphqltransformer"]["transformerversion"], 2)

    def test_meta_config_is_stable_and_per_environment(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.create_backend(app_id, "prod")
        first = self.client.get_backend(AppId=app_id, BackendEnvironmentName="dev")
        again = self.client.get_backend(AppId=app_id, BackendEnvironmentName="dev")
        self.assertEqual(first["AmplifyMetaConfig"], again["AmplifyMetaConfig"])
        other = self.client.get_backend(AppId=app_id, BackendEnvironmentName="prod")
        stack = lambda b: json.loads(b["AmplifyMetaConfig"])["providers"]["awscloudformation"]
        self.assertNotEqual(stack(first)["StackName"], stack(other)["StackName"])

    def test_get_backend_of_unknown_app_is_not_found(self):
        response = self.assertAwsError("NotFoundException", self.client.get_backend,
                                       AppId=unique("missing"), status=404)
        self.assertTrue(response.get("ResourceType"), response)
        self.assertTrue(response["Error"]["Message"])

    def test_get_backend_of_unknown_environment_is_not_found(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        response = self.assertAwsError("NotFoundException", self.client.get_backend,
                                       AppId=app_id, BackendEnvironmentName="nope", status=404)
        self.assertTrue(response.get("ResourceType"), response)

    def test_identifiers_with_every_allowed_character_round_trip(self):
        app_id = "My_App.v-2." + unique("x")
        created = self.create_backend(app_id, "Dev_1.b-2")
        self.assertEqual(created["AppId"], app_id)
        self.assertEqual(created["BackendEnvironmentName"], "Dev_1.b-2")
        backend = self.client.get_backend(AppId=app_id, BackendEnvironmentName="Dev_1.b-2")
        self.assertEqual(backend["AppId"], app_id)
        self.assertEqual(backend["BackendEnvironmentList"], ["Dev_1.b-2"])
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="Dev_1.b-2",
                                          JobId=created["JobId"])
        self.assertEqual(job["AppId"], app_id)

    def test_hostile_identifiers_are_refused_naming_the_member_and_nothing_is_stored(self):
        for bad in ("my app/1", "..", "a\u0000b", "caf\u00e9", "x" * 256, "-x"):
            with self.subTest(app_id=bad):
                with self.assertRaises(self.client.exceptions.BadRequestException) as raised:
                    self.create_backend(bad, "dev")
                self.assertIn("'appId'", raised.exception.response["Error"]["Message"])
            with self.subTest(env=bad):
                app_id = unique()
                with self.assertRaises(self.client.exceptions.BadRequestException) as raised:
                    self.create_backend(app_id, bad)
                self.assertIn("'backendEnvironmentName'",
                              raised.exception.response["Error"]["Message"])
                self.assertAwsError("NotFoundException", self.client.get_backend, AppId=app_id)

    # -- CloneBackend --------------------------------------------------------------------------
    def test_clone_creates_the_target_environment(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        cloned = self.client.clone_backend(AppId=app_id, BackendEnvironmentName="dev",
                                           TargetEnvironmentName="test")
        self.assertCompletedJob(cloned, "CloneBackend", app_id, "test")
        self.assertEqual(env_list(self.client.get_backend(AppId=app_id)), ["dev", "test"])
        target = self.client.get_backend(AppId=app_id, BackendEnvironmentName="test")
        self.assertEqual(target["BackendEnvironmentName"], "test")
        json.loads(target["AmplifyMetaConfig"])
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="test",
                                          JobId=cloned["JobId"])
        self.assertEqual(job["Operation"], "CloneBackend")
        self.assertEqual(job["BackendEnvironmentName"], "test")

    def test_clone_onto_existing_environment_is_a_bad_request(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.create_backend(app_id, "test")
        self.assertAwsError("BadRequestException", self.client.clone_backend, AppId=app_id,
                            BackendEnvironmentName="dev", TargetEnvironmentName="test", status=400)
        self.assertEqual(env_list(self.client.get_backend(AppId=app_id)), ["dev", "test"])

    def test_clone_of_unknown_source_is_not_found(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.assertAwsError("NotFoundException", self.client.clone_backend, AppId=app_id,
                            BackendEnvironmentName="nope", TargetEnvironmentName="test", status=404)
        self.assertAwsError("NotFoundException", self.client.clone_backend, AppId=unique("missing"),
                            BackendEnvironmentName="dev", TargetEnvironmentName="test", status=404)
        self.assertEqual(env_list(self.client.get_backend(AppId=app_id)), ["dev"])

    # -- DeleteBackend -------------------------------------------------------------------------
    def test_delete_removes_the_environment(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.create_backend(app_id, "test")
        deleted = self.client.delete_backend(AppId=app_id, BackendEnvironmentName="dev")
        self.assertCompletedJob(deleted, "DeleteBackend", app_id, "dev")
        backend = self.client.get_backend(AppId=app_id)
        self.assertEqual(env_list(backend), ["test"])
        self.assertEqual(backend["BackendEnvironmentName"], "test")
        self.assertAwsError("NotFoundException", self.client.get_backend, AppId=app_id,
                            BackendEnvironmentName="dev", status=404)

    def test_job_of_delete_outlives_the_environment(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        deleted = self.client.delete_backend(AppId=app_id, BackendEnvironmentName="dev")
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                          JobId=deleted["JobId"])
        self.assertEqual(job["Operation"], "DeleteBackend")
        self.assertEqual(job["Status"], "COMPLETED")
        self.assertEqual(job["BackendEnvironmentName"], "dev")

    def test_deleted_environment_can_be_created_again(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.client.delete_backend(AppId=app_id, BackendEnvironmentName="dev")
        self.create_backend(app_id, "dev")
        self.assertEqual(env_list(self.client.get_backend(AppId=app_id)), ["dev"])

    def test_delete_of_unknown_environment_is_not_found(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.assertAwsError("NotFoundException", self.client.delete_backend, AppId=app_id,
                            BackendEnvironmentName="nope", status=404)
        self.assertAwsError("NotFoundException", self.client.delete_backend,
                            AppId=unique("missing"), BackendEnvironmentName="dev", status=404)

    # -- RemoveAllBackends ---------------------------------------------------------------------
    def test_remove_all_backends_keeps_the_app(self):
        app_id = unique()
        self.create_backend(app_id, "dev", app_name="Kept")
        self.create_backend(app_id, "test")
        removed = self.client.remove_all_backends(AppId=app_id)
        self.assertEqual(removed["AppId"], app_id)
        self.assertRegex(removed["JobId"], harness.UUID_RE)
        self.assertEqual(removed["Operation"], "RemoveAllBackends")
        self.assertEqual(removed["Status"], "COMPLETED")
        self.assertNotIn("BackendEnvironmentName", removed)
        backend = self.client.get_backend(AppId=app_id)
        self.assertEqual(backend["AppName"], "Kept")
        self.assertEqual(env_list(backend), [])

    def test_remove_all_backends_job_is_found_under_every_environment_name(self):
        app_id = unique()
        self.create_backend(app_id, "dev")
        self.create_backend(app_id, "test")
        removed = self.client.remove_all_backends(AppId=app_id, CleanAmplifyApp=False)
        for env in ("dev", "test"):
            job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName=env,
                                              JobId=removed["JobId"])
            self.assertEqual(job["JobId"], removed["JobId"])
            self.assertEqual(job["Operation"], "RemoveAllBackends")
            self.assertEqual(job["AppId"], app_id)
            listed = self.client.list_backend_jobs(AppId=app_id, BackendEnvironmentName=env)
            self.assertIn(removed["JobId"], [j["JobId"] for j in listed["Jobs"]])

    def test_remove_all_backends_with_clean_removes_the_app(self):
        app_id = unique()
        created = self.create_backend(app_id, "dev")
        removed = self.client.remove_all_backends(AppId=app_id, CleanAmplifyApp=True)
        self.assertEqual(removed["Operation"], "RemoveAllBackends")
        self.assertAwsError("NotFoundException", self.client.get_backend, AppId=app_id, status=404)
        # Jobs outlive the app.
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                          JobId=created["JobId"])
        self.assertEqual(job["Operation"], "CreateBackend")
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                          JobId=removed["JobId"])
        self.assertEqual(job["Operation"], "RemoveAllBackends")
        # The app id is free again.
        self.create_backend(app_id, "dev", app_name="Reborn")
        self.assertEqual(self.client.get_backend(AppId=app_id)["AppName"], "Reborn")

    def test_remove_all_backends_of_unknown_app_is_not_found(self):
        self.assertAwsError("NotFoundException", self.client.remove_all_backends,
                            AppId=unique("missing"), status=404)

    # -- endpoint configuration ----------------------------------------------------------------
    @unittest.skipIf(tuple(int(p) for p in botocore.__version__.split(".")[:2]) < (1, 31),
                     "botocore < 1.31 ignores AWS_ENDPOINT_URL_<SERVICE>")
    def test_endpoint_from_environment_variable(self):
        app_id = unique()
        env = {"AWS_ENDPOINT_URL_AMPLIFYBACKEND": self.server.url + self.prefix,
               "AWS_ACCESS_KEY_ID": harness.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": "x",
               "AWS_DEFAULT_REGION": harness.REGION}
        with mock.patch.dict(os.environ, env):
            os.environ.pop("AWS_ENDPOINT_URL", None)
            client = boto3.session.Session().client(
                "amplifybackend", config=Config(retries={"total_max_attempts": 1}))
        self.assertTrue(client.meta.endpoint_url.startswith(self.server.url),
                        client.meta.endpoint_url)
        self.server.clients.append(client)
        client.create_backend(AppId=app_id, AppName="Env", BackendEnvironmentName="dev")
        self.assertEqual(env_list(self.client.get_backend(AppId=app_id)), ["dev"])


class BackendsProdPrefixTest(BackendsTest):
    """The same suite through ``endpoint_url=<base>/prod`` (the REST reference's stage prefix)."""
    prefix = "/prod"


if __name__ == "__main__":
    unittest.main()
