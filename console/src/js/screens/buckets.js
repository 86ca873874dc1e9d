// #/buckets — the account's S3 buckets (ListS3Buckets), a page at a time.
import { h, section, errorNote, show, dataTable, formatTime, pagerControls } from '../ui.js';
import { Pager, isAbortError } from '../api.js';

const REFRESH_MS = 10000;

export function render(container, ctx) {
  const { api, signal } = ctx;
  const pager = new Pager();
  let sequence = 0;
  const errorSlot = h('div');
  const table = dataTable('S3 buckets, in name order', ['Name', 'Created'],
    'No buckets. Storage resources create them.');
  const nav = pagerControls(pager, () => load(), 'page');

  async function load() {
    const mine = ++sequence;
    try {
      const body = pager.token ? { nextToken: pager.token } : {};
      const res = await api.request('POST', '/s3Buckets', body, { signal });
      if (mine !== sequence) return;
      pager.update(res.nextToken);
      const buckets = res.buckets ?? [];
      table.fill(buckets.map((b) => [h('code', {}, b.name), formatTime(b.creationDate)]),
        JSON.stringify(buckets));
      nav.refresh();
      show(errorSlot, null);
    } catch (err) {
      if (mine !== sequence || isAbortError(err)) return;
      show(errorSlot, errorNote(err), { keepSame: true });
    }
  }

  container.append(
    h('h1', {}, 'S3 buckets'),
    h('p', { class: 'subtitle' }, 'Buckets of this account, as storage resources see them.'),
    section('Buckets', errorSlot, h('div', { class: 'table-wrap' }, table.table), nav));
  ctx.every(REFRESH_MS, load);
  return load();
}
