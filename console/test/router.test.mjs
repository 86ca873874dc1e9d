// Hash-route parsing, link building, the screen timer and the screen runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseRoute, hrefs, every, startRouter, SCREEN_MODULES, SECTION_OF,
} from '../src/js/router.js';

const cases = [
  ['', 'apps', {}],
  ['#/', 'apps', {}],
  ['#/apps', 'apps', {}],
  ['#/apps/', 'apps', {}],
  ['#/apps/app-1', 'app', { appId: 'app-1' }],
  ['#/apps/app-1/settings', 'settings', { appId: 'app-1' }],
  ['#/apps/app-1/env/dev', 'environment', { appId: 'app-1', env: 'dev' }],
  ['#/apps/app-1/env/dev/api/myApi', 'datamodel', { appId: 'app-1', env: 'dev', resourceName: 'myApi' }],
  ['#/apps/app-1/env/dev/resources', 'resources', { appId: 'app-1', env: 'dev' }],
  ['#/apps/app-1/env/dev/resources/auth/pool1', 'resources',
    { appId: 'app-1', env: 'dev', kind: 'auth', resourceName: 'pool1' }],
  ['#/apps/app-1/env/dev/resources/storage/s3', 'resources',
    { appId: 'app-1', env: 'dev', kind: 'storage', resourceName: 's3' }],
  ['#/apps/app-1/env/dev/resources/api/gql', 'resources',
    { appId: 'app-1', env: 'dev', kind: 'api', resourceName: 'gql' }],
  ['#/buckets', 'buckets', {}],
  ['#/server', 'server', {}],
];

for (const [hash, screen, params] of cases) {
  test(`parseRoute(${JSON.stringify(hash)}) → ${screen}`, () => {
    const route = parseRoute(hash);
    assert.equal(route.screen, screen);
    assert.deepEqual(route.params, params);
  });
}

test('unknown routes and kinds are notFound', () => {
  for (const hash of ['#/nope', '#/apps/a/env', '#/apps/a/env/e/resources/function/f',
    '#/apps/a/env/e/api', '#/buckets/x', '#/apps/a/settings/x', '#/apps/%E0%A4%A']) {
    assert.equal(parseRoute(hash).screen, 'notFound', hash);
  }
});

test('segments are percent-decoded and the query is parsed', () => {
  const route = parseRoute('#/apps/a%2Fb%20c/env/d%C3%A9v?search=my%20app&x');
  assert.deepEqual(route.params, { appId: 'a/b c', env: 'dév' });
  assert.deepEqual(route.query, { search: 'my app', x: '' });
  assert.deepEqual(parseRoute('#/apps?search=a%26b').query, { search: 'a&b' });
});

test('hrefs round-trip through parseRoute, whatever the ids hold', () => {
  const appId = 'a/b?c#d';
  const env = 'e n v';
  assert.deepEqual(parseRoute(hrefs.app(appId)), { screen: 'app', params: { appId }, query: {} });
  assert.equal(parseRoute(hrefs.settings(appId)).screen, 'settings');
  assert.deepEqual(parseRoute(hrefs.environment(appId, env)).params, { appId, env });
  assert.deepEqual(parseRoute(hrefs.dataModel(appId, env, 'api1')).params,
    { appId, env, resourceName: 'api1' });
  assert.deepEqual(parseRoute(hrefs.resources(appId, env)).params, { appId, env });
  assert.deepEqual(parseRoute(hrefs.resources(appId, env, 'storage', 's')).params,
    { appId, env, kind: 'storage', resourceName: 's' });
  assert.equal(parseRoute(hrefs.buckets()).screen, 'buckets');
  assert.equal(parseRoute(hrefs.server()).screen, 'server');
  assert.equal(parseRoute(hrefs.apps()).screen, 'apps');
});

test('every screen has a module loader and a nav section', () => {
  for (const screen of ['apps', 'app', 'settings', 'environment', 'datamodel', 'resources',
    'buckets', 'server']) {
    assert.equal(typeof SCREEN_MODULES[screen], 'function', screen);
    assert.ok(SECTION_OF[screen], screen);
  }
});

// Polls `check` until it holds (or fails after 2 s), so a loaded machine does not fail the test.
async function waitFor(check) {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 2000) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('every() never overlaps runs, skips hidden pages and stops on abort', async () => {
  const controller = new AbortController();
  let hidden = false;
  let running = 0;
  let maxRunning = 0;
  let runs = 0;
  let hiddenChecks = 0;
  every(5, async () => {
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    runs += 1;
    await new Promise((r) => setTimeout(r, 15));
    running -= 1;
    if (runs === 2) throw new Error('a failing refresh keeps the timer going');
  }, controller.signal, () => {
    if (hidden) hiddenChecks += 1;
    return hidden;
  });
  await waitFor(() => runs >= 3);
  assert.equal(maxRunning, 1);
  hidden = true;
  await waitFor(() => running === 0 && hiddenChecks >= 1);
  const whileHidden = runs;
  await waitFor(() => hiddenChecks >= 4);
  assert.equal(runs, whileHidden);
  controller.abort();
  hidden = false;
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(runs, whileHidden);
});

// startRouter with stand-ins for the page: a location, a window for hashchange, a container.
function fakePage(hash) {
  globalThis.location = { hash };
  globalThis.window = new EventTarget();
  const container = { cleared: 0, replaceChildren() { this.cleared += 1; },
    querySelector: () => null };
  const go = async (next) => {
    globalThis.location.hash = next;
    globalThis.window.dispatchEvent(new Event('hashchange'));
    await new Promise((r) => setTimeout(r, 10));
  };
  return { container, go };
}

test('startRouter renders lazily, aborts the screen it leaves, shows load failures', async () => {
  const { container, go } = fakePage('#/apps/a1');
  const seen = [];
  const errors = [];
  const routes = [];
  startRouter({
    container, api: 'API', onRoute: (r) => routes.push(r.screen),
    renderError: (_c, err, route) => errors.push([route.screen, err.message]),
    modules: {
      app: async () => ({ render: (_c, ctx) => { seen.push(ctx); } }),
      server: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    },
  });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(seen.length, 1);
  assert.deepEqual(seen[0].params, { appId: 'a1' });
  assert.equal(seen[0].api, 'API');
  assert.equal(seen[0].signal.aborted, false);

  await go('#/server');
  assert.equal(seen[0].signal.aborted, true, 'leaving a screen aborts its signal');
  assert.deepEqual(errors, [['server', 'Failed to fetch dynamically imported module']]);

  await go('#/nowhere');
  assert.equal(errors[1][0], 'notFound');
  assert.deepEqual(routes, ['app', 'server', 'notFound']);
  assert.equal(container.cleared, 3);
  delete globalThis.location;
  delete globalThis.window;
});
