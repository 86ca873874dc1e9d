// The SVG markup: accessible name and description, one box per drawn type, escaped text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseIntrospection } from '../src/js/model/introspection.js';
import { layoutDiagram } from '../src/js/model/layout.js';
import { buildSvg, describeGraph } from '../src/js/model/svg.js';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const count = (text, re) => (text.match(re) ?? []).length;

test('manyToMany: two boxes, one edge with arrows both ways, named in the description', () => {
  const graph = parseIntrospection(fixture('p10_manytomany'));
  const svg = buildSvg(graph, layoutDiagram(graph), { idPrefix: 'x7' });
  assert.match(svg,
    /^<svg [^>]*role="img" aria-labelledby="x7-title x7-desc" viewBox="0 0 \d+ \d+"/);
  assert.match(svg, new RegExp('<title id="x7-title">Data model diagram: 2 models, 0 enums, ' +
    '0 non-model types, 1 relation</title>'));
  assert.match(svg, new RegExp('<desc id="x7-desc">Relations: Post.tags and Tag.posts: ' +
    'manyToMany through join model PostTags.</desc>'));
  assert.equal(count(svg, /class="dm-box /g), 2);
  assert.doesNotMatch(svg, /dm-name[^>]*>PostTags</);
  assert.match(svg, /marker-start="url\(#x7-arrow\)" marker-end="url\(#x7-arrow\)"/);
  assert.match(svg, />tags: \[Tag\]</);
  assert.match(svg, />manyToMany \(PostTags\)</);
});

test('boxes for enums and non-model types, with their values and fields', () => {
  const graph = parseIntrospection(fixture('p05_nonmodel_nested'));
  const svg = buildSvg(graph, layoutDiagram(graph));
  assert.equal(count(svg, /class="dm-box dm-enum"/g), 1);
  assert.equal(count(svg, /class="dm-box dm-nonModel"/g), 3);
  assert.match(svg, />SUNDAY</);
  assert.match(svg, />hours: \[OpeningHours!\]!</);
  assert.equal(describeGraph(graph).desc, 'No relations between models.');
});

test('schema text is escaped and long rows are cut with the full text as a tooltip', () => {
  const long = `n${'x'.repeat(80)}`;
  const graph = parseIntrospection({ models: { 'A<b>&"': { name: 'A<b>&"', fields: {
    [long]: { name: long, type: 'String', isArray: false, isRequired: true } } } } });
  const svg = buildSvg(graph, layoutDiagram(graph));
  assert.match(svg, />A&lt;b&gt;&amp;&quot;</);
  assert.doesNotMatch(svg, /A<b>/);
  assert.match(svg, new RegExp(`<title>${long}: String!</title>${long.slice(0, 20)}x*…</text>`));
});
