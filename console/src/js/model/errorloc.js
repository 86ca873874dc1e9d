// Where a failed model generation points in the schema. The server words it as
// "The transformSchema of API <name> is not valid: <what> (line L, column C)"
// (src/codegen/codegen_error.h); L and C count from 1, C in UTF-16 code units and a CR LF
// as one line break, as graphql-js does.

const LOCATION = /\s*\(line (\d+), column (\d+)\)\s*$/;
const PREFIX = /^The transformSchema of API .*? is not valid: /s;

// → { message, line, column } with line/column null when the error names no place.
export function parseSchemaError(text) {
  const raw = String(text ?? '').trim();
  const match = LOCATION.exec(raw);
  const message = (match ? raw.slice(0, match.index) : raw).replace(PREFIX, '');
  return {
    message,
    line: match ? Number(match[1]) : null,
    column: match ? Number(match[2]) : null,
  };
}

// Start offsets of every line; \r\n, \r and \n each end a line.
export function lineStarts(text) {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

// The string offset of (line, column), clamped into the text: a location past the end of a
// line or of the text (an "Unexpected <EOF>") lands on the nearest real position.
export function offsetOf(text, line, column) {
  const starts = lineStarts(text);
  const l = Math.min(Math.max(line, 1), starts.length);
  const start = starts[l - 1];
  const end = l < starts.length ? starts[l] : text.length;
  const content = text.slice(start, end).replace(/\r?\n$|\r$/, '').length;
  return start + Math.min(Math.max(column - 1, 0), content);
}
