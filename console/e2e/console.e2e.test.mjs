// End-to-end tests of the admin console: the real server binary, Debian's Chromium, the screens
// driven through their accessible roles and labels, and every change checked through the
// public API (the routes the SDKs use). Run: `cd console && node --test e2e/`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as h from './harness.mjs';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([h.startServer(), h.launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await h.writeReport('axe.json', h.axeFindings);  // every violation, minor ones too
  if (h.screenshots.length) console.log(`screenshots:\n  ${h.screenshots.join('\n  ')}`);
});

const unique = (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`;

// Runs `fn` with a fresh page on `srv`; the page must end with no problem recorded.
async function withPage(t, srv, fn) {
  const w = await h.openPage(browser, srv);
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

// The app ids the page links to (`#/apps/<appId>…`), in page order.
const linkedAppIds = (page) => page.$$eval('main a[href^="#/apps/"]', (links) => [
  ...new Set(links.map((a) => decodeURIComponent(a.getAttribute('href').split('/')[2]))),
]);

test('GET / redirects a browser to /_admin/; the first load is under 1 MB', async (t) => {
  const res = await fetch(`${server.url}/`,
    { headers: { accept: 'text/html' }, redirect: 'manual' });
  assert.ok([301, 302, 303, 307, 308].includes(res.status), `status ${res.status}`);
  assert.equal(new URL(res.headers.get('location'), server.url).pathname, '/_admin/');

  await withPage(t, server, async (w) => {
    const { bytes, requests } = await h.measureLoad(w.page, `${server.url}/_admin/`);
    const line = `first load of /_admin/: ${bytes} bytes in ${requests.length} requests`;
    t.diagnostic(line);
    await h.writeReport('first-load.json', { bytes, requests });
    assert.ok(bytes < 1_000_000, line);
    await h.getByRole(w.page, 'heading', /^apps$/i);
    await h.checkScreen(w, 'apps-empty');

    // A browser following the redirect lands on the console.
    await w.page.goto(`${server.url}/`);
    assert.equal(new URL(w.page.url()).pathname, '/_admin/');
  });
});

test('apps screen: 1,000 apps, search and paging', async (t) => {
  const ids = Array.from({ length: 1000 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
  const started = Date.now();
  await h.inParallel(ids, 16, (id, i) => server.api.createBackend(id, `Bulk app ${i}`));
  await server.api.createBackend('needle-app', 'Zebra finder');
  t.diagnostic(`created 1,001 apps in ${Date.now() - started} ms`);

  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, '#/apps');
    await h.until(async () => (await linkedAppIds(page))[0] === 'bulk-0000',
      { what: 'the first page' });
    const firstPage = await linkedAppIds(page);
    assert.ok(firstPage.length >= 10 && firstPage.length <= 100, `page of ${firstPage.length}`);
    await h.checkScreen(w, 'apps');

    // Paging: the next page continues in appId order, previous comes back.
    await (await h.button(page, /^next/i)).click();
    await h.until(async () => {
      const shown = await linkedAppIds(page);
      return shown.length && shown[0] > firstPage.at(-1);
    }, { what: 'the second page' });
    await (await h.button(page, /^previous/i)).click();
    await h.until(async () => (await linkedAppIds(page))[0] === 'bulk-0000',
      { what: 'back on the first page' });

    // Search (appName, case-insensitive) finds the one app.
    const search = await h.field(page, /^search apps/i);
    await search.type('ZEBRA');
    await h.until(async () => {
      const shown = await linkedAppIds(page);
      return shown.length === 1 && shown[0] === 'needle-app';
    }, { what: 'the search result' });
    await h.waitForText(page, /Zebra finder/);
    await h.checkScreen(w, 'apps-search');
  });
});

test('create an app through the form', async (t) => {
  const appId = unique('ui-app');
  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, '#/apps');
    await h.fill(page, /^app id/i, appId);
    await h.fill(page, /^app name/i, 'Made in the browser');
    await h.fill(page, /^first environment/i, 'dev');
    await h.checkScreen(w, 'apps-create-form');
    await (await h.button(page, /^create app$/i)).click();
    const backend = await h.until(() => server.api.getBackendOrNull(appId), { what: appId });
    assert.equal(backend.appName, 'Made in the browser');
    assert.deepEqual(backend.backendEnvironmentList, ['dev']);
    await h.getByRole(page, 'link', appId);  // the note links to the new app
  });
});

test('app screen: create, clone and delete environments', async (t) => {
  const appId = unique('envs');
  await server.api.createBackend(appId, 'Environments', 'dev');
  const envs = async () => (await server.api.getBackend(appId)).backendEnvironmentList;
  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}`);
    await h.getByRole(page, 'heading', appId);
    await h.getByRole(page, 'link', /^dev$/);
    await h.checkScreen(w, 'app');

    await h.fill(page, /^environment name/i, 'staging');
    await (await h.button(page, /^create environment$/i)).click();
    await h.until(async () => (await envs()).includes('staging'), { what: 'staging' });
    await h.getByRole(page, 'link', /^staging$/);

    await h.choose(page, /^source environment/i, 'staging');
    await h.fill(page, /^new environment name/i, 'qa');
    await (await h.button(page, /^clone environment$/i)).click();
    await h.until(async () => (await envs()).includes('qa'), { what: 'qa' });
    await h.getByRole(page, 'link', /^qa$/);

    await (await h.button(page, /^delete qa$/i)).click();
    await h.confirmDialog(page);
    await h.until(async () => !(await envs()).includes('qa'), { what: 'qa gone' });
    assert.deepEqual(await envs(), ['dev', 'staging']);
  });
});

test('environment screen: a job started through the API turns COMPLETED live', async (t) => {
  const jobsServer = await h.startServer(['--job-duration', '3']);
  try {
    const { api } = jobsServer;
    const appId = unique('jobs');
    const created = await api.createBackend(appId, 'Jobs', 'dev');
    const status = async (jobId) => (await api.getJob(appId, 'dev', jobId)).status;
    await h.until(async () => (await status(created.jobId)) === 'COMPLETED',
      { timeout: 15000, what: 'CreateBackend to complete' });
    await withPage(t, jobsServer, async (w) => {
      const { page } = w;
      await h.visit(w, `#/apps/${appId}/env/dev`);
      await h.waitForText(page, /CreateBackend\b/);
      await page.evaluate(() => { window.e2eNoReload = true; });

      const job = await api.createApi(appId, 'dev', 'liveapi',
        { apiName: 'liveapi', transformSchema: 'type Todo @model { id: ID! name: String }' });
      assert.equal(job.status, 'RUNNING');
      const jobs = await h.getByRole(page, 'table', /^jobs/i);
      const rowOf = () => jobs.$$eval('tr', (rows, id) =>
        rows.map((r) => r.innerText).find((text) => text.includes(id)) || '', job.jobId);
      await h.until(async () => /RUNNING/.test(await rowOf()),
        { timeout: 10000, what: 'the new job, RUNNING' });
      await h.checkScreen(w, 'environment-job-running');
      await h.until(async () => /COMPLETED/.test(await rowOf()),
        { timeout: 15000, what: 'the job to turn COMPLETED' });
      assert.ok(await page.evaluate(() => window.e2eNoReload), 'the page was not reloaded');
      await h.checkScreen(w, 'environment');
    });
  } finally {
    await jobsServer.stop();
  }
});

test('resources: add auth and an API through the forms', async (t) => {
  const appId = unique('res');
  await server.api.createBackend(appId, 'Resources', 'dev');
  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}/env/dev/resources`);

    // Each kind is a region named by its heading; its form opens inside it.
    const auth = await h.getByRole(page, 'region', /^authentication$/i);
    await (await h.button(page, /^add auth resource$/i, { within: auth })).click();
    await h.fill(page, /^resource name/i, 'userauth', { within: auth });
    await h.fill(page, /^user pool name/i, 'userpool1', { within: auth });
    await h.checkScreen(w, 'resources-auth-form');
    await (await h.button(page, /^create$/i, { within: auth })).click();
    const created = await h.until(() => server.api.getAuth(appId, 'dev', 'userauth')
      .catch(() => null), { what: 'the auth resource' });
    assert.equal(created.resourceConfig.userPoolConfigs.userPoolName, 'userpool1');
    assert.equal(created.resourceConfig.authResources, 'USER_POOL_ONLY');

    const apis = await h.getByRole(page, 'region', /^api$/i);
    await (await h.button(page, /^add api resource$/i, { within: apis })).click();
    await h.fill(page, /^resource name/i, 'todoapi', { within: apis });
    await h.fill(page, /^api name/i, 'todoapi', { within: apis });
    await h.fill(page, /^graphql schema/i, 'type Todo @model { id: ID! name: String }',
      { within: apis });
    await (await h.button(page, /^create$/i, { within: apis })).click();
    const api = await h.until(() => server.api.getApi(appId, 'dev', 'todoapi')
      .catch(() => null), { what: 'the API resource' });
    assert.equal(api.resourceConfig.apiName, 'todoapi');
    assert.match(api.resourceConfig.transformSchema, /type Todo @model/);

    // Both are listed once the screen refreshes.
    await h.getByRole(page, 'link', /^userauth$/);
    await h.getByRole(page, 'link', /^todoapi$/);
    await h.checkScreen(w, 'resources');
  });
});

const BLOG_SCHEMA = `type Blog @model {
  id: ID!
  name: String!
  posts: [Post] @hasMany
}

type Post @model {
  id: ID!
  title: String!
  blog: Blog @belongsTo
  comments: [Comment] @hasMany
  tags: [Tag] @manyToMany(relationName: "PostTags")
}

type Comment @model {
  id: ID!
  content: String
}

type Tag @model {
  id: ID!
  label: String!
  posts: [Post] @manyToMany(relationName: "PostTags")
}
`;

const BAD_SCHEMA = 'type Blog @model {\n  id: ID!\n  posts: [Post @hasMany\n}\n';

test('data model: the diagram, a schema error marked, then fixed', async (t) => {
  const appId = unique('model');
  await server.api.createBackend(appId, 'Blog', 'dev');
  await server.api.createApi(appId, 'dev', 'blogapi',
    { apiName: 'blogapi', transformSchema: BLOG_SCHEMA });
  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}/env/dev/api/blogapi`);
    await (await h.button(page, /^generate models$/i)).click();

    // The diagram: an image with a name, a box per model, a labelled edge per relation.
    const diagram = await h.getByRole(page, 'image', /\S/);
    const texts = await h.until(async () => {
      const shown = await diagram.$$eval('text', (ts) => ts.map((x) => x.textContent.trim()));
      return ['Blog', 'Post', 'Comment', 'Tag'].every((m) => shown.includes(m)) && shown;
    }, { what: 'the four models in the diagram' });
    for (const relation of [/hasMany/, /belongsTo/, /manyToMany/]) {
      assert.ok(texts.some((x) => relation.test(x)), `an edge labelled ${relation}`);
    }
    assert.ok(await diagram.$$eval('polyline, path, line', (e) => e.length) >= 3, 'edges drawn');
    await h.checkScreen(w, 'datamodel');

    // An invalid schema typed into the editor: Generate saves it, the job fails, line 3 is marked.
    await h.fill(page, /^graphql transform schema/i, BAD_SCHEMA);
    await (await h.button(page, /^generate models$/i)).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[role="alert"]')]
      .some((a) => /line 3\b/i.test(a.textContent)));
    const editor = await h.field(page, /^graphql transform schema/i);
    assert.equal(await editor.evaluate((e) => e.getAttribute('aria-invalid')), 'true');
    assert.equal(await page.$eval('.dm-mark', (m) => m.textContent.trim()), '3');
    const saved = await server.api.getApi(appId, 'dev', 'blogapi');
    assert.equal(saved.resourceConfig.transformSchema, BAD_SCHEMA);
    await h.checkScreen(w, 'datamodel-error');

    // The schema fixed and generated again: the mark, the invalid state and the error go.
    await h.fill(page, /^graphql transform schema/i, BLOG_SCHEMA);
    await (await h.button(page, /^generate models$/i)).click();
    await h.waitForText(page, /Models generated\./);
    assert.equal(await page.$('.dm-mark'), null, 'no line marked');
    assert.equal(await editor.evaluate((e) => e.getAttribute('aria-invalid')), null);
    assert.ok(!(await page.$$eval('[role="alert"]', (as) => as.some((a) =>
      /schema error|line 3\b/i.test(a.textContent)))), 'no schema error shown');
    const fixed = await h.getByRole(page, 'image', /^data model diagram: 4 models/i);
    assert.ok(await fixed.$$eval('g.dm-box.dm-model', (gs) => gs.length === 4));
    assert.equal((await server.api.getApi(appId, 'dev', 'blogapi')).resourceConfig
      .transformSchema, BLOG_SCHEMA);
    assert.equal((await server.api.getModels(appId, 'dev', 'blogapi')).status, 'LATEST');
    await h.checkScreen(w, 'datamodel-fixed');
  });
});

test('settings: admin UI config and a challenge token', async (t) => {
  const appId = unique('cfg');
  await server.api.createBackend(appId, 'Settings', 'dev');
  const adminApp = () => server.api.adminApp(appId);
  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}/settings`);
    await (await h.button(page, /^enable the admin ui$/i)).click();
    await h.until(async () => (await adminApp()).config, { what: 'the admin UI config' });

    await h.fill(page, /^user pool id/i, 'us-east-1_e2eConsole');
    await (await h.button(page, /^save login settings$/i)).click();
    await h.until(async () => JSON.stringify((await adminApp()).config)
      .includes('"aws_user_pools_id":"us-east-1_e2eConsole"'), { what: 'the login settings' });

    await (await h.button(page, /^create token$/i)).click();
    const [token] = await h.until(async () => {
      const { tokens } = await adminApp();
      return tokens.length === 1 && tokens;
    }, { what: 'a token' });
    assert.equal((await server.api.getToken(appId, token.sessionId)).sessionId, token.sessionId);
    await h.getByRole(page, 'button', `Delete session ${token.sessionId}`);
    await h.checkScreen(w, 'settings');

    await (await h.button(page, `Delete session ${token.sessionId}`)).click();
    await h.confirmDialog(page);
    await h.until(async () => (await adminApp()).tokens.length === 0, { what: 'the token gone' });
    await assert.rejects(server.api.getToken(appId, token.sessionId),
      { type: 'NotFoundException' });

    await (await h.button(page, /^remove config$/i)).click();
    await h.confirmDialog(page);
    await h.until(async () => (await adminApp()).config === null, { what: 'the config gone' });
    await h.getByRole(page, 'button', /^enable the admin ui$/i);
  });
});

test('buckets and server screens render; the server screen shows health and rates', async (t) => {
  const appId = unique('bucket');
  const bucketName = `${appId}-files`;
  await server.api.createBackend(appId, 'Buckets', 'dev');
  await server.api.createStorage(appId, 'dev', 'files',
    { serviceName: 'S3', bucketName, permissions: { authenticated: ['READ'] } });
  await withPage(t, server, async (w) => {
    const { page } = w;
    await h.visit(w, '#/buckets');
    await h.getByRole(page, 'heading', /^s3 buckets/i);
    const table = await h.getByRole(page, 'table', /^s3 buckets/i);
    await h.until(() => table.evaluate((el, name) => el.innerText.includes(name), bucketName),
      { what: `bucket ${bucketName} listed` });
    await h.checkScreen(w, 'buckets');

    const health = await (await fetch(`${server.url}/_health`)).json();
    await h.visit(w, '#/server');
    await h.getByRole(page, 'heading', /^server/i);
    await h.waitForText(page, new RegExp(`\\b${health.status}\\b`));
    await h.waitForText(page, new RegExp(health.version.replace(/\./g, '\\.')));
    // The charts fill from the second /_metrics scrape on (the screen refreshes every 2 s).
    await h.waitForText(page, /\bNow \S+.*; peak \S+/);
    await h.checkScreen(w, 'server');
  });
});

test('--no-console: /_admin/ answers 404', async () => {
  const bare = await h.startServer(['--no-console']);
  try {
    assert.equal((await fetch(`${bare.url}/_admin/`)).status, 404);
  } finally {
    await bare.stop();
  }
});

test('--auth enforce: the console asks for keys and signs its calls', async (t) => {
  const keys = { accessKeyId: 'AKIAE2ECONSOLE000001',
    secretAccessKey: 'e2e/Secret+Key0123456789abcdefEXAMPLE' };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'console-e2e-creds-'));
  const file = path.join(dir, 'credentials');
  await writeFile(file, `[e2e]\naws_access_key_id = ${keys.accessKeyId}\n` +
    `aws_secret_access_key = ${keys.secretAccessKey}\naws_account_id = 123456789012\n`);
  const secured = await h.startServer(['--auth', 'enforce', '--credentials', file]);
  try {
    // Set-up through the JavaScript SDK (signed), as the integration suites install it.
    const sdk = createRequire(path.join(h.REPO_ROOT, 'tests/integration/js/package.json'))(
      '@aws-sdk/client-amplifybackend');
    const client = new sdk.AmplifyBackendClient({
      endpoint: secured.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
    const appId = unique('signed');
    await client.send(new sdk.CreateBackendCommand({
      AppId: appId, AppName: 'Signed app', BackendEnvironmentName: 'dev' }));
    assert.equal((await fetch(`${secured.url}/_admin/api/apps`)).status, 403);

    await withPage(t, secured, async (w) => {
      const { page } = w;
      const authHeaders = [];
      page.on('request', (req) => {
        if (new URL(req.url()).pathname.startsWith('/_admin/api/')) {
          authHeaders.push(req.headers().authorization || '');
        }
      });
      await h.visit(w, '#/apps');
      const dialog = 'dialog[open]';
      await h.fill(page, /access key id/i, keys.accessKeyId, { within: dialog });
      await h.fill(page, /secret access key/i, keys.secretAccessKey, { within: dialog });
      await h.checkScreen(w, 'sign-in');
      await (await h.button(page, /^sign in$/i, { within: dialog })).click();
      await h.until(async () => (await linkedAppIds(page)).includes(appId), { what: appId });
      assert.match(authHeaders.at(-1),
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/`));
      await h.checkScreen(w, 'apps-signed-in');

      // A signed POST with a body: the new app lands in the keys' account.
      const madeHere = unique('signed-ui');
      await h.fill(page, /^app id/i, madeHere);
      await h.fill(page, /^app name/i, 'Signed from the browser');
      await (await h.button(page, /^create app$/i)).click();
      await h.getByRole(page, 'link', madeHere);
      const got = await client.send(new sdk.GetBackendCommand({ AppId: madeHere }));
      assert.equal(got.AppName, 'Signed from the browser');

      assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
      assert.deepEqual(await page.cookies(), [], 'no cookies');
    });
  } finally {
    await secured.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
