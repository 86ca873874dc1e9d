// The pure helpers next to the screens: amplify-meta parsing, request bodies, config diffs,
// the session kept in sessionStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmplifyMeta, jobsRequestBody } from '../src/js/screens/environment.js';
import { loginAuthChanges } from '../src/js/screens/settings.js';
import { appsPath } from '../src/js/screens/apps.js';
import { jobSummary } from '../src/js/ui.js';
import { loadSession, saveSession, sessionFromForm } from '../src/js/session.js';

// Shaped like the server's GetBackend answer (docs/DECISIONS.md "GetBackend").
const META = JSON.stringify({
  providers: { awscloudformation: { StackName: 'amplify-app1-dev-123456', Region: 'eu-west-1',
    DeploymentBucketName: 'amplify-app1-dev-123456-deployment' } },
  storage: { photos: { service: 'S3', providerPlugin: 'awscloudformation', output: {} } },
  auth: {
    zpool: { service: 'Cognito', providerPlugin: 'awscloudformation', output: {} },
    apool: { service: 'Cognito', serviceType: 'imported', output: {} },
  },
  api: { gql: { service: 'AppSync', output: { GraphQLAPIIdOutput: 'x' } } },
  function: { fn1: { service: 'Lambda' } },
});

test('parseAmplifyMeta lists every resource, sorted, with the editable kinds marked', () => {
  const { stack, resources } = parseAmplifyMeta(META);
  assert.equal(stack.StackName, 'amplify-app1-dev-123456');
  assert.deepEqual(resources, [
    { category: 'api', name: 'gql', service: 'AppSync', imported: false, kind: 'api' },
    { category: 'auth', name: 'apool', service: 'Cognito', imported: true, kind: 'auth' },
    { category: 'auth', name: 'zpool', service: 'Cognito', imported: false, kind: 'auth' },
    { category: 'function', name: 'fn1', service: 'Lambda', imported: false, kind: null },
    { category: 'storage', name: 'photos', service: 'S3', imported: false, kind: 'storage' },
  ]);
});

test('parseAmplifyMeta: empty text is no resources; bad JSON and non-objects throw', () => {
  assert.deepEqual(parseAmplifyMeta(''), { stack: null, resources: [] });
  assert.deepEqual(parseAmplifyMeta(undefined), { stack: null, resources: [] });
  assert.deepEqual(parseAmplifyMeta('{"providers":{}}'), { stack: null, resources: [] });
  assert.throws(() => parseAmplifyMeta('{nope'), SyntaxError);
  assert.throws(() => parseAmplifyMeta('[1]'), TypeError);
  assert.throws(() => parseAmplifyMeta('null'), TypeError);
});

test('jobsRequestBody pages by 25 and only sends what is set', () => {
  assert.deepEqual(jobsRequestBody(undefined, ''), { maxResults: 25 });
  assert.deepEqual(jobsRequestBody('tok', 'RUNNING'),
    { maxResults: 25, nextToken: 'tok', status: 'RUNNING' });
});

test('loginAuthChanges sends only changed members, a cleared one as ""', () => {
  const stored = { aws_cognito_region: 'eu-west-1', aws_user_pools_id: 'eu-west-1_abc' };
  assert.deepEqual(loginAuthChanges(stored, {
    aws_cognito_region: ' eu-west-1 ', aws_user_pools_id: '', aws_user_pools_web_client_id: 'c1',
    aws_cognito_identity_pool_id: '',
  }), { aws_user_pools_id: '', aws_user_pools_web_client_id: 'c1' });
  assert.deepEqual(loginAuthChanges(null, {}), {});
});

test('appsPath builds the admin API query', () => {
  assert.equal(appsPath('', undefined), '/_admin/api/apps?limit=50');
  assert.equal(appsPath(' my app ', 'T/=', 10), '/_admin/api/apps?search=my%20app&limit=10&nextToken=T%2F%3D');
});

test('jobSummary says what happened to the job', () => {
  assert.equal(jobSummary('Creating dev', { jobId: 'j1', status: 'RUNNING' }),
    'Creating dev — job j1 — RUNNING.');
  assert.equal(jobSummary('X', { status: 'FAILED', error: 'boom' }), 'X — FAILED (boom)');
});

function memoryStorage() {
  const data = new Map();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k), data };
}

test('sessions round-trip through storage and need both keys', () => {
  const storage = memoryStorage();
  assert.equal(loadSession(storage), null);
  const session = sessionFromForm({ accessKeyId: ' AKID ', secretAccessKey: 's', sessionToken: '',
    region: '' });
  assert.deepEqual(session, { credentials: { accessKeyId: 'AKID', secretAccessKey: 's' },
    region: 'us-east-1' });
  saveSession(session, storage);
  assert.deepEqual(loadSession(storage), session);
  saveSession(null, storage);
  assert.equal(storage.data.size, 0);
  assert.equal(sessionFromForm({ accessKeyId: 'A', secretAccessKey: ' ' }), null);
  assert.deepEqual(sessionFromForm({ accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T',
    region: 'eu-west-1' }).credentials.sessionToken, 'T');
  storage.setItem('amplifybackend-console.credentials', '{broken');
  assert.equal(loadSession(storage), null);
});
