// Live parts of a page: an element with data-refresh="URL" is replaced every 2 s by what URL answers (the same markup,
// rendered again by the server), until the answer no longer carries data-refresh (the run or session has ended).
(function () {
  function schedule(element) {
    setTimeout(function () { refresh(element); }, 2000);
  }
  function refresh(element) {
    fetch(element.dataset.refresh, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.firstElementChild;
        if (!fresh) { return; }
        element.replaceWith(fresh);
        if (fresh.dataset.refresh) { schedule(fresh); }
      })
      .catch(function () { schedule(element); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-refresh]').forEach(schedule);
  });
})();

// Previews: an element with data-preview="URL" and data-preview-from="id id" is replaced by what URL answers for the
// current values of those inputs (and of data-preview-with, sent but not watched), shortly after one of them changes
// (the schedule's next runs, the org's objects when the connection changes).
(function () {
  function watch(element) {
    var names = element.dataset.previewFrom.split(' ');
    var timer;
    names.forEach(function (name) {
      var input = document.getElementById(name);
      if (!input) { return; }
      var changed = function () {
        clearTimeout(timer);
        var sent = names.concat(element.dataset.previewWith ? element.dataset.previewWith.split(' ') : []);
        timer = setTimeout(function () { load(element.id, element.dataset.preview, sent); }, 400);
      };
      // a text input reports typing as 'input'; a <select>'s choice is certain to come as 'change' (the picker
      // listened to 'input' alone, and a browser run choosing the connection saw no objects fetched)
      input.addEventListener('input', changed);
      input.addEventListener('change', changed);
    });
  }
  function load(id, url, names) {
    var query = names.map(function (name) {
      var input = document.getElementById(name);
      return encodeURIComponent(name) + '=' + encodeURIComponent(input ? input.value : '');
    }).join('&');
    fetch(url + '?' + query, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.firstElementChild;
        var current = document.getElementById(id);
        if (fresh && current) { current.replaceWith(fresh); }
      })
      .catch(function () { });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-preview]').forEach(watch);
    // buttons that only serve pages without script (a server-rendered reload) go: the previews do their work
    document.querySelectorAll('[data-without-script]').forEach(function (button) { button.remove(); });
  });
})();

// The org's objects beside the policy form's list: search filters them, checking one writes the list input, "Select all
// shown" checks every object the search shows. The list input stays what is submitted (and works without script).
(function () {
  function listInput() { return document.getElementById('objects'); }
  function names() {
    return listInput().value.split(/[,\s]+/).filter(function (n) { return n && n.toLowerCase() !== 'all'; });
  }
  function write(list) { listInput().value = list.join(', '); }
  function set(name, on) {
    var list = names().filter(function (n) { return n.toLowerCase() !== name.toLowerCase(); });
    if (on) { list.push(name); }
    write(list);
  }
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input.org-object')) { set(event.target.value, event.target.checked); }
  });
  document.addEventListener('input', function (event) {
    if (event.target.id !== 'object-search') { return; }
    var wanted = event.target.value.toLowerCase();
    document.querySelectorAll('#org-objects li').forEach(function (li) {
      li.hidden = wanted !== '' && li.dataset.search.indexOf(wanted) < 0;
    });
  });
  document.addEventListener('click', function (event) {
    if (event.target.id === 'select-all-shown') {
      document.querySelectorAll('#org-objects li:not([hidden]) input.org-object:not(:disabled)').forEach(function (box) {
        box.checked = true;
        set(box.value, true);
      });
    } else if (event.target.id === 'clear-objects') {
      document.querySelectorAll('#org-objects input.org-object').forEach(function (box) { box.checked = false; });
      write([]);
    }
  });
})();
