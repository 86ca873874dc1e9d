// Hash routes → screen modules. parseRoute/hrefs are pure (unit-tested); startRouter runs
// screens in the page: it loads each screen lazily, so a missing module shows an error panel
// instead of breaking the app, and stops the previous screen's timers and requests on leave.

// Each pattern is a list of segments; ':name' captures a (decoded) segment.
const ROUTES = [
  { screen: 'apps', pattern: [] },
  { screen: 'apps', pattern: ['apps'] },
  { screen: 'app', pattern: ['apps', ':appId'] },
  { screen: 'settings', pattern: ['apps', ':appId', 'settings'] },
  { screen: 'environment', pattern: ['apps', ':appId', 'env', ':env'] },
  { screen: 'datamodel', pattern: ['apps', ':appId', 'env', ':env', 'api', ':resourceName'] },
  { screen: 'resources', pattern: ['apps', ':appId', 'env', ':env', 'resources'] },
  { screen: 'resources',
    pattern: ['apps', ':appId', 'env', ':env', 'resources', ':kind', ':resourceName'],
    check: (p) => ['auth', 'api', 'storage'].includes(p.kind) },
  { screen: 'buckets', pattern: ['buckets'] },
  { screen: 'server', pattern: ['server'] },
];

// The module of each screen, as paths relative to this file (literal strings, so a static
// server and any tool can see them).
export const SCREEN_MODULES = {
  apps: () => import('./screens/apps.js'),
  app: () => import('./screens/app.js'),
  settings: () => import('./screens/settings.js'),
  environment: () => import('./screens/environment.js'),
  datamodel: () => import('./screens/datamodel.js'),
  resources: () => import('./screens/resources.js'),
  buckets: () => import('./screens/buckets.js'),
  server: () => import('./screens/server.js'),
};

// The top-level section a screen belongs to, for marking the current nav link.
export const SECTION_OF = {
  apps: 'apps', app: 'apps', settings: 'apps', environment: 'apps', datamodel: 'apps',
  resources: 'apps', buckets: 'buckets', server: 'server',
};

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function parseQuery(text) {
  const query = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (key !== null && value !== null) query[key] = value;
  }
  return query;
}

// '#/apps/a%2Fb/env/dev?x=1' → { screen: 'environment', params: {appId: 'a/b', env: 'dev'},
// query: {x: '1'} }; an unknown route → { screen: 'notFound', ... }.
export function parseRoute(hash) {
  const text = (hash || '').replace(/^#/, '');
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const query = parseQuery(q < 0 ? '' : text.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params = {};
    const matches = route.pattern.every((part, i) => {
      if (!part.startsWith(':')) return part === segments[i];
      const value = decode(segments[i]);
      if (value === null || value === '') return false;
      params[part.slice(1)] = value;
      return true;
    });
    if (matches && (!route.check || route.check(params))) {
      return { screen: route.screen, params, query };
    }
  }
  return { screen: 'notFound', params: { path }, query };
}

const enc = encodeURIComponent;

// Hash links for every screen, so no screen builds route strings by hand.
export const hrefs = {
  apps: () => '#/apps',
  app: (appId) => `#/apps/${enc(appId)}`,
  settings: (appId) => `#/apps/${enc(appId)}/settings`,
  environment: (appId, env) => `#/apps/${enc(appId)}/env/${enc(env)}`,
  dataModel: (appId, env, resourceName) =>
    `#/apps/${enc(appId)}/env/${enc(env)}/api/${enc(resourceName)}`,
  resources: (appId, env, kind, resourceName) => (kind
    ? `#/apps/${enc(appId)}/env/${enc(env)}/resources/${enc(kind)}/${enc(resourceName)}`
    : `#/apps/${enc(appId)}/env/${enc(env)}/resources`),
  buckets: () => '#/buckets',
  server: () => '#/server',
};

// A repeating task for a screen: runs `fn` every `ms` after the previous run finished (never
// two at once), skips runs while the page is hidden, stops when `signal` aborts.
export function every(ms, fn, signal, isHidden = () => globalThis.document?.hidden) {
  let timer;
  const tick = async () => {
    if (signal.aborted) return;
    if (!isHidden()) {
      try {
        await fn();
      } catch {
        // A failed refresh is shown by the screen's own load code; keep polling.
      }
    }
    if (!signal.aborted) timer = setTimeout(tick, ms);
  };
  timer = setTimeout(tick, ms);
  signal.addEventListener('abort', () => clearTimeout(timer));
}

// Runs the screen of the current hash in `container` and follows hash changes.
// `onRoute(route)` lets the shell update the nav; `renderError(container, err, route)` draws
// the panel for a screen that fails to load or render.
export function startRouter({ container, api, onRoute, renderError, modules = SCREEN_MODULES }) {
  let controller = null;
  let first = true;

  async function run() {
    const moveFocus = !first;
    first = false;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const route = parseRoute(location.hash);
    onRoute?.(route);
    container.replaceChildren();
    const ctx = {
      api,
      params: route.params,
      query: route.query,
      signal,
      navigate: (hash) => { location.hash = hash; },
      every: (ms, fn) => every(ms, fn, signal),
    };
    try {
      const load = modules[route.screen];
      if (!load) throw Object.assign(new Error(`No page at “#${route.params.path}”.`),
        { type: 'NotFound' });
      const screen = await load();
      if (signal.aborted) return;
      await screen.render(container, ctx);
    } catch (err) {
      if (!signal.aborted) renderError(container, err, route);
    }
    // After a navigation, screen-reader and keyboard users start at the new page's title.
    const heading = container.querySelector('h1');
    if (moveFocus && heading && !signal.aborted) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  window.addEventListener('hashchange', run);
  run();
  return { reload: run };
}
