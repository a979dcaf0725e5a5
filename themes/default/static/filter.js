// Unit filter of the 部门职责 page: shows only the items of the chosen
// unit (and of the units under it). Without JavaScript the page lists
// every item and links to each unit's own page instead.
(function () {
  var form = document.getElementById('unit-filter');
  if (!form) return;
  var select = document.getElementById('unit-select');
  var status = document.getElementById('unit-filter-status');
  var duties = document.querySelectorAll('.duty');
  var items = document.querySelectorAll('.duty .item');

  function apply() {
    var unit = select.value;
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var keys = ' ' + items[i].getAttribute('data-units') + ' ';
      var match = unit === '' || keys.indexOf(' ' + unit + ' ') >= 0;
      items[i].hidden = !match;
      if (match) shown++;
    }
    for (var j = 0; j < duties.length; j++) {
      duties[j].hidden = !duties[j].querySelector('.item:not([hidden])');
    }
    status.textContent = unit === '' ? '' : '显示 ' + shown + ' 项事项';
    try {
      history.replaceState(null, '', (unit === '' ? location.pathname : '?unit=' + encodeURIComponent(unit)) + location.hash);
    } catch (e) {}
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); });
  select.addEventListener('change', apply);
  var m = /[?&]unit=([^&#]*)/.exec(location.search);
  if (m) select.value = decodeURIComponent(m[1]);
  form.hidden = false;
  if (select.value !== '') apply();
})();
