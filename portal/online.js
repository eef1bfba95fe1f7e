/* The gateway's dst after a login: "You're online" with the time left, then on to the page the user first
   asked for (link-orig, carried as ?orig=). The device comes from the URL or the stored copy. */
(function (w, d, WB) {
  'use strict';
  var $ = WB.$, r = WB.redirect(true), orig = WB.q.orig, session = WB.kept('session'), expiresAt = null;
  if (!/^https?:\/\//i.test(orig || '')) orig = null; // never javascript: or a relative trick
  var site = orig ? orig.replace(/^https?:\/\/([^/?#]+).*$/i, '$1') : null;

  function showLeft() {
    if (!expiresAt) return;
    WB.say('left', 'left', { t: WB.left((new Date(expiresAt) - Date.now()) / 1000) });
    WB.say('exp', 'expires', { t: WB.time(expiresAt) });
  }
  $('status-link').href = 'status' + WB.carry(r);
  WB.onLang(function () { showLeft(); $('status-link').href = 'status' + WB.carry(r); });
  if (session && session.expiresAt) { expiresAt = session.expiresAt; showLeft(); }
  if (r.mac) {
    WB.api('GET', '/api/auth/status?' + WB.encode({ gatewayId: r.gw, mac: r.mac })).then(function (s) {
      if (s.active) { expiresAt = s.expiresAt; showLeft(); }
    }, function () { /* offline API or unknown device: the stored copy, if any, stays */ });
  }
  setInterval(showLeft, 30000);

  if (!orig) { WB.show('no-site', true); return; }
  $('go').href = orig;
  WB.say('go', 'onlineGo', { site: site });
  WB.show('go', true);
  var n = WB.cfg.onlineForwardSeconds == null ? 5 : WB.cfg.onlineForwardSeconds;
  if (n < 0) return; // operators may turn the forward off
  (function count() {
    if (n <= 0) return location.assign(orig);
    WB.say('going', 'onlineGoing', { n: n });
    n -= 1;
    setTimeout(count, 1000);
  })();
})(window, document, window.WB);
