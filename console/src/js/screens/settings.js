// #/apps/<appId>/settings — the app's admin-UI config (read from the admin API, changed through
// CreateBackendConfig / UpdateBackendConfig / RemoveBackendConfig) and its challenge tokens
// (listed from the admin API; CreateToken, GetToken, DeleteToken).
import {
  h, field, section, errorNote, successNote, show, busy, confirmAction, dataTable, formatTime,
  breadcrumbs, jobSummary,
} from '../ui.js';
import { label, isAbortError } from '../api.js';
import { hrefs } from '../router.js';

const REFRESH_MS = 5000;

// loginAuthConfig's members: snake_case on the wire (OPERATIONS.md §1.6).
export const LOGIN_AUTH_FIELDS = [
  ['aws_cognito_region', 'Amazon Cognito region'],
  ['aws_user_pools_id', 'User pool ID'],
  ['aws_user_pools_web_client_id', 'User pool web client ID'],
  ['aws_cognito_identity_pool_id', 'Identity pool ID'],
];

// The loginAuthConfig members whose form value differs from the stored one. The server merges
// member by member, so only changes are sent; a cleared field is sent as "".
export function loginAuthChanges(stored, values) {
  const changes = {};
  for (const [key] of LOGIN_AUTH_FIELDS) {
    const next = (values[key] ?? '').trim();
    if (next !== (stored?.[key] ?? '')) changes[key] = next;
  }
  return changes;
}

function createConfigForm(ctx, reload, result) {
  const manager = field({ label: 'Backend manager app ID', name: 'backendManagerAppId',
    help: 'Optional: the app that manages this backend.' });
  const submit = h('button', { type: 'submit' }, 'Enable the admin UI');
  return h('form', { onsubmit: async (event) => {
    event.preventDefault();
    const id = manager.control.value.trim();
    try {
      const job = await busy(submit, () => ctx.api.request('POST',
        `/backend/${label(ctx.params.appId)}/config`, id ? { backendManagerAppId: id } : {}));
      show(result, successNote(jobSummary('Enabling the admin UI', job)));
      reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, h('p', {}, 'The admin UI is not enabled for this app.'), manager,
  h('div', { class: 'actions' }, submit));
}

function editConfigForm(ctx, config, reload, result) {
  const stored = config.loginAuthConfig ?? {};
  const fields = LOGIN_AUTH_FIELDS.map(([key, text]) =>
    [key, field({ label: text, name: key, value: stored[key] ?? '' })]);
  const submit = h('button', { type: 'submit' }, 'Save login settings');
  const remove = h('button', { type: 'button', class: 'danger', onclick: async () => {
    if (!await confirmAction(`Disable the admin UI of ${ctx.params.appId} and remove its ` +
      'config?', { confirmLabel: 'Remove config' })) return;
    try {
      const res = await busy(remove, () => ctx.api.request('POST',
        `/backend/${label(ctx.params.appId)}/config/remove`));
      if (res.error) throw Object.assign(new Error(res.error), { type: 'Error' });
      show(result, successNote('The admin UI config was removed.'));
      reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, 'Remove config');
  return h('form', { onsubmit: async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(fields.map(([key, f]) => [key, f.control.value]));
    const changes = loginAuthChanges(stored, values);
    if (Object.keys(changes).length === 0) {
      show(result, successNote('Nothing changed.'));
      return;
    }
    try {
      const res = await busy(submit, () => ctx.api.request('POST',
        `/backend/${label(ctx.params.appId)}/config/update`, { loginAuthConfig: changes }));
      if (res.error) throw Object.assign(new Error(res.error), { type: 'Error' });
      show(result, successNote('Saved.'));
      reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  } },
  h('dl', { class: 'facts' }, h('dt', {}, 'Backend manager app ID'),
    h('dd', {}, config.backendManagerAppId || '—')),
  h('h3', {}, 'Login with Amazon Cognito'),
  fields.map(([, f]) => f),
  h('div', { class: 'actions' }, submit, remove));
}

function configSection(ctx) {
  const body = h('div', {}, h('p', { class: 'loading' }, 'Loading…'));
  const result = h('div'); // outside the form, so a redraw keeps the last action's note
  let shown; // the config as last drawn: redrawing on every refresh would wipe edits
  return {
    node: section('Admin UI config', body, result),
    update(config, reload) {
      const text = JSON.stringify(config);
      if (text === shown) return;
      shown = text;
      body.replaceChildren(config ? editConfigForm(ctx, config, reload, result)
        : createConfigForm(ctx, reload, result));
    },
  };
}

function tokensSection(ctx, reload) {
  const { api, params } = ctx;
  const base = `/backend/${label(params.appId)}/challenge`;
  const result = h('div');
  const table = dataTable('Live challenge tokens',
    ['Session ID', 'Challenge code', 'Created', 'Expires', 'Actions'], 'No live tokens.');

  async function verify(button, sessionId) {
    try {
      const t = await busy(button, () => api.request('GET', `${base}/${label(sessionId)}`));
      show(result, successNote(`Session ${t.sessionId} is valid: code ${t.challengeCode}, ` +
        `${t.ttl} seconds left.`));
    } catch (err) {
      show(result, errorNote(err));
    }
  }

  async function remove(button, sessionId) {
    if (!await confirmAction(`Delete the challenge token of session ${sessionId}?`)) return;
    try {
      const res = await busy(button,
        () => api.request('POST', `${base}/${label(sessionId)}/remove`));
      show(result, successNote(res.isSuccess === false ? `Session ${sessionId} was not deleted.`
        : `Deleted session ${sessionId}.`), { focus: true });
      reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  }

  const create = h('button', { type: 'button', onclick: async () => {
    try {
      const t = await busy(create, () => api.request('POST', base));
      show(result, successNote(h('span', {}, 'New challenge code ', h('code', {}, t.challengeCode),
        ` for session ${t.sessionId}, valid for ${t.ttl} seconds.`)));
      reload();
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, 'Create token');

  const sessionField = field({ label: 'Session ID', name: 'sessionId', required: true });
  const check = h('button', { type: 'submit', class: 'secondary' }, 'Verify');
  const verifyForm = h('form', { class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    verify(check, sessionField.control.value.trim());
  } }, sessionField, check);

  return {
    node: section('Challenge tokens',
      h('p', { class: 'help' }, 'One-time codes that let a user into the admin UI.'),
      h('div', { class: 'actions' }, create),
      h('h3', {}, 'Verify a session'), verifyForm,
      result, h('h3', {}, 'Live tokens'), h('div', { class: 'table-wrap' }, table.table)),
    update(tokens) {
      table.fill(tokens.map((t) => [h('code', {}, t.sessionId), h('code', {}, t.challengeCode),
        formatTime(t.createTime), formatTime(t.expireTime),
        h('span', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary small',
            'aria-label': `Verify session ${t.sessionId}`,
            onclick: (e) => verify(e.currentTarget, t.sessionId) }, 'Verify'),
          h('button', { type: 'button', class: 'danger small',
            'aria-label': `Delete session ${t.sessionId}`,
            onclick: (e) => remove(e.currentTarget, t.sessionId) }, 'Delete'))]),
      JSON.stringify(tokens));
    },
  };
}

export function render(container, ctx) {
  const { api, params, signal } = ctx;
  const loadError = h('div');
  const subtitle = h('p', { class: 'subtitle' }, `Admin UI access to ${params.appId}.`);
  const config = configSection(ctx);
  const load = async () => {
    try {
      const app = await api.request('GET', `/_admin/api/apps/${label(params.appId)}`,
        undefined, { signal });
      show(loadError, null);
      config.update(app.config ?? null, load);
      tokens.update(app.tokens ?? []);
    } catch (err) {
      if (!isAbortError(err)) show(loadError, errorNote(err), { keepSame: true });
    }
  };
  const tokens = tokensSection(ctx, load);
  container.append(
    breadcrumbs(['Apps', hrefs.apps()], [params.appId, hrefs.app(params.appId)], ['Settings']),
    h('h1', {}, 'Admin UI settings'), subtitle, loadError, config.node, tokens.node);
  ctx.every(REFRESH_MS, load);
  return load();
}
