// Layout and routing: no box overlaps another, no edge or label lies on a box, for the
// 3-model blog fixture and for a generated 30-model schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIntrospection } from '../src/js/model/introspection.js';
import { layoutDiagram } from '../src/js/model/layout.js';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

const scalar = (name, type, extra = {}) => ({ name, type, isArray: false, isRequired: false,
  attributes: [], ...extra });
const link = (name, target, association, extra = {}) =>
  scalar(name, { model: target }, { association, ...extra });
const LIST = { isArray: true, isArrayNullable: true };
const stamps = () => [scalar('createdAt', 'AWSDateTime', { isReadOnly: true }),
  scalar('updatedAt', 'AWSDateTime', { isReadOnly: true })];

// 30 models shaped as Amplify writes them: a tree of hasMany/belongsTo pairs, hasOne fields,
// three @manyToMany join models, one lone belongsTo, two enums and two non-model types.
function thirtyModels() {
  const fields = Array.from({ length: 30 }, (_, i) => [scalar('id', 'ID', { isRequired: true }),
    scalar(`title${i}`, 'String', { isRequired: true }), scalar('status', { enum: 'Status' }),
    scalar('where', { nonModel: 'Place' })]);
  const name = (i) => `Model${String(i).padStart(2, '0')}`;
  for (let i = 1; i < 30; i++) {
    const p = Math.floor((i - 1) / 3);
    fields[p].push(link(`children${i}`, name(i),
      { connectionType: 'HAS_MANY', associatedWith: ['parent'] }, LIST));
    fields[i].push(scalar('parentId', 'ID'),
      link('parent', name(p), { connectionType: 'BELONGS_TO', targetNames: ['parentId'] }));
  }
  for (const i of [0, 7, 14, 21, 28]) {
    fields[i].push(link('profile', name((i + 5) % 30), { connectionType: 'HAS_ONE',
      associatedWith: ['id'], targetNames: [`m${i}ProfileId`] }), scalar(`m${i}ProfileId`, 'ID'));
  }
  fields[29].push(link('owner', name(3),
    { connectionType: 'BELONGS_TO', targetNames: ['ownerId'] }));
  const joins = [[2, 25, 'JoinA'], [11, 17, 'JoinB'], [4, 4, 'JoinSelf']].map(([a, b, join]) => {
    const sides = a === b ? ['left'] : ['left', 'right'];
    fields[a].push(link(`${join}Left`, join,
      { connectionType: 'HAS_MANY', associatedWith: ['left'] }, LIST));
    fields[b].push(link(`${join}Right`, join, { connectionType: 'HAS_MANY',
      associatedWith: [sides.at(-1)] }, LIST));
    const ends = a === b ? [a] : [a, b];
    return [join, [scalar('id', 'ID', { isRequired: true }),
      ...sides.map((s, k) => scalar(`${s}Id`, 'ID')),
      ...sides.map((s, k) => link(s, name(ends[k]), { connectionType: 'BELONGS_TO',
        targetNames: [`${s}Id`] }, { isRequired: true })), ...stamps()]];
  });
  const asModel = (n, fs) =>
    [n, { name: n, fields: Object.fromEntries(fs.map((f) => [f.name, f])) }];
  return JSON.stringify({
    version: 1,
    models: Object.fromEntries([...fields.map((fs, i) => asModel(name(i), [...fs, ...stamps()])),
      ...joins.map(([n, fs]) => asModel(n, fs))]),
    enums: { Status: { name: 'Status', values: ['OPEN', 'DONE'] },
      Size: { name: 'Size', values: ['S', 'M', 'L'] } },
    nonModels: Object.fromEntries([
      asModel('Place', [scalar('lat', 'Float'), scalar('lon', 'Float')]),
      asModel('Tag', [scalar('label', 'String')])]),
  });
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// A horizontal or vertical segment strictly inside a box (touching its border is fine).
function crosses([x1, y1], [x2, y2], b) {
  const [lx, hx, ly, hy] = [Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)];
  return lx < b.x + b.w && hx > b.x && ly < b.y + b.h && hy > b.y &&
    (x1 === x2 ? x1 > b.x && x1 < b.x + b.w : y1 > b.y && y1 < b.y + b.h);
}

function checkLayout(layout) {
  const boxes = [...layout.boxes.entries()];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      assert.ok(!overlaps(boxes[i][1], boxes[j][1]), `${boxes[i][0]} overlaps ${boxes[j][0]}`);
    }
  }
  const labels = layout.edges.map((e) => e.label);
  for (const [k, e] of layout.edges.entries()) {
    const { from, to } = e.edge;
    for (const [name, b] of boxes) {
      assert.ok(!overlaps(e.label, b), `label ${e.label.text} of ${from}→${to} lies on ${name}`);
      for (let p = 1; p < e.points.length; p++) {
        const [a, c] = [e.points[p - 1], e.points[p]];
        assert.ok(a[0] === c[0] || a[1] === c[1], `${from}→${to} has a slanted segment`);
        assert.ok(!crosses(a, c, b), `${from}→${to} runs through ${name}`);
      }
    }
    for (const other of labels.slice(k + 1)) {
      assert.ok(!overlaps(e.label, other), `labels "${e.label.text}" and "${other.text}" overlap`);
    }
    const onBorder = ([x, y], b) => x >= b.x && x <= b.x + b.w && (y === b.y || y === b.y + b.h);
    assert.ok(onBorder(e.points[0], layout.boxes.get(from)), `${from}→${to} starts off its box`);
    assert.ok(onBorder(e.points.at(-1), layout.boxes.get(to)), `${from}→${to} ends off its box`);
  }
  const v = layout.viewBox;
  for (const b of [...layout.boxes.values(), ...labels]) {
    assert.ok(b.x >= v.x && b.y >= v.y && b.x + b.w <= v.x + v.width && b.y + b.h <= v.y + v.height,
      'everything lies inside the viewBox');
  }
}

test('3 models (corpus p08): boxes and edges keep apart', () => {
  const layout = layoutDiagram(parseIntrospection(fixture('p08_blog_hasmany_belongsto')));
  assert.deepEqual([...layout.boxes.keys()].sort(), ['Blog', 'Comment', 'Post']);
  assert.equal(layout.edges.length, 2);
  checkLayout(layout);
  // Blog is nobody's child, so it heads the drawing.
  assert.ok(layout.boxes.get('Blog').y < layout.boxes.get('Post').y);
});

test('30 models: relations found, boxes and labels never overlap', () => {
  const graph = parseIntrospection(thirtyModels());
  const count = (kind) => graph.relations.filter((r) => r.kind === kind).length;
  assert.deepEqual([count('hasMany'), count('hasOne'), count('belongsTo'), count('manyToMany')],
    [29, 5, 1, 3]);
  assert.ok(graph.relations.filter((r) => r.kind === 'hasMany')
    .every((r) => r.toField === 'parent'));
  assert.deepEqual([...graph.joins.keys()], ['JoinA', 'JoinB', 'JoinSelf']);
  // A self manyToMany: one BELONGS_TO in the join model, used by both sides (as in corpus c79).
  assert.ok(graph.relations.some((r) => r.via === 'JoinSelf' && r.from === 'Model04' &&
    r.to === 'Model04' && r.fromField === 'JoinSelfLeft' && r.toField === 'JoinSelfRight'));
  const layout = layoutDiagram(graph);
  assert.equal(layout.boxes.size, 34); // 30 models + 2 enums + 2 non-models, no join models
  assert.ok(!layout.boxes.has('JoinA'));
  checkLayout(layout);
  // Roughly as wide as tall in boxes, not one long row or column.
  const cols = new Set([...layout.boxes.values()].map((b) => b.x)).size;
  const rows = new Set([...layout.boxes.values()].map((b) => b.y)).size;
  assert.ok(cols >= 4 && rows >= 4, `${cols} columns × ${rows} rows`);
});

test('related models sit in neighbouring rows', () => {
  const graph = parseIntrospection(thirtyModels());
  const layout = layoutDiagram(graph);
  const rowOf = new Map();
  const ys = [...new Set([...layout.boxes.values()].map((b) => b.y))].sort((a, b) => a - b);
  for (const [n, b] of layout.boxes) rowOf.set(n, ys.indexOf(b.y));
  const far = graph.relations.filter((r) => Math.abs(rowOf.get(r.from) - rowOf.get(r.to)) > 2);
  assert.ok(far.length <= 3, `${far.length} relations span more than two rows`);
});
