// An environment's auth, API and storage: listed from GetBackend's amplifyMetaConfig, added via
// Create*/Import*, edited via Get*/Update*/Delete*. Mutations start jobs, followed elsewhere.
import { hrefs } from '../router.js';
import {
  busy, confirmAction, dataTable, errorNote, h, section, show, statusBadge, uid,
} from '../ui.js';
import { apiForm } from '../forms/api.js';
import { authForm, authImportForm } from '../forms/auth.js';
import { defaults, toValues } from '../forms/form.js';
import { KINDS, resourcesFromMeta } from '../forms/meta.js';
import { renderForm } from '../forms/render.js';
import * as requests from '../forms/requests.js';
import { storageForm, storageImportForm } from '../forms/storage.js';

const FORMS = { auth: authForm, api: apiForm, storage: storageForm };
const IMPORT_FORMS = { auth: authImportForm, storage: storageImportForm };
const NOUN = { auth: 'auth', api: 'API', storage: 'storage' };

const call = (ctx, { method, path, body }) =>
  ctx.api.request(method, path, body, { signal: ctx.signal });

function header(ctx, title, current) {
  const { appId, env } = ctx.params;
  const links = [[hrefs.apps(), 'Apps'], [hrefs.app(appId), appId],
    [hrefs.environment(appId, env), env]];
  if (current) links.push([hrefs.resources(appId, env), 'Resources']);
  return [
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('ol', {},
      links.map(([href, text]) => h('li', {}, h('a', { href }, text))),
      h('li', { 'aria-current': 'page' }, current ?? 'Resources'))),
    h('h1', {}, title),
  ];
}

// Sends a mutation; shows in `notes` its job and where to follow it, or the error.
async function runJob(ctx, notes, request, after = null) {
  const { appId, env } = ctx.params;
  show(notes, null);
  try {
    const job = await call(ctx, request);
    show(notes, h('div', { class: 'success-note', role: 'status' },
      'Job ', h('code', {}, job.jobId ?? '—'), job.operation ? ` (${job.operation})` : '', ': ',
      statusBadge(job.status), job.error ? ` ${job.error}` : '', '. ',
      h('a', { href: hrefs.environment(appId, env) }, 'Follow the job on the environment page'),
      after ? ['. ', after] : '.'));
    return true;
  } catch (err) {
    if (!ctx.signal.aborted) show(notes, errorNote(err));
    return false;
  }
}

function outputsList(outputs) {
  if (!outputs.length) return '—';
  return h('dl', { class: 'facts' },
    outputs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, h('code', {}, v))]));
}

function resourceRows(ctx, kind, rows) {
  const { appId, env } = ctx.params;
  return rows.map((r) => {
    const cells = [h('a', { href: hrefs.resources(appId, env, kind, r.name) }, r.name),
      r.service || '—', r.imported ? 'Imported' : 'Created', outputsList(r.outputs)];
    if (kind === 'api') {
      cells.push(h('a', { href: hrefs.dataModel(appId, env, r.name) }, `Data model of ${r.name}`));
    }
    return cells;
  });
}

// ImportBackendStorage: offer the account's buckets (ListS3Buckets) as suggestions.
async function suggestBuckets(ctx, form, slot) {
  try {
    const { buckets = [] } = await call(ctx, requests.listBucketsRequest());
    const list = h('datalist', { id: uid('buckets') },
      buckets.map((b) => h('option', { value: b.name })));
    form.append(list);
    form.elements.bucketName.setAttribute('list', list.id);
  } catch (err) {
    if (!ctx.signal.aborted) show(slot, errorNote(err));
  }
}

function openForm(ctx, kind, how, place, reload, opener) {
  const { appId, env } = ctx.params;
  const def = how === 'import' ? IMPORT_FORMS[kind] : FORMS[kind];
  const title = how === 'import' ? def.title : `Add ${NOUN[kind]} resource`;
  const cancel = h('button', { type: 'button', class: 'secondary',
    onclick: () => { place.replaceChildren(); opener.focus(); } }, 'Cancel');
  const { form, slot } = renderForm(def, {
    mode: 'create', values: defaults(def.fields), extra: [cancel],
    submitLabel: how === 'import' ? 'Import' : 'Create',
    onSubmit: async (values, notes) => {
      const make = how === 'import' ? requests.importRequest : requests.createRequest;
      if (await runJob(ctx, notes, make(def, appId, env, values))) reload();
    },
  });
  const heading = h('h3', { tabindex: '-1' }, title);
  place.replaceChildren(heading, form);
  heading.focus();
  if (how === 'import' && kind === 'storage') suggestBuckets(ctx, form, slot);
}

async function renderList(container, ctx) {
  const { appId, env } = ctx.params;
  const status = h('div', {}, h('p', { class: 'loading' }, 'Loading resources…'));
  const tables = {};
  // Sections are built once and only their tables refilled, so an open add/import form (and
  // the focus in it) survives the refresh after a mutation.
  const sections = KINDS.map((kind) => {
    const columns = ['Name', 'Service', 'Origin', 'Deployed identifiers'];
    if (kind === 'api') columns.push('Data model');
    tables[kind] = dataTable(`${FORMS[kind].title} resources of ${env}`, columns,
      `No ${NOUN[kind]} resource yet.`);
    const place = h('div');
    const opener = (how, label) => h('button', { type: 'button', class: 'secondary',
      onclick: (e) => openForm(ctx, kind, how, place, load, e.currentTarget) }, label);
    return section(FORMS[kind].title,
      h('div', { class: 'table-wrap' }, tables[kind].table),
      h('div', { class: 'actions' }, opener('create', `Add ${NOUN[kind]} resource`),
        IMPORT_FORMS[kind] ? opener('import', IMPORT_FORMS[kind].title) : null),
      place);
  });
  container.append(...header(ctx, `Resources of ${env}`),
    h('p', { class: 'subtitle' }, `Authentication, APIs and storage of app ${appId}.`),
    status, ...sections);

  async function load() {
    try {
      const backend = await call(ctx, requests.getBackendRequest(appId, env));
      const resources = resourcesFromMeta(backend.amplifyMetaConfig);
      for (const kind of KINDS) tables[kind].fill(resourceRows(ctx, kind, resources[kind]));
      show(status, backend.error ? errorNote({ type: 'Backend', message: backend.error }) : null);
    } catch (err) {
      if (!ctx.signal.aborted) show(status, errorNote(err));
    }
  }
  await load();
}

async function renderDetail(container, ctx) {
  const { appId, env, kind, resourceName } = ctx.params;
  const def = FORMS[kind];
  container.append(...header(ctx, `${def.title} resource ${resourceName}`, resourceName));
  const body = h('div', {}, h('p', { class: 'loading' }, 'Loading…'));
  container.append(body);

  let resource;
  try {
    resource = await call(ctx, requests.getRequest(kind, appId, env, resourceName));
  } catch (err) {
    if (!ctx.signal.aborted) {
      body.replaceChildren(errorNote(err), h('p', {},
        h('a', { href: hrefs.resources(appId, env) }, 'Back to the resources')));
    }
    return;
  }

  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete');
  const { form, slot } = renderForm(def, {
    mode: 'update', values: toValues(def.fields, resource), submitLabel: 'Save changes',
    extra: [remove],
    onSubmit: (values, notes) => runJob(ctx, notes,
      requests.updateRequest(def, appId, env, resourceName, values)),
  });
  remove.addEventListener('click', async () => {
    const ok = await confirmAction(`Delete the ${NOUN[kind]} resource “${resourceName}” from `
      + `environment ${env} of app ${appId}? This cannot be undone.`);
    if (!ok) return;
    await busy(remove, () => runJob(ctx, slot, requests.deleteRequest(kind, appId, env,
      resourceName, resource.resourceConfig?.serviceName ?? 'S3'),
    h('a', { href: hrefs.resources(appId, env) }, 'Back to the resources')));
  });

  body.replaceChildren(
    h('p', { class: 'subtitle' }, `In environment ${env} of app ${appId}.`,
      kind === 'storage' && resource.resourceConfig?.imported ? ' Imported bucket.' : ''),
    resource.error ? errorNote({ type: 'Resource', message: resource.error }) : '',
    kind === 'api' ? h('p', {}, h('a', { href: hrefs.dataModel(appId, env, resourceName) },
      `Data model of ${resourceName}`)) : '',
    section(`Edit ${resourceName}`, h('p', { class: 'help' }, 'Members left empty keep their '
      + 'stored values; those fixed once created are read-only.'), form));
}

export async function render(container, ctx) {
  return ctx.params.kind ? renderDetail(container, ctx) : renderList(container, ctx);
}
