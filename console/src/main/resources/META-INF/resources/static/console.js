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
