// The Cabinet member's forms (templates/cabinet/desk.html): how each becomes the body of its signed command
// (mn.registry.kernel.freezone.ZoneCommands, LandCommands.GrantLandFeeExemption, mn.registry.kernel.calendar). An
// optional field left empty is left out of the body (undefined is not in canonical JSON), never sent as "".
const value = (form, name) => (form.elements[name] ? form.elements[name].value.trim() : '');
const optional = (form, name) => value(form, name) || undefined;
const plusDays = (iso, days) => {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const cabinetBodies = {
  EstablishZone: f => ({ zoneId: value(f, 'zoneId'), name: value(f, 'name'), location: value(f, 'location'),
    areaHectares: Number(value(f, 'areaHectares')), boundary: JSON.parse(value(f, 'boundary')),
    activities: [...f.querySelectorAll('input[name="activity"]:checked')].map(box => box.value),
    economicCooperationZone: f.elements.economicCooperationZone.checked, resolution: value(f, 'resolution'),
    resolutionDate: optional(f, 'resolutionDate'), resolutionSha256: value(f, 'resolutionSha256') }),
  RecordZoneResolutionDate: f => ({ zoneId: value(f, 'zoneId'), resolutionDate: value(f, 'resolutionDate'),
    resolutionSha256: value(f, 'resolutionSha256') }),
  OpenZone: f => ({ zoneId: value(f, 'zoneId'), decision: value(f, 'decision'), decisionSha256: value(f, 'decisionSha256') }),
  CloseZoneTemporarily: f => ({ zoneId: value(f, 'zoneId'), decision: value(f, 'decision'), decisionSha256: value(f, 'decisionSha256') }),
  AppointGovernor: f => ({ zoneId: value(f, 'zoneId'), governor: value(f, 'governor'), decision: value(f, 'decision'),
    decisionSha256: value(f, 'decisionSha256') }),
  DismissGovernor: f => ({ zoneId: value(f, 'zoneId'), governor: value(f, 'governor'), decision: value(f, 'decision'),
    decisionSha256: value(f, 'decisionSha256') }),
  DeclarePublicHoliday: f => ({ date: value(f, 'date'), nameEn: value(f, 'nameEn'), nameMn: value(f, 'nameMn'),
    decisionReference: value(f, 'decisionReference') }),
  DeclareWorkingDay: f => ({ date: value(f, 'date'), replacesDate: optional(f, 'replacesDate'), decisionReference: value(f, 'decisionReference') }),
  ConfirmCalendarYear: f => ({ year: Number(value(f, 'year')),
    tsagaanSar: [0, 1, 2].map(d => plusDays(value(f, 'tsagaanSar'), d)), buddhasBirthday: value(f, 'buddhasBirthday'),
    chinggisKhaanDay: value(f, 'chinggisKhaanDay'), decisionReference: value(f, 'decisionReference') }),
  GrantLandFeeExemption: f => ({ zoneId: value(f, 'zoneId'), holder: optional(f, 'holder'), activity: optional(f, 'activity'),
    percent: Number(value(f, 'percent')), from: value(f, 'from'), years: Number(value(f, 'years')), decision: value(f, 'decision'),
    decidedOn: value(f, 'decidedOn'), decisionSha256: value(f, 'decisionSha256') }),
  // 003 art. 22.3 (ADR 0035 item 108): the Government's basic value of land in the zone, MNT per hectare
  RecordLandBaseValue: f => ({ zoneId: value(f, 'zoneId'), perHectare: { amount: Number(value(f, 'perHectare')), currency: 'MNT' },
    decision: value(f, 'decision'), decidedOn: value(f, 'decidedOn'), decisionSha256: value(f, 'decisionSha256') }),
  // 003 art. 22.3 (ADR 0035 item 142): a second Cabinet member confirms a lower basic value awaiting it, named by its zone and decision
  ConfirmLandBaseValue: f => ({ zoneId: f.elements.decision.selectedOptions[0].dataset.zone, decision: value(f, 'decision') })
};
