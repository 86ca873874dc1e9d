// Credentials for signing, kept in sessionStorage only (gone when the tab closes), and the
// sign-in form shown when the server refuses a request for missing or bad credentials.
import { h, field, errorNote, uid } from './ui.js';
import { DEFAULT_REGION } from './api.js';

const KEY = 'amplifybackend-console.credentials';

// { credentials: {accessKeyId, secretAccessKey, sessionToken?}, region } or null.
export function loadSession(storage = globalThis.sessionStorage) {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (!saved?.credentials?.accessKeyId || !saved.credentials.secretAccessKey) return null;
    return { credentials: saved.credentials, region: saved.region || DEFAULT_REGION };
  } catch {
    return null;
  }
}

export function saveSession(session, storage = globalThis.sessionStorage) {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

// Turns the sign-in form's values into a session; null when the required keys are missing.
export function sessionFromForm({ accessKeyId, secretAccessKey, sessionToken, region }) {
  const id = (accessKeyId ?? '').trim();
  const secret = (secretAccessKey ?? '').trim();
  if (!id || !secret) return null;
  const credentials = { accessKeyId: id, secretAccessKey: secret };
  if (sessionToken?.trim()) credentials.sessionToken = sessionToken.trim();
  return { credentials, region: (region ?? '').trim() || DEFAULT_REGION };
}

// Shows the sign-in dialog. Resolves with the new session (also saved), or null when the
// user cancels. `reason` is the error that made the server refuse the request.
export function showSignIn(reason, current = loadSession()) {
  return new Promise((resolve) => {
    const titleId = uid('signin-title');
    const fields = {
      accessKeyId: field({ label: 'Access key ID', name: 'accessKeyId', required: true,
        autocomplete: 'username', value: current?.credentials.accessKeyId }),
      secretAccessKey: field({ label: 'Secret access key', name: 'secretAccessKey',
        type: 'password', required: true, autocomplete: 'current-password' }),
      sessionToken: field({ label: 'Session token', name: 'sessionToken', type: 'password',
        help: 'Only for temporary credentials.', autocomplete: 'off' }),
      region: field({ label: 'Region', name: 'region', value: current?.region ?? DEFAULT_REGION,
        help: 'Apps are kept per account and region.' }),
    };
    let session = null;
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId }, 'Sign in'),
      h('p', {}, 'The server needs AWS credentials. They are kept in this tab only ' +
        '(sessionStorage) and used to sign each request in the browser.'),
      reason ? errorNote(reason) : null,
      Object.values(fields),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', value: 'cancel', class: 'secondary', formnovalidate: true },
          'Cancel'),
        h('button', { type: 'submit', value: 'signin' }, 'Sign in')));
    const dialog = h('dialog', { class: 'signin', 'aria-labelledby': titleId }, form);
    form.addEventListener('submit', (event) => {
      if (event.submitter?.value !== 'signin') return;
      const values = Object.fromEntries(
        Object.entries(fields).map(([k, f]) => [k, f.control.value]));
      session = sessionFromForm(values);
      if (!session) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (session) saveSession(session);
      resolve(session);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
