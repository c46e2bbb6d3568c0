// Loaded first, as a classic script: if a library or the app itself fails to load, or the app has not started within
// 4 s, the page says so in a sentence instead of "Loading" for ever (a build without the npm libraries did exactly that).
(function () {
  var StartWithin = 4000;
  function say(what) {
    var root = document.documentElement;
    if (root.dataset.tabFailed) return;
    root.dataset.tabFailed = what;
    var show = function () {
      var main = document.getElementById('view');
      if (!main) return;
      var p = document.createElement('p');
      p.className = 'status error';
      p.setAttribute('role', 'alert');
      p.textContent = 'The Growth tab could not load its charts (' + what + '). Reload, or tell your admin.';
      main.replaceChildren(p);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show); else show();
  }
  // Script load errors do not bubble: listen while they are on their way down.
  window.addEventListener('error', function (event) {
    var source = event.target && event.target.src;
    if (source) say(source.replace(location.origin, '') + ' did not load');
  }, true);
  setTimeout(function () {
    if (!document.documentElement.dataset.tabStarted) say('the page did not start within ' + StartWithin / 1000 + ' s');
  }, StartWithin);
})();
