"""The Admin-UI flow in short through the AWS CLI: `--resource-config` JSON with PascalCase SDK
names (incl. "MFAMode" and the social providers, docs/DECISIONS.md "Wire
names"), config and tokens."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from harness import UUID_RE, ServerTestCase, unique

AWS = shutil.which("aws")

AUTH_CONFIG = {
    "AuthResources": "USER_POOL_ONLY",
    "Service": "COGNITO",
    "UserPoolConfigs": {
        "UserPoolName": "cliPool",
        "SignInMethod": "EMAIL",
        "RequiredSignUpAttributes": ["EMAIL"],
        "PasswordPolicy": {"MinimumLength": 8.0, "AdditionalConstraints": ["REQUIRE_DIGIT"]},
        "Mfa": {"MFAMode": "ON", "Settings": {"MfaTypes": ["SMS", "TOTP"],
                                              "SmsMessage": "Code {####}"}},
        "VerificationMessage": {"DeliveryMethod": "EMAIL",
                                "EmailSettings": {"EmailMessage": "Verify {####}",
                                                  "EmailSubject": "Verify"}},
        "OAuth": {
            "OAuthGrantType": "CODE",
            "OAuthScopes": ["EMAIL", "OPENID"],
            "RedirectSignInURIs": ["https://cli.example.com/in"],
            "RedirectSignOutURIs": ["https://cli.example.com/out"],
            "SocialProviderSettings": {
                "Facebook": {"ClientId": "fb", "ClientSecret": "fb-secret"},
                "SignInWithApple": {"ClientId": "com.example.cli", "KeyId": "KID",
                                    "PrivateKey": "-----BEGIN PRIVATE KEY-----\nabc\n"
                                                  "-----END PRIVATE KEY-----",
                                    "TeamId": "TEAM"},
            },
        },
    },
}
API_CONFIG = {"ApiName": "cliapi", "Service": "AppSync",
              "DefaultAuthType": {"Mode": "API_KEY", "Settings": {"ExpirationTime": 7.0}},
              "AdditionalAuthTypes": [{"Mode": "OPENID_CONNECT", "Settings": {
                  "OpenIDIatTTL": "300", "OpenIDIssueURL": "https://idp.example.com"}}],
              "ConflictResolution": {"ResolutionStrategy": "OPTIMISTIC_CONCURRENCY"}}
STORAGE_CONFIG = {"ServiceName": "S3", "Permissions": {"Authenticated": ["READ", "DELETE"]}}


class CliResourcesTest(ServerTestCase):

    @classmethod
    def setUpData(cls):
        if AWS is None:
            raise RuntimeError("the AWS CLI (`aws`) is not on PATH: run tools/setup.sh")
        probe = subprocess.run([AWS, "--version"], capture_output=True, text=True, timeout=60)
        major = int((probe.stdout + probe.stderr).split()[0].split("/")[-1].split(".")[0])
        cls.error_exit = 255 if major == 1 else 254  # a service error (CLI v1 / v2)
        cls.home = tempfile.mkdtemp(prefix="amplifybackend-cli-")
        cls.env = {k: v for k, v in os.environ.items()
                   if not k.startswith("AWS_") and k != "AMPLIFYBACKEND_SERVER_BIN"}
        cls.env.update({
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "x",
            "AWS_DEFAULT_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "1", "AWS_PAGER": "",
            "AWS_CONFIG_FILE": os.path.join(cls.home, "config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(cls.home, "credentials"),
        })

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(getattr(cls, "home", ""), ignore_errors=True)
        super().tearDownClass()

    def aws(self, *args, check=True):
        cmd = [AWS, "--endpoint-url", self.server.url, "--output", "json", "amplifybackend"] + \
            [json.dumps(a) if isinstance(a, dict) else a for a in args]
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=60)
        if not check:
            return proc
        self.assertEqual(proc.returncode, 0, "%s\nstdout: %s\nstderr: %s"
                         % (" ".join(cmd), proc.stdout, proc.stderr))
        return json.loads(proc.stdout) if proc.stdout.strip() else {}

    def assertJob(self, app_id, response, operation):
        self.assertRegex(response["JobId"], UUID_RE)
        job = self.aws("get-backend-job", "--app-id", app_id, "--backend-environment-name",
                       response["BackendEnvironmentName"], "--job-id", response["JobId"])
        self.assertEqual(job["Operation"], operation)
        self.assertEqual(job["Status"], "COMPLETED")

    def test_resources_flow(self):
        app_id = unique("cli")
        self.aws("create-backend", "--app-id", app_id, "--app-name", "CLI",
                 "--backend-environment-name", "dev")
        place = ["--app-id", app_id, "--backend-environment-name", "dev"]

        auth = self.aws("create-backend-auth", *place, "--resource-name", "cliauth",
                        "--resource-config", AUTH_CONFIG)
        self.assertJob(app_id, auth, "CreateBackendAuth")
        got = self.aws("get-backend-auth", *place, "--resource-name", "cliauth")
        self.assertEqual(got["ResourceConfig"], AUTH_CONFIG)
        self.assertEqual(got["ResourceConfig"]["UserPoolConfigs"]["Mfa"]["MFAMode"], "ON")

        updated = self.aws("update-backend-auth", *place, "--resource-name", "cliauth",
                           "--resource-config", {"AuthResources": "USER_POOL_ONLY",
                                                 "Service": "COGNITO",
                                                 "UserPoolConfigs": {"Mfa": {"MFAMode": "OFF"}}})
        self.assertJob(app_id, updated, "UpdateBackendAuth")
        pool = self.aws("get-backend-auth", *place, "--resource-name",
                        "cliauth")["ResourceConfig"]["UserPoolConfigs"]
        self.assertEqual(pool["Mfa"]["MFAMode"], "OFF")
        self.assertEqual(pool["UserPoolName"], "cliPool")
        self.assertEqual(pool["OAuth"], AUTH_CONFIG["UserPoolConfigs"]["OAuth"])

        api = self.aws("create-backend-api", *place, "--resource-name", "cliapi",
                       "--resource-config", API_CONFIG)
        self.assertJob(app_id, api, "CreateBackendAPI")
        self.assertEqual(self.aws("get-backend-api", *place, "--resource-name",
                                  "cliapi")["ResourceConfig"], API_CONFIG)

        storage = self.aws("create-backend-storage", *place, "--resource-name", "clistore",
                           "--resource-config", STORAGE_CONFIG)
        self.assertJob(app_id, storage, "CreateBackendStorage")
        config = self.aws("get-backend-storage", *place, "--resource-name",
                          "clistore")["ResourceConfig"]
        self.assertIs(config["Imported"], False)
        self.assertTrue(config["BucketName"])
        buckets = self.aws("list-s3-buckets")["Buckets"]
        self.assertIn(config["BucketName"], [b["Name"] for b in buckets])

        meta = json.loads(self.aws("get-backend", "--app-id", app_id)["AmplifyMetaConfig"])
        self.assertEqual(set(meta["auth"]), {"cliauth"})
        self.assertEqual(set(meta["api"]), {"cliapi"})
        self.assertEqual(set(meta["storage"]), {"clistore"})

        proc = self.aws("create-backend-auth", *place, "--resource-name", "cliauth",
                        "--resource-config", AUTH_CONFIG, check=False)
        self.assertEqual(proc.returncode, self.error_exit, proc.stderr)
        self.assertIn("BadRequestException", proc.stderr)
        proc = self.aws("get-backend-api", *place, "--resource-name", "nope", check=False)
        self.assertEqual(proc.returncode, self.error_exit, proc.stderr)
        self.assertIn("NotFoundException", proc.stderr)

    def test_config_and_tokens(self):
        app_id = unique("clicfg")
        self.aws("create-backend", "--app-id", app_id, "--app-name", "CLI",
                 "--backend-environment-name", "dev")
        created = self.aws("create-backend-config", "--app-id", app_id)
        self.assertEqual(created["BackendEnvironmentName"], "dev")
        self.assertJob(app_id, created, "CreateBackendConfig")
        updated = self.aws("update-backend-config", "--app-id", app_id, "--login-auth-config",
                           {"AwsUserPoolsId": "us-east-1_Cli1", "AwsCognitoRegion": "us-east-1"})
        self.assertEqual(updated["LoginAuthConfig"],
                         {"AwsUserPoolsId": "us-east-1_Cli1", "AwsCognitoRegion": "us-east-1"})
        self.assertEqual(updated["BackendManagerAppId"], app_id)
        self.aws("remove-backend-config", "--app-id", app_id)

        token = self.aws("create-token", "--app-id", app_id)
        self.assertEqual(token["Ttl"], "600")
        got = self.aws("get-token", "--app-id", app_id, "--session-id", token["SessionId"])
        self.assertEqual(got["ChallengeCode"], token["ChallengeCode"])
        self.assertIs(self.aws("delete-token", "--app-id", app_id, "--session-id",
                               token["SessionId"])["IsSuccess"], True)
        proc = self.aws("get-token", "--app-id", app_id, "--session-id", token["SessionId"],
                        check=False)
        self.assertEqual(proc.returncode, self.error_exit, proc.stderr)
        self.assertIn("An error occurred (NotFoundException)", proc.stderr)
        self.assertIn("GetToken", proc.stderr)


if __name__ == "__main__":
    unittest.main()
