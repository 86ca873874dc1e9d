// AWS SDK for JavaScript v3 against a server running `--auth enforce`. Run by
// ../test_auth.py (not by test_js_sdk.py): it passes the endpoint and the keys it wrote into the
// server's credentials file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import sdk from "@aws-sdk/client-amplifybackend";

const { AmplifyBackendClient, CreateBackendCommand, GetBackendCommand, GetBackendJobCommand } = sdk;
const env = process.env;
assert.ok(env.AMPLIFYBACKEND_ENDPOINT && env.KEY_ID && env.SECRET, "run me from test_auth.py");

function makeClient(prefix, accessKeyId, secretAccessKey, sessionToken) {
  return new AmplifyBackendClient({
    endpoint: env.AMPLIFYBACKEND_ENDPOINT + prefix,
    region: "eu-west-1",
    credentials: { accessKeyId, secretAccessKey, sessionToken },
    maxAttempts: 1,
  });
}

test("signed GET and POST requests go through, with /prod and session tokens", async () => {
  for (const prefix of ["", "/prod"]) {
    const client = makeClient(prefix, env.KEY_ID, env.SECRET);
    const appId = `js-${randomUUID().slice(0, 8)}`;
    const created = await client.send(
      new CreateBackendCommand({ AppId: appId, AppName: "JS", BackendEnvironmentName: "dev" }));
    const job = await client.send(new GetBackendJobCommand({
      AppId: appId, BackendEnvironmentName: "dev", JobId: created.JobId }));
    assert.equal(job.Status, "COMPLETED");
    const temp = makeClient(prefix, env.TEMP_KEY_ID, env.TEMP_SECRET, env.TEMP_TOKEN);
    const backend = await temp.send(new GetBackendCommand({ AppId: appId }));
    assert.deepEqual(backend.BackendEnvironmentList, ["dev"]);
  }
});

test("an encoded label verifies and meets the identifier rule", async () => {
  const client = makeClient("/prod", env.KEY_ID, env.SECRET);
  await assert.rejects(client.send(new GetBackendCommand({ AppId: "a b/c!'()*" })),
    (e) => e.name === "BadRequestException" && e.message.includes("'appId'"));
});

test("a wrong secret is InvalidSignatureException, 403", async () => {
  const client = makeClient("", env.KEY_ID, "wrong-secret");
  await assert.rejects(client.send(new GetBackendCommand({ AppId: "any" })), (e) => {
    assert.equal(e.name, "InvalidSignatureException");
    assert.equal(e.$metadata.httpStatusCode, 403);
    assert.match(e.message, /The request signature we calculated does not match/);
    return true;
  });
});
