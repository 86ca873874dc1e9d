"""Fault injection and throttling (README "Testing your client's failure handling"): LocalStack
Chaos API rules on /_chaos/faults, failed jobs on demand, latency on /_chaos/effects,
--rate-limit per account, --chaos-config, and /_chaos under --auth enforce — seen through boto3
as a client under test sees them, with its standard retry mode where it retries."""
import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

import boto3
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from harness import ACCESS_KEY, REGION, SECRET_KEY, Server, ServerTestCase, server_binary, unique

# LocalStack's own example, as its users have it.
LOCALSTACK_EXAMPLE = [{"service": "amplifybackend", "operation": "GetBackend",
                       "probability": 0.3,
                       "error": {"statusCode": 503, "code": "ServiceUnavailable"}}]


def metric(server, name, **labels):
    """The value of one sample of /_metrics (0 when absent)."""
    _, _, body = server.request("GET", "/_metrics")
    wanted = ",".join('%s="%s"' % item for item in labels.items())
    for line in body.decode().splitlines():
        match = re.match(r"^(\w+)(?:\{(.*)\})? (\S+)$", line)
        if match and match.group(1) == name and (match.group(2) or "") == wanted:
            return float(match.group(3))
    return 0.0


class ChaosTestCase(ServerTestCase):
    """Helpers for /_chaos; every test leaves no rule and no latency behind."""

    def chaos(self, method, path, body=None, expect=200):
        status, _, data = self.server.request(method, path, body)
        self.assertEqual(status, expect, data)
        return json.loads(data)

    def set_faults(self, rules):
        return self.chaos("POST", "/_chaos/faults", rules)

    def tearDown(self):
        self.chaos("POST", "/_chaos/faults", [])
        self.chaos("POST", "/_chaos/effects", {"latency": 0})
        super().tearDown()

    def retrying_client(self, total_max_attempts):
        client = boto3.session.Session().client(
            "amplifybackend", endpoint_url=self.server.url, region_name=REGION,
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
            config=Config(retries={"mode": "standard",
                                   "total_max_attempts": total_max_attempts}))
        self.server.clients.append(client)
        return client

    def count_attempts(self, client, operation, on_attempt=None):
        """Counts the HTTP attempts boto3 makes for `operation`; on_attempt(n) runs before the
        n-th is sent."""
        attempts = []

        def before_send(**_):
            attempts.append(1)
            if on_attempt:
                on_attempt(len(attempts))

        client.meta.events.register("before-send.amplifybackend.%s" % operation, before_send)
        return attempts


class FaultRulesTest(ChaosTestCase):

    @classmethod
    def setUpData(cls):
        cls.app_id = unique()
        cls.client.create_backend(AppId=cls.app_id, AppName="Chaos", BackendEnvironmentName="dev")

    def get_backend_raw(self):
        return self.server.request("POST", "/backend/%s/details" % self.app_id, {})

    def test_the_localstack_example_is_taken_unchanged_and_behaves(self):
        self.assertEqual(self.set_faults(LOCALSTACK_EXAMPLE), LOCALSTACK_EXAMPLE)
        self.assertEqual(self.chaos("GET", "/_chaos/faults"), LOCALSTACK_EXAMPLE)
        statuses = [self.get_backend_raw()[0] for _ in range(300)]
        # 30 %: the chance of none (or all) of 300 failing is below 1e-40.
        self.assertIn(503, statuses)
        self.assertIn(200, statuses)
        self.assertEqual(set(statuses), {200, 503})
        # Probability 1: every GetBackend fails, as boto3 parses it; nothing else does.
        self.set_faults([dict(LOCALSTACK_EXAMPLE[0], probability=1)])
        response = self.assertAwsError("ServiceUnavailable", self.client.get_backend,
                                       AppId=self.app_id, status=503)
        self.assertIn("simulated fault", response["Error"]["Message"])
        self.assertTrue(self.client.list_backend_jobs(AppId=self.app_id,
                                                      BackendEnvironmentName="dev")["Jobs"])

    def test_standard_retry_mode_retries_a_503_until_the_rule_is_deleted(self):
        rule = {"operation": "GetBackend", "error": {"statusCode": 503, "code": "ServiceUnavailable"}}
        self.assert_retried_until_deleted(rule, "ServiceUnavailable")

    def test_standard_retry_mode_retries_a_429_until_the_rule_is_deleted(self):
        rule = {"operation": "GetBackend",
                "error": {"statusCode": 429, "code": "TooManyRequestsException"}}
        self.assert_retried_until_deleted(rule, "TooManyRequestsException")

    def assert_retried_until_deleted(self, rule, code):
        self.set_faults([rule])
        before = metric(self.server, "amplifybackend_injected_faults_total",
                        operation="GetBackend", code=code)
        client = self.retrying_client(total_max_attempts=5)

        # Before the third attempt is sent, someone deletes the rule (here: the hook itself).
        def on_attempt(n):
            if n == 3:
                self.assertEqual(self.chaos("DELETE", "/_chaos/faults", [rule]), [])

        attempts = self.count_attempts(client, "GetBackend", on_attempt)
        backend = client.get_backend(AppId=self.app_id)
        self.assertEqual(backend["AppId"], self.app_id)
        self.assertEqual(len(attempts), 3)
        self.assertEqual(backend["ResponseMetadata"]["RetryAttempts"], 2)
        self.assertEqual(metric(self.server, "amplifybackend_injected_faults_total",
                                operation="GetBackend", code=code), before + 2)

    def test_without_retries_the_client_sees_the_error_once(self):
        self.set_faults([{"operation": "GetBackend",
                          "error": {"statusCode": 500, "code": "InternalFailure"}}])
        client = self.retrying_client(total_max_attempts=1)
        attempts = self.count_attempts(client, "GetBackend")
        self.assertAwsError("InternalFailure", client.get_backend, AppId=self.app_id, status=500)
        self.assertEqual(len(attempts), 1)

    def test_patch_appends_delete_removes_exact_matches_and_empty_clears(self):
        self.set_faults([{"operation": "GetBackend"}])
        listed = self.chaos("PATCH", "/_chaos/faults", [{"region": "eu-west-1", "probability": 0.5}])
        self.assertEqual(listed, [
            {"operation": "GetBackend", "probability": 1,
             "error": {"statusCode": 503, "code": "ServiceUnavailable"}},
            {"region": "eu-west-1", "probability": 0.5,
             "error": {"statusCode": 503, "code": "ServiceUnavailable"}}])
        # Not an exact match (another probability): nothing removed.
        self.assertEqual(self.chaos("DELETE", "/_chaos/faults",
                                    [{"operation": "GetBackend", "probability": 0.9}]), listed)
        self.assertEqual(self.chaos("DELETE", "/_chaos/faults", [{"operation": "GetBackend"}]),
                         listed[1:])
        self.assertEqual(self.set_faults([]), [])

    def test_invalid_rules_are_refused_and_change_nothing(self):
        self.set_faults(LOCALSTACK_EXAMPLE)
        for body in ("[{", {"operation": "GetBackend"}, [{"probability": 1.5}],
                     [{"error": {"statusCode": 200}}], [{"operation": 3}], [{"unknown": 1}],
                     [{"job": {"status": "COMPLETED"}}]):
            for method in ("POST", "PATCH", "DELETE"):
                with self.subTest(method=method, body=body):
                    status, headers, data = self.server.request(method, "/_chaos/faults", body)
                    self.assertEqual(status, 400, data)
                    self.assertEqual(headers.get("X-Amzn-ErrorType"), "BadRequestException")
                    self.assertTrue(json.loads(data)["message"])
        self.assertEqual(self.chaos("GET", "/_chaos/faults"), LOCALSTACK_EXAMPLE)

    def test_operational_endpoints_are_never_faulted(self):
        self.set_faults([{}])  # every request
        self.assertEqual(self.server.request("GET", "/_health")[0], 200)
        self.assertEqual(self.server.request("GET", "/_metrics")[0], 200)
        self.assertEqual(self.server.request("GET", "/_admin/")[0], 200)
        self.assertEqual(self.server.request("GET", "/_chaos/faults")[0], 200)
        self.assertEqual(self.get_backend_raw()[0], 503)

    def test_a_job_rule_fails_the_job_and_applies_nothing(self):
        self.set_faults([{"operation": "CloneBackend",
                          "job": {"status": "FAILED", "error": "Deployment failed: quota"}}])
        target = unique("env")
        clone = self.client.clone_backend(AppId=self.app_id, BackendEnvironmentName="dev",
                                          TargetEnvironmentName=target)
        self.assertEqual(clone["Status"], "FAILED")
        job = self.client.get_backend_job(AppId=self.app_id, BackendEnvironmentName=target,
                                          JobId=clone["JobId"])
        self.assertEqual((job["Status"], job["Error"], job["Operation"]),
                         ("FAILED", "Deployment failed: quota", "CloneBackend"))
        self.assertNotIn(target, self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"])
        # The operation's own checks still come first, and reads are left alone.
        self.assertAwsError("NotFoundException", self.client.clone_backend, AppId=unique(),
                            BackendEnvironmentName="dev", TargetEnvironmentName="x")
        self.set_faults([{"job": {}}])
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["AppId"], self.app_id)

    def test_latency_is_added_and_removed(self):
        self.assertEqual(self.chaos("POST", "/_chaos/effects", {"latency": 400}), {"latency": 400})
        self.assertEqual(self.chaos("GET", "/_chaos/effects"), {"latency": 400})
        started = time.monotonic()
        self.client.get_backend(AppId=self.app_id)
        self.assertGreaterEqual(time.monotonic() - started, 0.4)
        self.chaos("POST", "/_chaos/effects", {"latency": -5}, expect=400)
        self.chaos("POST", "/_chaos/effects", {"delay": 5}, expect=400)
        self.assertEqual(self.chaos("POST", "/_chaos/effects", {"latency": 0}), {"latency": 0})
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["AppId"], self.app_id)


class QueuedFailedJobTest(ChaosTestCase):
    """With a job duration the job runs, then fails, through the engine's usual path: also
    across a crash."""
    server_args = ("--job-duration", "1")

    def test_a_failing_job_survives_a_restart(self):
        app_id = unique()
        created = self.client.create_backend(AppId=app_id, AppName="Q", BackendEnvironmentName="dev")
        self.wait_for_job(app_id, "dev", created["JobId"])
        self.set_faults([{"operation": "CreateBackendAuth", "job": {"error": "Stack rollback"}}])
        auth = self.client.create_backend_auth(
            AppId=app_id, BackendEnvironmentName="dev", ResourceName="userauth",
            ResourceConfig={"AuthResources": "USER_POOL_ONLY", "Service": "COGNITO",
                            "UserPoolConfigs": {"RequiredSignUpAttributes": ["EMAIL"],
                                                "SignInMethod": "EMAIL",
                                                "UserPoolName": "pool"}})
        self.assertEqual(auth["Status"], "RUNNING")
        self.server.restart(kill=True)  # the rules go (memory); the job stays (store)
        client = self.server.client()
        self.assertEqual(self.chaos("GET", "/_chaos/faults"), [])
        job = self.wait_for_job(app_id, "dev", auth["JobId"], status="FAILED", client=client)
        self.assertEqual(job["Error"], "Stack rollback")
        self.assertAwsError("NotFoundException", client.get_backend_auth, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="userauth")


class RateLimitTest(ServerTestCase):
    server_args = ("--rate-limit", "1")

    def account_client(self, account):
        client = boto3.session.Session().client(
            "amplifybackend", endpoint_url=self.server.url, region_name=REGION,
            aws_access_key_id=account, aws_secret_access_key=SECRET_KEY,
            config=Config(retries={"total_max_attempts": 1}))
        self.server.clients.append(client)
        return client

    def test_each_account_is_throttled_alone(self):
        alice, bob = self.account_client("111111111111"), self.account_client("222222222222")
        from botocore.exceptions import ClientError
        throttled = None
        for _ in range(10):  # one token a second: ten calls cannot all find one
            try:
                alice.list_s3_buckets()
            except ClientError as e:
                throttled = e.response
                break
        self.assertIsNotNone(throttled, "alice was never throttled")
        self.assertEqual(throttled["Error"]["Code"], "TooManyRequestsException")
        self.assertEqual(throttled["ResponseMetadata"]["HTTPStatusCode"], 429)
        self.assertEqual(throttled["LimitType"], "RequestsPerSecond")
        self.assertEqual(throttled["Error"]["Message"], "Rate exceeded")
        self.assertIn("Buckets", bob.list_s3_buckets())  # bob's bucket is full
        # Operational endpoints and /_chaos are not limited.
        for path in ("/_health", "/_metrics", "/_chaos/faults", "/_chaos/effects"):
            for _ in range(3):
                self.assertEqual(self.server.request("GET", path)[0], 200, path)
        self.assertGreaterEqual(metric(self.server, "amplifybackend_throttled_requests_total",
                                       operation="ListS3Buckets"), 1)


class ChaosConfigTest(ChaosTestCase):
    @classmethod
    def setUpClass(cls):
        cls.config_dir = tempfile.mkdtemp(prefix="amplifybackend-chaos-")
        path = os.path.join(cls.config_dir, "chaos.json")
        with open(path, "w") as f:
            json.dump([dict(LOCALSTACK_EXAMPLE[0], probability=1)], f)
        cls.server_args = ("--chaos-config", path)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.config_dir, ignore_errors=True)

    def tearDown(self):
        pass  # the rules under test come from the file

    def test_rules_are_loaded_at_start(self):
        self.assertEqual(self.chaos("GET", "/_chaos/faults"),
                         [dict(LOCALSTACK_EXAMPLE[0], probability=1)])
        self.assertAwsError("ServiceUnavailable", self.client.get_backend, AppId="any", status=503)

    def test_a_bad_file_stops_the_server_at_start(self):
        bad = os.path.join(self.config_dir, "bad.json")
        with open(bad, "w") as f:
            f.write('[{"service": "amplifybackend", "probability": 3}]')
        done = subprocess.run([server_binary(), "--port", "0", "--in-memory", "--chaos-config", bad],
                              capture_output=True, text=True, timeout=20)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("--chaos-config %s" % bad, done.stdout + done.stderr)
        self.assertIn("probability", done.stdout + done.stderr)


class EnforcedChaosTest(ServerTestCase):
    KEY, SECRET = "AKIACHAOS00000000001", "chaos/secret+key"

    @classmethod
    def setUpClass(cls):
        cls.key_dir = tempfile.mkdtemp(prefix="amplifybackend-keys-")
        path = os.path.join(cls.key_dir, "credentials")
        with open(path, "w") as f:
            f.write("[chaos]\naws_access_key_id = %s\naws_secret_access_key = %s\n"
                    % (cls.KEY, cls.SECRET))
        cls.server_args = ("--auth", "enforce", "--credentials", path)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.key_dir, ignore_errors=True)

    def signed(self, method, path, body, secret):
        request = AWSRequest(method=method, url=self.server.url + path, data=body,
                             headers={"Content-Type": "application/json"})
        botocore.auth.SigV4Auth(Credentials(self.KEY, secret), "amplifybackend", REGION) \
            .add_auth(request)
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=dict(request.headers.items()))
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read()
        finally:
            conn.close()

    def test_chaos_needs_a_valid_signature(self):
        rules = json.dumps([{"operation": "GetBackend"}])
        status, headers, _ = self.server.request("POST", "/_chaos/faults", rules)
        self.assertEqual((status, headers.get("X-Amzn-ErrorType")),
                         (403, "MissingAuthenticationTokenException"))
        status, headers, _ = self.signed("POST", "/_chaos/faults", rules, "wrong-secret")
        self.assertEqual((status, headers.get("X-Amzn-ErrorType")),
                         (403, "InvalidSignatureException"))
        self.assertEqual(self.server.request("GET", "/_chaos/effects")[0], 403)
        status, _, body = self.signed("POST", "/_chaos/faults", rules, self.SECRET)
        self.assertEqual(status, 200, body)
        status, _, body = self.signed("GET", "/_chaos/faults", b"", self.SECRET)
        self.assertEqual(json.loads(body)[0]["operation"], "GetBackend")
        self.signed("POST", "/_chaos/faults", "[]", self.SECRET)


if __name__ == "__main__":
    unittest.main()
