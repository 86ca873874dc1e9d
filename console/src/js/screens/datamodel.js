// Data model of an API resource: edit the transform schema, save it (UpdateBackendAPI),
// generate models (GenerateBackendAPIModels + GetBackendJob), mark where a failed generation
// points, and draw GetBackendAPIModels' introspection schema as a diagram plus tables.
import { label } from '../api.js';
import { hrefs } from '../router.js';
import { h, errorNote, show, uid, dataTable, section } from '../ui.js';
import { parseIntrospection } from '../model/introspection.js';
import { layoutDiagram } from '../model/layout.js';
import { buildSvg } from '../model/svg.js';
import { typeRows, relationRows } from '../model/table.js';
import { parseSchemaError, lineStarts, offsetOf } from '../model/errorloc.js';
import { waitForJob } from '../model/job.js';
import { DATAMODEL_CSS } from '../model/styles.js';

function injectStyles() {
  if (document.getElementById('dm-styles')) return;
  document.head.append(h('style', { id: 'dm-styles' }, DATAMODEL_CSS));
}

// Columns a line takes on screen up to `offset` (tabs stop every 2, as the CSS says).
function visualColumn(text, offset) {
  const start = lineStarts(text.slice(0, offset)).at(-1);
  let col = 0;
  for (const ch of text.slice(start, offset)) col = ch === '\t' ? col + 2 - (col % 2) : col + 1;
  return col;
}

// A textarea with a line-number gutter that scrolls with it, and an error mark: a marker in
// the gutter plus the message under the marked line, next to the column.
function createEditor(errorId) {
  const gutter = h('pre', { class: 'dm-gutter', 'aria-hidden': 'true' });
  const textarea = h('textarea', { class: 'dm-source', id: uid('dm-schema'), wrap: 'off',
    spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
    'aria-describedby': errorId });
  const bubble = h('div', { class: 'dm-bubble', hidden: true, 'aria-hidden': 'true' });
  const root = h('div', { class: 'dm-editor' }, gutter, textarea, bubble);
  let mark = null;

  const metric = (name) => parseFloat(getComputedStyle(textarea)[name]) || 0;
  const charWidth = () => Object.assign(document.createElement('canvas').getContext('2d'),
    { font: getComputedStyle(textarea).font }).measureText('0').width;
  function drawGutter() {
    const count = lineStarts(textarea.value).length;
    const numbers = (from, to) => Array.from({ length: Math.max(0, to - from + 1) },
      (_, i) => `${from + i}\n`).join('');
    if (mark && mark.line <= count) {
      gutter.replaceChildren(numbers(1, mark.line - 1),
        h('span', { class: 'dm-mark' }, String(mark.line)), '\n', numbers(mark.line + 1, count));
    } else {
      gutter.textContent = numbers(1, count);
    }
    // Room for the textarea's horizontal scrollbar, so both can scroll to the last line.
    gutter.append('\n\n');
    gutter.scrollTop = textarea.scrollTop;
  }
  function placeBubble() {
    if (!mark) { bubble.hidden = true; return; }
    const top = textarea.offsetTop + metric('paddingTop') + mark.line * metric('lineHeight') -
      textarea.scrollTop + 4;
    const left = textarea.offsetLeft + metric('paddingLeft') - textarea.scrollLeft +
      visualColumn(textarea.value, mark.offset) * charWidth();
    bubble.hidden = top < 0 || top > root.clientHeight - 16;
    bubble.style.top = `${top}px`;
    bubble.style.left = `${Math.max(0, left - 6)}px`;
  }
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
    placeBubble();
  });
  textarea.addEventListener('input', () => clearMark());
  function clearMark() {
    mark = null;
    textarea.removeAttribute('aria-invalid');
    drawGutter();
    placeBubble();
  }
  return {
    root, textarea, clearMark,
    setText(text) { textarea.value = text; clearMark(); },
    // Marks (line, column), moves the caret there and scrolls the line into view.
    markError(line, column, message) {
      const offset = offsetOf(textarea.value, line, column);
      mark = { line, offset };
      bubble.textContent = message;
      textarea.setAttribute('aria-invalid', 'true');
      drawGutter();
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
      textarea.scrollTop = Math.max(0,
        (line - 1) * metric('lineHeight') - textarea.clientHeight / 3);
      placeBubble();
    },
  };
}

// The diagram with zoom buttons (the SVG scales by its viewBox; the container scrolls to
// pan), and the same content as tables in a disclosure.
function diagramView(graph, status) {
  const layout = layoutDiagram(graph);
  const canvas = h('div', { class: 'dm-canvas', tabindex: '0', role: 'region',
    'aria-label': 'Diagram; scroll to pan' });
  canvas.innerHTML = buildSvg(graph, layout, { idPrefix: uid('dm') });
  const svg = canvas.firstElementChild;
  const zoomText = h('span', { 'aria-live': 'polite' }, '100%');
  let scale = 1;
  const zoom = (next) => {
    scale = Math.min(3, Math.max(0.2, next));
    svg.setAttribute('width', Math.round(layout.viewBox.width * scale));
    svg.setAttribute('height', Math.round(layout.viewBox.height * scale));
    zoomText.textContent = `${Math.round(scale * 100)}%`;
  };
  const button = (text, onclick) =>
    h('button', { type: 'button', class: 'secondary small', onclick }, text);
  const types = dataTable('Models, non-model types and enums', ['Name', 'Kind', 'Fields or values'],
    'No types.');
  types.fill(typeRows(graph).map(([name, kind, items]) =>
    [name, kind, h('ul', {}, items.map((t) => h('li', {}, h('code', {}, t))))]));
  const relations = dataTable('Relations', ['Kind', 'From', 'To', 'Meaning'], 'No relations.');
  relations.fill(relationRows(graph));
  return h('div', {},
    status === 'STALE'
      ? h('p', { class: 'help' }, 'STALE: the schema changed since these models were generated.')
      : null,
    h('div', { class: 'dm-zoom', role: 'group', 'aria-label': 'Zoom' }, 'Zoom',
      button('Zoom out', () => zoom(scale / 1.25)), zoomText,
      button('Zoom in', () => zoom(scale * 1.25)), button('Actual size', () => zoom(1)),
      button('Fit width', () => zoom(canvas.clientWidth / layout.viewBox.width))),
    canvas,
    h('details', { class: 'dm-table-wrap' },
      h('summary', {}, 'Models, fields and relations as tables'),
      h('div', { class: 'table-wrap' }, types.table),
      h('div', { class: 'table-wrap' }, relations.table)));
}

export async function render(container, ctx) {
  injectStyles();
  const { api, signal, params: { appId, env, resourceName } } = ctx;
  const base = `/backend/${label(appId)}/api/${label(env)}`;
  const call = (method, path, body) => api.request(method, path, body, { signal });

  const schemaErrorId = uid('dm-error');
  const schemaError = h('div', { id: schemaErrorId });
  const editor = createEditor(schemaErrorId);
  const status = h('p', { class: 'dm-status', role: 'status' });
  const actionError = h('div');
  const saveButton = h('button', { type: 'button', class: 'secondary',
    onclick: () => act(async () => { await save(); await loadModels(); }) }, 'Save schema');
  const generateButton = h('button', { type: 'button', onclick: () => act(generate) },
    'Generate models');
  const loadError = h('div');
  const diagramSlot = h('div', {}, h('p', { class: 'loading' }, 'Loading models…'));

  container.append(
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' }, h('ol', {},
      h('li', {}, h('a', { href: hrefs.apps() }, 'Apps')),
      h('li', {}, h('a', { href: hrefs.app(appId) }, appId)),
      h('li', {}, h('a', { href: hrefs.environment(appId, env) }, env)),
      h('li', {}, h('span', { 'aria-current': 'page' }, `API ${resourceName}`)))),
    h('h1', {}, `Data model: ${resourceName}`),
    h('p', { class: 'subtitle' }, `API resource of environment ${env}, app ${appId}`),
    loadError,
    section('Schema', h('label', { for: editor.textarea.id }, 'GraphQL transform schema'),
      h('p', { class: 'help' },
        'Save stores the schema; Generate models saves it first when it has changed.'),
      editor.root, schemaError,
      h('div', { class: 'actions' }, saveButton, generateButton), status, actionError),
    section('Generated models', diagramSlot));

  let config = null;
  let savedSchema = '';
  const setStatus = (text) => { status.textContent = text; };

  // Runs a button's action with both buttons off, showing any error next to them.
  async function act(action) {
    saveButton.disabled = true;
    generateButton.disabled = true;
    show(actionError, null);
    try {
      await action();
    } catch (err) {
      if (signal.aborted) return;
      setStatus('');
      show(actionError, errorNote(err));
    } finally {
      saveButton.disabled = config === null;
      generateButton.disabled = config === null;
    }
  }

  // Follows the job a mutating call started until it finishes.
  function followJob(answer, what) {
    if (!answer.jobId) return Promise.resolve(answer);
    const path = `/backend/${label(appId)}/job/${label(env)}/${label(answer.jobId)}`;
    return waitForJob(() => call('GET', path), {
      signal, onUpdate: (job) => setStatus(`${what}: job ${job.status ?? 'RUNNING'}…`),
    });
  }

  async function save() {
    const schema = editor.textarea.value;
    setStatus('Saving the schema…');
    const nextConfig = { ...config, transformSchema: schema };
    const answer = await call('POST', base, { resourceName, resourceConfig: nextConfig });
    const job = await followJob(answer, 'Saving the schema');
    if (job.status === 'FAILED') throw new Error(job.error || 'Saving the schema failed.');
    config = nextConfig;
    savedSchema = schema;
    setStatus('Schema saved.');
  }

  async function generate() {
    if (editor.textarea.value !== savedSchema) await save();
    show(schemaError, null);
    editor.clearMark();
    setStatus('Generating models…');
    const job = await followJob(await call('POST', `${base}/generateModels`, { resourceName }),
      'Generating models');
    if (job.status === 'FAILED') {
      const where = parseSchemaError(job.error || 'Model generation failed.');
      const place = where.line ? `Line ${where.line}, column ${where.column}: ` : '';
      show(schemaError, errorNote({ type: 'Schema error', message: place + where.message }));
      setStatus('Model generation failed; the previous models are kept.');
      await loadModels();
      if (where.line) editor.markError(where.line, where.column, where.message);
      return;
    }
    setStatus('Models generated.');
    await loadModels();
  }

  async function loadModels() {
    try {
      const answer = await call('POST', `${base}/getModels`, { resourceName });
      if (signal.aborted) return;
      if (!answer.modelIntrospectionSchema) {
        show(diagramSlot, h('p', { class: 'empty' },
          'No models have been generated for this API yet. Use Generate models.'));
        return;
      }
      const graph = parseIntrospection(answer.modelIntrospectionSchema);
      show(diagramSlot, diagramView(graph, answer.status));
    } catch (err) {
      if (!signal.aborted) show(diagramSlot, errorNote(err));
    }
  }

  saveButton.disabled = true;
  generateButton.disabled = true;
  try {
    const answer = await call('POST', `${base}/details`, { resourceName });
    config = answer.resourceConfig ?? {};
    savedSchema = config.transformSchema ?? '';
    editor.setText(savedSchema);
    saveButton.disabled = false;
    generateButton.disabled = false;
  } catch (err) {
    if (signal.aborted) return;
    show(loadError, errorNote(err));
    show(diagramSlot, null); // the same error would repeat there
    editor.setText('');
    return;
  }
  await loadModels();
}
