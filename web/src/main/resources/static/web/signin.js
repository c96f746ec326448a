// /signin: import the person's key and certificate (files, or a demo person's in demo mode), sign the registry's
// challenge and open the session.
import { envelope, importSigner, importSignerDer, keep, sign, forget } from './signing.js';
import { openPkcs12 } from './pkcs12.js';

const form = document.getElementById('signin-form');
const status = document.getElementById('signin-status');
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const say = key => { status.textContent = status.dataset[key] || key; };

/** Signs in with a signer made by {@code load}, reporting a wrong key, password or file. */
async function signIn(load) {
  say('working');
  let signer;
  try {
    signer = await load();
  } catch (e) {
    say({ 'key-mismatch': 'mismatch', 'p12-password': 'badPassword', 'p12-legacy': 'legacyP12' }[e.message] || 'badFiles');
    return;
  }
  const challenge = await (await fetch('/api/session/challenge')).json();
  const jws = await sign(signer, envelope('SignIn', { challenge: challenge.challenge }));
  const next = form.dataset.next ? '?next=' + encodeURIComponent(form.dataset.next) : '';
  const reply = await fetch('/signin' + next, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: jws, credentials: 'same-origin'
  });
  const body = await reply.json();
  if (!reply.ok) {
    status.textContent = (status.dataset.refused || '') + ' ' + (body.code || reply.status) + ': ' + (body.detail || '');
    return;
  }
  await keep({ key: signer.key, x5c: signer.x5c, person: body.person, displayName: body.displayName });
  location.assign(body.next);
}

const text = file => file ? file.text() : Promise.resolve('');

form.addEventListener('submit', async event => {
  event.preventDefault();
  const [keyPem, certPem] = await Promise.all([text(form.elements.key.files[0]), text(form.elements.cert.files[0])]);
  await signIn(() => importSigner(keyPem, certPem));
});

const p12form = document.getElementById('signin-p12-form');
p12form.addEventListener('submit', async event => {
  event.preventDefault();
  const file = p12form.elements.p12.files[0];
  const bytes = new Uint8Array(await file.arrayBuffer());
  await signIn(async () => {
    const opened = await openPkcs12(bytes, p12form.elements.password.value);
    return importSignerDer(opened.keyPkcs8, opened.certificates);
  });
});

for (const button of document.querySelectorAll('button[data-demo-person]')) {
  button.addEventListener('click', async () => {
    const files = await (await fetch('/signin/demo/' + encodeURIComponent(button.dataset.demoPerson))).json();
    await signIn(() => importSigner(files.keyPem, files.certPem));
  });
}

const signout = document.getElementById('signout-form');
if (signout) signout.addEventListener('submit', () => forget());
