// The console with a lot of data: an environment of 10,000 jobs (seeded into the data dir by
// bench/seed_jobs before the server starts) paged and filtered, and the data-model diagram of a
// 30-model schema. Deadlines only: timing belongs in bench/. Run: `cd console && node --test e2e/`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

const SEEDED_APP = 'seeded-jobs';
const SEEDED = 10000;
const PAGE = 25;  // ListBackendJobs' maximum, the screen's page size
const DEADLINE = 10000;  // ms a page of jobs may take to show

let server;
let browser;

before(async () => {
  // Settled, so that after() closes whichever started when the other failed.
  const [s, b] = await Promise.allSettled([
    h.startServer([], { seed: (dir) => h.seedJobs(dir, SEEDED_APP, 'dev', SEEDED) }),
    h.launchBrowser()]);
  [server, browser] = [s.value, b.value];
  for (const r of [s, b]) if (r.status === 'rejected') throw r.reason;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await h.writeReport('axe-scale.json', h.axeFindings);
});

// The number seed_jobs put in a job id (00000000-0000-4000-8000-000000000042 → 42), or null.
const seededNumber = (jobId) => {
  const m = /^00000000-0000-4000-8000-(\d{12})$/.exec(jobId);
  return m ? Number(m[1]) : null;
};

test('environment screen: 10,000 jobs, paged and filtered by status', async (t) => {
  const { api } = server;
  // Two jobs of our own on top: one COMPLETED, then the only FAILED one.
  await api.createApi(SEEDED_APP, 'dev', 'broken',
    { apiName: 'broken', transformSchema: 'type A @model { id: ID! b: [B @hasMany }' });
  const failed = await api.call('POST', `/backend/${SEEDED_APP}/api/dev/generateModels`,
    { resourceName: 'broken' });
  await h.until(async () => (await api.getJob(SEEDED_APP, 'dev', failed.jobId)).status ===
    'FAILED', { what: 'the FAILED job' });

  await h.withPage(t, browser, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${SEEDED_APP}/env/dev`);
    const table = await h.getByRole(page, 'table', /^jobs/i);
    // Waits (at most DEADLINE) for page `n` to show rows (cell texts) that pass `ok`; returns
    // them. Rows and page number are read at once: the screen may change between two reads.
    const pageShown = (n, ok, what) => h.until(async () => {
      const [status, shown] = await table.evaluate((el) => [
        document.querySelector('nav.pager .page-status').textContent,
        [...el.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.innerText.trim()))]);
      return status === `Page ${n}` && ok(shown) && shown;
    }, { timeout: DEADLINE, what });
    const pager = async (name) => h.button(page, name, { within: 'nav.pager' });
    const isDisabled = async (name) => (await pager(name)).evaluate((b) => b.disabled);

    const first = await pageShown(1, (r) => r.length === PAGE && r[0][0] === failed.jobId,
      'the first page of jobs');
    assert.deepEqual(first[0].slice(1, 3), ['GenerateBackendAPIModels', 'FAILED']);
    assert.equal(first[1][1], 'CreateBackendAPI');
    assert.ok(await isDisabled(/^previous jobs page$/i));
    await h.checkScreen(w, 'environment-jobs-10k');

    // Next: pages continue the seeded jobs newest first, without gap or repeat.
    const numbers = first.slice(2).map((r) => seededNumber(r[0]));
    const pages = [first];
    for (let n = 2; n <= 4; n++) {
      await (await pager(/^next jobs page$/i)).click();
      const shown = await pageShown(n, (r) => r.length === PAGE && r[0][0] !== pages.at(-1)[0][0],
        `jobs page ${n}`);
      pages.push(shown);
      numbers.push(...shown.map((r) => seededNumber(r[0])));
    }
    const expected = Array.from({ length: numbers.length }, (_, i) => SEEDED - i);
    assert.deepEqual(numbers, expected, 'seeded jobs in order across pages');
    assert.ok(pages.flat().slice(2).every((r) => r[2] === 'COMPLETED'));
    assert.ok(!(await isDisabled(/^next jobs page$/i)), 'more pages after page 4');
    await h.checkScreen(w, 'environment-jobs-page-4');

    await (await pager(/^previous jobs page$/i)).click();
    const back = await pageShown(3, (r) => r[0][0] === pages[2][0][0], 'back on page 3');
    assert.deepEqual(back, pages[2]);

    // The status filter starts again from page 1 of the matching jobs.
    await h.choose(page, /^status/i, 'FAILED');
    await pageShown(1, (r) => r.length === 1 && r[0][0] === failed.jobId, 'the FAILED jobs');
    assert.ok(await isDisabled(/^next jobs page$/i), 'one page of FAILED jobs');
    assert.ok(await isDisabled(/^previous jobs page$/i));
    await h.checkScreen(w, 'environment-jobs-failed');

    await h.choose(page, /^status/i, 'RUNNING');
    await pageShown(1, (r) => r.length === 1 && /^no jobs/i.test(r[0][0]), 'no RUNNING jobs');

    await h.choose(page, /^status/i, 'COMPLETED');
    const completed = await pageShown(1, (r) => r.length === PAGE && r[0][1] ===
      'CreateBackendAPI', 'the COMPLETED jobs');
    assert.ok(completed.every((r) => r[2] === 'COMPLETED'));
    assert.deepEqual(completed.slice(1).map((r) => seededNumber(r[0])),
      expected.slice(0, PAGE - 1));
    await (await pager(/^next jobs page$/i)).click();
    const next = await pageShown(2, (r) => r.length === PAGE, 'page 2 of the COMPLETED jobs');
    assert.equal(seededNumber(next[0][0]), SEEDED - (PAGE - 1));
  });
});

// 30 @model types: a tree of @hasMany (each child @belongsTo its parent), plus @hasOne and
// @manyToMany between branches. Deterministic, so the diagram is the same every run.
const NAMES = ('Account Address Author Blog Category Comment Company Customer Department '
  + 'Employee Event Invoice Item Order Payment Post Product Profile Project Review Shipment '
  + 'Skill Store Supplier Tag Task Team Ticket Venue Warehouse').split(' ');
const HAS_ONE = [[3, 20], [8, 27], [13, 4], [18, 9], [24, 15]];
const MANY_TO_MANY = [[5, 22], [11, 28], [16, 7], [21, 2], [26, 12]];

function thirtyModels() {
  const fields = NAMES.map(() => ['  id: ID!', '  name: String!']);
  const lower = (i) => NAMES[i][0].toLowerCase() + NAMES[i].slice(1);
  const plural = (w) => w.replace(/y$/, 'ie').replace(/s$/, 'se') + 's';
  for (let i = 1; i < NAMES.length; i++) {
    const parent = Math.floor((i - 1) / 2);
    fields[parent].push(`  ${plural(lower(i))}: [${NAMES[i]}] @hasMany`);
    fields[i].push(`  ${lower(parent)}: ${NAMES[parent]} @belongsTo`);
  }
  for (const [a, b] of HAS_ONE) fields[a].push(`  main${NAMES[b]}: ${NAMES[b]} @hasOne`);
  for (const [a, b] of MANY_TO_MANY) {
    const relation = `@manyToMany(relationName: "${NAMES[a]}${NAMES[b]}")`;
    fields[a].push(`  ${lower(b)}Links: [${NAMES[b]}] ${relation}`);
    fields[b].push(`  ${lower(a)}Links: [${NAMES[a]}] ${relation}`);
  }
  return NAMES.map((name, i) => `type ${name} @model {\n${fields[i].join('\n')}\n}\n`).join('\n');
}

test('data model: the diagram of 30 models shows every box, none overlapping', async (t) => {
  const { api } = server;
  const appId = 'thirty-models';
  const schema = thirtyModels();
  await api.createBackend(appId, 'Thirty models', 'dev');
  await api.createApi(appId, 'dev', 'bigapi',
    { apiName: 'bigapi', transformSchema: 'type Todo @model { id: ID! }' });
  await h.withPage(t, browser, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}/env/dev/api/bigapi`);
    const editor = await h.field(page, /^graphql transform schema/i);
    await h.until(async () => /Todo/.test(await editor.evaluate((e) => e.value)),
      { what: 'the stored schema in the editor' });
    // Pasted rather than typed key by key: one insertion, as a paste is.
    await editor.click();
    await editor.evaluate((e) => e.select());
    await page.keyboard.sendCharacter(schema);
    assert.equal(await editor.evaluate((e) => e.value), schema);
    await (await h.button(page, /^generate models$/i)).click();

    // Saving, generating and drawing; generous, as the suite may share the machine.
    const diagram = await h.getByRole(page, 'image', /^data model diagram: 30 models/i,
      { timeout: 30000 });
    const boxes = await diagram.$$eval('g.dm-box.dm-model', (gs) => gs.map((g) => {
      const r = g.querySelector('rect.dm-frame').getBoundingClientRect();
      return { name: g.querySelector('.dm-name').textContent,
        x: r.left, y: r.top, right: r.right, bottom: r.bottom };
    }));
    assert.deepEqual(boxes.map((b) => b.name).sort(), [...NAMES].sort());
    const overlaps = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom) {
          overlaps.push(`${a.name} × ${b.name}`);
        }
      }
    }
    assert.deepEqual(overlaps, [], 'model boxes that overlap');
    const saved = await api.getApi(appId, 'dev', 'bigapi');
    assert.equal(saved.resourceConfig.transformSchema, schema);
    assert.equal((await api.getModels(appId, 'dev', 'bigapi')).status, 'LATEST');
    // The whole diagram in the screenshot: fit the width, then zoom out until it fits the height.
    await (await h.button(page, /^fit width$/i)).click();
    const canvas = await h.getByRole(page, 'region', /^diagram/i);
    const fits = () => canvas.evaluate((c) => c.scrollHeight <= c.clientHeight);
    for (let i = 0; i < 8 && !(await fits()); i++) {
      await (await h.button(page, /^zoom out$/i)).click();
    }
    assert.ok(await fits(), 'the whole diagram fits the canvas');
    await h.checkScreen(w, 'datamodel-30-models');
  });
});
