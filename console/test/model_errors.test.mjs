// Where a failed generation points: messages exactly as GetBackendJob's `error` carried them
// (server run on corpus schemas in tests/corpus/modelgen/invalid and on the texts below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchemaError, offsetOf, lineStarts } from '../src/js/model/errorloc.js';

const SERVER_ERRORS = [
  ['The transformSchema of API i01 is not valid: Syntax Error: Expected ":", found Name "String". (line 3, column 8)',
    'Syntax Error: Expected ":", found Name "String".', 3, 8],
  ['The transformSchema of API i03 is not valid: Unknown type: "Writer". (line 4, column 11)',
    'Unknown type: "Writer".', 4, 11],
  ["The transformSchema of API i08 is not valid: Error for relation: 'PostTags', there should be two matching manyToMany directives and found: 1 (line 3, column 15)",
    "Error for relation: 'PostTags', there should be two matching manyToMany directives and found: 1", 3, 15],
  ['The transformSchema of API i18 is not valid: Unable to merge GraphQL type "Item": Field "count" already defined with a different type. Declared as "Int", but you tried to override with "String" (line 8, column 3)',
    'Unable to merge GraphQL type "Item": Field "count" already defined with a different type. Declared as "Int", but you tried to override with "String"', 8, 3],
  ['The transformSchema of API i24 is not valid: Syntax Error: Unexpected <EOF>. (line 2, column 1)',
    'Syntax Error: Unexpected <EOF>.', 2, 1],
];

test('line, column and message from real server errors', () => {
  for (const [text, message, line, column] of SERVER_ERRORS) {
    assert.deepEqual(parseSchemaError(text), { message, line, column });
  }
});

test('an error without a place keeps its whole message', () => {
  assert.deepEqual(parseSchemaError('Model generation was cancelled.'),
    { message: 'Model generation was cancelled.', line: null, column: null });
  assert.deepEqual(parseSchemaError(undefined), { message: '', line: null, column: null });
});

// Each case: schema text sent, the (line, column) the server answered, the text found there.
const PLACES = [
  // i01: the missing colon, "(line 3, column 8)".
  ['type Todo @model {\n  id: ID!\n  name String!\n}\n', 3, 8, 'String!'],
  // CR LF line ends and a tab: "Unknown type: "Foo". (line 3, column 5)".
  ['type Todo @model {\r\n\tname: String\r\n\tx: Foo\r\n}\r\n', 3, 5, 'Foo'],
  // Characters outside the BMP count as two (UTF-16), like JS strings: column 24.
  ['type Todo @model {\n  "ééé😀" name: String ~\n}\n', 2, 24, '~'],
  // A byte-order mark is column 1: "... character "~". (line 1, column 34)".
  ['\uFEFFtype Todo @model { name: String ~ }\n', 1, 34, '~'],
  // A lone CR ends a line too: "Unknown type: \"Bad\". (line 3, column 6)".
  ['type A @model {\r  id: ID!\r  b: Bad\r}', 3, 6, 'Bad'],
];

test('(line, column) → offset in the editor text', () => {
  for (const [text, line, column, expected] of PLACES) {
    const at = offsetOf(text, line, column);
    assert.equal(text.slice(at, at + expected.length), expected, JSON.stringify(text));
  }
});

test('places past the end clamp to the nearest position', () => {
  const text = 'type A {\n  x: Int\n';
  assert.equal(offsetOf(text, 9, 1), text.length); // "Unexpected <EOF>" after the last line
  assert.equal(offsetOf(text, 1, 99), 'type A {'.length); // end of line 1, not inside line 2
  assert.equal(offsetOf(text, 0, 0), 0);
  assert.deepEqual(lineStarts('a\r\nb\rc\nd'), [0, 3, 5, 7]);
});
