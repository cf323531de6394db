// Deep-zoom viewer for the scans of a record page. Loaded as a file (the content security policy allows
// no inline script); everything it needs comes from data attributes. Without JavaScript, or when the
// viewer library is missing, the page keeps its plain thumbnails and links.
(function () {
  "use strict";

  function serviceIds(manifest) {
    var ids = [];
    (manifest.items || []).forEach(function (canvas) {
      (canvas.items || []).forEach(function (page) {
        (page.items || []).forEach(function (annotation) {
          var body = annotation.body || {};
          var service = (body.service || [])[0];
          if (service && service.id) ids.push(service.id + "/info.json");
        });
      });
    });
    return ids;
  }

  function start(element) {
    if (typeof OpenSeadragon !== "function") return;
    fetch(element.dataset.manifest, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("manifest: HTTP " + response.status);
        return response.json();
      })
      .then(function (manifest) {
        var sources = serviceIds(manifest);
        if (sources.length === 0) return;
        element.hidden = false;
        OpenSeadragon({
          element: element,
          prefixUrl: element.dataset.prefix,
          tileSources: sources,
          sequenceMode: sources.length > 1,
          // A search hit inside the scans' text links to its page (?sayfa=N); the server says which one to open.
          initialPage: Math.min(Math.max((parseInt(element.dataset.page, 10) || 1) - 1, 0), sources.length - 1),
          showReferenceStrip: sources.length > 1,
          showRotationControl: true,
          crossOriginPolicy: "Anonymous"
        });
      })
      .catch(function (error) {
        element.hidden = true;
        if (window.console) console.warn("Hafıza İzmir viewer:", error);
      });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-iiif-viewer]"), start);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
