// The zone map: the boundary (and parcels, where a page lists them) as vector layers on a plain background, no tile
// server, so it works offline. Leaflet is loaded before this module as the global L. Other modules of the page (land.js)
// import zoneMap to draw on the same map: the boundary's ring and the parcels' rings as [longitude, latitude] pairs.
const element = document.getElementById('zone-map');

const build = () => {
  const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
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
