// AWS SDK for JavaScript v3 against amplifybackend-server. Run by ../test_js_sdk.py, which starts
// the server and passes its URL in AMPLIFYBACKEND_ENDPOINT (`node --test backend.test.mjs`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
// The package is CommonJS; Node's named-export detection misses some of its exports.
import sdk from "@aws-sdk/client-amplifybackend";

const {
  AmplifyBackendClient,
  CloneBackendCommand,
  CreateBackendCommand,
  DeleteBackendCommand,
  GetBackendCommand,
  GetBackendJobCommand,
  ListBackendJobsCommand,
  NotFoundException,
} = sdk;

const endpoint = process.env.AMPLIFYBACKEND_ENDPOINT;
assert.ok(endpoint, "set AMPLIFYBACKEND_ENDPOINT to the server's URL");

function makeClient(prefix = "") {
  return new AmplifyBackendClient({
    endpoint: endpoint + prefix,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
    maxAttempts: 1,
  });
}

const client = makeClient();
const uniqueId = (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test("create, get, clone, list and delete", async () => {
  const appId = uniqueId("js");
  const created = await client.send(
    new CreateBackendCommand({ AppId: appId, AppName: "JS app", BackendEnvironmentName: "dev" }));
  assert.equal(created.AppId, appId);
  assert.equal(created.BackendEnvironmentName, "dev");
  assert.match(created.JobId, UUID);
  assert.equal(created.Operation, "CreateBackend");
  assert.equal(created.Status, "COMPLETED");
  assert.equal(created.$metadata.httpStatusCode, 200);
  assert.ok(created.$metadata.requestId);

  let backend = await client.send(new GetBackendCommand({ AppId: appId }));
  assert.equal(backend.AppName, "JS app");
  assert.deepEqual(backend.BackendEnvironmentList, ["dev"]);
  assert.equal(backend.BackendEnvironmentName, "dev");
  assert.equal(typeof backend.AmplifyMetaConfig, "string");
  const meta = JSON.parse(backend.AmplifyMetaConfig);
  assert.equal(typeof meta.providers.awscloudformation.StackName, "string");
  const flags = JSON.parse(backend.AmplifyFeatureFlags);
  assert.equal(flags.features.graphqltransformer.transformerversion, 2);

  const cloned = await client.send(new CloneBackendCommand({
    AppId: appId, BackendEnvironmentName: "dev", TargetEnvironmentName: "test" }));
  assert.equal(cloned.Operation, "CloneBackend");
  assert.equal(cloned.BackendEnvironmentName, "test");
  backend = await client.send(
    new GetBackendCommand({ AppId: appId, BackendEnvironmentName: "test" }));
  assert.deepEqual(backend.BackendEnvironmentList, ["dev", "test"]);
  assert.equal(backend.BackendEnvironmentName, "test");

  const job = await client.send(new GetBackendJobCommand({
    AppId: appId, BackendEnvironmentName: "test", JobId: cloned.JobId }));
  assert.equal(job.JobId, cloned.JobId);
  assert.equal(job.Operation, "CloneBackend");
  assert.match(job.CreateTime, ISO_MILLIS);
  assert.match(job.UpdateTime, ISO_MILLIS);

  const deleted = await client.send(
    new DeleteBackendCommand({ AppId: appId, BackendEnvironmentName: "test" }));
  assert.equal(deleted.Operation, "DeleteBackend");
  assert.equal(deleted.BackendEnvironmentName, "test");
  backend = await client.send(new GetBackendCommand({ AppId: appId }));
  assert.deepEqual(backend.BackendEnvironmentList, ["dev"]);

  const jobs = await client.send(
    new ListBackendJobsCommand({ AppId: appId, BackendEnvironmentName: "test" }));
  assert.deepEqual(jobs.Jobs.map((j) => j.JobId), [deleted.JobId, cloned.JobId]);
  assert.equal(jobs.NextToken, undefined);
});

test("ListBackendJobs pages with MaxResults and NextToken, newest first", async () => {
  const appId = uniqueId("jspage");
  const expected = [];
  for (let i = 0; i < 6; i++) {
    expected.push((await client.send(new CreateBackendCommand(
      { AppId: appId, AppName: "Pages", BackendEnvironmentName: "dev" }))).JobId);
    expected.push((await client.send(
      new DeleteBackendCommand({ AppId: appId, BackendEnvironmentName: "dev" }))).JobId);
  }
  expected.reverse();
  // The JS model has no paginator for ListBackendJobs (botocore's comes from paginators-1.json).
  const seen = [];
  let pages = 0;
  let token;
  do {
    const page = await client.send(new ListBackendJobsCommand(
      { AppId: appId, BackendEnvironmentName: "dev", MaxResults: 5, NextToken: token }));
    pages++;
    seen.push(...page.Jobs.map((j) => j.JobId));
    token = page.NextToken;
  } while (token && pages < 100);
  assert.deepEqual(seen, expected);
  assert.equal(pages, 3);
});

test("unknown app is a NotFoundException", async () => {
  await assert.rejects(
    client.send(new GetBackendCommand({ AppId: uniqueId("missing") })),
    (err) => {
      assert.equal(err.name, "NotFoundException");
      assert.ok(err instanceof NotFoundException);
      assert.equal(err.$metadata.httpStatusCode, 404);
      assert.equal(err.$fault, "client");
      assert.ok(err.ResourceType, "ResourceType is empty");
      assert.ok(err.message);
      return true;
    });
});

test("an existing environment is a BadRequestException", async () => {
  const appId = uniqueId("jsdup");
  const input = { AppId: appId, AppName: "Dup", BackendEnvironmentName: "dev" };
  await client.send(new CreateBackendCommand(input));
  await assert.rejects(client.send(new CreateBackendCommand(input)), (err) => {
    assert.equal(err.name, "BadRequestException");
    assert.equal(err.$metadata.httpStatusCode, 400);
    return true;
  });
});

test("the /prod stage prefix and hostile labels", async () => {
  const prod = makeClient("/prod");
  await assert.rejects(
    prod.send(new CreateBackendCommand({
      AppId: `my app/${uniqueId("js")}!'()*`, AppName: "Prod", BackendEnvironmentName: "dev" })),
    (e) => e.name === "BadRequestException" && e.message.includes("'appId'"));
  await assert.rejects(prod.send(new GetBackendCommand({ AppId: "../x" })),
    (e) => e.name === "BadRequestException" && e.message.includes("'appId'"));
  const appId = `My_App.${uniqueId("js")}`;
  const created = await prod.send(
    new CreateBackendCommand({ AppId: appId, AppName: "Prod", BackendEnvironmentName: "dev" }));
  assert.equal(created.AppId, appId);
  const backend = await prod.send(new GetBackendCommand({ AppId: appId }));
  assert.equal(backend.AppId, appId);
  assert.deepEqual(backend.BackendEnvironmentList, ["dev"]);
  const job = await client.send(new GetBackendJobCommand({
    AppId: appId, BackendEnvironmentName: "dev", JobId: created.JobId }));
  assert.equal(job.Operation, "CreateBackend");
});
