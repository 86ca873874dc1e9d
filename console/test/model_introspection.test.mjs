// Reading real introspection JSON and extracting relations from it. The fixtures are what
// the server generated for corpus schemas p05, p08 and p10, minus what the diagram does not
// read (attributes: auth rules and keys; primaryKeyInfo, syncable, pluralName).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIntrospection, typeLabel } from '../src/js/model/introspection.js';
import { typeRows, relationRows } from '../src/js/model/table.js';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const brief = (g) => g.relations.map((r) =>
  `${r.kind} ${r.from}.${r.fromField} -> ${r.to}${r.toField ? `.${r.toField}` : ''}` +
  (r.via ? ` via ${r.via}` : ''));

test('blog: hasMany paired with its belongsTo, fields as GraphQL types', () => {
  const g = parseIntrospection(fixture('p08_blog_hasmany_belongsto'));
  assert.deepEqual(g.models.map((m) => m.name), ['Blog', 'Post', 'Comment']);
  assert.deepEqual(brief(g),
    ['hasMany Blog.posts -> Post.blog', 'hasMany Post.comments -> Comment.post']);
  assert.equal(g.joins.size, 0);
  const post = g.models[1].fields;
  assert.deepEqual(post.map((f) => `${f.name}: ${typeLabel(f)}`).slice(0, 4),
    ['id: ID!', 'title: String!', 'blog: Blog', 'comments: [Comment]']);
});

test('manyToMany: the generated join model becomes one relation between the sides', () => {
  const g = parseIntrospection(fixture('p10_manytomany'));
  assert.deepEqual([...g.joins.keys()], ['PostTags']);
  assert.deepEqual(brief(g), ['manyToMany Post.tags -> Tag.posts via PostTags']);
  // The sides show the model they reach, not the join model of the wire type.
  const tags = g.models[0].fields.find((f) => f.name === 'tags');
  assert.equal(tags.typeName, 'PostTags');
  assert.equal(typeLabel(tags), '[Tag]');
  const rows = typeRows(g);
  assert.equal(rows.find((r) => r[0] === 'PostTags')[1],
    'join model of manyToMany Post.tags ↔ Tag.posts');
  assert.deepEqual(relationRows(g)[0].slice(0, 3),
    ['manyToMany (PostTags)', 'Post.tags', 'Tag.posts']);
});

test('non-model types and enums', () => {
  const g = parseIntrospection(fixture('p05_nonmodel_nested'));
  assert.deepEqual(g.enums, [{ name: 'Weekday',
    values: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] }]);
  assert.deepEqual(g.nonModels.map((n) => n.name), ['GeoPoint', 'Address', 'OpeningHours']);
  const place = g.models.find((m) => m.name === 'Restaurant').fields;
  const labels = Object.fromEntries(place.map((f) => [f.name, typeLabel(f)]));
  assert.equal(labels.address, 'Address!');
  assert.equal(labels.otherAddresses, '[Address]');
  assert.equal(labels.hours, '[OpeningHours!]!');
  assert.equal(g.relations.length, 0);
});

const field = (name, type, extra = {}) => ({ name, type, isArray: false, isRequired: false,
  attributes: [], ...extra });
const model = (name, ...fields) =>
  ({ name, fields: Object.fromEntries(fields.map((f) => [f.name, f])) });

test('list shapes: item and list nullability (as in corpus c43)', () => {
  const g = parseIntrospection({ models: { T: model('T',
    field('a', 'String', { isArray: true, isArrayNullable: true }),
    field('b', 'String', { isArray: true, isRequired: true, isArrayNullable: true }),
    field('c', 'String', { isArray: true, isArrayNullable: false }),
    field('d', { enum: 'E' }, { isArray: true, isRequired: true, isArrayNullable: false })) } });
  assert.deepEqual(g.models[0].fields.map(typeLabel),
    ['[String]', '[String!]', '[String]!', '[E!]!']);
});

test('hasOne pairs with the only belongsTo back to its model', () => {
  const schema = () => ({ models: {
    Person: model('Person', field('passport', { model: 'Passport' }, { association: {
      connectionType: 'HAS_ONE', associatedWith: ['id'], targetNames: ['personPassportId'] } })),
    Passport: model('Passport', ...['person', 'issuer'].map((n) => field(n, { model: 'Person' },
      { association: { connectionType: 'BELONGS_TO', targetNames: [`${n}Id`] } }))),
  } });
  // Two belongsTo back to Person: the hasOne cannot tell which is its side.
  assert.deepEqual(brief(parseIntrospection(schema())), ['hasOne Person.passport -> Passport',
    'belongsTo Passport.person -> Person', 'belongsTo Passport.issuer -> Person']);
  const one = schema();
  delete one.models.Passport.fields.issuer;
  assert.deepEqual(brief(parseIntrospection(one)), ['hasOne Person.passport -> Passport.person']);
});

test('a join model written in the schema stays a model', () => {
  // With a field of its own.
  const own = parseIntrospection(
    fixture('p10_manytomany').replace('"name":"tagId"', '"name":"note"'));
  assert.equal(own.joins.size, 0);
  assert.ok(brief(own).includes('hasMany Post.tags -> PostTags.post'));
  // With optional belongsTo fields, as users write them (corpus c08's Like).
  const written = parseIntrospection(fixture('p10_manytomany').replaceAll(
    '"isRequired":true,"association":{"connectionType":"BELONGS_TO"',
    '"isRequired":false,"association":{"connectionType":"BELONGS_TO"'));
  assert.deepEqual(brief(written),
    ['hasMany Post.tags -> PostTags.post', 'hasMany Tag.posts -> PostTags.tag']);
});

test('unreadable input says what is wrong', () => {
  assert.throws(() => parseIntrospection('{'), /not JSON/);
  assert.throws(() => parseIntrospection('{"version":1}'), /no "models"/);
  assert.throws(() => parseIntrospection({ models: { A: model('A', field('x', { union: 'U' })) } }),
    /Unreadable field type/);
});
