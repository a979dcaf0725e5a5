// 大字模式 (large-text reading mode). Loaded in <head> without defer so the
// saved choice applies before the first paint: no flash, no layout shift.
// Without JavaScript the button stays hidden; browser zoom and the
// prefers-contrast stylesheet still work.
(function () {
  var root = document.documentElement;
  var key = 'qingdan-large-text';
  var on = false;
  try { on = localStorage.getItem(key) === '1'; } catch (e) {}
  root.classList.add('js');
  root.classList.toggle('large', on);
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('reading-mode');
    if (!button) return;
    button.setAttribute('aria-pressed', String(on));
    button.hidden = false;
    button.addEventListener('click', function () {
      on = !on;
      root.classList.toggle('large', on);
      button.setAttribute('aria-pressed', String(on));
      try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) {}
    });
  });
})();
