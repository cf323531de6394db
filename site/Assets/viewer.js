// Deep-zoom viewer for the scans of a record page. Loaded as a file (the content security policy allows
// no inline script); everything it needs comes from data attributes. Without JavaScript, or when the
// viewer library is missing, the page keeps its plain thumbnails and links.
(function () {
  "use strict";

  // One entry per canvas that has an image service: its id (hits target it) and the service's info.json.
  function canvasesOf(manifest) {
    var canvases = [];
    (manifest.items || []).forEach(function (canvas) {
      (canvas.items || []).forEach(function (page) {
        (page.items || []).forEach(function (annotation) {
          var body = annotation.body || {};
          var service = (body.service || [])[0];
          if (service && service.id) canvases.push({ id: canvas.id, source: service.id + "/info.json" });
        });
      });
    });
    return canvases;
  }

  function searchServiceOf(manifest) {
    var services = (manifest.service || []).filter(function (s) { return s.type === "SearchService2" && s.id; });
    return services.length ? services[0].id : null;
  }

  // The words searched inside the scans (data-within) come back from the manifest's IIIF Content Search
  // service as annotations targeting "canvas#xywh=x,y,w,h"; canvas pixels are the image's pixels.
  function boxesByCanvas(answer) {
    var boxes = {};
    (answer.items || []).forEach(function (annotation) {
      var target = typeof annotation.target === "string" ? annotation.target : "";
      var match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target);
      if (!match) return;
      (boxes[match[1]] = boxes[match[1]] || []).push({
        x: +match[2], y: +match[3], w: +match[4], h: +match[5],
        text: annotation.body && annotation.body.value || ""
      });
    });
    return boxes;
  }

  function markHits(viewer, canvases, boxes) {
    var canvas = canvases[viewer.currentPage()];
    if (!canvas) return;
    (boxes[canvas.id] || []).forEach(function (box) {
      var mark = document.createElement("div");
      mark.className = "hit-overlay";
      mark.setAttribute("aria-hidden", "true");
      mark.title = box.text;
      viewer.addOverlay(mark, viewer.viewport.imageToViewportRectangle(box.x, box.y, box.w, box.h));
    });
  }

  function start(element) {
    if (typeof OpenSeadragon !== "function") return;
    var manifest;
    fetch(element.dataset.manifest, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("manifest: HTTP " + response.status);
        return response.json();
      })
      .then(function (json) {
        manifest = json;
        var canvases = canvasesOf(manifest);
        if (canvases.length === 0) return;
        element.hidden = false;
        var viewer = OpenSeadragon({
          element: element,
          prefixUrl: element.dataset.prefix,
          tileSources: canvases.map(function (c) { return c.source; }),
          sequenceMode: canvases.length > 1,
          // A search hit inside the scans' text links to its page (?sayfa=N); the server says which one to open.
          initialPage: Math.min(Math.max((parseInt(element.dataset.page, 10) || 1) - 1, 0), canvases.length - 1),
          showReferenceStrip: canvases.length > 1,
          showRotationControl: true,
          crossOriginPolicy: "Anonymous"
        });
        var search = searchServiceOf(manifest);
        var within = element.dataset.within;
        if (!search || !within) return;
        var boxes = null;
        // Every page opened (the first, and each turn of the sequence) gets its own marks.
        viewer.addHandler("open", function () { if (boxes) markHits(viewer, canvases, boxes); });
        fetch(search + "?q=" + encodeURIComponent(within), { headers: { Accept: "application/json" } })
          .then(function (response) {
            if (!response.ok) throw new Error("content search: HTTP " + response.status);
            return response.json();
          })
          .then(function (answer) {
            boxes = boxesByCanvas(answer);
            if (viewer.world.getItemCount() > 0) markHits(viewer, canvases, boxes);
          })
          .catch(function (error) {
            if (window.console) console.warn("Hafıza İzmir viewer:", error);
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
