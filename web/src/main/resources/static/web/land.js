// The governor decides on an entity's application for land use (Law on Free Zone art. 22.2): choosing the application
// fills the decision's fields with what was applied for; the governor may narrow them (a smaller parcel, a shorter period)
// but the registry refuses a decision that grants more, or to another entity.
// The parcel is drawn on the map with Leaflet.draw (served by the registry, ADR 0021): the drawn polygon becomes the
// GeoJSON of the decision, and before it is signed the page checks it against the zone's boundary, the parcel applied for
// and the parcels already licensed for an overlapping period. The check is a hint: the registry decides by the same rules
// (ParcelGeometry) and its refusal is shown in the page's language.
import { zoneMap } from './map.js';

const select = document.querySelector('select[data-prefill="grant"]');
const form = select ? select.form : null;
const parcelField = form ? form.elements.parcel : null;
const hint = document.getElementById('parcel-check');

const fill = () => {
  const chosen = select.selectedOptions[0];
  if (!chosen) return;
  const set = (name, v) => { if (form.elements[name]) form.elements[name].value = v || ''; };
  set('holder', chosen.dataset.holder);
  set('parcelName', chosen.dataset.parcelName);
  set('parcel', chosen.dataset.parcel);
  set('purpose', chosen.dataset.purpose);
  set('from', chosen.dataset.from);
  set('until', chosen.dataset.until);
  set('method', chosen.dataset.method);
  // 003 art. 22.5 (ADR 0035 item 133, F543): the grant names the nominal value the tender's or auction's result recorded
  set('nominalValue', chosen.dataset.nominalValue);
};

// --- plane geometry on [lon, lat] rings, enough for parcels of a few kilometres -------------------------------------
const open = ring => (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring);
const edges = ring => { const r = open(ring); return r.map((p, i) => [p, r[(i + 1) % r.length]]); };
const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const properlyCross = ([a, b], [c, d]) => {
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
};
const onSegment = (p, [a, b]) => Math.abs(cross(a, b, p)) < 1e-12 && p[0] >= Math.min(a[0], b[0]) - 1e-12 && p[0] <= Math.max(a[0], b[0]) + 1e-12
  && p[1] >= Math.min(a[1], b[1]) - 1e-12 && p[1] <= Math.max(a[1], b[1]) + 1e-12;
const inside = (p, ring) => {
  if (edges(ring).some(e => onSegment(p, e))) return true;
  let hit = false;
  for (const [a, b] of edges(ring)) {
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) hit = !hit;
  }
  return hit;
};
const strictlyInside = (p, ring) => inside(p, ring) && !edges(ring).some(e => onSegment(p, e));
const within = (inner, outer) => open(inner).every(p => inside(p, outer))
  && !edges(inner).some(e => edges(outer).some(f => properlyCross(e, f)));
const overlap = (a, b) => edges(a).some(e => edges(b).some(f => properlyCross(e, f)))
  || open(a).some(p => strictlyInside(p, b)) || open(b).some(p => strictlyInside(p, a))
  || (open(a).every(p => inside(p, b)) && open(b).every(p => inside(p, a)));
const periodsMeet = (from, until, other) => !other.from || !other.until || !from || !until || (from <= other.until && other.from <= until);

/** What is wrong with the parcel in the form, in the page's words (empty: nothing the page can see). */
const problems = () => {
  let geometry;
  try {
    geometry = JSON.parse(parcelField.value);
  } catch (e) {
    return [hint.dataset.invalid];
  }
  if (!geometry || geometry.type !== 'Polygon' || !Array.isArray(geometry.coordinates) || open(geometry.coordinates[0] || []).length < 3) {
    return [hint.dataset.invalid];
  }
  const ring = geometry.coordinates[0];
  const found = [];
  if (!within(ring, zoneMap.boundary)) found.push(hint.dataset.outside);
  const applied = select.selectedOptions[0] && select.selectedOptions[0].dataset.parcel ? JSON.parse(select.selectedOptions[0].dataset.parcel) : null;
  if (applied && !within(ring, applied.coordinates[0])) found.push(hint.dataset.beyond);
  const from = form.elements.from.value, until = form.elements.until.value;
  for (const other of zoneMap.parcels.filter(p => p.kind === 'licence')) {
    if (periodsMeet(from, until, other) && overlap(ring, other.ring)) found.push(hint.dataset.overlaps.replace('{0}', other.name));
  }
  return found;
};

const check = () => {
  if (!hint || !zoneMap) return;
  const found = problems();
  hint.textContent = found.length ? found.join(' ') : hint.dataset.ok;
  hint.dataset.outcome = found.length ? 'warning' : 'ok';
  hint.classList.toggle('warning', found.length > 0);
};

if (select) {
  select.addEventListener('change', () => { fill(); check(); });
  fill();
}

if (form && zoneMap && window.L && L.Control && L.Control.Draw) {
  const map = zoneMap.map;
  const t = hint.dataset;
  // Leaflet.draw's own words, in the page's language
  L.drawLocal.draw.toolbar.buttons.polygon = t.drawButton;
  L.drawLocal.draw.toolbar.actions = { title: t.drawCancel, text: t.drawCancel };
  L.drawLocal.draw.toolbar.finish = { title: t.drawFinish, text: t.drawFinish };
  L.drawLocal.draw.toolbar.undo = { title: t.drawUndo, text: t.drawUndo };
  L.drawLocal.draw.handlers.polygon.tooltip = { start: t.drawStart, cont: t.drawContinue, end: t.drawEnd };
  L.drawLocal.draw.handlers.polyline.error = t.drawCrossing;
  L.drawLocal.edit.toolbar.buttons = { edit: t.editButton, editDisabled: t.editButton, remove: t.removeButton, removeDisabled: t.removeButton };
  L.drawLocal.edit.toolbar.actions = { save: { title: t.editSave, text: t.editSave }, cancel: { title: t.drawCancel, text: t.drawCancel },
    clearAll: { title: t.removeButton, text: t.removeButton } };
  L.drawLocal.edit.handlers.edit.tooltip = { text: t.editTooltip, subtext: '' };
  L.drawLocal.edit.handlers.remove.tooltip = { text: t.removeButton };

  const drawn = new L.FeatureGroup().addTo(map);
  map.addControl(new L.Control.Draw({
    position: 'topright',
    draw: { polygon: { allowIntersection: false, showArea: false, shapeOptions: { color: '#0b6e2e', weight: 2 } },
      polyline: false, rectangle: false, circle: false, marker: false, circlemarker: false },
    edit: { featureGroup: drawn, remove: true }
  }));
  const round = x => Math.round(x * 1e6) / 1e6;
  const use = layer => {
    const ring = layer.getLatLngs()[0].map(ll => [round(ll.lng), round(ll.lat)]);
    ring.push([ring[0][0], ring[0][1]]);
    parcelField.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    parcelField.dataset.drawn = 'yes';
    check();
  };
  map.on(L.Draw.Event.CREATED, e => { drawn.clearLayers(); drawn.addLayer(e.layer); use(e.layer); });
  map.on(L.Draw.Event.EDITED, e => e.layers.eachLayer(use));
  map.on(L.Draw.Event.DELETED, () => { fill(); delete parcelField.dataset.drawn; check(); });
  parcelField.addEventListener('input', check);
  for (const name of ['from', 'until']) form.elements[name].addEventListener('change', check);
  check();
}
