// /signin: import the person's key and certificate (files, or a demo person's in demo mode), sign the registry's
// challenge and open the session.
import { envelope, importSigner, keep, sign, forget } from './signing.js';

const form = document.getElementById('signin-form');
const status = document.getElementById('signin-status');
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const say = key => { status.textContent = status.dataset[key] || key; };

async function signIn(keyPem, certPem) {
  say('working');
  let signer;
  try {
    signer = await importSigner(keyPem, certPem);
  } catch (e) {
    say(e.message === 'key-mismatch' ? 'mismatch' : 'badFiles');
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
  await signIn(keyPem, certPem);
});

for (const button of document.querySelectorAll('button[data-demo-person]')) {
  button.addEventListener('click', async () => {
    const files = await (await fetch('/signin/demo/' + encodeURIComponent(button.dataset.demoPerson))).json();
    await signIn(files.keyPem, files.certPem);
  });
}

const signout = document.getElementById('signout-form');
if (signout) signout.addEventListener('submit', () => forget());
