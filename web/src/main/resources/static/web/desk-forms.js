// The forms of the ministry desk, the inspector's and the applicant's pages (ADR 0020): how each becomes the body of its
// signed command (the records of mn.registry.kernel.permit). An optional field left empty is left out (undefined is
// not in canonical JSON), never sent as "".
const value = (form, name) => (form.elements[name] ? form.elements[name].value.trim() : '');
const optional = (form, name) => value(form, name) || undefined;
const checked = (form, name) => [...form.querySelectorAll('input[name="' + name + '"]:checked')].map(box => box.value);
// ADR 0061 item 45: person ids separated by commas, as a list; empty: left out
const persons = (form, name) => { const ids = value(form, name).split(',').map(id => id.trim()).filter(id => id); return ids.length ? ids : undefined; };
const mnt = amount => ({ amount: Number(amount), currency: 'MNT' });
const company = f => ({ name: value(f, 'name'), registrationNumber: value(f, 'registrationNumber'),
  establishedUnderMongolianLaw: f.elements.establishedUnderMongolianLaw ? f.elements.establishedUnderMongolianLaw.checked : true,
  address: value(f, 'address') });

export const permitBodies = {
  SetMinimumInsurance: f => ({ amount: mnt(value(f, 'amount')) }),
  RevokeSignerCertificate: f => ({ personId: value(f, 'personId'), certificateSha256: optional(f, 'certificateSha256'),
    ground: value(f, 'ground'), documentSha256: optional(f, 'documentSha256'), orderConcerns: persons(f, 'orderConcerns') }),
  EnrolSigner: f => ({ personId: value(f, 'personId'), certificatePem: value(f, 'certificatePem'), role: optional(f, 'role'),
    documentSha256: value(f, 'documentSha256'), company: optional(f, 'company'), orderConcerns: persons(f, 'orderConcerns') }),
  EndSignerRole: f => ({ personId: value(f, 'personId'), role: value(f, 'role'), documentSha256: value(f, 'documentSha256'),
    orderConcerns: persons(f, 'orderConcerns') }),
  // ADR 0061 item 63 (F556, was O402): the company of a representative's grant stored naming none
  StateRepresentativesCompany: f => ({ personId: value(f, 'personId'), company: value(f, 'company'), documentSha256: value(f, 'documentSha256') }),
  StateStoredActOrder: f => ({ personId: value(f, 'personId'), sequence: Number(value(f, 'sequence')), documentSha256: value(f, 'documentSha256'),
    zoneId: value(f, 'zoneId') || null, orderConcerns: persons(f, 'orderConcerns') }), // ADR 0061 item 55 (F521, was O352)
  RequestPermitDocuments: f => ({ applicationId: value(f, 'applicationId'), kinds: checked(f, 'kind'), note: value(f, 'note') }),
  RecordPermitDocumentsReceived: f => ({ applicationId: value(f, 'applicationId'), documents: [{ kind: value(f, 'kind'), sha256: value(f, 'sha256') }] }),
  RecordPermitInsurance: f => ({ applicationId: value(f, 'applicationId'), insurer: value(f, 'insurer'), policyNumber: value(f, 'policyNumber'),
    amount: mnt(value(f, 'amount')), insuredUntil: value(f, 'insuredUntil'), proofSha256: value(f, 'proofSha256') }),
  RecordPermitInspection: f => ({ applicationId: value(f, 'applicationId'), inspectedOn: value(f, 'inspectedOn'),
    findingsSha256: value(f, 'findingsSha256'), violationFound: f.elements.violationFound ? f.elements.violationFound.checked : false }),
  TransferPermit: f => ({ applicationId: value(f, 'applicationId'), successor: company(f), reorganisation: value(f, 'reorganisation'),
    reorganisedOn: value(f, 'reorganisedOn'), evidenceSha256: value(f, 'evidenceSha256'),
    successorRepresentative: value(f, 'successorRepresentative') }), // ADR 0046 items 142, 144 (F496, F516): the successor's representative, required
  NameHolderRepresentative: f => ({ applicationId: value(f, 'applicationId'), representative: value(f, 'representative'), // ADR 0046 item 145 (F517)
    documentSha256: value(f, 'documentSha256') }),
  RecordPermitDutyFulfilled: f => ({ applicationId: value(f, 'applicationId'), duty: value(f, 'duty'), evidenceSha256: value(f, 'evidenceSha256') }),
  DecideRevocationComplaint: f => ({ applicationId: value(f, 'applicationId'), upheld: value(f, 'upheld') === 'true',
    decisionSha256: value(f, 'decisionSha256') }),
  PublishReinstatement: f => ({ applicationId: value(f, 'applicationId'), decisionSha256: value(f, 'decisionSha256') }),
  RecordCertificateDatabaseHandedOver: f => ({ applicationId: value(f, 'applicationId'), databaseSha256: value(f, 'databaseSha256'),
    receiptSha256: value(f, 'receiptSha256') }),
  PassCertificateDatabaseOn: f => ({ applicationId: value(f, 'applicationId'), successorPermit: value(f, 'successorPermit'),
    contractSha256: value(f, 'contractSha256') }),
  FileRevocationComplaint: f => ({ applicationId: value(f, 'applicationId'), complaintSha256: value(f, 'complaintSha256') }),
  ApplyForPermit: f => ({ company: company(f), holdsOtherPermit: f.elements.holdsOtherPermit.checked,
    documents: [...f.querySelectorAll('input[data-document-kind]')].filter(i => i.value.trim() !== '')
      .map(i => ({ kind: i.dataset.documentKind, sha256: i.value.trim() })) }),
  // ADR 0071 item 14 (F478): the supervisor's erasure of a person's personal data (mn.registry.kernel.identity.ErasePersonalData)
  ErasePersonalData: f => ({ personId: value(f, 'personId'), ground: value(f, 'ground') })
};

/** The Free Zone entity's application (003 art. 12.1; mn.registry.kernel.freezone.RegistrationCommands.ApplyForZoneRegistration). */
export const zoneApplicationBodies = {
  ApplyForZoneRegistration: f => ({ zoneId: value(f, 'zoneId'), entity: { name: value(f, 'name'), jurisdiction: value(f, 'jurisdiction'),
    country: optional(f, 'country'), registrationNumber: value(f, 'registrationNumber') }, activity: value(f, 'activity'),
    documents: [...f.querySelectorAll('input[data-zone-document-kind]')].filter(i => i.value.trim() !== '')
      .map(i => ({ kind: i.dataset.zoneDocumentKind, sha256: i.value.trim() })) })
};

/** The governor's records of a registered entity (003 art. 12.5, 26.2; mn.registry.kernel.freezone.RegistrationCommands). */
export const entityBodies = {
  RecordInvestmentAgreement: f => ({ registrationId: value(f, 'registrationId'), signedOn: value(f, 'signedOn'), endsOn: value(f, 'endsOn'),
    investment: mnt(value(f, 'investment')), foreignInvested: f.elements.foreignInvested.checked,
    documentSha256: value(f, 'documentSha256') }),
  RecordOperationsStarted: f => ({ registrationId: value(f, 'registrationId'), on: value(f, 'on'), documentSha256: value(f, 'documentSha256') }),
  RecordOperationsInterrupted: f => ({ registrationId: value(f, 'registrationId'), on: value(f, 'on'), documentSha256: value(f, 'documentSha256') }),
  RecordOperationsResumed: f => ({ registrationId: value(f, 'registrationId'), on: value(f, 'on'), documentSha256: value(f, 'documentSha256') }),
  RecordCourtDecision: f => ({ registrationId: value(f, 'registrationId'), reference: value(f, 'reference'), decidedOn: value(f, 'decidedOn'),
    bankruptcy: f.elements.bankruptcy.checked, documentSha256: value(f, 'documentSha256') }),
  DeclineCourtDecisionRecording: f => ({ registrationId: value(f, 'registrationId'), reasons: value(f, 'reasons'),
    documentSha256: value(f, 'documentSha256') })
};
