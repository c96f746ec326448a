// The zone map: the boundary (and parcels, where a page lists them) as vector layers on a plain background, no tile
// server, so it works offline. Leaflet is loaded before this module as the global L. Other modules of the page (land.js)
// import zoneMap to draw on the same map: the boundary's ring and the parcels' rings as [longitude, latitude] pairs.
// Accessibility (axe nested-interactive): the container holds the zoom buttons (and, on the land page, the drawing
// tools), so it is neither an image nor a focusable control itself. It is a named region (its aria-label comes from the
// page), Leaflet's own keyboard handler is off (it would make the container focusable with tabindex=0), and the keys
// it handled are taken here while focus is on one of the map's controls, which stay in the tab order: arrows pan,
// + and - zoom. The zoom buttons' titles come from the page (data-zoom-in, data-zoom-out), in its language.
const element = document.getElementById('zone-map');
const PAN = { ArrowLeft: [-80, 0], ArrowRight: [80, 0], ArrowUp: [0, -80], ArrowDown: [0, 80] };

const keysOnControls = map => {
  const controls = element.querySelector('.leaflet-control-container');
  if (!controls) return;
  controls.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (PAN[event.key]) {
      map.panBy(PAN[event.key]);
    } else if (event.key === '+' || event.key === '=') {
      map.zoomIn();
    } else if (event.key === '-') {
      map.zoomOut();
    } else {
      return;
    }
    event.preventDefault();
  });
};

const build = () => {
  element.setAttribute('role', 'region');
  const map = L.map(element, { attributionControl: false, zoomSnap: 0.25, keyboard: false, zoomControl: false });
  // the zoom buttons' titles (and so their accessible names) in the page's language, from the page's messages
  L.control.zoom({ zoomInTitle: element.dataset.zoomIn || 'Zoom in', zoomOutTitle: element.dataset.zoomOut || 'Zoom out' }).addTo(map);
  element.removeAttribute('tabindex');
  keysOnControls(map);
  const toLatLng = ring => ring.map(([lon, lat]) => [lat, lon]);
  const boundary = JSON.parse(element.dataset.boundary);
  const zone = L.polygon(boundary.coordinates.map(toLatLng), { color: '#0b4f8a', weight: 2, fillOpacity: 0.05 }).addTo(map);
  const parcels = [];
  for (const parcel of document.querySelectorAll('[data-parcel]:not(option)')) {
    if (!parcel.dataset.parcel) continue;
    const geometry = JSON.parse(parcel.dataset.parcel);
    const applied = parcel.dataset.kind === 'application';
    L.polygon(geometry.coordinates.map(toLatLng), applied ? { color: '#8a6d10', weight: 1, dashArray: '4 3', fillOpacity: 0.1 }
      : { color: '#8a1010', weight: 1, fillOpacity: 0.3 })
      .bindTooltip(parcel.dataset.parcelName || '').addTo(map);
    parcels.push({ ring: geometry.coordinates[0], name: parcel.dataset.parcelName || '', kind: parcel.dataset.kind || 'licence',
      from: parcel.dataset.from || null, until: parcel.dataset.until || null });
  }
  map.fitBounds(zone.getBounds(), { padding: [10, 10] });
  return { map, zone, boundary: boundary.coordinates[0], parcels };
};

export const zoneMap = element && window.L ? build() : null;
