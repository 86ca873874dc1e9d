// DOM rendering of a form definition (form.js): groups as fieldsets, enums as selects or
// checkboxes, help linked by aria-describedby. The only DOM module under forms/.
import { busy, field, h, uid } from '../ui.js';
import { fromEntries, hasValuesUnder, isRequired, join, listIndices } from './form.js';

// Required inside an optional group: only enforced once the group is used.
const helpText = (node, mode, always) => (isRequired(node, mode) && !always
  && node.type !== 'group' ? `${node.help} Required when this section is used.` : node.help);

// field() with its input swapped for a textarea, keeping the label and help wiring.
function textArea(options) {
  const el = field(options);
  const area = h('textarea', { id: el.control.id, name: options.name, required: options.required,
    rows: 6, cols: 70, class: 'mono', spellcheck: 'false', value: options.value ?? '',
    'aria-describedby': el.control.getAttribute('aria-describedby') });
  el.control.replaceWith(area);
  el.control = area;
  return el;
}

function fieldset(label, help, children, required = false) {
  const helpId = help ? uid('fs-help') : null;
  return h('fieldset', { 'aria-describedby': helpId },
    h('legend', {}, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')
      : null), help ? h('p', { id: helpId, class: 'help' }, help) : null, ...children);
}

function checkboxes(node, path, ctx, help) {
  const chosen = new Set(ctx.values[path] ?? []);
  return fieldset(node.label, help, [h('div', { class: 'actions' }, node.options.map((option) => {
    const id = uid(`f-${path}`);
    return h('span', { class: 'field checkbox' },
      h('input', { type: 'checkbox', id, name: path, value: option, checked: chosen.has(option) }),
      h('label', { for: id }, option));
  }))]);
}

function listEditor(node, path, ctx) {
  const items = h('div');
  const renumber = () => [...items.children].forEach((item, i) => {
    item.querySelector('legend').textContent = `${node.label}: item ${i + 1}`;
    item.querySelector('button.remove').setAttribute('aria-label', `Remove item ${i + 1}`);
  });
  let next = 0;
  const add = (index) => {
    const item = fieldset('', '', [
      ...renderNodes(node.fields, ctx, `${path}.${index}`, false),
      h('button', { type: 'button', class: 'secondary small remove',
        onclick: () => { item.remove(); renumber(); } }, 'Remove'),
    ]);
    items.append(item);
    renumber();
    next = index + 1;
    return item;
  };
  listIndices(ctx.values, path).forEach(add);
  const addButton = h('button', { type: 'button', class: 'secondary small', onclick: () => {
    add(next).querySelector('select, input')?.focus();
  } }, `Add to ${node.label.toLowerCase()}`);
  return fieldset(node.label, node.help, [items, addButton]);
}

function renderLeaf(node, path, ctx, help, required) {
  const value = ctx.values[path];
  const common = { label: node.label, name: path, help, value, required };
  switch (node.type) {
    case 'multi':
      return checkboxes(node, path, ctx, help);
    case 'boolean': {
      const el = field({ ...common, type: 'checkbox', required: false });
      el.control.value = 'true';
      return el;
    }
    case 'textarea':
    case 'lines':
      return textArea(common);
    case 'select': {
      const blank = required ? [] : [{ value: '', label: '(not set)' }];
      return field({ ...common, options: [...blank, ...node.options] });
    }
    default: {
      const el = field({ ...common, type: node.type === 'password' ? 'password' : 'text',
        autocomplete: 'off' });
      // Numbers too get a text box (not type=number): doubles of any precision, and the
      // server's 400 names the member when the text is not a number.
      if (node.type === 'number') el.control.inputMode = 'decimal';
      return el;
    }
  }
}

// `always`: every ancestor is always sent, so a required member here must be filled in.
function renderNode(node, ctx, prefix, always) {
  const path = join(prefix, node.key);
  const locked = ctx.mode === 'update' && node.createOnly;
  const required = always && isRequired(node, ctx.mode) && !locked;
  const help = helpText(node, ctx.mode, always);
  let el;
  if (node.type === 'group') {
    el = fieldset(node.label, help, renderNodes(node.fields, ctx, path, required), required);
    if (node.when) ctx.conditional.push({ node, el });
    // Optional sections start folded unless they hold values, so long forms stay scannable.
    else if (!required) {
      el = h('details', { open: hasValuesUnder(ctx.values, path) },
        h('summary', {}, `${node.label} (optional)`), el);
    }
  } else if (node.type === 'list') el = listEditor(node, path, ctx);
  else el = renderLeaf(node, path, ctx, help, required);
  if (locked) el.querySelectorAll('input, select, textarea').forEach((c) => { c.disabled = true; });
  return el;
}

function renderNodes(nodes, ctx, prefix, always) {
  return nodes.map((node) => renderNode(node, ctx, prefix, always));
}

/** A <form> for `def` in mode 'create' | 'update'; submit calls onSubmit(values, slot), where
 * `slot` (under the buttons) takes the notes. Returns { form, slot }. */
export function renderForm(def, { mode, values = {}, submitLabel, onSubmit, extra = [] }) {
  const ctx = { mode, values, conditional: [] };
  const slot = h('div', { class: 'form-notes' });
  const submit = h('button', { type: 'submit' }, submitLabel);
  const form = h('form', { class: 'resource-form' },
    ...renderNodes(def.fields, ctx, '', true), h('div', { class: 'actions' }, submit, ...extra),
    slot);
  const current = () => fromEntries(def.fields, new FormData(form));
  // Sections that apply only to some choices (identity pool) hide and stop submitting otherwise.
  const applyConditions = () => {
    const now = current();
    for (const { node, el } of ctx.conditional) {
      const on = node.when(now);
      el.hidden = !on;
      el.disabled = !on;
    }
  };
  form.addEventListener('change', applyConditions);
  applyConditions();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(submit, () => onSubmit(current(), slot));
  });
  return { form, slot };
}
