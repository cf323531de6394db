// Draws a place's map with Leaflet once both scripts have loaded. Without script, or when the tile server
// cannot be reached, the page still says where the place is: the coordinates are written out beside the map.
(function () {
  'use strict';
  function draw() {
    if (typeof L === 'undefined') return;
    document.querySelectorAll('[data-place-map]').forEach(function (element) {
      var lat = parseFloat(element.dataset.lat);
      var lon = parseFloat(element.dataset.lon);
      if (!isFinite(lat) || !isFinite(lon)) return;
      element.classList.add('map-on');
      var map = L.map(element, { scrollWheelZoom: false }).setView([lat, lon], parseInt(element.dataset.zoom, 10) || 16);
      L.tileLayer(element.dataset.tiles, {
        maxZoom: parseInt(element.dataset.maxZoom, 10) || 19,
        attribution: element.dataset.attribution || ''
      }).addTo(map);
      // A vector marker needs no image files, so nothing depends on Leaflet's icon path.
      L.circleMarker([lat, lon], { radius: 9, color: '#8a2f1b', weight: 3, fillColor: '#c4552f', fillOpacity: 0.45 })
        .addTo(map)
        .bindTooltip(element.dataset.name || '');
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
