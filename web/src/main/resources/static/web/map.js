// The zone map: the boundary (and parcels, where a page lists them) as vector layers on a plain background, no tile
// server, so it works offline. Leaflet is loaded before this module as the global L.
const element = document.getElementById('zone-map');
if (element && window.L) {
  const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
  const toLatLng = ring => ring.map(([lon, lat]) => [lat, lon]);
  const boundary = JSON.parse(element.dataset.boundary);
  const zone = L.polygon(boundary.coordinates.map(toLatLng), { color: '#0b4f8a', weight: 2, fillOpacity: 0.05 }).addTo(map);
  for (const parcel of document.querySelectorAll('[data-parcel]')) {
    const geometry = JSON.parse(parcel.dataset.parcel);
    const applied = parcel.dataset.kind === 'application';
    L.polygon(geometry.coordinates.map(toLatLng), applied ? { color: '#8a6d10', weight: 1, dashArray: '4 3', fillOpacity: 0.1 }
      : { color: '#8a1010', weight: 1, fillOpacity: 0.3 })
      .bindTooltip(parcel.dataset.parcelName || '').addTo(map);
  }
  map.fitBounds(zone.getBounds(), { padding: [10, 10] });
}
