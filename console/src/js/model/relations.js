// Relations between models, from the `association` of each field. Amplify writes one
// association per side, so a bidirectional relation shows up twice and @manyToMany becomes a
// generated join model; here each relation becomes one edge.

const KIND = { HAS_MANY: 'hasMany', HAS_ONE: 'hasOne', BELONGS_TO: 'belongsTo' };

const kindOf = (field) => KIND[field.association?.connectionType] ?? null;
const sameList = (a = [], b = []) => a.length === b.length && a.every((x, i) => x === b[i]);

// A join model is what @manyToMany generates: only an id, optional foreign keys and one
// required BELONGS_TO per side (one when both sides are the same model, corpus c79), plus
// read-only timestamps; and it is reached only by one HAS_MANY from each side. A join model
// written in the schema (corpus c08's Like: `postID: ID!`, `post: Post`) is a model.
function findJoin(join, models) {
  const belongs = join.fields.filter((f) => kindOf(f) === 'belongsTo');
  if (belongs.length < 1 || belongs.length > 2 || !belongs.every((f) => f.isRequired)) return null;
  const keys = new Set(belongs.flatMap((f) => f.association.targetNames ?? []));
  const generated = (f) => f.isReadOnly || belongs.includes(f) ||
    (f.name === 'id' && f.isRequired) || (keys.has(f.name) && !f.isRequired);
  if (!join.fields.every(generated)) return null;
  const incoming = models.flatMap((m) => m.fields
    .filter((f) => f.ref === 'model' && f.typeName === join.name)
    .map((field) => ({ model: m.name, field })));
  if (incoming.length !== 2) return null;
  const matches = incoming.every(({ model, field }) => kindOf(field) === 'hasMany' &&
    belongs.some((b) => b.typeName === model && field.association.associatedWith?.[0] === b.name));
  const bothSides = belongs.length === 1 || incoming[0].field.association.associatedWith[0] !==
    incoming[1].field.association.associatedWith[0];
  if (!matches || !bothSides) return null;
  return { name: join.name, sides: incoming };
}

// For a hasMany/hasOne on `owner`, the BELONGS_TO on the child that is its other side:
// Amplify names it in `associatedWith`, either by field name or by its foreign keys.
function inverseByName(field, owner, child, claimed) {
  const wanted = field.association.associatedWith ?? [];
  return child.fields.find((f) => kindOf(f) === 'belongsTo' && f.typeName === owner &&
    !claimed.has(f) && (wanted.includes(f.name) || sameList(f.association.targetNames, wanted)));
}

// hasOne's associatedWith names the child's key, not the field; pair it with the only
// unclaimed BELONGS_TO back to the owner when there is exactly one.
function inverseByType(owner, child, claimed) {
  const candidates = child.fields.filter((f) => kindOf(f) === 'belongsTo' &&
    f.typeName === owner && !claimed.has(f));
  return candidates.length === 1 ? candidates[0] : undefined;
}

// → { relations: [{kind, from, fromField, to, toField|null, via|null}], joins: Map }
export function extractRelations(models) {
  const byName = new Map(models.map((m) => [m.name, m]));
  const joins = new Map();
  for (const m of models) {
    const join = findJoin(m, models);
    if (join) joins.set(m.name, join);
  }
  const relations = [];
  for (const { name, sides: [a, b] } of joins.values()) {
    a.field.shownType = b.model;
    b.field.shownType = a.model;
    relations.push({ kind: 'manyToMany', from: a.model, fromField: a.field.name, to: b.model,
      toField: b.field.name, via: name });
  }
  const claimed = new Set();
  const parents = models.filter((m) => !joins.has(m.name)).flatMap((m) => m.fields
    .filter((f) => ['hasMany', 'hasOne'].includes(kindOf(f)) && !joins.has(f.typeName) &&
      byName.has(f.typeName))
    .map((field) => ({ owner: m.name, field, inverse: undefined })));
  for (const p of parents) {
    p.inverse = inverseByName(p.field, p.owner, byName.get(p.field.typeName), claimed);
    if (p.inverse) claimed.add(p.inverse);
  }
  for (const p of parents.filter((x) => !x.inverse && kindOf(x.field) === 'hasOne')) {
    p.inverse = inverseByType(p.owner, byName.get(p.field.typeName), claimed);
    if (p.inverse) claimed.add(p.inverse);
  }
  for (const p of parents) {
    relations.push({ kind: kindOf(p.field), from: p.owner, fromField: p.field.name,
      to: p.field.typeName, toField: p.inverse?.name ?? null, via: null });
  }
  for (const m of models.filter((x) => !joins.has(x.name))) {
    for (const f of m.fields.filter((x) => kindOf(x) === 'belongsTo' && !claimed.has(x) &&
      byName.has(x.typeName) && !joins.has(x.typeName))) {
      relations.push({ kind: 'belongsTo', from: m.name, fromField: f.name, to: f.typeName,
        toField: null, via: null });
    }
  }
  return { relations, joins };
}

// The edge label: the kinds of both sides of the relation.
export function relationLabel(r) {
  if (r.kind === 'manyToMany') return `manyToMany (${r.via})`;
  return r.toField ? `${r.kind} / belongsTo` : r.kind;
}

// The relation in words, for the SVG's description, edge tooltips and the table.
export function relationSentence(r) {
  if (r.kind === 'manyToMany') {
    return `${r.from}.${r.fromField} and ${r.to}.${r.toField}: ` +
      `manyToMany through join model ${r.via}`;
  }
  const inverse = r.toField ? `; ${r.to}.${r.toField} belongsTo ${r.from}` : '';
  return `${r.from}.${r.fromField} ${r.kind} ${r.to}${inverse}`;
}
