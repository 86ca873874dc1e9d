// Resource screens beyond creation: editing an auth resource through its detail form, importing
// an S3 bucket, deleting an API and a storage resource (confirm dialog); every change checked
// through the public API. Run: `cd console && node --test e2e/`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as h from './harness.mjs';

let server;
let browser;

before(async () => {
  // Settled, so that after() closes whichever started when the other failed.
  const [s, b] = await Promise.allSettled([h.startServer(), h.launchBrowser()]);
  [server, browser] = [s.value, b.value];
  for (const r of [s, b]) if (r.status === 'rejected') throw r.reason;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await h.writeReport('axe-resources.json', h.axeFindings);
});

const unique = (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`;
const READ_ONLY = { authenticated: ['READ'] };

test('resources: edit an auth resource through its detail form', async (t) => {
  const { api } = server;
  const appId = unique('edit-auth');
  await api.createBackend(appId, 'Edit auth', 'dev');
  await api.createAuth(appId, 'dev', 'userauth', {
    service: 'COGNITO', authResources: 'USER_POOL_ONLY',
    userPoolConfigs: { userPoolName: 'pool1', signInMethod: 'EMAIL',
      requiredSignUpAttributes: ['EMAIL'], passwordPolicy: { minimumLength: 8 } } });
  await h.withPage(t, browser, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}/env/dev/resources/auth/userauth`);
    await h.getByRole(page, 'heading', /^authentication resource userauth$/i);
    const minimum = await h.field(page, /^minimum length/i);
    await h.until(async () => (await minimum.evaluate((e) => e.value)) === '8',
      { what: 'the stored minimum length in the form' });
    await h.fill(page, /^minimum length/i, '12');
    await (await h.getByRole(page, 'checkbox', 'REQUIRE_DIGIT')).click();
    await (await h.button(page, /^save changes$/i)).click();

    const pool = async () => (await api.getAuth(appId, 'dev', 'userauth'))
      .resourceConfig.userPoolConfigs;
    await h.until(async () => (await pool()).passwordPolicy.minimumLength === 12,
      { what: 'minimumLength 12 through GetBackendAuth' });
    const saved = await pool();
    assert.deepEqual(saved.passwordPolicy.additionalConstraints, ['REQUIRE_DIGIT']);
    // Members the form did not touch (or may not change) keep their stored values.
    assert.equal(saved.userPoolName, 'pool1');
    assert.equal(saved.signInMethod, 'EMAIL');
    assert.deepEqual(saved.requiredSignUpAttributes, ['EMAIL']);
    await h.waitForText(page, /\(UpdateBackendAuth\): COMPLETED/);
    // A missing optional part once rendered as the text "null".
    assert.doesNotMatch(await page.$eval('main', (m) => m.innerText), /\bnull\b/);
    await h.checkScreen(w, 'resource-auth-edited');
  });
});

test('resources: import an S3 bucket through the import form', async (t) => {
  const { api } = server;
  const appId = unique('import');
  const owner = unique('owner');
  const bucket = `${owner}-shared`;  // made by the storage of another app of the account
  await api.createBackend(appId, 'Importer', 'dev');
  await api.createBackend(owner, 'Bucket owner', 'dev');
  await api.createStorage(owner, 'dev', 'shared',
    { serviceName: 'S3', bucketName: bucket, permissions: READ_ONLY });
  await h.withPage(t, browser, server, async (w) => {
    const { page } = w;
    await h.visit(w, `#/apps/${appId}/env/dev/resources`);
    const storage = await h.getByRole(page, 'region', /^storage$/i);
    await (await h.button(page, /^import an s3 bucket$/i, { within: storage })).click();
    // The form suggests the account's buckets (ListS3Buckets).
    await h.until(() => page.$$eval('datalist option', (os, name) =>
      os.some((o) => o.value === name), bucket), { what: `${bucket} among the suggestions` });
    await h.fill(page, /^bucket name/i, bucket, { within: storage });
    await h.checkScreen(w, 'resources-storage-import-form');
    await (await h.button(page, /^import$/i, { within: storage })).click();

    const imported = await h.until(() => api.orNull(api.getStorage(appId, 'dev', bucket)),
      { what: 'the imported storage resource' });
    assert.equal(imported.resourceConfig.bucketName, bucket);
    assert.equal(imported.resourceConfig.imported, true);
    assert.equal(imported.resourceConfig.serviceName, 'S3');
    // Listed, marked as imported, once the screen refreshes.
    const table = await h.getByRole(page, 'table', /^storage resources/i);
    await h.until(() => table.$$eval('tbody tr', (rows, name) => rows.some((r) =>
      r.cells[0]?.innerText.trim() === name && r.cells[2]?.innerText.trim() === 'Imported'),
    bucket), { what: `${bucket} listed as Imported` });
    await h.checkScreen(w, 'resources-storage-imported');
  });
});

test('resources: delete an API and a storage resource (confirm dialog)', async (t) => {
  const { api } = server;
  const appId = unique('delete');
  const bucket = `${appId}-files`;
  await api.createBackend(appId, 'Deletions', 'dev');
  await api.createApi(appId, 'dev', 'todoapi',
    { apiName: 'todoapi', transformSchema: 'type Todo @model { id: ID! name: String }' });
  await api.createStorage(appId, 'dev', 'files',
    { serviceName: 'S3', bucketName: bucket, permissions: READ_ONLY });
  assert.ok((await api.bucketNames()).includes(bucket));

  await h.withPage(t, browser, server, async (w) => {
    const { page } = w;
    // Deletes from the detail screen; resolves once the job note says COMPLETED.
    const remove = async (kind, name, screen) => {
      await h.visit(w, `#/apps/${appId}/env/dev/resources/${kind}/${name}`);
      await h.getByRole(page, 'heading', new RegExp(` resource ${name}$`, 'i'));
      await (await h.button(page, /^delete$/i)).click();
      await page.waitForSelector('dialog[open]');
      await h.waitForText(page, new RegExp(`resource “${name}” from environment dev`));
      if (screen) await h.checkScreen(w, screen);
      await h.confirmDialog(page);
      // (DeleteBackendStorage's answer has no operation member, so the note names none.)
      await h.waitForText(page, /^Job \S+( \(DeleteBackendAPI\))?: COMPLETED\. /m);
      await h.getByRole(page, 'link', /^back to the resources$/i);
    };

    await remove('api', 'todoapi', 'resource-delete-confirm');
    assert.equal(await api.orNull(api.getApi(appId, 'dev', 'todoapi')), null);
    await h.checkScreen(w, 'resource-api-deleted');

    await remove('storage', 'files');
    assert.equal(await api.orNull(api.getStorage(appId, 'dev', 'files')), null);
    // The bucket went with the storage resource that made it.
    assert.ok(!(await api.bucketNames()).includes(bucket), `${bucket} deleted`);

    await (await h.getByRole(page, 'link', /^back to the resources$/i)).click();
    for (const kind of [/^api resources/i, /^storage resources/i]) {
      const table = await h.getByRole(page, 'table', kind);
      await h.until(() => table.evaluate((e) => /No (API|storage) resource yet/.test(e.innerText)),
        { what: `${kind} empty` });
    }
    const meta = JSON.parse((await api.getBackend(appId)).amplifyMetaConfig || '{}');
    assert.deepEqual(Object.keys(meta.api ?? {}), []);
    assert.deepEqual(Object.keys(meta.storage ?? {}), []);
  });
});
