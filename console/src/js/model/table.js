// The diagram's content as table rows, for screen readers and for anyone who prefers text.
import { fieldLabel } from './introspection.js';
import { relationLabel, relationSentence } from './relations.js';

// [name, kind, [field or value texts]] for every type, join models included.
export function typeRows(graph) {
  const kindOf = (m) => {
    const join = graph.joins.get(m.name);
    if (!join) return 'model';
    const [a, b] = join.sides;
    return `join model of manyToMany ${a.model}.${a.field.name} ↔ ${b.model}.${b.field.name}`;
  };
  return [
    ...graph.models.map((m) => [m.name, kindOf(m), m.fields.map(fieldLabel)]),
    ...graph.nonModels.map((n) => [n.name, 'non-model type', n.fields.map(fieldLabel)]),
    ...graph.enums.map((e) => [e.name, 'enum', e.values]),
  ];
}

// [label, from, to, sentence] for every relation.
export function relationRows(graph) {
  return graph.relations.map((r) => [relationLabel(r), `${r.from}.${r.fromField}`,
    r.toField ? `${r.to}.${r.toField}` : r.to, relationSentence(r)]);
}
