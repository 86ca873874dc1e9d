// #/apps — every app of the signed-in account and region (admin API, a page at a time, with a
// debounced search), refreshed while visible, and a form that creates an app (CreateBackend).
import {
  h, field, section, errorNote, successNote, show, busy, debounce, formatTime,
  pagerControls, dataTable,
} from '../ui.js';
import { Pager, queryString, isAbortError, IDENTIFIER_PATTERN } from '../api.js';
import { hrefs } from '../router.js';

const PAGE_SIZE = 50;
const REFRESH_MS = 5000;
const IDENTIFIER_HELP = 'Letters, digits, “.”, “_” and “-”, starting with a letter or digit.';

// The admin API path of one page of apps.
export function appsPath(search, token, limit = PAGE_SIZE) {
  return `/_admin/api/apps${queryString({ search: search.trim(), limit, nextToken: token })}`;
}

function appRows(apps) {
  return apps.map((app) => [
    h('a', { href: hrefs.app(app.appId) }, app.appId),
    app.appName || '—',
    formatTime(app.createTime),
    app.hasConfig ? h('a', { href: hrefs.settings(app.appId) }, 'Enabled') : 'Not enabled',
  ]);
}

function listSection(ctx) {
  const { api, signal } = ctx;
  const pager = new Pager();
  let search = ctx.query.search ?? '';
  let sequence = 0; // answers to superseded requests (older search, other page) are dropped
  const errorSlot = h('div');
  const table = dataTable('Apps, ordered by app ID', ['App ID', 'Name', 'Created', 'Admin UI'],
    'No apps match.');
  const nav = pagerControls(pager, () => load(), 'page');

  async function load() {
    const mine = ++sequence;
    try {
      const res = await api.request('GET', appsPath(search, pager.token), undefined, { signal });
      if (mine !== sequence) return;
      pager.update(res.nextToken);
      table.fill(appRows(res.apps ?? []), JSON.stringify(res));
      nav.refresh();
      show(errorSlot, null);
    } catch (err) {
      if (mine !== sequence || isAbortError(err)) return;
      show(errorSlot, errorNote(err), { keepSame: true });
    }
  }

  const searchField = field({ label: 'Search apps', name: 'search', type: 'search',
    value: search, help: 'Part of an app ID or name; not case-sensitive.' });
  searchField.control.addEventListener('input', debounce(() => {
    search = searchField.control.value;
    // Keep the search in the address so reload and back return to it, without a re-route.
    history.replaceState(null, '', hrefs.apps() + queryString({ search: search.trim() }));
    pager.reset();
    load();
  }, 300));

  ctx.every(REFRESH_MS, load);
  load();
  const node = section('All apps',
    h('form', { class: 'inline', role: 'search', onsubmit: (e) => e.preventDefault() },
      searchField),
    errorSlot, h('div', { class: 'table-wrap' }, table.table), nav);
  return { node, reload: load };
}

function createSection(ctx, onCreated) {
  const appId = field({ label: 'App ID', name: 'appId', required: true,
    pattern: IDENTIFIER_PATTERN, help: IDENTIFIER_HELP });
  const appName = field({ label: 'App name', name: 'appName', required: true });
  const env = field({ label: 'First environment', name: 'backendEnvironmentName',
    value: 'staging', required: true, pattern: IDENTIFIER_PATTERN, help: IDENTIFIER_HELP });
  const submit = h('button', { type: 'submit' }, 'Create app');
  const result = h('div');
  const form = h('form', { class: 'inline', onsubmit: async (event) => {
    event.preventDefault();
    const body = {
      appId: appId.control.value.trim(),
      appName: appName.control.value.trim(),
      backendEnvironmentName: env.control.value.trim(),
    };
    try {
      const job = await busy(submit, () => ctx.api.request('POST', '/backend', body));
      show(result, successNote(h('span', {}, 'Creating ',
        h('a', { href: hrefs.app(body.appId) }, body.appId),
        ` with environment ${body.backendEnvironmentName}: job ${job.jobId ?? '—'} is ` +
        `${job.status ?? 'submitted'}.`)));
      appId.control.value = '';
      appName.control.value = '';
      onCreated();
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, appId, appName, env, submit);
  return section('Create an app', h('p', { class: 'help' },
    'Creates the app’s backend and its first environment (CreateBackend).'), form, result);
}

export function render(container, ctx) {
  const list = listSection(ctx);
  container.append(
    h('h1', {}, 'Apps'),
    h('p', { class: 'subtitle' }, 'Amplify apps with a backend in this account and region.'),
    createSection(ctx, list.reload),
    list.node);
}
