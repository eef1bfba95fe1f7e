/* The device's time: remaining, package, expiry (GET /api/auth/status), and log out, which needs the access
   code (POST /api/auth/login for a portal token, then POST /api/auth/logout); the paid time is kept. */
(function (w, d, WB) {
  'use strict';
  var $ = WB.$, r = WB.redirect(true), kept = WB.kept('session'), info = null;
  var back = { gw: r.gw, mac: r.mac, ip: r.ip, login: r.login, dst: r.dst }; // no stale CHAP values: the gateway sends fresh ones

  function links() {
    $('reconnect').href = './' + WB.carry(back);
    $('buy').href = './' + WB.carry(back);
  }
  function render() {
    if (!info) return;
    WB.say('left', 'left', { t: WB.left(info.remainingSeconds - (Date.now() - info.at) / 1000) });
    WB.say('exp', 'expires', { t: WB.time(info.expiresAt) });
    $('pkg').textContent = info.packageName || '';
  }
  function none() { WB.say('state', 'statusNone'); WB.show('active', false); WB.show('buy', true); }
  links();
  WB.onLang(function () { links(); render(); });
  if (kept && kept.accessCode) $('code').value = WB.code(kept.accessCode);
  if (!r.mac) none();
  else WB.api('GET', '/api/auth/status?' + WB.encode({ gatewayId: r.gw, mac: r.mac })).then(function (s) {
    if (!s.active) return none();
    info = s; info.at = Date.now();
    WB.show('state', false); WB.show('active', true); WB.show('buy', true);
    render();
    setInterval(render, 30000);
  }, function (e) { WB.sayError($('state'), e); });

  $('logout-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var code = $('code').value.toUpperCase().replace(/[\s\-]/g, ''), form = this;
    WB.show('logout-err', false);
    if (code.length < 11) { WB.say('logout-err', 'eCODE_SHAPE'); WB.show('logout-err', true); $('code').focus(); return; }
    form.querySelector('button').disabled = true;
    var gateway = { gatewayId: r.gw, mac: r.mac };
    WB.api('POST', '/api/auth/login', { accessCode: code, gateway: gateway }).then(function (t) {
      return WB.api('POST', '/api/auth/logout', null, { Authorization: 'Bearer ' + t.token });
    }).then(function () {
      WB.show('active', false); WB.show('buy', false); WB.show('out', true); WB.show('reconnect', true);
      $('reconnect').focus();
    }, function (err) {
      form.querySelector('button').disabled = false;
      WB.sayError($('logout-err'), err);
    });
  });
})(window, document, window.WB);
