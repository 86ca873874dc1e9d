// The console's client of the public amplifybackend REST API and the read-only admin API.
// No DOM here: the sign-in form is reached through the `onAuthError` callback.
import { signRequest } from './sigv4.js';

export const SERVICE = 'amplifybackend';
export const DEFAULT_REGION = 'us-east-1';
// The server's rule for appId, environment and resource names (docs/DECISIONS.md
// "Identifiers"), as an HTML `pattern` so forms catch typos before a request.
export const IDENTIFIER_PATTERN = '[A-Za-z0-9][A-Za-z0-9._\\-]*';

// The 403s our server (and AWS) answers when a request's credentials are missing or wrong.
export const AUTH_ERROR_TYPES = new Set([
  'MissingAuthenticationTokenException', 'IncompleteSignatureException',
  'UnrecognizedClientException', 'InvalidSignatureException',
]);

export class ApiError extends Error {
  constructor({ status, type, message, body = null }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.body = body;
  }
}

export function isAuthError(err) {
  return err instanceof ApiError && err.status === 403 && AUTH_ERROR_TYPES.has(err.type);
}

export function isAbortError(err) {
  return err?.name === 'AbortError';
}

// The error code as the SDKs derive it: X-Amzn-ErrorType, else the body's __type; text after
// the first ':' and before the last '#' dropped (OPERATIONS.md §1.4).
export function errorTypeOf(header, body) {
  const raw = header || body?.__type || body?.code || '';
  const beforeColon = raw.split(':')[0];
  return beforeColon.slice(beforeColon.lastIndexOf('#') + 1).trim();
}

// `?a=1&b=x%20y` from an object, leaving out empty values. encodeURIComponent (not
// URLSearchParams, which writes '+') so the server decodes exactly what was signed.
export function queryString(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

// A path label as the SDKs encode it (RFC 3986: also !'()*).
export function label(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function parseBody(text) {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createApi({
  baseUrl = globalThis.location?.origin, credentials = null, region = DEFAULT_REGION,
  fetch = globalThis.fetch.bind(globalThis), onAuthError = null, now = () => new Date(),
} = {}) {
  let creds = credentials;
  let signingRegion = region;
  let pendingSignIn = null; // one sign-in form for all requests that failed meanwhile

  async function send(method, path, body, signal) {
    const url = baseUrl + path;
    const headers = {};
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (creds) {
      Object.assign(headers, await signRequest({
        method, url, headers, body: payload, credentials: creds, region: signingRegion,
        service: SERVICE, date: now(),
      }));
    }
    const response = await fetch(url, { method, headers, body: payload, signal });
    const parsed = parseBody(await response.text());
    if (response.ok) return parsed ?? {};
    throw new ApiError({
      status: response.status,
      type: errorTypeOf(response.headers.get('x-amzn-errortype'), parsed) ||
        String(response.status),
      message: parsed?.message || parsed?.Message || response.statusText ||
        `HTTP ${response.status}`,
      body: parsed,
    });
  }

  async function signIn(err) {
    pendingSignIn ??= Promise.resolve(onAuthError(err)).finally(() => { pendingSignIn = null; });
    return pendingSignIn;
  }

  return {
    // Sends one request; on a credentials 403 asks `onAuthError` for new credentials and
    // retries until they work or the user gives up (then the 403 is thrown).
    async request(method, path, body, { signal } = {}) {
      for (;;) {
        try {
          return await send(method, path, body, signal);
        } catch (err) {
          if (!onAuthError || !isAuthError(err) || signal?.aborted) throw err;
          const next = await signIn(err);
          if (!next) throw err;
          creds = next.credentials;
          signingRegion = next.region || signingRegion;
        }
      }
    },
    setCredentials(next, nextRegion) {
      creds = next;
      if (nextRegion) signingRegion = nextRegion;
    },
    get credentials() {
      return creds;
    },
    get region() {
      return signingRegion;
    },
  };
}

// Paging by opaque nextToken: a stack of the tokens that opened each visited page, so
// "previous" needs no server support.
export class Pager {
  constructor() {
    this.tokens = [undefined];
    this.nextToken = undefined;
  }

  get token() {
    return this.tokens[this.tokens.length - 1];
  }

  get page() {
    return this.tokens.length;
  }

  get hasPrevious() {
    return this.tokens.length > 1;
  }

  get hasNext() {
    return Boolean(this.nextToken);
  }

  // Records the nextToken of the answer for the current page.
  update(nextToken) {
    this.nextToken = nextToken || undefined;
  }

  next() {
    if (!this.hasNext) return;
    this.tokens.push(this.nextToken);
    this.nextToken = undefined;
  }

  previous() {
    if (!this.hasPrevious) return;
    this.tokens.pop();
    this.nextToken = undefined;
  }

  reset() {
    this.tokens = [undefined];
    this.nextToken = undefined;
  }
}
