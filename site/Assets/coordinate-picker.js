// Picks a place's coordinates on a map in the authority form. The typed fields stay what is submitted: the
// map only writes into them (a click, or the button after panning with the arrow keys) and follows what is
// typed. Without this script or Leaflet the picker stays hidden and the fields work alone.
(function () {
  'use strict';
  var IZMIR = [38.4192, 27.1287];

  // Turkish keyboards type a decimal comma; the server accepts both, and so does the map.
  function parse(text) {
    var value = parseFloat(String(text || '').trim().replace(',', '.'));
    return isFinite(value) ? value : null;
  }

  function format(value) {
    return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  }

  function setup(picker) {
    if (typeof L === 'undefined') return;
    var latInput = document.getElementById(picker.dataset.latInput);
    var lonInput = document.getElementById(picker.dataset.lonInput);
    if (!latInput || !lonInput) return;
    var typed = function () {
      var lat = parse(latInput.value), lon = parse(lonInput.value);
      return lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
    };
    picker.hidden = false;
    var start = typed();
    var map = L.map(picker.querySelector('.coordinate-map'), { scrollWheelZoom: false })
      .setView(start || IZMIR, start ? (parseInt(picker.dataset.zoom, 10) || 16) : 13);
    L.tileLayer(picker.dataset.tiles, {
      maxZoom: parseInt(picker.dataset.maxZoom, 10) || 19,
      attribution: picker.dataset.attribution || ''
    }).addTo(map);

    var marker = null;
    function show(point) {
      if (!point) {
        if (marker) { marker.remove(); marker = null; }
        return;
      }
      if (marker) marker.setLatLng(point);
      else marker = L.circleMarker(point, { radius: 9, color: '#8a2f1b', weight: 3, fillColor: '#c4552f', fillOpacity: 0.45 }).addTo(map);
    }
    function choose(latlng) {
      var point = latlng.wrap();
      latInput.value = format(point.lat);
      lonInput.value = format(point.lng);
      show([point.lat, point.lng]);
    }

    show(start);
    map.on('click', function (e) { choose(e.latlng); });
    picker.querySelector('[data-take-center]').addEventListener('click', function () { choose(map.getCenter()); });
    [latInput, lonInput].forEach(function (input) {
      input.addEventListener('input', function () {
        var point = typed();
        show(point);
        if (point) map.panTo(point);
      });
    });
  }

  function init() { document.querySelectorAll('[data-coordinate-picker]').forEach(setup); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
