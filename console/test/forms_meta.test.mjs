// forms/meta.js on amplifyMetaConfig trimmed from a real GetBackend answer (server 0.1.0).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourcesFromMeta } from '../src/js/forms/meta.js';

const META = JSON.stringify({
  providers: { awscloudformation: { StackName: 'amplify-app1-dev-871694' } },
  auth: {
    'us-east-1_abcDEF123': { service: 'Cognito', providerPlugin: 'awscloudformation',
      serviceType: 'imported', output: { UserPoolId: 'us-east-1_abcDEF123' } },
    myauth: { service: 'Cognito', providerPlugin: 'awscloudformation',
      output: { UserPoolId: 'us-east-1_Q8bzhEDqJ', UserPoolName: 'up' } },
  },
  api: { myapi: { service: 'AppSync', providerPlugin: 'awscloudformation',
    output: { GraphQLAPIIdOutput: 'kctnbiozayqytbidxjhm1p0oq0' } } },
  storage: { mystore: { service: 'S3', providerPlugin: 'awscloudformation',
    output: { BucketName: 'mystore-app1-dev-oaafng', Region: 'us-east-1', Nested: { a: 1 } } } },
});

test('resources per kind, sorted by name, with origin and scalar outputs', () => {
  const { auth, api, storage } = resourcesFromMeta(META);
  assert.deepEqual(auth.map((r) => [r.name, r.imported, r.outputs[0][1]]), [
    ['myauth', false, 'us-east-1_Q8bzhEDqJ'],
    ['us-east-1_abcDEF123', true, 'us-east-1_abcDEF123']]);
  assert.deepEqual(api, [{ name: 'myapi', service: 'AppSync', imported: false,
    outputs: [['GraphQLAPIIdOutput', 'kctnbiozayqytbidxjhm1p0oq0']] }]);
  assert.deepEqual(storage[0].outputs,
    [['BucketName', 'mystore-app1-dev-oaafng'], ['Region', 'us-east-1']]);
});

test('no resources, no meta, and meta that is not JSON', () => {
  const empty = { auth: [], api: [], storage: [] };
  assert.deepEqual(resourcesFromMeta(JSON.stringify({ providers: {} })), empty);
  assert.deepEqual(resourcesFromMeta(undefined), empty);
  assert.throws(() => resourcesFromMeta('{"auth":'), /not JSON/);
});
