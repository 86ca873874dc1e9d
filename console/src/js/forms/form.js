// DOM-free conversion between form values and request/response bodies. A form is a list of
// nodes { key, label, help, type, options, required, createOnly, default, when, fields }:
// type text | password | textarea | number | select | multi (checkboxes → array) | lines (a
// string per line → array) | boolean | group (object) | list (objects shaped by `fields`);
// required true, or 'create' for Create-only; createOnly: not in the Update shape; when(values):
// the node applies only while true (and is then always sent). Values map dotted paths
// ('resourceConfig.additionalAuthTypes.0.mode') to a string, string array or boolean.

export const join = (prefix, key) => (prefix ? `${prefix}.${key}` : key);

export function isRequired(node, mode) {
  return node.required === true || node.required === mode;
}

/** The field node a (leaf) value path refers to, or undefined. */
export function nodeAt(fields, path) {
  let nodes = fields;
  let node;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    node = nodes?.find((n) => n.key === parts[i]);
    if (!node) return undefined;
    if (node.type === 'list') i++; // the next part is the item index
    nodes = node.fields;
  }
  return node;
}

/** Sorted item indexes of a 'list' node present in the values. */
export function listIndices(values, path) {
  const found = new Set();
  for (const key of Object.keys(values)) {
    if (!key.startsWith(`${path}.`)) continue;
    const index = key.slice(path.length + 1).split('.')[0];
    if (/^\d+$/.test(index)) found.add(Number(index));
  }
  return [...found].sort((a, b) => a - b);
}

const filled = (v) => v !== undefined && v !== '' && v !== false
  && !(Array.isArray(v) && !v.length);

/** Whether any filled-in value lies under `path` (a group or list). */
export function hasValuesUnder(values, path) {
  return Object.entries(values).some(([key, v]) => key.startsWith(`${path}.`) && filled(v));
}

/** Initial values of a new form: each leaf's `default`. */
export function defaults(fields, prefix = '') {
  const out = {};
  for (const node of fields) {
    const path = join(prefix, node.key);
    if (node.type === 'group') Object.assign(out, defaults(node.fields, path));
    else if (node.type !== 'list' && node.default !== undefined) out[path] = node.default;
  }
  return out;
}

function leafBody(node, raw, mode) {
  const required = isRequired(node, mode);
  switch (node.type) {
    case 'boolean':
      return raw === true;
    case 'multi':
      // A required list may legitimately be empty; an optional empty one is left out.
      if (Array.isArray(raw) && raw.length) return [...raw];
      return required ? [] : undefined;
    case 'lines': {
      const items = String(raw ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
      return items.length || required ? items : undefined;
    }
    case 'number': {
      const text = String(raw ?? '').trim();
      if (!text) return undefined;
      // Not a number: send the text so the server names the member in its 400.
      return Number.isFinite(Number(text)) ? Number(text) : text;
    }
    default: {
      const text = String(raw ?? '').trim();
      return text ? text : undefined;
    }
  }
}


// Returns { out, has }: `has` says whether the user supplied anything, so optional groups
// (mfa, oAuth…) are only sent when filled in; booleans then go as false rather than absent,
// because a required boolean (unauthenticatedLogin) is satisfied only by a present key.
function groupBody(fields, values, prefix, mode) {
  const out = {};
  let has = false;
  for (const node of fields) {
    if (mode === 'update' && node.createOnly) continue;
    if (node.when && !node.when(values)) continue;
    const path = join(prefix, node.key);
    let value;
    if (node.type === 'group') {
      const inner = groupBody(node.fields, values, path, mode);
      if (inner.has || isRequired(node, mode) || node.when) value = inner.out;
      has ||= inner.has;
    } else if (node.type === 'list') {
      const items = listIndices(values, path)
        .map((i) => groupBody(node.fields, values, `${path}.${i}`, mode))
        .filter((item) => item.has)
        .map((item) => item.out);
      if (items.length) value = items;
      has ||= items.length > 0;
    } else {
      value = leafBody(node, values[path], mode);
      has ||= filled(value);
    }
    if (value !== undefined) out[node.key] = value;
  }
  return { out, has };
}

/** Form values → JSON body (wire names). mode: 'create' | 'update'. */
export function toBody(fields, values, mode) {
  return groupBody(fields, values, '', mode).out;
}

/** JSON body (e.g. a Get* response) → form values. Unknown members are ignored. */
export function toValues(fields, body, prefix = '') {
  const out = {};
  for (const node of fields) {
    const value = body?.[node.key];
    if (value === undefined || value === null) continue;
    const path = join(prefix, node.key);
    if (node.type === 'group') Object.assign(out, toValues(node.fields, value, path));
    else if (node.type === 'list') {
      value.forEach((item, i) => Object.assign(out, toValues(node.fields, item, `${path}.${i}`)));
    } else if (node.type === 'multi') out[path] = [...value];
    else if (node.type === 'lines') out[path] = value.join('\n');
    else if (node.type === 'boolean') out[path] = value === true;
    else out[path] = String(value);
  }
  return out;
}

/** [name, value] pairs as a browser's FormData yields them → form values. */
export function fromEntries(fields, entries) {
  const out = {};
  for (const [name, value] of entries) {
    const node = nodeAt(fields, name);
    if (!node) continue;
    if (node.type === 'multi') (out[name] ??= []).push(value);
    else if (node.type === 'boolean') out[name] = true; // unchecked boxes are not submitted
    else out[name] = value;
  }
  return out;
}
