// DOM helpers shared by every screen. Nothing touches `document` at import time, so modules
// holding pure logic next to screens stay importable by node's test runner.

let idCounter = 0;

// A unique id for label/aria wiring.
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(el, c));
  else el.append(child instanceof Node ? child : String(child));
}

// h('button', { class: 'primary', onclick }, 'Save'): attributes, `on*` handlers, boolean
// attributes (true → present, false/null → absent) and children (nodes, strings, arrays).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'value' && 'value' in el) {
      el.value = value;
    } else if (name === 'checked' || name === 'selected') {
      el[name] = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

// The type and message of an error, for placing right next to what caused it.
export function errorNote(err) {
  const type = err?.type || err?.name || 'Error';
  return h('div', { class: 'error-note', role: 'alert' },
    h('strong', {}, type), ': ', err?.message || String(err));
}

export function successNote(text) {
  return h('div', { class: 'success-note', role: 'status' }, text);
}

// Replaces what `slot` shows (an error note, a success note, or nothing). `focus` moves focus
// to the note, for actions whose button goes away (a deleted row) and would leave focus nowhere.
// `keepSame` (for periodic refreshes) leaves an identical note in place, so a screen reader
// does not announce the same alert again every few seconds.
export function show(slot, node, { focus = false, keepSame = false } = {}) {
  if (keepSame && node && slot.firstChild?.isEqualNode(node)) return;
  slot.replaceChildren(...(node ? [node] : []));
  if (node && focus) {
    node.tabIndex = -1;
    node.focus();
  }
}

// Asks before something destructive. Resolves true only when the user confirms.
export function confirmAction(message, { confirmLabel = 'Delete' } = {}) {
  return new Promise((resolve) => {
    const titleId = uid('confirm-title');
    const opener = document.activeElement;
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': titleId },
      h('form', { method: 'dialog' },
        h('h2', { id: titleId }, 'Please confirm'),
        h('p', {}, message),
        h('div', { class: 'actions' },
          h('button', { value: 'cancel', class: 'secondary', autofocus: true }, 'Cancel'),
          h('button', { value: 'confirm', class: 'danger' }, confirmLabel))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement) opener.focus();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

// A labelled input (or select, when `options` is given) with help text linked through
// aria-describedby. `options`: array of strings or {value, label}.
export function field({ label, name, help, type = 'text', value, options, required = false,
  placeholder, autocomplete, pattern }) {
  const id = uid(`f-${name}`);
  const helpId = help ? `${id}-help` : null;
  const common = { id, name, required, 'aria-describedby': helpId };
  let control;
  if (options) {
    control = h('select', common, options.map((o) => {
      const opt = typeof o === 'string' ? { value: o, label: o || '(any)' } : o;
      return h('option', { value: opt.value, selected: opt.value === value }, opt.label);
    }));
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type, checked: Boolean(value) });
  } else {
    control = h('input', { ...common, type, value: value ?? '', placeholder, autocomplete,
      pattern, spellcheck: 'false' });
  }
  const labelEl = h('label', { for: id }, label, required ? h('span', {
    class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const wrapper = h('div', { class: type === 'checkbox' ? 'field checkbox' : 'field' },
    type === 'checkbox' ? [control, labelEl] : [labelEl, control],
    help ? h('p', { id: helpId, class: 'help' }, help) : null);
  wrapper.control = control;
  return wrapper;
}

// Local date and time of an ISO-8601 string or epoch milliseconds; '—' when absent.
export function formatTime(isoOrMs) {
  if (isoOrMs === undefined || isoOrMs === null || isoOrMs === '') return '—';
  const date = new Date(typeof isoOrMs === 'string' && /^\d+$/.test(isoOrMs)
    ? Number(isoOrMs) : isoOrMs);
  if (Number.isNaN(date.getTime())) return String(isoOrMs);
  return date.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

// A job status as a badge; the text carries the meaning, the colour only repeats it.
export function statusBadge(status) {
  const known = { RUNNING: 'running', COMPLETED: 'completed', FAILED: 'failed' };
  return h('span', { class: `badge ${known[status] ?? 'other'}` }, status || 'UNKNOWN');
}

// Runs `action` with `button` disabled and marked busy, so a slow request cannot be sent twice.
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

// Calls `fn` once input has paused for `ms`.
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// "Creating dev — job 1234 — RUNNING." from a job-shaped response.
export function jobSummary(what, job) {
  const parts = [what];
  if (job.jobId) parts.push(`job ${job.jobId}`);
  if (job.status) parts.push(job.status);
  return parts.join(' — ') + (job.error ? ` (${job.error})` : '.');
}

// A breadcrumb trail of [text, href] pairs; the last one is the current page.
export function breadcrumbs(...items) {
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
    h('ol', {}, items.map(([text, href], i) => h('li', {}, i === items.length - 1
      ? h('span', { 'aria-current': 'page' }, text) : h('a', { href }, text)))));
}

// A titled screen section: <section aria-labelledby> with its heading.
export function section(title, ...children) {
  const id = uid('sec');
  return h('section', { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, title), ...children);
}

// Previous/next buttons for a Pager (api.js); `onChange` reloads the page.
export function pagerControls(pager, onChange, what = 'page') {
  const status = h('span', { class: 'page-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'secondary',
    onclick: () => { pager.previous(); onChange(); } }, `Previous ${what}`);
  const next = h('button', { type: 'button', class: 'secondary',
    onclick: () => { pager.next(); onChange(); } }, `Next ${what}`);
  const nav = h('nav', { class: 'pager', 'aria-label': `${what} navigation` }, prev, status, next);
  nav.refresh = () => {
    prev.disabled = !pager.hasPrevious;
    next.disabled = !pager.hasNext;
    status.textContent = `Page ${pager.page}`;
  };
  nav.refresh();
  return nav;
}

// A table whose body can be refilled: `columns` are header texts; returns {table, fill(rows)}
// where rows are arrays of cells (nodes or text).
export function dataTable(caption, columns, emptyText) {
  const tbody = h('tbody');
  const table = h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))), tbody);
  let lastKey = null;
  return {
    table,
    // `key` identifies the data; an unchanged refresh leaves the DOM (and focus) alone.
    fill(rows, key = null) {
      if (key !== null && key === lastKey) return;
      lastKey = key;
      if (rows.length === 0) {
        tbody.replaceChildren(h('tr', {}, h('td', { colspan: columns.length, class: 'empty' },
          emptyText)));
        return;
      }
      tbody.replaceChildren(...rows.map((cells) => h('tr', {}, cells.map((c, i) =>
        (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))))));
    },
  };
}
