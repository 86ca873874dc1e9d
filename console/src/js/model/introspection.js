// Reads Amplify's model introspection JSON (the `modelIntrospectionSchema` string of
// GetBackendAPIModels) into the plain graph the diagram and the table are drawn from.
import { extractRelations } from './relations.js';

// A field's type is a scalar name, or {model|enum|nonModel: name}.
function typeOf(type) {
  if (typeof type === 'string') return { typeName: type, ref: null };
  for (const ref of ['model', 'enum', 'nonModel']) {
    if (type && typeof type[ref] === 'string') return { typeName: type[ref], ref };
  }
  throw new Error(`Unreadable field type ${JSON.stringify(type)}`);
}

function readFields(fields, owner) {
  if (!fields || typeof fields !== 'object') throw new Error(`${owner} has no "fields" object`);
  return Object.values(fields).map((f) => ({
    name: f.name,
    ...typeOf(f.type),
    isArray: Boolean(f.isArray),
    isRequired: Boolean(f.isRequired),
    // Absent on non-list fields; the generator writes it for every list.
    isArrayNullable: f.isArrayNullable !== false,
    isReadOnly: Boolean(f.isReadOnly),
    association: f.association ?? null,
    shownType: null, // set for @manyToMany sides, whose wire type is the join model
  }));
}

// The type as GraphQL writes it: `[Post!]!`. isRequired is about the item, isArrayNullable
// about the list (checked against corpus schema c43).
export function typeLabel(field) {
  const base = (field.shownType ?? field.typeName) + (field.isRequired ? '!' : '');
  if (!field.isArray) return base;
  return `[${base}]${field.isArrayNullable ? '' : '!'}`;
}

export function fieldLabel(field) {
  return `${field.name}: ${typeLabel(field)}`;
}

// `input`: the JSON text or the parsed object. Throws an Error saying what is wrong.
export function parseIntrospection(input) {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      throw new Error(`modelIntrospectionSchema is not JSON: ${err.message}`);
    }
  }
  if (!doc || typeof doc.models !== 'object' || doc.models === null) {
    throw new Error('modelIntrospectionSchema has no "models" object');
  }
  const models = Object.values(doc.models)
    .map((m) => ({ name: m.name, fields: readFields(m.fields, `Model ${m.name}`) }));
  const enums = Object.values(doc.enums ?? {})
    .map((e) => ({ name: e.name, values: [...(e.values ?? [])] }));
  const nonModels = Object.values(doc.nonModels ?? {})
    .map((n) => ({ name: n.name, fields: readFields(n.fields, `Type ${n.name}`) }));
  const { relations, joins } = extractRelations(models);
  return { models, enums, nonModels, relations, joins };
}
