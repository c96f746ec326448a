// Decision forms: each <form class="command" data-type="..."> builds its command body, shows the exact canonical text
// that will be signed, signs it in the browser with the key kept at sign-in, and sends it to POST /api/commands.
import { envelope, kept, payloadText, sign } from './signing.js';
import { cabinetBodies } from './cabinet-forms.js';

const panel = document.getElementById('signing-panel');
const shown = document.getElementById('signed-text');
const sendButton = document.getElementById('sign-send');
const cancelButton = document.getElementById('sign-cancel');
const result = document.getElementById('command-result');
const msg = key => panel.dataset[key] || key;
let pending = null;

const value = (form, name) => (form.elements[name] ? form.elements[name].value.trim() : '');
const lines = text => text.split('\n').map(l => l.trim()).filter(l => l.length > 0);
const checkedReasons = form => [...form.querySelectorAll('input[name="requirement"]:checked')].map(box => ({
  requirement: box.value, explanation: value(form, 'explanation-' + box.value)
}));

/** How each form becomes the body of its signed command (the records of mn.registry.kernel). */
const bodies = {
  ApprovePermitApplication: f => ({ applicationId: value(f, 'applicationId') }),
  RefusePermitApplication: f => ({ applicationId: value(f, 'applicationId'), reasons: checkedReasons(f) }),
  IssuePermit: f => ({ applicationId: value(f, 'applicationId'), activity: value(f, 'activity'), conditions: lines(value(f, 'conditions')),
    validFrom: value(f, 'validFrom'), contractSha256: value(f, 'contractSha256') }),
  SuspendPermit: f => ({ applicationId: value(f, 'applicationId'), ground: value(f, 'ground'), evidenceSha256: value(f, 'evidenceSha256'),
    taxEvasions: Number(value(f, 'taxEvasions') || 0), from: value(f, 'from'), until: value(f, 'until') }),
  RestorePermit: f => ({ applicationId: value(f, 'applicationId'), reason: value(f, 'reason') }),
  DecidePermitExtension: f => ({ applicationId: value(f, 'applicationId'), extend: value(f, 'extend') === 'true', reasons: checkedReasons(f) }),
  RevokePermit: f => ({ applicationId: value(f, 'applicationId'), ground: value(f, 'ground'), reason: value(f, 'reason') }),
  RegisterEntity: f => ({ registrationId: value(f, 'registrationId') }),
  RejectZoneRegistration: f => ({ registrationId: value(f, 'registrationId'), reasons: lines(value(f, 'reasons')) }),
  DeregisterEntity: f => ({ registrationId: value(f, 'registrationId'), ground: value(f, 'ground'), reasons: value(f, 'reasons') }),
  GrantLandRights: f => ({ zoneId: value(f, 'zoneId'), holder: value(f, 'holder'), parcelName: value(f, 'parcelName'),
    parcel: JSON.parse(value(f, 'parcel') || 'null'), purpose: value(f, 'purpose'), from: value(f, 'from'), until: value(f, 'until'),
    method: value(f, 'method'), nominalValue: { amount: Number(value(f, 'nominalValue')), currency: 'MNT' }, decision: value(f, 'decision'),
    applicationId: value(f, 'applicationId') }),
  RefuseLandUse: f => ({ zoneId: value(f, 'zoneId'), applicationId: value(f, 'applicationId'), reasons: lines(value(f, 'reasons')) }),
  SignQuarterlyReport: f => ({ zoneId: value(f, 'zoneId'), year: Number(value(f, 'year')), quarter: Number(value(f, 'quarter')),
    reportSha256: value(f, 'reportSha256') })
};

Object.assign(bodies, cabinetBodies);

for (const form of document.querySelectorAll('form.command')) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    let body;
    try {
      body = bodies[form.dataset.type](form);
    } catch (e) {
      result.textContent = msg('invalid') + ' ' + e.message;
      return;
    }
    pending = envelope(form.dataset.type, body);
    shown.textContent = payloadText(pending);
    panel.hidden = false;
    result.textContent = '';
    sendButton.focus();
  });
}

cancelButton?.addEventListener('click', () => {
  pending = null;
  panel.hidden = true;
});

sendButton?.addEventListener('click', async () => {
  if (!pending) return;
  const signer = await kept();
  if (!signer) {
    result.textContent = msg('noKey');
    return;
  }
  sendButton.disabled = true;
  try {
    const jws = await sign(signer, pending);
    const reply = await fetch('/api/commands', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: jws });
    const answer = await reply.json();
    if (reply.ok) {
      result.textContent = msg('sent');
      result.dataset.outcome = 'sent';
      pending = null;
      panel.hidden = true;
      for (const form of document.querySelectorAll('form.command')) form.hidden = true;
    } else {
      result.textContent = msg('refused') + ' ' + (answer.code || reply.status) + ': ' + (answer.detail || '');
      result.dataset.outcome = 'refused';
    }
  } finally {
    sendButton.disabled = false;
  }
});
