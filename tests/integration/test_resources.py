"""The Admin-UI flow through boto3: auth, API and storage resources, S3 buckets, the admin-UI
config and challenge tokens, as amplifybackend clients use them (docs/DECISIONS.md
"Resources", "Admin-UI config", "Challenge tokens", "S3 buckets", "GetBackend").

Written from the documents, not from the server's code."""
import json
import re
import time
import unittest

import harness
from harness import ServerTestCase, unique

ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")
# S3 bucket naming rules: 3-63 chars, lower-case letters, digits, dots and hyphens, starting and
# ending with a letter or digit, no "..", not an IP address.
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
USER_POOL_ID = re.compile(r"^us-east-1_[A-Za-z0-9]+$")

APPLE_PRIVATE_KEY = ("-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg"
                     "secretAppleKeyMaterial\n-----END PRIVATE KEY-----")
SECRETS = ("fb-secret-8c1f", "google-secret-77aa", "amazon-secret-31bd", "secretAppleKeyMaterial")

AUTH_CONFIG = {
    "AuthResources": "IDENTITY_POOL_AND_USER_POOL",
    "Service": "COGNITO",
    "IdentityPoolConfigs": {"IdentityPoolName": "shopIdentityPool", "UnauthenticatedLogin": False},
    "UserPoolConfigs": {
        "UserPoolName": "shopUserPool",
        "SignInMethod": "EMAIL_AND_PHONE_NUMBER",
        "RequiredSignUpAttributes": ["EMAIL", "PHONE_NUMBER", "ZONE_INFO"],
        "PasswordPolicy": {"MinimumLength": 8.0,
                           "AdditionalConstraints": ["REQUIRE_DIGIT", "REQUIRE_SYMBOL"]},
        "Mfa": {"MFAMode": "ON",
                "Settings": {"MfaTypes": ["SMS", "TOTP"], "SmsMessage": "Your code is {####}"}},
        "ForgotPassword": {
            "DeliveryMethod": "EMAIL",
            "EmailSettings": {"EmailMessage": "Reset code {####}", "EmailSubject": "Reset"},
            "SmsSettings": {"SmsMessage": "Reset code {####}"}},
        "VerificationMessage": {
            "DeliveryMethod": "SMS",
            "EmailSettings": {"EmailMessage": "Verify with {####}", "EmailSubject": "Verify"},
            "SmsSettings": {"SmsMessage": "Verification code {####}"}},
        "OAuth": {
            "DomainPrefix": "shop-auth",
            "OAuthGrantType": "CODE",
            "OAuthScopes": ["PHONE", "EMAIL", "OPENID", "PROFILE", "AWS_COGNITO_SIGNIN_USER_ADMIN"],
            "RedirectSignInURIs": ["https://shop.example.com/signin", "myapp://signin/"],
            "RedirectSignOutURIs": ["https://shop.example.com/signout"],
            "SocialProviderSettings": {
                "Facebook": {"ClientId": "fb-client", "ClientSecret": SECRETS[0]},
                "Google": {"ClientId": "google-client", "ClientSecret": SECRETS[1]},
                "LoginWithAmazon": {"ClientId": "amazon-client", "ClientSecret": SECRETS[2]},
                "SignInWithApple": {"ClientId": "com.example.shop", "KeyId": "KEY123ABC",
                                    "PrivateKey": APPLE_PRIVATE_KEY, "TeamId": "TEAM456DEF"},
            },
        },
    },
}

API_CONFIG = {
    "ApiName": "shopapi",
    "Service": "AppSync",
    "TransformSchema": "type Todo @model @auth(rules: [{allow: owner}]) { id: ID! name: String! }",
    "DefaultAuthType": {"Mode": "AMAZON_COGNITO_USER_POOLS",
                        "Settings": {"CognitoUserPoolId": "us-east-1_AbCdEf123"}},
    "AdditionalAuthTypes": [
        {"Mode": "OPENID_CONNECT",
         "Settings": {"OpenIDProviderName": "corp-idp", "OpenIDIssueURL": "https://idp.example.com",
                      "OpenIDClientId": "oidc-client", "OpenIDAuthTTL": "3600",
                      "OpenIDIatTTL": "7200"}},
        {"Mode": "API_KEY", "Settings": {"Description": "public key", "ExpirationTime": 30.0}},
        {"Mode": "AWS_IAM"},
    ],
    "ConflictResolution": {"ResolutionStrategy": "AUTOMERGE"},
}

STORAGE_CONFIG = {"ServiceName": "S3",
                  "Permissions": {"Authenticated": ["READ", "CREATE_AND_UPDATE", "DELETE"],
                                  "UnAuthenticated": ["READ"]}}


class ResourceTestCase(ServerTestCase):
    """Helpers shared by the resource suites."""

    def assertJobPollable(self, response, operation, env=None):
        """The job a response names completes and is found with GetBackendJob under the
        environment that response names (docs/DECISIONS.md "Jobs")."""
        env = env or response["BackendEnvironmentName"]
        self.assertRegex(response["JobId"], harness.UUID_RE)
        if "Operation" in response:
            self.assertEqual(response["Operation"], operation)
        job = self.wait_for_job(response["AppId"], env, response["JobId"])
        self.assertEqual(job["JobId"], response["JobId"])
        self.assertEqual(job["Operation"], operation)
        self.assertEqual(job["AppId"], response["AppId"])
        self.assertRegex(job["CreateTime"], harness.ISO_MILLIS)
        return job

    def new_app(self, env="dev"):
        app_id = unique("res")
        self.create_backend(app_id, env)
        return app_id

    def create_auth(self, app_id, env="dev", name="shopauth", config=AUTH_CONFIG):
        r = self.client.create_backend_auth(AppId=app_id, BackendEnvironmentName=env,
                                            ResourceName=name, ResourceConfig=config)
        self.assertJobPollable(r, "CreateBackendAuth")
        return r

    def create_api(self, app_id, env="dev", name="shopapi", config=API_CONFIG):
        r = self.client.create_backend_api(AppId=app_id, BackendEnvironmentName=env,
                                           ResourceName=name, ResourceConfig=config)
        self.assertJobPollable(r, "CreateBackendAPI")
        return r

    def create_storage(self, app_id, env="dev", name="shopstorage", config=STORAGE_CONFIG):
        r = self.client.create_backend_storage(AppId=app_id, BackendEnvironmentName=env,
                                               ResourceName=name, ResourceConfig=config)
        self.assertJobPollable(r, "CreateBackendStorage")
        return r

    def assertNotFound(self, resource_type, call, **kwargs):
        response = self.assertAwsError("NotFoundException", call, status=404, **kwargs)
        if resource_type:
            self.assertEqual(response.get("ResourceType"), resource_type, response)
        return response

    def meta(self, app_id, env):
        backend = self.client.get_backend(AppId=app_id, BackendEnvironmentName=env)
        return json.loads(backend["AmplifyMetaConfig"])

    def find_buckets(self, name):
        """The S3BucketInfo entries of ListS3Buckets named `name`, following NextToken."""
        found, token = [], None
        for _ in range(100):
            page = self.client.list_s3_buckets(**({"NextToken": token} if token else {}))
            found += [b for b in page.get("Buckets", []) if b.get("Name") == name]
            token = page.get("NextToken")
            if not token:
                return found
        self.fail("ListS3Buckets never stopped returning NextToken")


class AuthResourceTest(ResourceTestCase):

    def test_every_member_reads_back(self):
        app_id = self.new_app()
        created = self.create_auth(app_id)
        self.assertEqual(created["AppId"], app_id)
        self.assertEqual(created["BackendEnvironmentName"], "dev")
        self.assertEqual(created["Status"], "COMPLETED")
        got = self.client.get_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                           ResourceName="shopauth")
        self.assertEqual(got["AppId"], app_id)
        self.assertEqual(got["BackendEnvironmentName"], "dev")
        self.assertEqual(got["ResourceName"], "shopauth")
        config = got["ResourceConfig"]
        self.assertEqual(config["AuthResources"], "IDENTITY_POOL_AND_USER_POOL")
        self.assertEqual(config["Service"], "COGNITO")
        self.assertEqual(config["IdentityPoolConfigs"], AUTH_CONFIG["IdentityPoolConfigs"])
        pool, want = config["UserPoolConfigs"], AUTH_CONFIG["UserPoolConfigs"]
        for member in ("UserPoolName", "SignInMethod", "RequiredSignUpAttributes",
                       "PasswordPolicy", "Mfa", "ForgotPassword", "VerificationMessage"):
            with self.subTest(member=member):
                self.assertEqual(pool.get(member), want[member])
        self.assertIsInstance(pool["PasswordPolicy"]["MinimumLength"], float)
        self.assertEqual(pool["Mfa"]["MFAMode"], "ON")
        self.assertEqual(pool["Mfa"]["Settings"]["MfaTypes"], ["SMS", "TOTP"])
        oauth, want_oauth = pool["OAuth"], want["OAuth"]
        for member in ("DomainPrefix", "OAuthGrantType", "OAuthScopes", "RedirectSignInURIs",
                       "RedirectSignOutURIs"):
            with self.subTest(member=member):
                self.assertEqual(oauth.get(member), want_oauth[member])
        social = oauth["SocialProviderSettings"]
        for provider in ("Facebook", "Google", "LoginWithAmazon", "SignInWithApple"):
            with self.subTest(provider=provider):
                self.assertEqual(social.get(provider),
                                 want_oauth["SocialProviderSettings"][provider])
        self.assertEqual(social["SignInWithApple"]["PrivateKey"], APPLE_PRIVATE_KEY)
        self.assertEqual(config, AUTH_CONFIG)

    def test_update_merges_into_the_stored_config(self):
        app_id = self.new_app()
        self.create_auth(app_id)
        updated = self.client.update_backend_auth(
            AppId=app_id, BackendEnvironmentName="dev", ResourceName="shopauth",
            ResourceConfig={"AuthResources": "IDENTITY_POOL_AND_USER_POOL", "Service": "COGNITO",
                            "IdentityPoolConfigs": {"UnauthenticatedLogin": True},
                            "UserPoolConfigs": {
                                "PasswordPolicy": {"MinimumLength": 12.0},
                                "Mfa": {"MFAMode": "OPTIONAL"},
                                "OAuth": {"RedirectSignOutURIs": ["https://shop.example.com/bye"]},
                                "VerificationMessage": {"DeliveryMethod": "EMAIL"}}})
        self.assertEqual(updated["BackendEnvironmentName"], "dev")
        self.assertJobPollable(updated, "UpdateBackendAuth")
        config = self.client.get_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                              ResourceName="shopauth")["ResourceConfig"]
        pool, before = config["UserPoolConfigs"], AUTH_CONFIG["UserPoolConfigs"]
        # Present members replace...
        self.assertEqual(pool["PasswordPolicy"]["MinimumLength"], 12.0)
        self.assertEqual(pool["Mfa"]["MFAMode"], "OPTIONAL")
        self.assertEqual(pool["OAuth"]["RedirectSignOutURIs"], ["https://shop.example.com/bye"])
        self.assertEqual(pool["VerificationMessage"]["DeliveryMethod"], "EMAIL")
        self.assertIs(config["IdentityPoolConfigs"]["UnauthenticatedLogin"], True)
        # ...absent ones keep their values (also inside the objects that were updated).
        self.assertEqual(config["IdentityPoolConfigs"]["IdentityPoolName"], "shopIdentityPool")
        for member in ("UserPoolName", "SignInMethod", "RequiredSignUpAttributes",
                       "ForgotPassword"):
            with self.subTest(member=member):
                self.assertEqual(pool[member], before[member])
        self.assertEqual(pool["PasswordPolicy"]["AdditionalConstraints"],
                         before["PasswordPolicy"]["AdditionalConstraints"])
        self.assertEqual(pool["Mfa"]["Settings"], before["Mfa"]["Settings"])
        self.assertEqual(pool["OAuth"]["SocialProviderSettings"],
                         before["OAuth"]["SocialProviderSettings"])
        self.assertEqual(pool["OAuth"]["RedirectSignInURIs"], before["OAuth"]["RedirectSignInURIs"])
        self.assertEqual(pool["VerificationMessage"]["SmsSettings"],
                         before["VerificationMessage"]["SmsSettings"])

    def test_duplicate_missing_and_delete(self):
        app_id = self.new_app()
        self.create_auth(app_id)
        response = self.assertAwsError("BadRequestException", self.client.create_backend_auth,
                                       status=400, AppId=app_id, BackendEnvironmentName="dev",
                                       ResourceName="shopauth", ResourceConfig=AUTH_CONFIG)
        self.assertTrue(response["Error"]["Message"])
        self.assertNotFound("BackendAuth", self.client.get_backend_auth, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope")
        self.assertNotFound("BackendAuth", self.client.delete_backend_auth, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope")
        self.assertNotFound("BackendAuth", self.client.update_backend_auth, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope",
                            ResourceConfig={"AuthResources": "USER_POOL_ONLY",
                                            "Service": "COGNITO", "UserPoolConfigs": {}})
        deleted = self.client.delete_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                                  ResourceName="shopauth")
        self.assertJobPollable(deleted, "DeleteBackendAuth")
        self.assertNotFound("BackendAuth", self.client.get_backend_auth, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="shopauth")
        # The name is free again.
        self.create_auth(app_id)

    def test_unknown_app_and_environment_are_not_found(self):
        self.assertNotFound("App", self.client.get_backend_auth, AppId=unique("missing"),
                            BackendEnvironmentName="dev", ResourceName="shopauth")
        app_id = self.new_app()
        self.assertNotFound("BackendEnvironment", self.client.create_backend_auth, AppId=app_id,
                            BackendEnvironmentName="nope", ResourceName="shopauth",
                            ResourceConfig=AUTH_CONFIG)

    def test_import_backend_auth(self):
        app_id = self.new_app("imports")
        pool_id = "us-east-1_ImPoRt123"
        imported = self.client.import_backend_auth(
            AppId=app_id, BackendEnvironmentName="imports", UserPoolId=pool_id,
            NativeClientId="native-client", WebClientId="web-client",
            IdentityPoolId="us-east-1:11111111-2222-3333-4444-555555555555")
        self.assertEqual(imported["BackendEnvironmentName"], "imports")
        self.assertJobPollable(imported, "ImportBackendAuth")
        auth = self.meta(app_id, "imports").get("auth", {})
        names = [n for n, r in auth.items() if r.get("output", {}).get("UserPoolId") == pool_id]
        self.assertEqual(len(names), 1, auth)
        self.assertEqual(auth[names[0]]["output"].get("AppClientIDWeb"), "web-client", auth)
        got = self.client.get_backend_auth(AppId=app_id, BackendEnvironmentName="imports",
                                           ResourceName=names[0])
        self.assertEqual(got["ResourceName"], names[0])

    def test_secrets_never_reach_the_log(self):
        app_id = self.new_app()
        self.create_auth(app_id)
        self.client.get_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                     ResourceName="shopauth")
        log = self.server.log()
        for secret in SECRETS:
            self.assertNotIn(secret, log)


class ApiResourceTest(ResourceTestCase):

    def test_every_member_reads_back(self):
        app_id = self.new_app()
        created = self.create_api(app_id)
        self.assertEqual(created["BackendEnvironmentName"], "dev")
        got = self.client.get_backend_api(AppId=app_id, BackendEnvironmentName="dev",
                                          ResourceName="shopapi")
        self.assertEqual(got["AppId"], app_id)
        self.assertEqual(got["BackendEnvironmentName"], "dev")
        self.assertEqual(got["ResourceName"], "shopapi")
        config = got["ResourceConfig"]
        for member in ("ApiName", "Service", "TransformSchema", "DefaultAuthType",
                       "ConflictResolution"):
            with self.subTest(member=member):
                self.assertEqual(config.get(member), API_CONFIG[member])
        self.assertEqual(len(config["AdditionalAuthTypes"]), 3)
        openid = config["AdditionalAuthTypes"][0]
        self.assertEqual(openid["Mode"], "OPENID_CONNECT")
        self.assertEqual(openid["Settings"]["OpenIDIatTTL"], "7200")
        self.assertEqual(openid["Settings"]["OpenIDIssueURL"], "https://idp.example.com")
        self.assertEqual(openid["Settings"]["OpenIDAuthTTL"], "3600")
        self.assertEqual(openid["Settings"]["OpenIDClientId"], "oidc-client")
        self.assertEqual(openid["Settings"]["OpenIDProviderName"], "corp-idp")
        api_key = config["AdditionalAuthTypes"][1]
        self.assertEqual(api_key["Settings"]["ExpirationTime"], 30.0)
        self.assertIsInstance(api_key["Settings"]["ExpirationTime"], float)
        self.assertEqual(config["DefaultAuthType"]["Settings"]["CognitoUserPoolId"],
                         "us-east-1_AbCdEf123")
        self.assertEqual(config["ConflictResolution"]["ResolutionStrategy"], "AUTOMERGE")
        self.assertEqual(config, API_CONFIG)

    def test_update_merges(self):
        app_id = self.new_app()
        self.create_api(app_id)
        updated = self.client.update_backend_api(
            AppId=app_id, BackendEnvironmentName="dev", ResourceName="shopapi",
            ResourceConfig={"ConflictResolution": {"ResolutionStrategy": "OPTIMISTIC_CONCURRENCY"},
                            "DefaultAuthType": {"Mode": "API_KEY",
                                                "Settings": {"ExpirationTime": 7.0}}})
        self.assertEqual(updated["BackendEnvironmentName"], "dev")
        self.assertJobPollable(updated, "UpdateBackendAPI")
        config = self.client.get_backend_api(AppId=app_id, BackendEnvironmentName="dev",
                                             ResourceName="shopapi")["ResourceConfig"]
        self.assertEqual(config["ConflictResolution"]["ResolutionStrategy"],
                         "OPTIMISTIC_CONCURRENCY")
        self.assertEqual(config["DefaultAuthType"]["Mode"], "API_KEY")
        self.assertEqual(config["DefaultAuthType"]["Settings"]["ExpirationTime"], 7.0)
        for member in ("ApiName", "Service", "TransformSchema", "AdditionalAuthTypes"):
            with self.subTest(member=member):
                self.assertEqual(config[member], API_CONFIG[member])

    def test_duplicate_missing_and_delete(self):
        app_id = self.new_app()
        self.create_api(app_id)
        self.assertAwsError("BadRequestException", self.client.create_backend_api, status=400,
                            AppId=app_id, BackendEnvironmentName="dev", ResourceName="shopapi",
                            ResourceConfig=API_CONFIG)
        self.assertNotFound("BackendAPI", self.client.get_backend_api, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope")
        self.assertNotFound("BackendAPI", self.client.update_backend_api, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope",
                            ResourceConfig={"ApiName": "x"})
        deleted = self.client.delete_backend_api(AppId=app_id, BackendEnvironmentName="dev",
                                                 ResourceName="shopapi")
        self.assertJobPollable(deleted, "DeleteBackendAPI")
        self.assertNotFound("BackendAPI", self.client.get_backend_api, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="shopapi")


class StorageResourceTest(ResourceTestCase):

    def test_created_bucket_is_named_and_listed(self):
        app_id = self.new_app()
        created = self.create_storage(app_id)
        self.assertEqual(created["AppId"], app_id)
        self.assertEqual(created["BackendEnvironmentName"], "dev")
        self.assertEqual(created["Status"], "COMPLETED")
        got = self.client.get_backend_storage(AppId=app_id, BackendEnvironmentName="dev",
                                              ResourceName="shopstorage")
        self.assertEqual(got["ResourceName"], "shopstorage")
        config = got["ResourceConfig"]
        self.assertIs(config["Imported"], False)
        self.assertEqual(config["ServiceName"], "S3")
        self.assertEqual(config["Permissions"], STORAGE_CONFIG["Permissions"])
        bucket = config["BucketName"]
        self.assertRegex(bucket, BUCKET_NAME)
        self.assertNotIn("..", bucket)
        self.assertNotRegex(bucket, r"^\d+\.\d+\.\d+\.\d+$")
        listed = self.find_buckets(bucket)
        self.assertEqual(len(listed), 1, listed)
        self.assertRegex(listed[0]["CreationDate"], ISO_8601)

    def test_given_bucket_name_is_kept(self):
        app_id = self.new_app()
        bucket = unique("given-bucket")
        self.create_storage(app_id, name="named", config=dict(STORAGE_CONFIG, BucketName=bucket))
        got = self.client.get_backend_storage(AppId=app_id, BackendEnvironmentName="dev",
                                              ResourceName="named")
        self.assertEqual(got["ResourceConfig"]["BucketName"], bucket)

    def test_update_duplicate_missing_and_delete(self):
        app_id = self.new_app()
        self.create_storage(app_id)
        updated = self.client.update_backend_storage(
            AppId=app_id, BackendEnvironmentName="dev", ResourceName="shopstorage",
            ResourceConfig={"ServiceName": "S3", "Permissions": {"Authenticated": ["READ"]}})
        self.assertJobPollable(updated, "UpdateBackendStorage")
        got = self.client.get_backend_storage(AppId=app_id, BackendEnvironmentName="dev",
                                              ResourceName="shopstorage")["ResourceConfig"]
        self.assertEqual(got["Permissions"]["Authenticated"], ["READ"])
        self.assertTrue(got["BucketName"])
        self.assertAwsError("BadRequestException", self.client.create_backend_storage,
                            status=400, AppId=app_id, BackendEnvironmentName="dev",
                            ResourceName="shopstorage", ResourceConfig=STORAGE_CONFIG)
        self.assertNotFound("BackendStorage", self.client.get_backend_storage, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope")
        self.assertNotFound("BackendStorage", self.client.delete_backend_storage, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="nope", ServiceName="S3")
        deleted = self.client.delete_backend_storage(AppId=app_id, BackendEnvironmentName="dev",
                                                     ResourceName="shopstorage", ServiceName="S3")
        self.assertEqual(deleted["BackendEnvironmentName"], "dev")
        self.assertJobPollable(deleted, "DeleteBackendStorage")
        self.assertNotFound("BackendStorage", self.client.get_backend_storage, AppId=app_id,
                            BackendEnvironmentName="dev", ResourceName="shopstorage")

    def test_import_backend_storage(self):
        app_id = self.new_app("imports")
        bucket = unique("imported-bucket")
        imported = self.client.import_backend_storage(
            AppId=app_id, BackendEnvironmentName="imports", BucketName=bucket, ServiceName="S3")
        self.assertEqual(imported["BackendEnvironmentName"], "imports")
        self.assertJobPollable(imported, "ImportBackendStorage")
        storage = self.meta(app_id, "imports").get("storage", {})
        names = [n for n, r in storage.items() if r.get("output", {}).get("BucketName") == bucket]
        self.assertEqual(len(names), 1, storage)
        got = self.client.get_backend_storage(AppId=app_id, BackendEnvironmentName="imports",
                                              ResourceName=names[0])
        self.assertIs(got["ResourceConfig"]["Imported"], True)
        self.assertEqual(got["ResourceConfig"]["BucketName"], bucket)
        self.assertEqual(got["ResourceConfig"]["ServiceName"], "S3")


class ConfigAndTokenTest(ResourceTestCase):

    def test_backend_config_lifecycle(self):
        app_id = self.new_app()
        created = self.client.create_backend_config(AppId=app_id, BackendManagerAppId="manager")
        self.assertEqual(created["AppId"], app_id)
        self.assertEqual(created["BackendEnvironmentName"], "dev")  # the app's first environment
        self.assertJobPollable(created, "CreateBackendConfig")
        self.assertAwsError("BadRequestException", self.client.create_backend_config, status=400,
                            AppId=app_id)
        login = {"AwsCognitoIdentityPoolId": "us-east-1:aaaa-bbbb", "AwsCognitoRegion": "us-east-1",
                 "AwsUserPoolsId": "us-east-1_AdMiN1", "AwsUserPoolsWebClientId": "admin-web"}
        updated = self.client.update_backend_config(AppId=app_id, LoginAuthConfig=login)
        self.assertEqual(updated["AppId"], app_id)
        self.assertEqual(updated["BackendManagerAppId"], "manager")
        self.assertEqual(updated["LoginAuthConfig"], login)
        self.assertNotIn("Error", updated)
        merged = self.client.update_backend_config(
            AppId=app_id, LoginAuthConfig={"AwsUserPoolsId": "us-east-1_AdMiN2"})
        self.assertEqual(merged["LoginAuthConfig"], dict(login, AwsUserPoolsId="us-east-1_AdMiN2"))
        removed = self.client.remove_backend_config(AppId=app_id)
        self.assertEqual(removed["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertNotIn("Error", removed)
        self.assertNotFound("BackendConfig", self.client.update_backend_config, AppId=app_id,
                            LoginAuthConfig=login)
        self.assertNotFound("BackendConfig", self.client.remove_backend_config, AppId=app_id)

    def test_config_registers_a_new_app_and_names_staging(self):
        app_id = unique("fresh")
        created = self.client.create_backend_config(AppId=app_id)
        self.assertEqual(created["BackendEnvironmentName"], "staging")
        self.assertJobPollable(created, "CreateBackendConfig")
        backend = self.client.get_backend(AppId=app_id)
        self.assertEqual(backend["AppId"], app_id)
        self.assertEqual(backend.get("BackendEnvironmentList", []), [])
        self.assertEqual(self.client.update_backend_config(AppId=app_id)["BackendManagerAppId"],
                         app_id)

    def test_token_lifecycle(self):
        app_id = self.new_app()
        token = self.client.create_token(AppId=app_id)
        self.assertEqual(token["AppId"], app_id)
        self.assertRegex(token["SessionId"], harness.UUID_RE)
        self.assertTrue(token["ChallengeCode"])
        self.assertIsInstance(token["Ttl"], str)
        self.assertEqual(token["Ttl"], "600")
        got = self.client.get_token(AppId=app_id, SessionId=token["SessionId"])
        self.assertEqual(got["ChallengeCode"], token["ChallengeCode"])
        self.assertEqual(got["SessionId"], token["SessionId"])
        self.assertEqual(got["AppId"], app_id)
        self.assertTrue(0 < int(got["Ttl"]) <= 600, got["Ttl"])
        other = self.client.create_token(AppId=app_id)
        self.assertNotEqual(other["SessionId"], token["SessionId"])
        deleted = self.client.delete_token(AppId=app_id, SessionId=token["SessionId"])
        self.assertIs(deleted["IsSuccess"], True)
        self.assertNotFound("Token", self.client.get_token, AppId=app_id,
                            SessionId=token["SessionId"])
        self.assertNotFound("Token", self.client.delete_token, AppId=app_id,
                            SessionId=token["SessionId"])
        self.assertEqual(self.client.get_token(AppId=app_id, SessionId=other["SessionId"])
                         ["ChallengeCode"], other["ChallengeCode"])
        self.assertNotIn(token["ChallengeCode"], self.server.log())

    def test_token_needs_an_app(self):
        self.assertNotFound("App", self.client.create_token, AppId=unique("missing"))
        app_id = self.new_app()
        self.assertNotFound("Token", self.client.get_token, AppId=app_id, SessionId="nope")


class ExpiringTokenTest(ResourceTestCase):
    server_args = ("--token-ttl", "1")

    def test_token_expires_after_the_ttl(self):
        app_id = self.new_app()
        token = self.client.create_token(AppId=app_id)
        self.assertEqual(token["Ttl"], "1")
        time.sleep(1.2)  # bounded: the real clock must pass the one-second ttl
        self.assertNotFound("Token", self.client.get_token, AppId=app_id,
                            SessionId=token["SessionId"])
        self.assertNotFound("Token", self.client.delete_token, AppId=app_id,
                            SessionId=token["SessionId"])


class AdminUiFlowTest(ResourceTestCase):
    """One app through everything the Admin UI does, then cloned and deleted."""

    def test_full_flow(self):
        app_id = self.new_app()
        self.create_auth(app_id)
        self.create_api(app_id)
        self.create_storage(app_id)
        bucket = self.client.get_backend_storage(
            AppId=app_id, BackendEnvironmentName="dev",
            ResourceName="shopstorage")["ResourceConfig"]["BucketName"]

        meta = self.meta(app_id, "dev")
        self.assertIn("providers", meta)
        auth, api, storage = meta["auth"]["shopauth"], meta["api"]["shopapi"], \
            meta["storage"]["shopstorage"]
        for resource in (auth, api, storage):
            self.assertEqual(resource["providerPlugin"], "awscloudformation")
        self.assertEqual(auth["service"], "Cognito")
        self.assertEqual(api["service"], "AppSync")
        self.assertEqual(storage["service"], "S3")
        self.assertRegex(auth["output"]["UserPoolId"], USER_POOL_ID)
        self.assertTrue(auth["output"]["AppClientIDWeb"])
        self.assertTrue(api["output"]["GraphQLAPIIdOutput"])
        self.assertTrue(api["output"]["GraphQLAPIEndpointOutput"].startswith("https://"))
        self.assertEqual(storage["output"]["BucketName"], bucket)
        # Stable identifiers: asking again reports the same.
        self.assertEqual(self.meta(app_id, "dev"), meta)

        config = self.client.create_backend_config(AppId=app_id)
        self.assertJobPollable(config, "CreateBackendConfig")
        self.client.update_backend_config(
            AppId=app_id, LoginAuthConfig={"AwsUserPoolsId": auth["output"]["UserPoolId"],
                                           "AwsUserPoolsWebClientId":
                                               auth["output"]["AppClientIDWeb"]})
        token = self.client.create_token(AppId=app_id)
        self.client.delete_token(AppId=app_id, SessionId=token["SessionId"])

        cloned = self.client.clone_backend(AppId=app_id, BackendEnvironmentName="dev",
                                           TargetEnvironmentName="qa")
        self.assertEqual(cloned["BackendEnvironmentName"], "qa")
        self.assertJobPollable(cloned, "CloneBackend")
        self.assertEqual(self.client.get_backend_auth(AppId=app_id, BackendEnvironmentName="qa",
                                                      ResourceName="shopauth")["ResourceConfig"],
                         AUTH_CONFIG)
        self.assertEqual(self.client.get_backend_api(AppId=app_id, BackendEnvironmentName="qa",
                                                     ResourceName="shopapi")["ResourceConfig"],
                         API_CONFIG)
        qa_storage = self.client.get_backend_storage(AppId=app_id, BackendEnvironmentName="qa",
                                                     ResourceName="shopstorage")
        self.assertEqual(qa_storage["ResourceConfig"]["Permissions"],
                         STORAGE_CONFIG["Permissions"])
        qa_meta = self.meta(app_id, "qa")
        self.assertEqual(set(qa_meta["auth"]), {"shopauth"})
        self.assertEqual(set(qa_meta["api"]), {"shopapi"})
        self.assertEqual(set(qa_meta["storage"]), {"shopstorage"})

        deleted = self.client.delete_backend(AppId=app_id, BackendEnvironmentName="qa")
        self.assertJobPollable(deleted, "DeleteBackend")
        for call, name in ((self.client.get_backend_auth, "shopauth"),
                           (self.client.get_backend_api, "shopapi"),
                           (self.client.get_backend_storage, "shopstorage")):
            with self.subTest(call=call.__name__):
                self.assertNotFound(None, call, AppId=app_id, BackendEnvironmentName="qa",
                                    ResourceName=name)
        # The source environment is untouched.
        self.assertEqual(self.client.get_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                                      ResourceName="shopauth")["ResourceConfig"],
                         AUTH_CONFIG)

        removed = self.client.remove_all_backends(AppId=app_id, CleanAmplifyApp=True)
        self.assertJobPollable(removed, "RemoveAllBackends", env="dev")
        self.assertNotFound("App", self.client.get_backend, AppId=app_id)
        log = self.server.log()
        for secret in SECRETS + (token["ChallengeCode"],):
            self.assertNotIn(secret, log)


class InvalidEnumTest(ResourceTestCase):
    """Enums are checked by the server (SDKs do not): raw HTTP, wire names."""

    @classmethod
    def setUpData(cls):
        cls.app_id = unique("enum")
        cls.client.create_backend(AppId=cls.app_id, AppName="Enums", BackendEnvironmentName="dev")

    AUTH_WIRE = {"authResources": "USER_POOL_ONLY", "service": "COGNITO",
                 "userPoolConfigs": {"requiredSignUpAttributes": ["EMAIL"], "signInMethod": "EMAIL",
                                     "userPoolName": "pool"}}

    def assertEnumRejected(self, path, body, member, resource_call):
        status, headers, raw = self.server.request("POST", path % self.app_id, body)
        self.assertEqual(status, 400, raw)
        self.assertEqual(headers.get("X-Amzn-ErrorType", "").split(":")[0], "BadRequestException")
        message = json.loads(raw)["message"]
        self.assertIn(member, message)
        # Nothing was created.
        self.assertAwsError("NotFoundException", resource_call, AppId=self.app_id,
                            BackendEnvironmentName="dev", ResourceName=body["resourceName"])

    def test_auth_enums(self):
        cases = (("authResources", dict(self.AUTH_WIRE, authResources="EVERYTHING")),
                 ("service", dict(self.AUTH_WIRE, service="OKTA")),
                 ("signInMethod", dict(self.AUTH_WIRE, userPoolConfigs=dict(
                     self.AUTH_WIRE["userPoolConfigs"], signInMethod="FAX"))),
                 ("MFAMode", dict(self.AUTH_WIRE, userPoolConfigs=dict(
                     self.AUTH_WIRE["userPoolConfigs"], mfa={"MFAMode": "ALWAYS"}))),
                 ("requiredSignUpAttributes", dict(self.AUTH_WIRE, userPoolConfigs=dict(
                     self.AUTH_WIRE["userPoolConfigs"], requiredSignUpAttributes=["SHOE_SIZE"]))))
        for member, config in cases:
            with self.subTest(member=member):
                self.assertEnumRejected(
                    "/backend/%s/auth", {"backendEnvironmentName": "dev", "resourceName": "bad",
                                         "resourceConfig": config},
                    member, self.client.get_backend_auth)

    def test_api_enums(self):
        for member, config in (("mode", {"defaultAuthType": {"mode": "BASIC"}}),
                               ("resolutionStrategy",
                                {"conflictResolution": {"resolutionStrategy": "LAST_WRITE"}})):
            with self.subTest(member=member):
                self.assertEnumRejected(
                    "/backend/%s/api", {"backendEnvironmentName": "dev", "resourceName": "bad",
                                        "resourceConfig": config},
                    member, self.client.get_backend_api)

    def test_storage_enums(self):
        for member, config in (("serviceName", {"serviceName": "GCS",
                                                "permissions": {"authenticated": ["READ"]}}),
                               ("authenticated", {"serviceName": "S3",
                                                  "permissions": {"authenticated": ["WRITE"]}})):
            with self.subTest(member=member):
                self.assertEnumRejected(
                    "/backend/%s/storage", {"backendEnvironmentName": "dev", "resourceName": "bad",
                                            "resourceConfig": config},
                    member, self.client.get_backend_storage)


if __name__ == "__main__":
    unittest.main()
