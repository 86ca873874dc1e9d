// #/apps/<appId> — the app's environments (GetBackend), kept live; create, clone and delete
// environments, and remove all backends.
import {
  h, field, section, errorNote, successNote, show, busy, confirmAction, dataTable, breadcrumbs,
  jobSummary,
} from '../ui.js';
import { label, isAbortError, IDENTIFIER_PATTERN } from '../api.js';
import { hrefs } from '../router.js';

const REFRESH_MS = 3000;

// The one place that talks to GetBackend for this screen; `state` keeps the latest answer.
function backendLoader(ctx, state, onData, errorSlot) {
  const { api, params, signal } = ctx;
  return async () => {
    try {
      const res = await api.request('POST', `/backend/${label(params.appId)}/details`, {},
        { signal });
      state.backend = res;
      show(errorSlot, null);
      onData(res);
    } catch (err) {
      if (!isAbortError(err)) show(errorSlot, errorNote(err), { keepSame: true });
    }
  };
}

function environmentsSection(ctx, state) {
  const { api, params } = ctx;
  const table = dataTable('Environments, in creation order', ['Environment', 'Links', 'Actions'],
    'This app has no environments.');
  const result = h('div');
  const rows = (envs) => envs.map((env) => [
    h('a', { href: hrefs.environment(params.appId, env) }, env),
    h('span', { class: 'actions' },
      h('a', { href: hrefs.resources(params.appId, env) }, `Resources of ${env}`),
      h('a', { href: hrefs.settings(params.appId) }, 'Admin UI settings')),
    h('button', { type: 'button', class: 'danger small', 'aria-label': `Delete ${env}`,
      onclick: (e) => deleteEnvironment(e.currentTarget, env) }, 'Delete'),
  ]);

  async function deleteEnvironment(button, env) {
    if (!await confirmAction(`Delete environment “${env}” of ${params.appId}, with all its ` +
      'resources and jobs?')) return;
    try {
      const job = await busy(button, () => api.request('POST',
        `/backend/${label(params.appId)}/environments/${label(env)}/remove`));
      show(result, successNote(jobSummary(`Deleting ${env}`, job)), { focus: true });
      state.reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  }

  return {
    node: section('Environments', result, h('div', { class: 'table-wrap' }, table.table)),
    update: (res) => {
      const envs = res.backendEnvironmentList ?? [];
      table.fill(rows(envs), envs.join('\n'));
    },
  };
}

function createSection(ctx, state) {
  const name = field({ label: 'Environment name', name: 'backendEnvironmentName',
    required: true, pattern: IDENTIFIER_PATTERN });
  const submit = h('button', { type: 'submit' }, 'Create environment');
  const result = h('div');
  const form = h('form', { class: 'inline', onsubmit: async (event) => {
    event.preventDefault();
    const env = name.control.value.trim();
    try {
      const job = await busy(submit, () => ctx.api.request('POST', '/backend', {
        appId: ctx.params.appId,
        appName: state.backend?.appName || ctx.params.appId,
        backendEnvironmentName: env,
      }));
      show(result, successNote(jobSummary(`Creating ${env}`, job)));
      name.control.value = '';
      state.reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, name, submit);
  return section('Create an environment', form, result);
}

function cloneSection(ctx, state) {
  const source = field({ label: 'Source environment', name: 'source', options: [] });
  const target = field({ label: 'New environment name', name: 'targetEnvironmentName',
    required: true, pattern: IDENTIFIER_PATTERN });
  const submit = h('button', { type: 'submit' }, 'Clone environment');
  const result = h('div');
  const form = h('form', { class: 'inline', onsubmit: async (event) => {
    event.preventDefault();
    const from = source.control.value;
    const to = target.control.value.trim();
    try {
      const job = await busy(submit, () => ctx.api.request('POST',
        `/backend/${label(ctx.params.appId)}/environments/${label(from)}/clone`,
        { targetEnvironmentName: to }));
      show(result, successNote(jobSummary(`Cloning ${from} into ${to}`, job)));
      target.control.value = '';
      state.reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, source, target, submit);
  return {
    node: section('Clone an environment', form, result),
    update: (res) => {
      const envs = res.backendEnvironmentList ?? [];
      const select = source.control;
      if ([...select.options].map((o) => o.value).join('\n') === envs.join('\n')) return;
      const chosen = select.value;
      select.replaceChildren(...envs.map((env) => h('option', { value: env,
        selected: env === chosen }, env)));
      submit.disabled = envs.length === 0;
    },
  };
}

function removeAllSection(ctx) {
  const { api, params } = ctx;
  const clean = field({ label: 'Also delete the app, its admin UI config and tokens',
    name: 'cleanAmplifyApp', type: 'checkbox' });
  const result = h('div');
  const button = h('button', { type: 'button', class: 'danger', onclick: async () => {
    const cleanAmplifyApp = clean.control.checked;
    if (!await confirmAction(`Remove every environment of ${params.appId}` +
      (cleanAmplifyApp ? ' and the app itself?' : '?'), { confirmLabel: 'Remove all' })) return;
    try {
      const job = await busy(button, () => api.request('POST',
        `/backend/${label(params.appId)}/remove`, { cleanAmplifyApp }));
      show(result, successNote(jobSummary('Removing all backends', job)));
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, 'Remove all backends');
  return section('Remove all backends', clean, h('div', { class: 'actions' }, button), result);
}

export function render(container, ctx) {
  const { appId } = ctx.params;
  const state = {};
  const loadError = h('div');
  const subtitle = h('p', { class: 'subtitle' }, 'Loading…');
  const envs = environmentsSection(ctx, state);
  const clone = cloneSection(ctx, state);
  state.reload = backendLoader(ctx, state, (res) => {
    subtitle.textContent = res.appName ? `App name: ${res.appName}` : '';
    envs.update(res);
    clone.update(res);
  }, loadError);

  container.append(
    breadcrumbs(['Apps', hrefs.apps()], [appId]),
    h('h1', {}, appId), subtitle,
    h('p', {}, h('a', { href: hrefs.settings(appId) }, 'Admin UI settings and challenge tokens')),
    loadError, envs.node, createSection(ctx, state), clone.node, removeAllSection(ctx));
  ctx.every(REFRESH_MS, state.reload);
  return state.reload();
}
