// The catalogue's optional behaviour: every form works without it. No inline script (the CSP forbids it).
(function () {
  'use strict';
  var token = function () { var t = document.querySelector('input[name="__af"]'); return t ? t.value : ''; };

  // Ctrl+S (Cmd+S) saves the describe form instead of saving the web page.
  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
      var form = document.getElementById('tanim');
      if (!form) return;
      e.preventDefault();
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
  });

  // Alt+letter runs the element with that access key the same way in every browser (Firefox wants Alt+Shift,
  // and synthetic key events skip the browser's own handling); the native action is prevented so it runs once.
  document.addEventListener('keydown', function (e) {
    if (!e.altKey || e.ctrlKey || e.metaKey || !e.key || e.key.length !== 1) return;
    var target = document.querySelector('[accesskey="' + e.key.toLowerCase() + '"]');
    if (!target) return;
    e.preventDefault();
    if (target.tagName === 'BUTTON') target.click(); else target.focus();
  });

  // The human reading of an EDTF date while it is typed.
  document.querySelectorAll('input[data-edtf]').forEach(function (input) {
    var output = document.getElementById(input.getAttribute('data-edtf'));
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch('/katalog/api/tarih?q=' + encodeURIComponent(input.value), { credentials: 'same-origin' })
          .then(function (r) { return r.json(); })
          .then(function (d) { output.textContent = d.reading; });
      }, 150);
    });
  });

  // A combobox over a JSON look-up: arrows move, Enter picks, Escape closes.
  function combobox(input, lookup, pick) {
    var wrapper = document.createElement('span');
    wrapper.className = 'combo';
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var list = document.createElement('ul');
    list.id = input.id + '-liste';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    wrapper.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    var items = [], active = -1, timer;
    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; }
    function mark(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, n) { li.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
      if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
    }
    function choose(i) { pick(items[i]); close(); }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 1) { close(); return; }
      timer = setTimeout(function () {
        lookup(q).then(function (found) {
          items = found;
          list.textContent = '';
          found.forEach(function (item, n) {
            var li = document.createElement('li');
            li.id = list.id + '-' + n;
            li.setAttribute('role', 'option');
            li.textContent = item.label;
            li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(n); });
            list.appendChild(li);
          });
          list.hidden = found.length === 0;
          input.setAttribute('aria-expanded', found.length ? 'true' : 'false');
          mark(found.length ? 0 : -1);
        });
      }, 120);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); mark(Math.min(active + 1, items.length - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }

  var json = function (url) { return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : []; }); };

  document.querySelectorAll('input[data-authority-search]').forEach(function (input) {
    var key = input.getAttribute('data-authority-search');
    var kind = document.getElementById(key + '-tur');
    var id = document.getElementById(key + '-kimlik');
    input.addEventListener('input', function () { id.value = ''; });
    combobox(input, function (q) {
      return json('/api/authorities?limit=8&kind=' + encodeURIComponent(kind.value) + '&q=' + encodeURIComponent(q)).then(function (d) {
        return (d.results || []).map(function (m) {
          var label = m.name + (m.matched && m.matched !== m.name ? ' (' + m.matched + ')' : '') + (m.dates ? ', ' + m.dates : '');
          return { label: label, id: m.id, name: m.name };
        });
      });
    }, function (item) { input.value = item.name; id.value = item.id; });
  });

  document.querySelectorAll('input[data-parent-search]').forEach(function (input) {
    combobox(input, function (q) {
      return json('/katalog/api/ust?q=' + encodeURIComponent(q)).then(function (d) {
        return d.map(function (n) { return { label: n.identifier + ' — ' + n.title + ' (' + n.level + ')', id: n.identifier }; });
      });
    }, function (item) { input.value = item.id; });
  });

  // Uploads: drop files anywhere on the zone, and a progress bar while they travel.
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var zone = form.querySelector('.drop-zone');
    var bar = form.querySelector('progress');
    zone.hidden = false;
    ['dragenter', 'dragover'].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('over'); }); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      input.files = e.dataTransfer.files;
      // The sentence comes from the page, in the language the page is in.
      zone.textContent = zone.getAttribute('data-chosen').replace('{0}', input.files.length);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      bar.hidden = false;
      xhr.upload.addEventListener('progress', function (p) { if (p.lengthComputable) bar.value = Math.round(p.loaded * 100 / p.total); });
      xhr.addEventListener('load', function () {
        if (xhr.status < 400) { window.location.assign(xhr.responseURL); return; }
        document.open(); document.write(xhr.responseText); document.close();
      });
      xhr.send(new FormData(form));
    });
  });

  // Pages reorder by dragging; the move buttons do the same without a mouse or without script.
  document.querySelectorAll('ol[data-reorder]').forEach(function (list) {
    var dragged = null;
    list.addEventListener('dragstart', function (e) { dragged = e.target.closest('li'); dragged.classList.add('dragging'); });
    list.addEventListener('dragover', function (e) {
      e.preventDefault();
      var over = e.target.closest('li');
      if (!over || over === dragged) return;
      var after = e.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener('drop', function (e) {
      e.preventDefault();
      dragged.classList.remove('dragging');
      var body = new FormData();
      body.append('__af', token());
      body.append('surum', list.getAttribute('data-version'));
      body.append('sira', Array.prototype.map.call(list.children, function (li) { return li.getAttribute('data-path'); }).join(','));
      fetch(list.getAttribute('data-reorder'), { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (r) { window.location.assign(r.url); });
    });
  });
})();
