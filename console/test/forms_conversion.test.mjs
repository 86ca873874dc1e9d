// forms/form.js on a small definition using every node type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaults, fromEntries, hasValuesUnder, listIndices, nodeAt, toBody, toValues,
} from '../src/js/forms/form.js';

const fields = [
  { key: 'name', required: true, createOnly: true },
  { key: 'config', type: 'group', required: true, fields: [
    { key: 'kind', type: 'select', options: ['A', 'B'], required: true, default: 'A' },
    { key: 'size', type: 'number' },
    { key: 'tags', type: 'multi', options: ['X', 'Y', 'Z'], required: true },
    { key: 'uris', type: 'lines' },
    { key: 'extra', type: 'group', fields: [
      { key: 'flag', type: 'boolean', required: 'create' },
      { key: 'note', type: 'textarea' },
    ] },
    { key: 'onlyB', type: 'group', when: (v) => v['config.kind'] === 'B', fields: [
      { key: 'guest', type: 'boolean' },
    ] },
    { key: 'items', type: 'list', fields: [
      { key: 'mode', type: 'select', options: ['M1', 'M2'] },
      { key: 'secret', type: 'password' },
    ] },
  ] },
];

test('defaults; empty optional members and groups are left out; required lists may be []', () => {
  assert.deepEqual(defaults(fields), { 'config.kind': 'A' });
  assert.deepEqual(toBody(fields, { name: ' n1 ', 'config.kind': 'A', 'config.size': '  ' },
    'create'), { name: 'n1', config: { kind: 'A', tags: [] } });
});

test('a used group sends its booleans as false, an unused one is omitted', () => {
  const body = toBody(fields, { 'config.extra.note': 'hi' }, 'create');
  assert.deepEqual(body.config.extra, { flag: false, note: 'hi' });
  assert.equal('extra' in toBody(fields, { 'config.extra.flag': false }, 'create').config, false);
  assert.deepEqual(toBody(fields, { 'config.extra.flag': true }, 'create').config.extra,
    { flag: true });
});

test('`when` drops a section, or always sends it while it applies', () => {
  assert.equal('onlyB' in toBody(fields, { 'config.kind': 'A', 'config.onlyB.guest': true },
    'create').config, false);
  // …here in update mode, which also skips create-only members.
  assert.deepEqual(toBody(fields, { name: 'n1', 'config.kind': 'B' }, 'update'),
    { config: { kind: 'B', tags: [], onlyB: { guest: false } } });
});

test('numbers, lines and multi values convert to JSON types', () => {
  const body = toBody(fields, {
    'config.size': '8', 'config.uris': 'https://a/\n\n  https://b/ \n', 'config.tags': ['Y', 'X'],
  }, 'create');
  assert.equal(body.config.size, 8);
  assert.deepEqual(body.config.uris, ['https://a/', 'https://b/']);
  assert.deepEqual(body.config.tags, ['Y', 'X']);
  // Not a number: passed through so the server's 400 names the member.
  assert.equal(toBody(fields, { 'config.size': 'ten' }, 'create').config.size, 'ten');
});

test('list items keep their order and drop empty ones', () => {
  const values = { 'config.items.3.mode': 'M2', 'config.items.0.mode': 'M1',
    'config.items.1.secret': '', 'config.items.3.secret': 's' };
  assert.deepEqual(listIndices(values, 'config.items'), [0, 1, 3]);
  assert.deepEqual(toBody(fields, values, 'create').config.items,
    [{ mode: 'M1' }, { mode: 'M2', secret: 's' }]);
});

test('body → values → body round-trips', () => {
  const body = { name: 'n1', config: { kind: 'B', size: 2.5, tags: ['Z'], uris: ['u1', 'u2'],
    extra: { flag: true, note: 'x' }, onlyB: { guest: true },
    items: [{ mode: 'M1' }, { mode: 'M2', secret: 's' }] } };
  const values = toValues(fields, body);
  assert.equal(values['config.uris'], 'u1\nu2');
  assert.equal(values['config.size'], '2.5');
  assert.equal(values['config.items.1.secret'], 's');
  assert.deepEqual(toBody(fields, values, 'create'), body);
  assert.deepEqual(toValues(fields, { name: 'n', other: 1, config: { size: null } }),
    { name: 'n' });
});

test('form entries become values by node type', () => {
  const entries = [['name', 'n'], ['config.tags', 'X'], ['config.tags', 'Z'],
    ['config.extra.flag', 'true'], ['config.items.2.mode', 'M1'], ['unknown', 'u']];
  assert.deepEqual(fromEntries(fields, entries), { name: 'n', 'config.tags': ['X', 'Z'],
    'config.extra.flag': true, 'config.items.2.mode': 'M1' });
  assert.equal(nodeAt(fields, 'config.items.2.secret').type, 'password');
  assert.equal(nodeAt(fields, 'config.nothing'), undefined);
});

test('hasValuesUnder finds filled members of a section only', () => {
  const values = { 'config.extra.note': '', 'config.extra.flag': false, 'config.tags': [],
    'config.items.0.mode': 'M1', 'configX.y': 'z' };
  assert.deepEqual(['config.extra', 'config.items', 'config', 'config.tags', 'configX.y']
    .map((path) => hasValuesUnder(values, path)), [false, true, true, false, false]);
  assert.equal(hasValuesUnder({ 'configX.y': 'z' }, 'config'), false);
});
