/* The landing page: relogin first, then buy (packages → phone → STK push → status polling), redeem a
   voucher, or claim a payment by its M-Pesa receipt; every success shows the access code before the
   device is logged in by following the API's login object. */
(function (w, d, WB) {
  'use strict';
  var $ = WB.$, cfg = WB.cfg, r = WB.redirect(), gateway = WB.gateway(r);
  var PANELS = ['buy', 'wait', 'result', 'voucher', 'claim', 'move', 'done'];
  var resumePkg = null, packages = [], chosen = null, pollTimer = null, countTimer = null, connectTimer = null;
  var ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

  function panel(name, keepTabs) {
    PANELS.forEach(function (p) { WB.show(p, p === name); });
    WB.show('tabs', !!keepTabs);
    var h = $(name).querySelector('h1');
    if (h && keepTabs !== 'quiet') { h.setAttribute('tabindex', '-1'); h.focus(); }
  }
  function tab(name) {
    [].forEach.call(d.querySelectorAll('#tabs button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-tab') === name));
    });
    panel(name, true);
  }
  function busy(form, on) {
    [].forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = on; });
    form.setAttribute('aria-busy', String(on));
  }
  function err(id, key, v) { WB.say(id, key, v); WB.show(id, true); }
  function clearErr(id) { WB.show(id, false); }
  /* Keeps the purchase in the URL fragment (never sent to a server), so a reload picks the polling up again. */
  function setHash(o) {
    var h = o ? '#' + WB.encode(o) : '';
    if (w.history.replaceState) w.history.replaceState(null, '', location.pathname + location.search + h);
  }

  /* ---------- packages ---------- */
  function loadPackages() {
    WB.say('pkgs-msg', 'loadingPkgs'); WB.show('pkgs-msg', true); WB.show('pkgs-retry', false);
    WB.api('GET', '/api/payment/packages').then(function (data) {
      WB.branding(data.branding);
      packages = data.items || [];
      WB.show('pkgs-msg', !packages.length);
      if (!packages.length) WB.say('pkgs-msg', 'noPkgs');
      packages.forEach(function (p) { if (p.packageId === resumePkg) chosen = p; });
      renderPackages();
      if (resumePkg && !$('wait').hidden) waitBody();
    }, function () {
      WB.say('pkgs-msg', 'pkgsFailed'); WB.show('pkgs-retry', true);
    });
  }
  function renderPackages() {
    var ul = $('pkgs');
    ul.textContent = '';
    packages.forEach(function (p) {
      var li = d.createElement('li'), b = d.createElement('button');
      b.type = 'button'; b.className = 'card'; b.setAttribute('data-pkg', p.packageId);
      b.setAttribute('aria-pressed', String(!!chosen && chosen.packageId === p.packageId));
      [['pkg-name', p.name], ['pkg-time', WB.minutes(p.durationMinutes)], ['pkg-speed', WB.t('speed', { n: WB.num(p.bandwidthMbps) })],
        ['pkg-price', WB.t('price', { n: WB.num(p.priceKES) })]].forEach(function (part) {
        var s = d.createElement('span'); s.className = part[0]; s.textContent = part[1]; b.appendChild(s);
      });
      b.addEventListener('click', function () { choose(p); });
      li.appendChild(b); ul.appendChild(li);
    });
    payLabel();
  }
  function choose(p) {
    chosen = p;
    [].forEach.call(d.querySelectorAll('#pkgs .card'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-pkg') === p.packageId));
    });
    clearErr('pick-err');
    payLabel();
  }
  function payLabel() {
    if (chosen) WB.say('pay', 'pay', { n: WB.num(chosen.priceKES) }); else WB.say('pay', 'payNoPkg');
  }

  /* DESIGN §3's phone forms → 2547XXXXXXXX / 2541XXXXXXXX, or null. */
  function phone(v) {
    var m = String(v).replace(/[\s\-().]/g, '').match(/^(?:\+?254|0)?([71]\d{8})$/);
    return m ? '254' + m[1] : null;
  }
  function idempotencyKey() {
    var c = w.crypto;
    if (c && c.randomUUID) return c.randomUUID();
    var a = new Uint8Array(16); if (c && c.getRandomValues) c.getRandomValues(a); else for (var i = 0; i < 16; i++) a[i] = Math.random() * 256;
    return [].map.call(a, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  /* ---------- buy ---------- */
  function pay(e) {
    e.preventDefault();
    var form = $('buy-form'), num = phone($('phone').value);
    clearErr('buy-err');
    if (!chosen) { err('pick-err', 'pickErr'); $('pkgs').querySelector('button') && $('pkgs').querySelector('button').focus(); return; }
    if (!num) { err('phone-err', 'phoneErr'); $('phone').setAttribute('aria-invalid', 'true'); $('phone').focus(); return; }
    clearErr('phone-err'); $('phone').removeAttribute('aria-invalid');
    busy(form, true); WB.say('pay', 'sending');
    WB.api('POST', '/api/payment/initiate', { phone: num, packageId: chosen.packageId, gateway: gateway, lang: WB.lang },
      { 'Idempotency-Key': idempotencyKey() }).then(function (data) {
      busy(form, false); payLabel();
      setHash({ tx: data.transactionId, ct: data.clientToken, p: chosen.packageId });
      waitFor(data.transactionId, data.clientToken, data);
    }, function (error) {
      busy(form, false); payLabel();
      if (error.code === 'INVALID_PHONE') { err('phone-err', 'phoneErr'); $('phone').focus(); return; }
      WB.sayError($('buy-err'), error);
    });
  }

  function waitBody() {
    if (chosen) WB.say('wait-body', 'waitBody', { n: WB.num(chosen.priceKES), pkg: chosen.name }); else WB.say('wait-body', 'waitAny');
  }
  function waitFor(tx, ct, first) {
    var started = Date.now(), pin = cfg.pinSeconds || 60, max = cfg.waitMaxSeconds || 180, lastQuery = 0;
    panel('wait');
    waitBody();
    WB.say('wait-state', 'busy');
    function tick() {
      var left = pin - (Date.now() - started) / 1000;
      if (left > 0) WB.say('wait-count', 'waitCount', { t: WB.clock(left) });
      else { WB.show('wait-count', false); WB.say('wait-state', 'waitLonger'); }
    }
    WB.show('wait-count', true); tick();
    countTimer = setInterval(tick, 1000);
    function status() { return WB.api('GET', '/api/payment/status?transactionId=' + encodeURIComponent(tx), null, { 'X-Client-Token': ct }); }
    function handle(data) {
      if (data.status === 'completed' && data.session && data.login) return finish(function () {
        showDone(data.session, data.login, { sms: true, ctx: { handoff: { transactionId: tx, clientToken: ct, lang: WB.lang },
          refresh: function () { return status().then(function (s) { return s.login; }); } } });
      });
      if (data.status === 'cancelled' || data.status === 'expired' || data.status === 'failed') return finish(function () { showResult(data); });
      var waited = (Date.now() - started) / 1000;
      if (waited > max) return finish(function () { showResult({ status: 'expired' }); });
      if (waited > pin && Date.now() - lastQuery > 15000) { // no callback yet: ask M-Pesa (DESIGN §1 fallback 2)
        lastQuery = Date.now();
        WB.api('POST', '/api/payment/query', { transactionId: tx }, { 'X-Client-Token': ct }).then(handle, function () {});
      }
      pollTimer = setTimeout(poll, waited < 30 ? 1500 : 3000);
    }
    function poll() {
      clearTimeout(pollTimer);
      status().then(handle, function (error) {
        if (error.code === 'NETWORK' || error.status >= 500 || error.code === 'RATE_LIMITED') pollTimer = setTimeout(poll, 3000);
        else finish(function () { showResult({ status: 'failed', error: error }); });
      });
    }
    function finish(then) { clearTimeout(pollTimer); clearInterval(countTimer); pollTimer = -1; then(); }
    $('check-now').onclick = function () {
      lastQuery = Date.now();
      WB.api('POST', '/api/payment/query', { transactionId: tx }, { 'X-Client-Token': ct }).then(handle, function () { poll(); });
    };
    if (first && first.status && first.status !== 'pending' && !(first.status === 'completed' && !first.session)) handle(first);
    else pollTimer = setTimeout(poll, first && first.status === 'completed' ? 0 : 1000);
  }

  var RESULT_TITLES = { cancelled: 'cancelledTitle', expired: 'expiredTitle', failed: 'failedTitle' };
  function showResult(data) {
    setHash(null);
    panel('result');
    WB.say('result-h', RESULT_TITLES[data.status] || 'failedTitle');
    var code = data.resultCode === '1031' ? '1032' : data.resultCode, el = $('result-msg');
    if (data.error) WB.sayError(el, data.error);
    else if (code && WB.t('r' + code) !== 'r' + code) WB.say(el, 'r' + code);
    else if (data.status === 'cancelled') WB.say(el, 'r1032');
    else if (data.status === 'expired') WB.say(el, code ? 'r1037' : 'rExpiredLocal');
    else if (data.message && data.message.en) WB.sayMsg(el, data.message);
    else WB.say(el, 'rFailed');
  }

  /* ---------- success: the code first, then the login ---------- */
  function showDone(session, login, opts) {
    clearTimeout(connectTimer);
    setHash(null);
    panel('done');
    $('access-code').textContent = WB.code(session.accessCode);
    $('done-pkg').textContent = session.packageName || '';
    WB.say('done-exp', 'expires', { t: WB.time(session.expiresAt) });
    WB.show('done-sms', !!opts.sms);
    WB.show('done-intro', !!opts.intro);
    if (opts.intro) WB.say('done-intro', opts.intro);
    WB.keep('session', { accessCode: session.accessCode, expiresAt: session.expiresAt, packageName: session.packageName }, true);
    var ui = {
      waiting: function () { WB.say('done-state', 'waitGateway'); },
      failed: function () { WB.say('done-state', 'gatewayFailed'); $('connect').disabled = false; }
    };
    function go() {
      clearTimeout(connectTimer);
      $('connect').disabled = true;
      WB.say('done-state', 'connecting');
      WB.follow(login, opts.ctx, ui);
    }
    $('connect').disabled = false;
    $('connect').onclick = go;
    if (opts.auto === false) { WB.say('done-state', 'loginError'); return; }
    var n = cfg.connectDelaySeconds == null ? 3 : cfg.connectDelaySeconds;
    (function count() {
      if (n <= 0) return go();
      WB.say('done-state', 'connectIn', { n: n });
      n -= 1;
      connectTimer = setTimeout(count, 1000);
    })();
  }
  /* For a voucher, a claim or a relogin: the handoff page and none/wait gateways get a fresh login by relogin. */
  function deviceCtx() {
    var f = { gw: r.gw, mac: r.mac, ip: r.ip, login: r.login, dst: r.dst, lang: WB.lang };
    return { handoff: f, every: 7000, refresh: function () {
      return WB.api('POST', '/api/auth/relogin', { gateway: gateway }).then(function (a) { return a.login; });
    } };
  }

  /* ---------- voucher ---------- */
  /* Returns the canonical code, or the key of what is wrong with it: the check character (CodeFormat) catches
     every single typo and swap before any request. */
  function checkCode(raw) {
    var c = String(raw).toUpperCase().replace(/[\s\-]/g, ''), sum = 0;
    if (c.length < 11 || c.length > 30) return { bad: 'eCODE_SHAPE' };
    for (var i = 0; i < c.length; i++) {
      var v = ALPHABET.indexOf(c.charAt(i));
      if (v < 0) return { bad: 'eCODE_SHAPE' };
      sum += (i + 1) * v;
    }
    return sum % 31 === 0 ? { code: c } : { bad: 'eINVALID_CODE' };
  }
  function redeem(e, move) {
    if (e) e.preventDefault();
    var form = $('voucher-form'), c = checkCode($('code').value);
    clearErr('code-err');
    if (c.bad) { err('code-err', c.bad); $('code').setAttribute('aria-invalid', 'true'); $('code').focus(); return; }
    $('code').removeAttribute('aria-invalid');
    busy(form, true);
    WB.api('POST', '/api/auth/voucher', { code: c.code, gateway: gateway, lang: WB.lang, move: move || undefined }).then(function (a) {
      busy(form, false);
      showDone(a.session, a.login, { intro: a.moved ? 'moved' : null, ctx: deviceCtx() });
    }, function (error) {
      busy(form, false);
      if (error.code === 'VOUCHER_ALREADY_USED' && !move) return askMove('voucher', function () { redeem(null, true); });
      if (move) { tab('voucher'); }
      WB.sayError($('code-err'), error);
    });
  }

  /* ---------- "I already paid": receipt + phone ---------- */
  function claim(e, move) {
    if (e) e.preventDefault();
    var form = $('claim-form'), receipt = $('receipt').value.replace(/\s/g, '').toUpperCase(), num = phone($('claim-phone').value);
    clearErr('claim-err');
    if (!/^[A-Z0-9]{10}$/.test(receipt)) { err('claim-err', 'receiptErr'); $('receipt').focus(); return; }
    if (!num) { err('claim-err', 'phoneErr'); $('claim-phone').focus(); return; }
    busy(form, true);
    WB.api('POST', '/api/payment/claim', { receipt: receipt, phone: num, gateway: gateway, lang: WB.lang, move: move || undefined }).then(function (a) {
      busy(form, false);
      showDone(a.session, a.login, { intro: a.moved ? 'moved' : null, ctx: deviceCtx() });
    }, function (error) {
      busy(form, false);
      if (error.code === 'VOUCHER_ALREADY_USED' && !move) return askMove('claim', function () { claim(null, true); });
      if (move) { tab('claim'); }
      WB.sayError($('claim-err'), error);
    });
  }

  /* The move happens only after the user says yes on this screen (DESIGN §6). */
  function askMove(from, yes) {
    panel('move');
    clearErr('move-err');
    $('move-yes').onclick = yes;
    $('move-no').onclick = function () { tab(from); };
  }

  /* ---------- landing: relogin first (contracts/gateways.md §2.1) ---------- */
  function relogin() {
    WB.api('POST', '/api/auth/relogin', { gateway: gateway }).then(function (a) {
      var tries = WB.kept('retry') || 0;
      if (r.error && tries >= 1) { // the router sent us back after a failed login: retried once already
        WB.keep('retry', 0, true);
        return showDone(a.session, a.login, { intro: 'welcomeBack', auto: false, ctx: deviceCtx() });
      }
      WB.keep('retry', r.error ? tries + 1 : 0, true);
      showDone(a.session, a.login, { intro: 'welcomeBack', ctx: deviceCtx() });
    }, function () {
      if (r.error) { WB.say('notice', 'loginError'); WB.show('notice', true); }
    });
  }

  function statusLink() { $('status-link').href = 'status' + WB.carry(r); }

  WB.rememberDevice();
  statusLink();
  WB.onLang(function () { statusLink(); renderPackages(); });
  $('tabs').addEventListener('click', function (e) { var t = e.target.getAttribute('data-tab'); if (t) tab(t); });
  $('buy-form').addEventListener('submit', pay);
  $('voucher-form').addEventListener('submit', redeem);
  $('claim-form').addEventListener('submit', claim);
  $('pkgs-retry').addEventListener('click', loadPackages);
  $('again').addEventListener('click', function () { tab('buy'); $('pay').focus(); });
  $('other-number').addEventListener('click', function () { tab('buy'); $('phone').value = ''; $('phone').focus(); });
  loadPackages();

  var h = WB.parse(location.hash);
  if (!r.mac) { WB.say('notice', 'noGateway'); WB.show('notice', true); }
  if (h.tx && h.ct) { // a reload while waiting: pick the purchase up again
    resumePkg = h.p;
    waitFor(h.tx, h.ct, null);
  } else if (r.mac) relogin();
  // A printed voucher's QR code opens the portal with ?code=…: the voucher tab, its code filled in, ready to send.
  if (WB.q.code && !(h.tx && h.ct)) { tab('voucher'); $('code').value = String(WB.q.code).slice(0, 40); }
})(window, document, window.WB);
