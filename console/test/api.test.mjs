// The API client with an injected fetch: wire format, signing, error mapping, sign-in retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createApi, ApiError, errorTypeOf, queryString, label, isAuthError, Pager,
} from '../src/js/api.js';

const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

// A fetch that records calls and answers from a queue of [status, body, headers].
function fakeFetch(...answers) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, ...init });
    const [status, body, headers = {}] = answers.length > 1 ? answers.shift() : answers[0];
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: `status ${status}`,
      headers: { get: (name) => lower[name.toLowerCase()] ?? null },
      text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
    };
  };
  return { fetch, calls };
}

test('POST sends JSON with content-type; no credentials means no signature', async () => {
  const { fetch, calls } = fakeFetch([200, { appId: 'a', jobId: 'j' }]);
  const api = createApi({ baseUrl: 'http://h:1', fetch });
  const res = await api.request('POST', '/backend', { appId: 'a' });
  assert.deepEqual(res, { appId: 'a', jobId: 'j' });
  assert.equal(calls[0].url, 'http://h:1/backend');
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].body, '{"appId":"a"}');
  assert.equal(calls[0].headers['content-type'], 'application/json');
  assert.equal(calls[0].headers.authorization, undefined);
});

test('a request without body members sends no body and no content-type', async () => {
  const { fetch, calls } = fakeFetch([200, '']);
  const api = createApi({ baseUrl: 'http://h', fetch });
  assert.deepEqual(await api.request('POST', '/backend/a/challenge'), {});
  assert.equal(calls[0].body, undefined);
  assert.equal(calls[0].headers['content-type'], undefined);
});

test('with credentials every call is signed as botocore signs it', async () => {
  const { fetch, calls } = fakeFetch([200, {}]);
  const api = createApi({ baseUrl: 'http://127.0.0.1:8080', fetch, credentials: CREDS,
    region: 'eu-west-1', now: () => new Date('2026-12-05T04:30:00Z') });
  await api.request('POST', '/backend/my%20app%281%29/environments/dev/clone',
    { targetEnvironmentName: 'prod' });
  const h = calls[0].headers;
  assert.equal(h['x-amz-date'], '20261205T043000Z');
  // Same request signed by botocore.auth.SigV4Auth (see sigv4.test.mjs).
  assert.equal(h.authorization, 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/eu-west-1/' +
    'amplifybackend/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
    'Signature=83d2a77ba21ecce20346a132b7d7eba4a7d5c064726e01a1a720bec7d9ab6697');
});

test('session tokens are sent and signed', async () => {
  const { fetch, calls } = fakeFetch([200, {}]);
  const api = createApi({ baseUrl: 'http://h', fetch, credentials: { ...CREDS, sessionToken: 'T' } });
  await api.request('GET', '/_admin/api/apps');
  assert.equal(calls[0].headers['x-amz-security-token'], 'T');
  assert.match(calls[0].headers.authorization, /SignedHeaders=host;x-amz-date;x-amz-security-token,/);
});

test('errors become ApiError with the sanitised X-Amzn-ErrorType and the body message', async () => {
  const { fetch } = fakeFetch([404, { message: 'App x not found', resourceType: 'App' },
    { 'X-Amzn-ErrorType': 'NotFoundException:http://internal.amazon.com/' }]);
  const api = createApi({ baseUrl: 'http://h', fetch });
  await assert.rejects(api.request('POST', '/backend/x/details', {}), (err) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 404);
    assert.equal(err.type, 'NotFoundException');
    assert.equal(err.message, 'App x not found');
    assert.equal(err.body.resourceType, 'App');
    return true;
  });
});

test('error type falls back to __type, then the status; message to Message', async () => {
  assert.equal(errorTypeOf(null, { __type: 'aws.amplifybackend#BadRequestException' }),
    'BadRequestException');
  assert.equal(errorTypeOf('', {}), '');
  const { fetch } = fakeFetch([502, 'not json']);
  const api = createApi({ baseUrl: 'http://h', fetch });
  await assert.rejects(api.request('GET', '/x'), { type: '502', message: 'status 502' });
  const second = fakeFetch([400, { Message: 'Bad' }]);
  await assert.rejects(createApi({ baseUrl: 'http://h', fetch: second.fetch }).request('GET', '/x'),
    { type: '400', message: 'Bad' });
});

test('a credentials 403 asks for sign-in once and retries with the new credentials', async () => {
  const { fetch, calls } = fakeFetch(
    [403, { message: 'Missing Authentication Token' },
      { 'X-Amzn-ErrorType': 'MissingAuthenticationTokenException' }],
    [403, { message: 'Missing Authentication Token' },
      { 'X-Amzn-ErrorType': 'MissingAuthenticationTokenException' }],
    [200, { ok: 1 }]);
  let asked = 0;
  const api = createApi({ baseUrl: 'http://h', fetch, onAuthError: async (err) => {
    asked += 1;
    assert.ok(isAuthError(err));
    await new Promise((r) => setTimeout(r, 5));
    return { credentials: CREDS, region: 'eu-west-1' };
  } });
  // Two requests fail together: one sign-in form serves both.
  const [a, b] = await Promise.all([api.request('GET', '/a'), api.request('GET', '/b')]);
  assert.deepEqual([a, b], [{ ok: 1 }, { ok: 1 }]);
  assert.equal(asked, 1);
  assert.equal(calls.length, 4);
  assert.equal(calls[2].headers.authorization.includes('/eu-west-1/amplifybackend/'), true);
  assert.equal(api.region, 'eu-west-1');
});

test('a cancelled sign-in rethrows the 403; other errors never ask', async () => {
  const { fetch } = fakeFetch([403, { message: 'bad' },
    { 'X-Amzn-ErrorType': 'InvalidSignatureException' }]);
  let asked = 0;
  const api = createApi({ baseUrl: 'http://h', fetch, onAuthError: async () => { asked++; return null; } });
  await assert.rejects(api.request('GET', '/a'), { type: 'InvalidSignatureException' });
  assert.equal(asked, 1);
  const other = fakeFetch([400, { message: 'no' }, { 'X-Amzn-ErrorType': 'BadRequestException' }]);
  const api2 = createApi({ baseUrl: 'http://h', fetch: other.fetch, onAuthError: async () => { asked++; } });
  await assert.rejects(api2.request('GET', '/a'), { type: 'BadRequestException' });
  assert.equal(asked, 1);
});

test('queryString skips empty values and percent-encodes with %20', () => {
  assert.equal(queryString({ search: 'my app+1', limit: 50, nextToken: undefined, x: '' }),
    '?search=my%20app%2B1&limit=50');
  assert.equal(queryString({}), '');
});

test('label encodes like the JS SDK (RFC 3986)', () => {
  assert.equal(label("a b/c!'()*"), 'a%20b%2Fc%21%27%28%29%2A');
  assert.equal(label('app-1.x_y~'), 'app-1.x_y~');
});

test('Pager walks forward by nextToken and back through the tokens it saw', () => {
  const p = new Pager();
  assert.equal(p.token, undefined);
  assert.equal(p.hasPrevious, false);
  p.update('t2');
  assert.equal(p.hasNext, true);
  p.next();
  assert.equal(p.token, 't2');
  assert.equal(p.page, 2);
  assert.equal(p.hasNext, false);
  p.update('t3');
  p.next();
  assert.equal(p.token, 't3');
  p.update('');
  assert.equal(p.hasNext, false);
  p.next(); // no next page: stays
  assert.equal(p.page, 3);
  p.previous();
  assert.equal(p.token, 't2');
  p.previous();
  p.previous();
  assert.equal(p.token, undefined);
  assert.equal(p.page, 1);
  p.update('x');
  p.next();
  p.reset();
  assert.deepEqual([p.page, p.token, p.hasNext], [1, undefined, false]);
});
