// Leaflet over the configured tiles, with the same layers the server drew on the plot (#cp-layers). The plot stays
// as the fallback: it is hidden only once Leaflet is up. The tables below the map are the keyboard alternative.
(function () {
  var host = document.getElementById('cp-leaflet');
  var data = document.getElementById('cp-layers');
  if (!host || !data || !window.L) return;
  var layers = JSON.parse(data.textContent);
  var map = L.map(host);
  L.tileLayer(host.getAttribute('data-tiles'), { maxZoom: 18 }).addTo(map);
  var colours = { Available: '#1a7f37', Committed: '#b35900', OutOfService: '#a4000f' };
  var bounds = [];
  layers.areas.forEach(function (a) {
    var ring = a.polygon.map(function (p) { return [p.lat, p.lon]; });
    L.polygon(ring, { color: '#1f5fbf', weight: 1.5, fillOpacity: 0.15 }).bindTooltip(a.scenario + ': ' + a.name).addTo(map);
    bounds = bounds.concat(ring);
  });
  layers.routes.forEach(function (r) {
    var line = r.waypoints.map(function (p) { return [p.lat, p.lon]; });
    L.polyline(line, { color: '#6a1b9a', weight: 3, dashArray: '6 3' }).bindTooltip(r.name).addTo(map);
    bounds = bounds.concat(line);
  });
  layers.shelters.forEach(function (s) {
    L.circleMarker([s.lat, s.lon], { radius: 7, color: '#0b3d91', fillOpacity: 0.9 }).bindTooltip(s.name + ' (' + s.capacity + ')').addTo(map);
    bounds.push([s.lat, s.lon]);
  });
  layers.resources.forEach(function (r) {
    L.circleMarker([r.lat, r.lon], { radius: 5, color: colours[r.availability] || '#333', fillOpacity: 0.9 }).bindTooltip(r.name + ': ' + r.availability).addTo(map);
    bounds.push([r.lat, r.lon]);
  });
  if (bounds.length > 0) map.fitBounds(bounds); else map.setView([56.95, 24.1], 7);
  document.body.classList.add('cp-leaflet-on');
})();
