// AWS Signature Version 4, as pure functions named after the steps of AWS's "Create a signed
// AWS API request" guide. Web Crypto only, so it runs in the browser and in node's test runner.
// The canonical URI is the one botocore, the JS SDK v3 and our server's verifier build for
// amplifybackend: the path as sent (already percent-encoded), dot and empty segments removed,
// each segment percent-encoded once more (`a%2Fb` is signed as `a%252Fb`).

const encoder = new TextEncoder();
const ALGORITHM = 'AWS4-HMAC-SHA256';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOf(data) {
  if (data === undefined || data === null) return new Uint8Array();
  return typeof data === 'string' ? encoder.encode(data) : data;
}

export async function sha256Hex(data) {
  return toHex(await crypto.subtle.digest('SHA-256', bytesOf(data)));
}

async function hmac(key, data) {
  const cryptoKey = await crypto.subtle.importKey(
    'raw', bytesOf(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytesOf(data)));
}

function isUnreserved(byte) {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2e || byte === 0x5f ||
    byte === 0x7e;
}

// RFC 3986 encoding of bytes with upper-case hex, as SigV4 requires.
function uriEncodeBytes(bytes) {
  let out = '';
  for (const byte of bytes) {
    out += isUnreserved(byte) ? String.fromCharCode(byte)
      : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// Lenient percent-decoding to bytes: a '%' without two hex digits stays as it is.
function percentDecodeBytes(text) {
  const raw = encoder.encode(text);
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === 0x25 ? String.fromCharCode(...raw.slice(i + 1, i + 3)) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(raw[i]);
    }
  }
  return Uint8Array.from(out);
}

// Step 1a: the canonical URI of `path` (the path exactly as it goes on the wire).
export function canonicalUri(path) {
  const kept = [];
  for (const segment of path.split('/')) {
    if (segment === '..') kept.pop();
    else if (segment !== '' && segment !== '.') kept.push(segment);
  }
  let out = '/' + kept.map((s) => uriEncodeBytes(encoder.encode(s))).join('/');
  if (kept.length > 0 && path.length > 1 && path.endsWith('/')) out += '/';
  return out;
}

// Step 1b: the canonical query string: pairs decoded, re-encoded, sorted by key then value.
export function canonicalQueryString(query) {
  const pairs = query.split('&').filter((p) => p !== '').map((pair) => {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    return [uriEncodeBytes(percentDecodeBytes(key)), uriEncodeBytes(percentDecodeBytes(value))];
  });
  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

// `headers` is a list of [name, value] pairs (a name may repeat) or a plain object.
function headerPairs(headers) {
  return Array.isArray(headers) ? headers : Object.entries(headers);
}

// Step 1c: the signed header names, lower-cased, sorted, without duplicates.
export function signedHeaderNames(headers) {
  const names = new Set(headerPairs(headers).map(([name]) => name.toLowerCase()));
  return [...names].sort();
}

// Step 1d: canonical headers: values trimmed, inner whitespace runs (folded lines too) collapsed
// to one space, repeated headers joined with ',' in the order given.
export function canonicalHeaders(headers, signedNames = signedHeaderNames(headers)) {
  const pairs = headerPairs(headers);
  return signedNames.map((name) => {
    const values = pairs.filter(([n]) => n.toLowerCase() === name)
      .map(([, v]) => String(v).trim().replace(/\s+/g, ' '));
    return `${name}:${values.join(',')}\n`;
  }).join('');
}

// Step 1: the canonical request.
export function canonicalRequest({ method, path, query = '', headers, payloadHash }) {
  const names = signedHeaderNames(headers);
  return [method, canonicalUri(path), canonicalQueryString(query),
    canonicalHeaders(headers, names), names.join(';'), payloadHash].join('\n');
}

export function credentialScope(date, region, service) {
  return `${date}/${region}/${service}/aws4_request`;
}

// Step 2: the string to sign.
export async function stringToSign(amzDate, scope, canonical) {
  return [ALGORITHM, amzDate, scope, await sha256Hex(canonical)].join('\n');
}

// Step 3a: the signing key, derived from the secret through date, region and service.
export async function signingKey(secretAccessKey, date, region, service) {
  const kDate = await hmac('AWS4' + secretAccessKey, date);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

// Step 3b: the signature, lower-case hex.
export async function signature(key, toSign) {
  return toHex(await hmac(key, toSign));
}

// Step 4: the Authorization header value.
export function authorizationHeader(accessKeyId, scope, signedNames, sig) {
  return `${ALGORITHM} Credential=${accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedNames.join(';')}, Signature=${sig}`;
}

// `20150830T123600Z` for a Date.
export function amzDate(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

// Signs one request. `url` is absolute; `headers` (object) are the headers that will be sent
// and signed (a browser sets Host itself, so it is taken from the URL). Returns the headers to
// add: x-amz-date, x-amz-security-token (with a session token), x-amz-content-sha256 (when
// asked) and authorization.
export async function signRequest({ method, url, headers = {}, body, credentials, region,
  service, date = new Date(), includeContentSha256 = false }) {
  const { host, pathname, search } = new URL(url);
  const stamp = amzDate(date);
  const payloadHash = body ? await sha256Hex(body) : EMPTY_SHA256;
  const added = { 'x-amz-date': stamp };
  if (credentials.sessionToken) added['x-amz-security-token'] = credentials.sessionToken;
  if (includeContentSha256) added['x-amz-content-sha256'] = payloadHash;
  const all = { ...headers, host, ...added };
  const names = signedHeaderNames(all);
  const canonical = canonicalRequest({
    method, path: pathname, query: search.slice(1), headers: all, payloadHash });
  const scope = credentialScope(stamp.slice(0, 8), region, service);
  const key = await signingKey(credentials.secretAccessKey, stamp.slice(0, 8), region, service);
  const sig = await signature(key, await stringToSign(stamp, scope, canonical));
  added.authorization = authorizationHeader(credentials.accessKeyId, scope, names, sig);
  return added;
}
