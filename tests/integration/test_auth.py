"""`--auth enforce`: the server verifies SigV4 as AWS does, against an AWS shared-credentials
file. boto3, the AWS CLI and the JS SDK v3 sign with real keys; every 403 AWS answers is
provoked (wrong secret, unknown key, missing or garbled header, wrong service, expired and
future dates, tampered body, header, path and query); accounts are isolated; SIGHUP reloads."""
import datetime
import http.client
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
from unittest import mock

import boto3
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from harness import Server, ServerTestCase, unique

KEYS = {
    # name: (access key id, secret, session token, account)
    "alice": ("AKIAALICE0000000001", "alice/secret+key=1", None, "111111111111"),
    "alice2": ("AKIAALICE0000000002", "alice-second-key", None, "111111111111"),
    "bob": ("AKIABOB000000000003", "bob-secret-key", None, "222222222222"),
    "temp": ("ASIATEMP00000000004", "temp-secret-key", "FwoGZXIvYXdzEXAMPLE//token=", "111111111111"),
}


def credentials_text(names):
    lines = ["# keys for amplifybackend-server --auth enforce"]
    for name in names:
        key, secret, token, account = KEYS[name]
        lines += ["[%s]" % name, "aws_access_key_id = %s" % key,
                  "aws_secret_access_key = %s" % secret, "aws_account_id = %s" % account]
        if token:
            lines.append("aws_session_token = %s" % token)
        lines.append("")
    return "\n".join(lines)


class EnforcingServerTestCase(ServerTestCase):
    """A server with --auth enforce over a credentials file of ``key_names``."""
    key_names = ("alice", "alice2", "bob", "temp")

    @classmethod
    def setUpClass(cls):
        cls.key_dir = tempfile.mkdtemp(prefix="amplifybackend-keys-")
        cls.credentials_path = os.path.join(cls.key_dir, "credentials")
        with open(cls.credentials_path, "w") as f:
            f.write(credentials_text(cls.key_names))
        cls.server_args = ("--auth", "enforce", "--credentials", cls.credentials_path)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.key_dir, ignore_errors=True)

    def client_for(self, name, prefix="", secret=None, token=None, region="us-east-1"):
        key, real_secret, real_token, _ = KEYS[name] if name in KEYS else (name, "x", None, None)
        client = boto3.session.Session().client(
            "amplifybackend", endpoint_url=self.server.url + prefix, region_name=region,
            aws_access_key_id=key, aws_secret_access_key=secret or real_secret,
            aws_session_token=token or real_token,
            config=Config(retries={"total_max_attempts": 1}))
        self.server.clients.append(client)
        return client

    def signed(self, name, method, path, body=b"", service="amplifybackend", headers=None,
               region="us-east-1", when=None):
        """A request signed by botocore's own SigV4 signer: (method, path, headers, body)."""
        key, secret, token, _ = KEYS[name]
        request = AWSRequest(method=method, url=self.server.url + path, data=body,
                             headers=dict({"Content-Type": "application/json"}, **(headers or {})))
        signer = botocore.auth.SigV4Auth(Credentials(key, secret, token), service, region)
        if when is None:
            signer.add_auth(request)
        else:
            with mock.patch.object(botocore.auth, "get_current_datetime", return_value=when):
                signer.add_auth(request)
        return method, path, dict(request.headers.items()), body

    def send(self, method, path, headers, body):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read()
        finally:
            conn.close()

    def assertForbidden(self, result, error_type, words):
        status, headers, body = result
        self.assertEqual(status, 403, body)
        self.assertEqual(headers.get("X-Amzn-ErrorType"), error_type, body)
        self.assertIn(words, json.loads(body)["message"])


class AuthEnforceTest(EnforcingServerTestCase):

    # -- signed requests go through -------------------------------------------------------
    def test_boto3_signs_get_and_post_routes_with_and_without_prod(self):
        for prefix in ("", "/prod"):
            with self.subTest(prefix=prefix):
                client = self.client_for("alice", prefix)
                app_id = unique()
                created = client.create_backend(AppId=app_id, AppName="A",
                                                BackendEnvironmentName="dev")  # POST
                job = client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                             JobId=created["JobId"])  # GET
                self.assertEqual(job["Status"], "COMPLETED")
                token = client.create_token(AppId=app_id)  # POST, no body members
                self.assertEqual(client.get_token(AppId=app_id, SessionId=token["SessionId"])
                                 ["SessionId"], token["SessionId"])  # GET

    def test_session_tokens_are_checked(self):
        app_id = unique()
        temp = self.client_for("temp")
        temp.create_backend(AppId=app_id, AppName="T", BackendEnvironmentName="dev")
        self.assertEqual(temp.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        self.assertAwsError("UnrecognizedClientException",
                            self.client_for("temp", token="another-token").get_backend,
                            AppId=app_id, status=403)

    def test_percent_encoded_labels_verify_and_then_meet_the_identifier_rules(self):
        # botocore encodes the label and signs it encoded twice: the signature holds, so the
        # answer is the identifier rule's 400, not a 403.
        client = self.client_for("alice", "/prod")
        for bad in ("a b/c", "caf\u00e9", "x'()*!"):
            with self.subTest(label=bad):
                response = self.assertAwsError("BadRequestException", client.get_backend_job,
                                               AppId=bad, BackendEnvironmentName="dev", JobId="j")
                self.assertIn("'appId'", response["Error"]["Message"])

    def test_unsigned_extra_headers_are_accepted(self):
        method, path, headers, body = self.signed("alice", "POST", "/s3Buckets", b"{}")
        headers["X-Forwarded-For"] = "10.1.2.3"
        headers["User-Agent"] = "added after signing"
        status, _, raw = self.send(method, path, headers, body)
        self.assertEqual(status, 200, raw)

    def test_health_metrics_and_preflights_stay_open(self):
        self.assertEqual(self.server.request("GET", "/_health")[0], 200)
        self.assertEqual(self.server.request("GET", "/_metrics")[0], 200)
        status, headers, _ = self.server.request(
            "OPTIONS", "/backend/app1/details",
            headers={"Origin": "http://console", "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 200)
        self.assertTrue(headers.get("Access-Control-Allow-Methods"))

    # -- every 403 ------------------------------------------------------------------------
    def test_a_wrong_secret_is_an_invalid_signature(self):
        response = self.assertAwsError("InvalidSignatureException",
                                       self.client_for("alice", secret="wrong").get_backend,
                                       AppId="app1", status=403)
        self.assertIn("The request signature we calculated does not match the signature you "
                      "provided.", response["Error"]["Message"])

    def test_an_unknown_key_is_an_unrecognized_client(self):
        response = self.assertAwsError("UnrecognizedClientException",
                                       self.client_for("AKIANOBODY000000000").list_s3_buckets,
                                       status=403)
        self.assertEqual(response["Error"]["Message"],
                         "The security token included in the request is invalid.")

    def test_no_authorization_is_a_missing_authentication_token(self):
        for method, path in (("POST", "/backend/app1/details"), ("GET", "/backend/a/job/d/j"),
                             ("POST", "/no/such/route")):
            with self.subTest(path=path):
                self.assertForbidden(self.server.request(method, path, {}),
                                     "MissingAuthenticationTokenException",
                                     "Missing Authentication Token")

    def test_garbled_headers_are_incomplete_signatures(self):
        method, path, headers, body = self.signed("alice", "POST", "/s3Buckets", b"{}")
        good = headers["Authorization"]
        for garbled in ("AWS4-HMAC-SHA256", "Bearer abc", good.split(", Signature")[0],
                        good.replace("/aws4_request", ""), "AWS4-HMAC-SHA256 Credential=\u00ff"):
            with self.subTest(header=garbled):
                headers["Authorization"] = garbled.encode("utf-8").decode("latin-1")
                self.assertForbidden(self.send(method, path, headers, body),
                                     "IncompleteSignatureException", "")
        no_date = self.signed("alice", "POST", "/s3Buckets", b"{}")
        del no_date[2]["X-Amz-Date"]
        self.assertForbidden(self.send(*no_date), "IncompleteSignatureException", "X-Amz-Date")

    def test_the_wrong_service_is_an_incomplete_signature(self):
        self.assertForbidden(self.send(*self.signed("alice", "POST", "/s3Buckets", b"{}",
                                                    service="amplify")),
                             "IncompleteSignatureException",
                             "Credential should be scoped to correct service: 'amplifybackend'.")

    def test_expired_and_future_dates_are_invalid_signatures(self):
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        self.assertForbidden(
            self.send(*self.signed("alice", "POST", "/s3Buckets", b"{}",
                                   when=now - datetime.timedelta(minutes=20))),
            "InvalidSignatureException", "Signature expired:")
        self.assertForbidden(
            self.send(*self.signed("alice", "POST", "/s3Buckets", b"{}",
                                   when=now + datetime.timedelta(minutes=20))),
            "InvalidSignatureException", "Signature not yet current:")
        status, _, raw = self.send(*self.signed("alice", "POST", "/s3Buckets", b"{}",
                                                when=now - datetime.timedelta(minutes=10)))
        self.assertEqual(status, 200, raw)

    def test_tampering_is_an_invalid_signature(self):
        body = json.dumps({"backendEnvironmentName": "dev"}).encode()
        mismatch = "The request signature we calculated does not match"
        base = self.signed("alice", "POST", "/backend/app1/details", body)
        cases = {
            "body": (base[0], base[1], base[2], body.replace(b"dev", b"prd")),
            "signed header": (base[0], base[1], dict(base[2], **{"Content-Type": "text/json"}),
                              body),
            "path": (base[0], "/backend/app2/details", base[2], body),
            "prod prefix": (base[0], "/prod/backend/app1/details", base[2], body),
            "query": (base[0], "/backend/app1/details?x=1", base[2], body),
        }
        for what, request in cases.items():
            with self.subTest(tampered=what):
                self.assertForbidden(self.send(*request), "InvalidSignatureException", mismatch)

    # -- accounts ---------------------------------------------------------------------------
    def test_accounts_are_isolated_and_keys_of_one_account_share_it(self):
        alice, alice2, bob = (self.client_for(n) for n in ("alice", "alice2", "bob"))
        app_id = unique()
        created = alice.create_backend(AppId=app_id, AppName="A", BackendEnvironmentName="dev")
        token = alice.create_token(AppId=app_id)
        bucket = "iso-" + unique("b").lower()
        alice.create_backend_storage(
            AppId=app_id, BackendEnvironmentName="dev", ResourceName="files",
            ResourceConfig={"BucketName": bucket, "ServiceName": "S3",
                            "Permissions": {"Authenticated": ["READ"]}})
        alice.create_backend_config(AppId=app_id)
        # The second key of the same account sees all of it.
        self.assertEqual(alice2.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        self.assertEqual(alice2.get_token(AppId=app_id, SessionId=token["SessionId"])
                         ["SessionId"], token["SessionId"])
        self.assertIn(bucket, [b["Name"] for b in alice2.list_s3_buckets().get("Buckets", [])])
        # Another account sees none of it.
        self.assertAwsError("NotFoundException", bob.get_backend, AppId=app_id)
        self.assertAwsError("NotFoundException", bob.get_backend_job, AppId=app_id,
                            BackendEnvironmentName="dev", JobId=created["JobId"])
        self.assertAwsError("NotFoundException", bob.list_backend_jobs, AppId=app_id,
                            BackendEnvironmentName="dev")
        self.assertAwsError("NotFoundException", bob.get_token, AppId=app_id,
                            SessionId=token["SessionId"])
        self.assertAwsError("NotFoundException", bob.get_backend_storage, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="files")
        self.assertAwsError("NotFoundException", bob.update_backend_config, AppId=app_id,
                            LoginAuthConfig={"AwsCognitoRegion": "us-east-1"})
        self.assertNotIn(bucket, [b["Name"] for b in bob.list_s3_buckets().get("Buckets", [])])
        self.assertAwsError("NotFoundException", bob.delete_backend, AppId=app_id,
                            BackendEnvironmentName="dev")
        self.assertEqual(alice.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])

    # -- other clients ----------------------------------------------------------------------
    def test_the_aws_cli_signs_and_is_refused_with_a_wrong_secret(self):
        aws = shutil.which("aws")
        if aws is None:
            raise RuntimeError("the AWS CLI (`aws`) is not on PATH: run tools/setup.sh")
        key, secret, _, _ = KEYS["alice"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update({"AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret,
                    "AWS_DEFAULT_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "1",
                    "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull})
        app_id = unique("cli")
        cmd = [aws, "--endpoint-url", self.server.url + "/prod", "--output", "json",
               "amplifybackend"]
        ok = subprocess.run(cmd + ["create-backend", "--app-id", app_id, "--app-name", "C",
                                   "--backend-environment-name", "dev"],
                            env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        self.assertEqual(json.loads(ok.stdout)["AppId"], app_id)
        bad = subprocess.run(cmd + ["get-backend", "--app-id", app_id],
                             env=dict(env, AWS_SECRET_ACCESS_KEY="wrong"),
                             capture_output=True, text=True, timeout=60)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("InvalidSignatureException", bad.stderr)

    def test_the_js_sdk_signs_and_is_refused_with_a_wrong_secret(self):
        node = shutil.which("node")
        js_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "js")
        if node is None or not os.path.isdir(os.path.join(js_dir, "node_modules")):
            raise RuntimeError("node and js/node_modules are needed (test_js_sdk.py installs "
                               "them): run tools/setup.sh")
        key, secret, _, _ = KEYS["alice"]
        tkey, tsecret, ttoken, _ = KEYS["temp"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update({"AMPLIFYBACKEND_ENDPOINT": self.server.url, "KEY_ID": key,
                    "SECRET": secret, "TEMP_KEY_ID": tkey, "TEMP_SECRET": tsecret,
                    "TEMP_TOKEN": ttoken})
        proc = subprocess.run([node, "--test", "auth.enforce.mjs"], cwd=js_dir, env=env,
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stdout[-6000:] + proc.stderr[-3000:])

    def test_zz_no_secret_reaches_the_log(self):
        log = self.server.log()
        for _, secret, token, _ in KEYS.values():
            self.assertNotIn(secret, log)
            if token:
                self.assertNotIn(token, log)


class AuthReloadTest(EnforcingServerTestCase):
    key_names = ("alice", "bob")

    def rewrite(self, text):
        with open(self.credentials_path, "w") as f:
            f.write(text)
        self.server.proc.send_signal(signal.SIGHUP)

    def wait_for(self, predicate):
        deadline = time.monotonic() + 10
        while not predicate():
            self.assertLess(time.monotonic(), deadline, "the reload never took effect")
            time.sleep(0.05)

    def works(self, name):
        try:
            self.client_for(name).list_s3_buckets()
            return True
        except self.client_for(name).exceptions.ClientError:
            return False

    def test_sighup_reloads_the_file_and_a_broken_file_keeps_the_keys(self):
        self.assertTrue(self.works("alice"))
        self.assertFalse(self.works("temp"))
        self.rewrite(credentials_text(["alice", "temp"]))  # bob out, temp in
        self.wait_for(lambda: self.works("temp"))
        self.assertFalse(self.works("bob"))
        self.assertTrue(self.works("alice"))
        self.rewrite("[broken\n")
        self.wait_for(lambda: "not reloaded" in self.server.log())
        self.assertTrue(self.works("temp"))
        self.assertTrue(self.server.alive())


class AuthStartTest(unittest.TestCase):
    def test_enforce_without_a_usable_credentials_file_refuses_to_start(self):
        for args, words in ((("--auth", "enforce"), "needs --credentials"),
                            (("--auth", "enforce", "--credentials", "/nonexistent"),
                             "cannot be read")):
            server = Server(*args)
            try:
                with self.assertRaises(RuntimeError) as raised:
                    server.start()
                self.assertIn(words, str(raised.exception))
            finally:
                server.close()


if __name__ == "__main__":
    unittest.main()
