// The Admin-UI flow in short through the AWS SDK for JavaScript v3: auth (every social
// provider), API, storage and S3 buckets, config, tokens, clone and delete. Run by
// ../test_js_sdk.py, which passes the server's URL in AMPLIFYBACKEND_ENDPOINT.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
// The package is CommonJS; Node's named-export detection misses some of its exports.
import sdk from "@aws-sdk/client-amplifybackend";

const {
  AmplifyBackendClient,
  CloneBackendCommand,
  CreateBackendAPICommand,
  CreateBackendAuthCommand,
  CreateBackendCommand,
  CreateBackendConfigCommand,
  CreateBackendStorageCommand,
  CreateTokenCommand,
  DeleteBackendCommand,
  DeleteTokenCommand,
  GetBackendAPICommand,
  GetBackendAuthCommand,
  GetBackendCommand,
  GetBackendJobCommand,
  GetBackendStorageCommand,
  GetTokenCommand,
  ImportBackendStorageCommand,
  ListS3BucketsCommand,
  NotFoundException,
  BadRequestException,
  RemoveBackendConfigCommand,
  UpdateBackendAuthCommand,
  UpdateBackendConfigCommand,
} = sdk;

const endpoint = process.env.AMPLIFYBACKEND_ENDPOINT;
assert.ok(endpoint, "set AMPLIFYBACKEND_ENDPOINT to the server's URL");

const client = new AmplifyBackendClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
  maxAttempts: 1,
});
const uniqueId = (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

const APPLE_KEY = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAjsKey\n-----END PRIVATE KEY-----";
const AUTH_CONFIG = {
  AuthResources: "IDENTITY_POOL_AND_USER_POOL",
  Service: "COGNITO",
  IdentityPoolConfigs: { IdentityPoolName: "jsIdentity", UnauthenticatedLogin: true },
  UserPoolConfigs: {
    UserPoolName: "jsPool",
    SignInMethod: "USERNAME",
    RequiredSignUpAttributes: ["EMAIL", "NAME"],
    PasswordPolicy: { MinimumLength: 8.0, AdditionalConstraints: ["REQUIRE_UPPERCASE"] },
    Mfa: { MFAMode: "OPTIONAL", Settings: { MfaTypes: ["TOTP"], SmsMessage: "Code {####}" } },
    VerificationMessage: { DeliveryMethod: "SMS", SmsSettings: { SmsMessage: "Verify {####}" } },
    OAuth: {
      DomainPrefix: "js-auth",
      OAuthGrantType: "IMPLICIT",
      OAuthScopes: ["OPENID", "AWS_COGNITO_SIGNIN_USER_ADMIN"],
      RedirectSignInURIs: ["https://js.example.com/in"],
      RedirectSignOutURIs: ["https://js.example.com/out"],
      SocialProviderSettings: {
        Facebook: { ClientId: "fb", ClientSecret: "fb-secret" },
        Google: { ClientId: "google", ClientSecret: "google-secret" },
        LoginWithAmazon: { ClientId: "amazon", ClientSecret: "amazon-secret" },
        SignInWithApple: { ClientId: "com.example.js", KeyId: "KID", PrivateKey: APPLE_KEY,
                           TeamId: "TEAM" },
      },
    },
  },
};
const API_CONFIG = {
  ApiName: "jsapi",
  Service: "AppSync",
  DefaultAuthType: { Mode: "AMAZON_COGNITO_USER_POOLS",
                     Settings: { CognitoUserPoolId: "us-east-1_JsPool1" } },
  AdditionalAuthTypes: [{ Mode: "OPENID_CONNECT",
                          Settings: { OpenIDIatTTL: "60",
                                      OpenIDIssueURL: "https://idp.example.com" } }],
  ConflictResolution: { ResolutionStrategy: "LAMBDA" },
};
const STORAGE_CONFIG = { ServiceName: "S3", Permissions: { Authenticated: ["READ"],
                                                            UnAuthenticated: ["READ"] } };

async function assertJob(response, operation) {
  assert.match(response.JobId, UUID);
  const job = await client.send(new GetBackendJobCommand({
    AppId: response.AppId, BackendEnvironmentName: response.BackendEnvironmentName,
    JobId: response.JobId }));
  assert.equal(job.Operation, operation);
  assert.equal(job.Status, "COMPLETED");
}

async function assertNotFound(promise, resourceType) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.name, "NotFoundException");
    assert.ok(err instanceof NotFoundException);
    assert.equal(err.$metadata.httpStatusCode, 404);
    if (resourceType) assert.equal(err.ResourceType, resourceType);
    return true;
  });
}

test("auth, api and storage resources: create, read back, update, clone, delete", async () => {
  const AppId = uniqueId("jsres");
  await client.send(
    new CreateBackendCommand({ AppId, AppName: "JS", BackendEnvironmentName: "dev" }));
  const place = { AppId, BackendEnvironmentName: "dev" };

  await assertJob(await client.send(new CreateBackendAuthCommand(
    { ...place, ResourceName: "jsauth", ResourceConfig: AUTH_CONFIG })), "CreateBackendAuth");
  const auth = await client.send(new GetBackendAuthCommand({ ...place, ResourceName: "jsauth" }));
  assert.deepEqual(auth.ResourceConfig, AUTH_CONFIG);
  assert.equal(
    auth.ResourceConfig.UserPoolConfigs.OAuth.SocialProviderSettings.SignInWithApple.PrivateKey,
    APPLE_KEY);
  assert.equal(auth.ResourceConfig.UserPoolConfigs.Mfa.MFAMode, "OPTIONAL");
  assert.equal(auth.ResourceConfig.UserPoolConfigs.PasswordPolicy.MinimumLength, 8);

  await assertJob(await client.send(new UpdateBackendAuthCommand({
    ...place, ResourceName: "jsauth",
    ResourceConfig: { AuthResources: "IDENTITY_POOL_AND_USER_POOL", Service: "COGNITO",
                      UserPoolConfigs: { PasswordPolicy: { MinimumLength: 10 } } } })),
    "UpdateBackendAuth");
  const updatedAuth = await client.send(
    new GetBackendAuthCommand({ ...place, ResourceName: "jsauth" }));
  const updated = updatedAuth.ResourceConfig.UserPoolConfigs;
  assert.equal(updated.PasswordPolicy.MinimumLength, 10);
  assert.deepEqual(updated.OAuth, AUTH_CONFIG.UserPoolConfigs.OAuth);
  assert.deepEqual(updated.Mfa, AUTH_CONFIG.UserPoolConfigs.Mfa);

  await assertJob(await client.send(new CreateBackendAPICommand(
    { ...place, ResourceName: "jsapi", ResourceConfig: API_CONFIG })), "CreateBackendAPI");
  const api = await client.send(new GetBackendAPICommand({ ...place, ResourceName: "jsapi" }));
  assert.deepEqual(api.ResourceConfig, API_CONFIG);

  await assertJob(await client.send(new CreateBackendStorageCommand(
    { ...place, ResourceName: "jsstore", ResourceConfig: STORAGE_CONFIG })),
    "CreateBackendStorage");
  const storage = await client.send(
    new GetBackendStorageCommand({ ...place, ResourceName: "jsstore" }));
  assert.equal(storage.ResourceConfig.Imported, false);
  assert.deepEqual(storage.ResourceConfig.Permissions, STORAGE_CONFIG.Permissions);
  assert.match(storage.ResourceConfig.BucketName, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
  const buckets = (await client.send(new ListS3BucketsCommand({}))).Buckets;
  const listed = buckets.find((b) => b.Name === storage.ResourceConfig.BucketName);
  assert.ok(listed, "the storage bucket is not listed");
  assert.match(listed.CreationDate, ISO_8601);

  const meta = JSON.parse((await client.send(new GetBackendCommand(place))).AmplifyMetaConfig);
  assert.match(meta.auth.jsauth.output.UserPoolId, /^us-east-1_/);
  assert.ok(meta.api.jsapi.output.GraphQLAPIEndpointOutput);
  assert.equal(meta.storage.jsstore.output.BucketName, storage.ResourceConfig.BucketName);

  await assert.rejects(client.send(new CreateBackendAPICommand(
    { ...place, ResourceName: "jsapi", ResourceConfig: API_CONFIG })), (err) => {
    assert.equal(err.name, "BadRequestException");
    assert.ok(err instanceof BadRequestException);
    return true;
  });
  await assertNotFound(
    client.send(new GetBackendStorageCommand({ ...place, ResourceName: "nope" })),
    "BackendStorage");

  const cloned = await client.send(new CloneBackendCommand(
    { ...place, TargetEnvironmentName: "qa" }));
  await assertJob(cloned, "CloneBackend");
  const qa = { AppId, BackendEnvironmentName: "qa" };
  assert.deepEqual((await client.send(new GetBackendAPICommand({ ...qa, ResourceName: "jsapi" })))
    .ResourceConfig, API_CONFIG);
  await assertJob(await client.send(new DeleteBackendCommand(qa)), "DeleteBackend");
  await assertNotFound(client.send(new GetBackendAuthCommand({ ...qa, ResourceName: "jsauth" })));

  const imported = await client.send(new ImportBackendStorageCommand(
    { ...place, BucketName: uniqueId("js-imported"), ServiceName: "S3" }));
  await assertJob(imported, "ImportBackendStorage");
});

test("admin-UI config and challenge tokens", async () => {
  const AppId = uniqueId("jscfg");
  await client.send(
    new CreateBackendCommand({ AppId, AppName: "JS", BackendEnvironmentName: "main" }));
  const created = await client.send(new CreateBackendConfigCommand({ AppId }));
  assert.equal(created.BackendEnvironmentName, "main");
  await assertJob(created, "CreateBackendConfig");
  const login = { AwsUserPoolsId: "us-east-1_JsAdmin", AwsUserPoolsWebClientId: "web" };
  const updated = await client.send(
    new UpdateBackendConfigCommand({ AppId, LoginAuthConfig: login }));
  assert.deepEqual(updated.LoginAuthConfig, login);
  assert.equal(updated.BackendManagerAppId, AppId);
  await client.send(new RemoveBackendConfigCommand({ AppId }));
  await assertNotFound(
    client.send(new UpdateBackendConfigCommand({ AppId, LoginAuthConfig: login })),
    "BackendConfig");

  const token = await client.send(new CreateTokenCommand({ AppId }));
  assert.match(token.SessionId, UUID);
  assert.equal(typeof token.Ttl, "string");
  assert.equal(token.Ttl, "600");
  const got = await client.send(new GetTokenCommand({ AppId, SessionId: token.SessionId }));
  assert.equal(got.ChallengeCode, token.ChallengeCode);
  const deleted = await client.send(new DeleteTokenCommand({ AppId, SessionId: token.SessionId }));
  assert.equal(deleted.IsSuccess, true);
  await assertNotFound(client.send(new GetTokenCommand({ AppId, SessionId: token.SessionId })),
                       "Token");
});
