// Decision forms: each <form class="command" data-type="..."> builds its command body, shows the exact canonical text
// that will be signed, signs it in the browser with the key kept at sign-in, and sends it to POST /api/commands.
import { envelope, kept, payloadText, sign } from './signing.js';
import { cabinetBodies } from './cabinet-forms.js';
import { entityBodies, permitBodies, zoneApplicationBodies } from './desk-forms.js';

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
  // ADR 0064: the document of 29.1.2 or 29.1.3, left out when none is chosen (the other grounds name none)
  RevokePermit: f => ({ applicationId: value(f, 'applicationId'), ground: value(f, 'ground'), reason: value(f, 'reason'),
    evidenceSha256: value(f, 'evidenceSha256') || undefined }),
  RegisterEntity: f => ({ registrationId: value(f, 'registrationId') }),
  RejectZoneRegistration: f => ({ registrationId: value(f, 'registrationId'), reasons: lines(value(f, 'reasons')) }),
  DeregisterEntity: f => ({ registrationId: value(f, 'registrationId'), ground: value(f, 'ground'), reasons: value(f, 'reasons') }),
  GrantLandRights: f => ({ zoneId: value(f, 'zoneId'), holder: value(f, 'holder'), parcelName: value(f, 'parcelName'),
    parcel: JSON.parse(value(f, 'parcel') || 'null'), purpose: value(f, 'purpose'), from: value(f, 'from'), until: value(f, 'until'),
    method: value(f, 'method'), nominalValue: { amount: Number(value(f, 'nominalValue')), currency: 'MNT' }, decision: value(f, 'decision'),
    applicationId: value(f, 'applicationId') }),
  RecordLandFeePaid: f => ({ zoneId: value(f, 'zoneId'), licenceId: value(f, 'licenceId'),
    paid: { amount: Number(value(f, 'paid')), currency: value(f, 'currency') || 'MNT' }, receipt: value(f, 'receipt'),
    receiptSha256: value(f, 'receiptSha256'), otherReceiptReason: value(f, 'otherReceiptReason') || undefined }),
  ReportLandFeePaid: f => ({ zoneId: value(f, 'zoneId'), licenceId: value(f, 'licenceId'),
    paid: { amount: Number(value(f, 'paid.amount')), currency: value(f, 'paid.currency') || 'MNT' }, receiptSha256: value(f, 'receiptSha256') }),
  // 003 art. 22.4, 22.5 (ADR 0035 item 130, F541): the tender's or auction's result for the application it selected
  AnnulLandSelectionResult: f => ({ zoneId: value(f, 'zoneId'), applicationId: value(f, 'applicationId'), reasons: value(f, 'reasons') }),
  RecordLandSelectionResult: f => ({ zoneId: value(f, 'zoneId'), applicationId: value(f, 'applicationId'),
    nominalValue: { amount: Number(value(f, 'nominalValue')), currency: 'MNT' }, resultSha256: value(f, 'resultSha256') }),
  RefuseLandUse: f => ({ zoneId: value(f, 'zoneId'), applicationId: value(f, 'applicationId'), reasons: lines(value(f, 'reasons')) }),
  WithdrawLandApplication: f => ({ zoneId: value(f, 'zoneId'), applicationId: value(f, 'applicationId') }),
  SignQuarterlyReport: f => ({ zoneId: value(f, 'zoneId'), year: Number(value(f, 'year')), quarter: Number(value(f, 'quarter')),
    reportSha256: value(f, 'reportSha256'), contentVersion: Number(value(f, 'contentVersion')),
    ...(value(f, 'corrects') ? { corrects: value(f, 'corrects') } : {}) }),
  RequestPermitSuspension: f => ({ applicationId: value(f, 'applicationId'), taxEvasions: Number(value(f, 'taxEvasions')),
    evidenceSha256: value(f, 'evidenceSha256') }),
  RefusePermitSuspensionRequest: f => ({ applicationId: value(f, 'applicationId'), reasons: value(f, 'reasons') }),
  RequestPermitRevocation: f => ({ applicationId: value(f, 'applicationId') }),
  WithdrawPermitRevocationRequest: f => ({ applicationId: value(f, 'applicationId') }),
  RecordTaxEvasionsSettled: f => ({ applicationId: value(f, 'applicationId'), evidenceSha256: value(f, 'evidenceSha256') }),
  RequestPermitExtension: f => ({ applicationId: value(f, 'applicationId'), stampDutyProofSha256: value(f, 'stampDutyProofSha256') }),
  ReportPermitChange: f => ({ applicationId: value(f, 'applicationId'), changedOn: value(f, 'changedOn'), description: value(f, 'description'),
    documentSha256: value(f, 'documentSha256') || null }),
  ReportCertificatesIssued: f => ({ applicationId: value(f, 'applicationId'), count: Number(value(f, 'count')), periodEnd: value(f, 'periodEnd') }),
  ApplyForLandUse: f => ({ zoneId: value(f, 'zoneId'), applicant: value(f, 'applicant'), parcelName: value(f, 'parcelName'),
    parcel: JSON.parse(value(f, 'parcel') || 'null'), purpose: value(f, 'purpose'), from: value(f, 'from'), until: value(f, 'until'),
    method: value(f, 'method') })
};

// A document chosen in a form is hashed here (SHA-256, WebCrypto): the signed command names the document by its hash.
for (const input of document.querySelectorAll('input[type=file][data-hash-into]')) {
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    document.getElementById(input.dataset.hashInto).value = [...digest].map(b => b.toString(16).padStart(2, '0')).join('');
    // kept by the registry too, so that the desk can open it by its hash (the signed command names only the hash)
    const token = document.querySelector('input[name="_csrf"]')?.value;
    const headers = { 'Content-Type': file.type || 'application/pdf', 'X-CSRF-Token': token || '' };
    if (/^[\x20-\x7e]+$/.test(file.name)) headers['X-File-Name'] = file.name;
    // uploaded for an act (data-upload-for: the resumption's registration, ADR 0035 item 76): kept while that act may cite it
    const target = input.dataset.uploadFor ? '/api/documents?for=' + encodeURIComponent(input.dataset.uploadFor) : '/api/documents';
    const reply = await fetch(target, { method: 'POST', headers, body: file });
    input.dataset.uploaded = reply.ok ? 'yes' : 'no';
  });
}

// A certificate chosen in a form (PEM) is read here as text into the field the form signs (ADR 0055).
for (const input of document.querySelectorAll('input[type=file][data-text-into]')) {
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (file) document.getElementById(input.dataset.textInto).value = await file.text();
  });
}

/**
 * A refusal in the page's language: the page's own message for its code (<span data-problem="code">), else the
 * registry's message for the code in this page's language (GET /problem-texts/{code}), else the detail as sent.
 */
const problemText = async answer => {
  const known = answer.code ? [...document.querySelectorAll('[data-problem]')].find(e => e.dataset.problem === answer.code) : null;
  if (known) return known.textContent;
  if (answer.code) {
    const reply = await fetch('/problem-texts/' + encodeURIComponent(answer.code));
    if (reply.ok) return reply.text();
  }
  return answer.detail || '';
};

/**
 * 001 art. 23.1.1 (ADR 0061 item 39, abuse audit F490, was O315): another person's certificate is revoked on the document it rests on;
 * only one's own is revoked without one. The revocation form marks its document required while the person typed is not the one signed
 * in, and says why in the page's language (data-document-required), before the command is prepared: judged as the person is typed and
 * again at the click that submits (a hashed file fills the field without an input event).
 */
for (const form of document.querySelectorAll('form[data-type="RevokeSignerCertificate"][data-signed-in]')) {
  const person = form.elements.personId;
  const documentField = form.elements.documentSha256;
  const judge = () => {
    const typed = person.value.trim();
    documentField.required = typed !== '' && typed !== form.dataset.signedIn;
    documentField.setCustomValidity(documentField.required && documentField.value.trim() === '' ? form.dataset.documentRequired : '');
  };
  person.addEventListener('input', judge);
  documentField.addEventListener('input', judge);
  form.querySelector('button[type=submit]')?.addEventListener('click', judge);
  judge();
}

/**
 * 001 art. 23.1.1; 002 art. 23.2 (ADR 0061 item 53, abuse audit F520, was O350): a company's representative is enrolled for a company.
 * The enrolment form marks the company required while the role chosen is a representative's (data-required-with-role), and says why in
 * the page's language (data-company-required), before the command is prepared; an official's enrolment leaves it empty.
 */
for (const field of document.querySelectorAll('form[data-type="EnrolSigner"] input[data-required-with-role]')) {
  const role = field.form.elements.role;
  const judge = () => {
    field.required = !!role && role.value === field.dataset.requiredWithRole;
    field.setCustomValidity(field.required && field.value.trim() === '' ? field.dataset.companyRequired : '');
  };
  role?.addEventListener('change', judge);
  field.addEventListener('input', judge);
  field.form.querySelector('button[type=submit]')?.addEventListener('click', judge);
  judge();
}

/**
 * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 items 72, 75; abuse audit F563, F564, F593): an official whose own representative's grant names a
 * company gives it no representative. The enrolment's and the statement's company field refuses that company (data-own-company) and says
 * why in the page's language (data-own-company-refused), before the command is prepared.
 */
for (const field of document.querySelectorAll('input[data-own-company]')) {
  const judge = () => field.setCustomValidity(field.value.trim() === field.dataset.ownCompany ? field.dataset.ownCompanyRefused : '');
  field.addEventListener('input', judge);
  field.form.querySelector('button[type=submit]')?.addEventListener('click', judge);
  judge();
}

/**
 * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 item 84, choice; abuse audit F612, was O470): an official does not end the role of, revoke or
 * replace the certificate of their own company's representative (or one naming no company, or any, tied to every company). As the person's
 * id is typed into the end's or the revocation's form, the desk asks the staff read (data-representative-tie) whether the registry would
 * refuse it, and the field says why in the page's language before the command is prepared. The registry judges again on receipt.
 */
for (const field of document.querySelectorAll('input[data-representative-tie]')) {
  let refusal = '';
  let asked = '';
  const judge = () => field.setCustomValidity(refusal);
  const ask = async () => {
    const typed = field.value.trim();
    if (typed === asked) return;
    asked = typed;
    let text = '';
    if (/^[a-z0-9][a-z0-9._-]{0,62}$/.test(typed)) {
      const reply = await fetch(field.dataset.representativeTie + '?person=' + encodeURIComponent(typed));
      text = reply.ok ? (await reply.text()).trim() : '';
    }
    if (field.value.trim() === typed) {
      refusal = text;
      field.dataset.tieAsked = typed;
      judge();
    }
  };
  field.addEventListener('input', () => { refusal = ''; judge(); ask(); });
  field.addEventListener('change', ask);
  field.form.querySelector('button[type=submit]')?.addEventListener('click', judge);
}

/**
 * 003 art. 8.1-8.2 (ADR 0061 item 74; abuse audit F592, was O447): a governor heads one zone's administration. The appointment's form refuses
 * a person the zones' records show serving another zone than the one chosen (data-governors-in-office: person to zone), and says why in
 * the page's language (data-governor-of-another-zone), before the command is prepared.
 */
for (const form of document.querySelectorAll('form[data-type="AppointGovernor"][data-governors-in-office]')) {
  const serving = JSON.parse(form.dataset.governorsInOffice);
  const governor = form.elements.governor;
  const zone = form.elements.zoneId;
  const judge = () => {
    const elsewhere = serving[governor.value.trim()];
    governor.setCustomValidity(elsewhere && elsewhere !== zone.value ? form.dataset.governorOfAnotherZone : '');
  };
  governor.addEventListener('input', judge);
  zone.addEventListener('change', judge);
  form.querySelector('button[type=submit]')?.addEventListener('click', judge);
  judge();
}

Object.assign(bodies, cabinetBodies, permitBodies, entityBodies, zoneApplicationBodies);

for (const form of document.querySelectorAll('form.command')) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    // a new command: the previous one's outcome is no longer what the page says
    delete result.dataset.outcome;
    delete result.dataset.code;
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
      result.textContent = msg('refused') + ' ' + (answer.code || reply.status) + ': ' + (await problemText(answer));
      result.dataset.code = answer.code || String(reply.status);
      result.dataset.outcome = 'refused';
    }
  } finally {
    sendButton.disabled = false;
  }
});
