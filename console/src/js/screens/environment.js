// #/apps/<appId>/env/<env> — what GetBackend says about one environment (its amplify-meta
// resources and CloudFormation stack), its jobs (ListBackendJobs, a page at a time, refreshed
// every 2 s so RUNNING turns COMPLETED live), and deleting it.
import {
  h, field, section, errorNote, successNote, show, busy, confirmAction, dataTable, formatTime,
  statusBadge, pagerControls, breadcrumbs, jobSummary,
} from '../ui.js';
import { Pager, label, isAbortError } from '../api.js';
import { hrefs } from '../router.js';

const REFRESH_MS = 2000;
const JOBS_PAGE_SIZE = 25; // ListBackendJobs' maximum
export const RESOURCE_KINDS = ['auth', 'api', 'storage'];

// amplifyMetaConfig (amplify-meta.json as a string) → { stack, resources }: `stack` is
// providers.awscloudformation (or null), `resources` one entry per resource of every category,
// sorted by category then name; `kind` is set for the categories the console can edit.
export function parseAmplifyMeta(text) {
  if (!text) return { stack: null, resources: [] };
  const meta = JSON.parse(text);
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new TypeError('amplifyMetaConfig is not a JSON object.');
  }
  const resources = [];
  for (const [category, entries] of Object.entries(meta)) {
    if (category === 'providers' || !entries || typeof entries !== 'object') continue;
    for (const [name, entry] of Object.entries(entries)) {
      resources.push({
        category,
        name,
        service: entry?.service ?? '',
        imported: entry?.serviceType === 'imported',
        kind: RESOURCE_KINDS.includes(category) ? category : null,
      });
    }
  }
  resources.sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
  return { stack: meta.providers?.awscloudformation ?? null, resources };
}

// The ListBackendJobs body for one page.
export function jobsRequestBody(token, status) {
  const body = { maxResults: JOBS_PAGE_SIZE };
  if (token) body.nextToken = token;
  if (status) body.status = status;
  return body;
}

function resourceItem(appId, env, r) {
  return h('li', {},
    h('strong', {}, r.name),
    h('span', {}, `${r.category}${r.service ? ` · ${r.service}` : ''}` +
      (r.imported ? ' · imported' : '')),
    r.kind ? h('a', { href: hrefs.resources(appId, env, r.kind, r.name) },
      `Configure ${r.name}`) : null,
    r.kind === 'api' ? h('a', { href: hrefs.dataModel(appId, env, r.name) },
      `Data model of ${r.name}`) : null);
}

function detailsSection(ctx) {
  const { api, params, signal } = ctx;
  const errorSlot = h('div');
  const facts = h('dl', { class: 'facts' });
  const list = h('ul', { class: 'resources' });
  let lastText = null;

  async function load() {
    try {
      const res = await api.request('POST', `/backend/${label(params.appId)}/details`,
        { backendEnvironmentName: params.env }, { signal });
      if (!(res.backendEnvironmentList ?? []).includes(params.env)) {
        throw Object.assign(new Error(`${params.appId} has no environment “${params.env}”.`),
          { type: 'NotFoundException' });
      }
      show(errorSlot, null);
      if (res.amplifyMetaConfig === lastText) return;
      lastText = res.amplifyMetaConfig;
      const { stack, resources } = parseAmplifyMeta(res.amplifyMetaConfig);
      facts.replaceChildren(...[['App name', res.appName], ['Stack', stack?.StackName],
        ['Region', stack?.Region], ['Deployment bucket', stack?.DeploymentBucketName]]
        .filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
      list.replaceChildren(...(resources.length ? resources.map((r) =>
        resourceItem(params.appId, params.env, r))
        : [h('li', { class: 'empty' }, 'No auth, API or storage resources yet.')]));
    } catch (err) {
      if (!isAbortError(err)) show(errorSlot, errorNote(err), { keepSame: true });
    }
  }

  const node = section('Backend', errorSlot, facts,
    h('h3', {}, 'Resources'), list,
    h('p', {}, h('a', { href: hrefs.resources(params.appId, params.env) },
      'Add or change resources')));
  return { node, load };
}

function jobsSection(ctx) {
  const { api, params, signal } = ctx;
  const pager = new Pager();
  let sequence = 0;
  const errorSlot = h('div');
  const status = field({ label: 'Status', name: 'status',
    options: ['', 'RUNNING', 'COMPLETED', 'FAILED'] });
  const table = dataTable('Jobs of this environment',
    ['Job ID', 'Operation', 'Status', 'Created', 'Updated', 'Error'], 'No jobs.');
  const nav = pagerControls(pager, () => load(), 'jobs page');

  async function load() {
    const mine = ++sequence;
    try {
      const res = await api.request('POST',
        `/backend/${label(params.appId)}/job/${label(params.env)}`,
        jobsRequestBody(pager.token, status.control.value), { signal });
      if (mine !== sequence) return;
      pager.update(res.nextToken);
      const jobs = res.jobs ?? [];
      table.fill(jobs.map((j) => [h('code', {}, j.jobId), j.operation ?? '—',
        statusBadge(j.status), formatTime(j.createTime), formatTime(j.updateTime),
        j.error ?? '']), JSON.stringify(jobs));
      nav.refresh();
      show(errorSlot, null);
    } catch (err) {
      if (mine !== sequence || isAbortError(err)) return;
      show(errorSlot, errorNote(err), { keepSame: true });
    }
  }
  status.control.addEventListener('change', () => {
    pager.reset();
    load();
  });

  const node = section('Jobs', h('form', { class: 'inline', onsubmit: (e) => e.preventDefault() },
    status), errorSlot, h('div', { class: 'table-wrap' }, table.table), nav);
  return { node, load };
}

function deleteSection(ctx) {
  const { api, params } = ctx;
  const result = h('div');
  const button = h('button', { type: 'button', class: 'danger', onclick: async () => {
    if (!await confirmAction(`Delete environment “${params.env}” of ${params.appId}, with ` +
      'all its resources and jobs?')) return;
    try {
      const job = await busy(button, () => api.request('POST',
        `/backend/${label(params.appId)}/environments/${label(params.env)}/remove`));
      show(result, successNote(h('span', {}, jobSummary(`Deleting ${params.env}`, job), ' ',
        h('a', { href: hrefs.app(params.appId) }, `Back to ${params.appId}`))));
    } catch (err) {
      show(result, errorNote(err));
    }
  } }, `Delete ${params.env}`);
  return section('Delete this environment', h('div', { class: 'actions' }, button), result);
}

export function render(container, ctx) {
  const { appId, env } = ctx.params;
  const details = detailsSection(ctx);
  const jobs = jobsSection(ctx);
  container.append(
    breadcrumbs(['Apps', hrefs.apps()], [appId, hrefs.app(appId)], [env]),
    h('h1', {}, `Environment ${env}`),
    h('p', { class: 'subtitle' }, `Of app ${appId}.`),
    details.node, jobs.node, deleteSection(ctx));
  ctx.every(REFRESH_MS, () => Promise.all([details.load(), jobs.load()]));
  return Promise.all([details.load(), jobs.load()]);
}
