// The shell: API client with the stored session, the header's session control, the router.
import { createApi } from './api.js';
import { startRouter, SECTION_OF } from './router.js';
import { loadSession, saveSession, showSignIn } from './session.js';
import { h, errorNote } from './ui.js';

const TITLES = {
  apps: 'Apps', app: 'App', settings: 'Admin UI settings', environment: 'Environment',
  datamodel: 'Data model', resources: 'Resources', buckets: 'S3 buckets', server: 'Server',
  notFound: 'Not found',
};

const main = document.getElementById('main');
const sessionSlot = document.getElementById('session');
const initial = loadSession();

// After the user cancels the form, screens' periodic refreshes must not reopen it: their 403s
// show as error notes until the user signs in from the header.
let declined = false;

async function signIn(reason) {
  const session = await showSignIn(reason);
  declined = !session;
  renderSession();
  return session;
}

const api = createApi({
  credentials: initial?.credentials ?? null,
  region: initial?.region,
  onAuthError: (err) => (declined ? null : signIn(err)),
});

function renderSession() {
  const creds = api.credentials;
  if (!creds) {
    sessionSlot.replaceChildren(h('button', { type: 'button', class: 'secondary',
      onclick: async () => {
        const session = await signIn(null);
        if (session) {
          api.setCredentials(session.credentials, session.region);
          router.reload();
        }
      } }, 'Sign in'));
    return;
  }
  sessionSlot.replaceChildren(
    h('span', { class: 'who' }, 'Signing as ', h('code', {}, creds.accessKeyId),
      ` (${api.region})`),
    h('button', { type: 'button', class: 'secondary', onclick: () => {
      saveSession(null);
      api.setCredentials(null);
      renderSession();
      router.reload();
    } }, 'Sign out'));
}

function onRoute(route) {
  document.title = `${TITLES[route.screen] ?? 'Console'} · Amplify Backend Console`;
  const section = SECTION_OF[route.screen];
  for (const link of document.querySelectorAll('nav[aria-label="Main"] a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function renderError(container, err, route) {
  const missing = route.screen === 'notFound';
  container.replaceChildren(
    h('h1', {}, missing ? 'Page not found' : 'This page could not be shown'),
    h('div', { class: 'panel' },
      errorNote(err),
      h('p', {}, h('a', { href: '#/apps' }, 'Back to the apps'))));
}

// The skip link targets <main>, but a hash of "#main" would be read as a route.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

renderSession();
const router = startRouter({ container: main, api, onRoute, renderError });
