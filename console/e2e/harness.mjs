// Shared pieces of the console's end-to-end tests: the real server binary, headless Chromium
// (Debian's, through puppeteer-core), problem recording, axe-core, screenshots, accessible-role
// lookups, and a small client of the public API (unsigned: `--auth accept` takes that).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIR = path.dirname(E2E_DIR);
export const REPO_ROOT = path.dirname(CONSOLE_DIR);
export const SCREENSHOT_DIR = process.env.CONSOLE_SCREENSHOTS || path.join(E2E_DIR, 'screenshots');
export const screenshots = [];

const require = createRequire(import.meta.url);

// Polls `fn` until it returns a truthy value; for state that only shows up over time.
export async function until(fn, { timeout = 10000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}` +
        (last ? `: ${last.message}` : ''));
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

// ---------------------------------------------------------------------------- server

export function serverBinary() {
  const bin = process.env.AMPLIFYBACKEND_SERVER_BIN ||
    path.join(REPO_ROOT, 'build', 'amplifybackend-server');
  if (!existsSync(bin)) {
    throw new Error(`server binary ${bin} not found: build it or set AMPLIFYBACKEND_SERVER_BIN`);
  }
  return bin;
}

const running = new Set();
// A test run that dies half-way must not leave servers behind.
process.once('exit', () => { for (const proc of running) proc.kill('SIGKILL'); });

// Starts the server on a free port and a private data dir; resolves once /_health answers.
// `seed(dataDir)` fills the data dir before the server opens it (see seedJobs).
export async function startServer(extraArgs = [], { seed } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'console-e2e-'));
  await Promise.resolve(seed?.(dataDir)).catch(async (err) => {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  // Every flag also reads an AMPLIFYBACKEND_* variable: only the flags given here count.
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([name]) => !name.startsWith('AMPLIFYBACKEND_')));
  const proc = spawn(serverBinary(), ['--port', '0', '--data-dir', dataDir, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], env });
  running.add(proc);
  let log = '';
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  exited.then(() => running.delete(proc));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20000);
    const onData = (chunk) => {
      log = (log + chunk).slice(-20000);  // keep draining the pipes, remember the tail
      const m = /listening on (http:\/\/[^\s/]+:\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${log}`));
    });
  });
  await until(async () => (await fetch(`${url}/_health`)).ok, { what: `${url}/_health` });
  return {
    url,
    dataDir,
    log: () => log,
    api: restApi(url),
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// bench/seed_jobs (built with the server, part of `all`): one app, one environment and `count`
// COMPLETED jobs in a data dir, account 000000000000 / us-east-1 (the unsigned requests'), in
// well under a second where the API would take minutes. Never skipped: missing is a failure.
export async function seedJobs(dataDir, appId, envName, count) {
  const bin = process.env.SEED_JOBS_BIN || path.join(path.dirname(serverBinary()), 'bench',
    'seed_jobs');
  if (!existsSync(bin)) throw new Error(`${bin} not found: build it (target seed_jobs)`);
  const { stdout } = await promisify(execFile)(bin, [dataDir, appId, envName, String(count)]);
  assert.match(stdout, new RegExp(`^SEEDED ${count} `, 'm'), `seed_jobs said: ${stdout}`);
}

// ---------------------------------------------------------------------------- public API

export class HttpError extends Error {}

// The SDKs' routes and wire names, over plain fetch (the server accepts unsigned calls in its
// default `--auth accept` mode: account 000000000000, region us-east-1).
export function restApi(baseUrl) {
  const enc = encodeURIComponent;
  async function call(method, route, body) {
    const res = await fetch(baseUrl + route, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : {};
    if (!res.ok) {
      const type = (res.headers.get('x-amzn-errortype') || '').split(':')[0];
      const err = new HttpError(`${method} ${route}: ${res.status} ${type}: ${json.message}`);
      Object.assign(err, { status: res.status, type });
      throw err;
    }
    return json;
  }
  // `/backend/{appId}/{kind}/{backendEnvironmentName}`
  const at = (kind, appId, envName) => `/backend/${enc(appId)}/${kind}/${enc(envName)}`;
  return {
    call,
    createBackend: (appId, appName, envName = 'dev') =>
      call('POST', '/backend', { appId, appName, backendEnvironmentName: envName }),
    getBackend: (appId) => call('POST', `/backend/${enc(appId)}/details`, {}),
    // null instead of NotFoundException, for "is it gone?" checks.
    async getBackendOrNull(appId) {
      try { return await this.getBackend(appId); } catch (err) {
        if (err.type === 'NotFoundException') return null;
        throw err;
      }
    },
    getJob: (appId, envName, jobId) =>
      call('GET', `${at('job', appId, envName)}/${enc(jobId)}`),
    listJobs: (appId, envName) => call('POST', at('job', appId, envName), {}),
    createApi: (appId, envName, resourceName, resourceConfig) =>
      call('POST', `/backend/${enc(appId)}/api`,
        { backendEnvironmentName: envName, resourceName, resourceConfig }),
    updateApi: (appId, envName, resourceName, resourceConfig) =>
      call('POST', at('api', appId, envName), { resourceName, resourceConfig }),
    createStorage: (appId, envName, resourceName, resourceConfig) =>
      call('POST', `/backend/${enc(appId)}/storage`,
        { backendEnvironmentName: envName, resourceName, resourceConfig }),
    createAuth: (appId, envName, resourceName, resourceConfig) =>
      call('POST', `/backend/${enc(appId)}/auth`,
        { backendEnvironmentName: envName, resourceName, resourceConfig }),
    getStorage: (appId, envName, resourceName) =>
      call('POST', `${at('storage', appId, envName)}/details`, { resourceName }),
    getModels: (appId, envName, resourceName) =>
      call('POST', `${at('api', appId, envName)}/getModels`, { resourceName }),
    // The account's bucket names (ListS3Buckets, every page).
    async bucketNames() {
      const names = [];
      let nextToken;
      do {
        const page = await call('POST', '/s3Buckets', nextToken ? { nextToken } : {});
        names.push(...(page.buckets ?? []).map((b) => b.name));
        nextToken = page.nextToken;
      } while (nextToken);
      return names;
    },
    // Resolves null instead of rejecting with NotFoundException.
    async orNull(promise) {
      try { return await promise; } catch (err) {
        if (err.type === 'NotFoundException') return null;
        throw err;
      }
    },
    getApi: (appId, envName, resourceName) =>
      call('POST', `${at('api', appId, envName)}/details`, { resourceName }),
    getAuth: (appId, envName, resourceName) =>
      call('POST', `${at('auth', appId, envName)}/details`, { resourceName }),
    getToken: (appId, sessionId) =>
      call('GET', `/backend/${enc(appId)}/challenge/${enc(sessionId)}`),
    adminApp: (appId) => call('GET', `/_admin/api/apps/${enc(appId)}`),
  };
}

// Runs `fn` over `items` with at most `n` calls in flight.
export async function inParallel(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

// ---------------------------------------------------------------------------- browser

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no browser at ${executablePath}: apt-get install chromium, or set CHROMIUM`);
  }
  const args = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-extensions', '--disable-background-networking', '--headless=new'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args,
    defaultViewport: { width: 1280, height: 900 },
  });
}

const NETWORK_LOG = /^Failed to load resource: the server responded with a status of/;

// A page in a fresh browser context (own cache and storage), watched for problems: console
// errors, page errors, failed requests, answers >= 500, missing console assets, and any request
// to another host. 4xx answers of API calls are normal UI flow (a screen shows them): they are
// kept in `apiErrors`, not counted as problems.
export async function openPage(browser, server) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const origin = new URL(server.url).origin;
  const w = { page, context, server, problems: [], foreign: [], apiErrors: [] };
  // Anything but the console's own files (under /_admin/, except the admin API).
  const isApi = (url) => !new URL(url).pathname.startsWith('/_admin/') ||
    new URL(url).pathname.startsWith('/_admin/api/');
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url || '';
    if (NETWORK_LOG.test(msg.text()) && where && isApi(where)) return;  // see 'response'
    w.problems.push(`console error: ${msg.text()} ${where}`);
  });
  page.on('pageerror', (err) => w.problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
      w.foreign.push(req.url());
    }
  });
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText || '';
    // A screen aborts its fetches when it is left (ctx.signal): not a failure.
    if (reason === 'net::ERR_ABORTED' && isApi(req.url())) return;
    w.problems.push(`request failed: ${req.method()} ${req.url()} ${reason}`);
  });
  page.on('response', (res) => {
    const status = res.status();
    if (status < 400) return;
    const line = `${status} ${res.request().method()} ${res.url()}`;
    if (status >= 500 || !isApi(res.url())) w.problems.push(`bad answer: ${line}`);
    else w.apiErrors.push(line);
  });
  w.assertClean = () => {
    assert.deepEqual(w.foreign, [], 'requests to hosts other than the server');
    assert.deepEqual(w.problems, [], 'console errors, page errors or failed requests');
  };
  w.close = () => context.close();
  return w;
}

// Runs `fn(w)` with a fresh page on `server`; the page must end with no problem recorded.
export async function withPage(t, browser, server, fn) {
  const w = await openPage(browser, server);
  try {
    await fn(w);
    w.assertClean();
  } catch (err) {
    if (w.problems.length) t.diagnostic(`page problems: ${w.problems.join(' | ')}`);
    throw err;
  } finally {
    await w.close();
  }
}

// Opens a console route (`#/apps`, ...) the way a person would: by URL.
export async function visit(w, hash = '') {
  await w.page.goto(`${w.server.url}/_admin/${hash}`, { waitUntil: 'load' });
}

// Sums the bytes transferred (headers and bodies, as sent) for every request made while
// loading `url` until the network is idle.
export async function measureLoad(page, url) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes = new Map();
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => sizes.set(e.requestId, 0));
  await page.goto(url, { waitUntil: 'networkidle0' });
  await cdp.detach();
  const requests = [...sizes].map(([id, bytes]) => ({ url: urls.get(id), bytes }));
  return { bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
}

// ---------------------------------------------------------------------------- checks

let axeSource;
export const axeFindings = {};

// Runs axe-core on the page as it is; fails on any serious or critical violation.
export async function axeCheck(page, name) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  axeFindings[name] = violations;
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe-core: serious/critical violations on screen "${name}"`);
  return violations;
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  screenshots.push(file);
  return file;
}

// Every screen a test reaches: a screenshot named after it, then axe-core.
export async function checkScreen(w, name) {
  await screenshot(w.page, name);
  await axeCheck(w.page, name);
}

export async function writeReport(name, data) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(path.join(SCREENSHOT_DIR, name), JSON.stringify(data, null, 2));
}

// ---------------------------------------------------------------------------- finding things

const sessions = new WeakMap();

// The page's accessibility tree as Chromium computes it: [{role, name}] of non-ignored nodes.
export async function axNodes(page) {
  if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
  const { nodes } = await sessions.get(page).send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value || '', name: (n.name?.value || '').trim() }));
}

const matches = (name, want) => (want instanceof RegExp ? want.test(name)
  : name.toLowerCase() === String(want).toLowerCase());

// Waits for an element by ARIA role(s) and accessible name (exact, case-insensitive, or a
// RegExp), so the lookup itself checks labelling. `within`: a CSS selector or an element it
// must be inside.
export async function getByRole(page, roles, name, { timeout = 10000, within, all = false } = {}) {
  const sel = typeof within === 'string' ? within : '';
  const box = typeof within === 'object' ? within : null;
  const roleList = [roles].flat();
  return until(async () => {
    const found = [];
    const seen = new Set();
    for (const node of await axNodes(page)) {
      if (!roleList.includes(node.role) || !matches(node.name, name)) continue;
      const key = `${node.role}\u0000${node.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const q = node.name.includes('"') ? `'${node.name}'` : `"${node.name}"`;
      for (const handle of await page.$$(`::-p-aria([name=${q}][role="${node.role}"])`)) {
        const ok = await handle.evaluate((el, css, outer) => (!css || !!el.closest(css)) &&
          (!outer || outer.contains(el)) && el.getClientRects().length > 0, sel, box);
        if (ok) found.push(handle);
      }
    }
    return all ? found.length && found : found[0];
  }, { timeout, what: `${roleList.join('|')} named ${name}${sel ? ` in ${sel}` : ''}` });
}

export const TEXT_FIELD = ['textbox', 'searchbox', 'combobox', 'spinbutton'];

export const button = (page, name, opts) => getByRole(page, 'button', name, opts);
export const field = (page, name, opts) => getByRole(page, TEXT_FIELD, name, opts);

// Replaces the value of a labelled text field (input or textarea) as a person would.
export async function fill(page, name, value, opts) {
  const el = await field(page, name, opts);
  await el.click({ count: 3 });
  await el.evaluate((e) => { e.select?.(); });
  await page.keyboard.press('Backspace');
  await el.type(String(value));
  return el;
}

// Chooses an option of a labelled <select>, once the option is there.
export async function choose(page, name, value, opts) {
  const el = await getByRole(page, 'combobox', name, opts);
  await until(async () => (await el.select(value))[0] === value,
    { what: `option ${value} of ${name}` });
  return el;
}

export const bodyText = (page) => page.evaluate(() => document.body.innerText);

export async function waitForText(page, re, { timeout = 10000 } = {}) {
  await page.waitForFunction((src, flags) => new RegExp(src, flags).test(document.body.innerText),
    { timeout }, re.source, re.flags);
}

// Answers the console's confirm dialog (ui.js confirmAction: a modal <dialog>).
export async function confirmDialog(page, answer = /^(ok|confirm|delete|remove|yes)/i) {
  const dialog = await page.waitForSelector('dialog[open]');
  assert.ok(await dialog.evaluate((d) => d.matches(':modal')), 'the confirm dialog is modal');
  const yes = await button(page, answer, { within: 'dialog[open]' });
  await yes.click();
  await page.waitForSelector('dialog[open]', { hidden: true });
}
