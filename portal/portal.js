/* What every portal page shares: the redirect parameters carried in the URL, the language, the API
   wrapper, formats, and following the API's login object (contracts/gateways.md §2.1). No framework:
   plain ES5 so old Android browsers and captive mini-browsers run it. */
(function (w, d) {
  'use strict';
  var cfg = w.WB_CONFIG || {}, S = w.WB_STRINGS, WB = w.WB = { cfg: cfg };
  var REDIRECT = ['gw', 'mac', 'ip', 'login', 'dst', 'chapId', 'chapChallenge', 'error'];
  var langHooks = [];

  WB.$ = function (id) { return d.getElementById(id); };
  WB.show = function (el, on) { if (typeof el === 'string') el = WB.$(el); if (el) el.hidden = !on; };

  function parse(s) {
    var out = {};
    (s || '').replace(/^[?#]/, '').split('&').forEach(function (pair) {
      if (!pair) return;
      var i = pair.indexOf('='), k = i < 0 ? pair : pair.slice(0, i), v = i < 0 ? '' : pair.slice(i + 1);
      try { out[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { /* a broken escape: skip it */ }
    });
    return out;
  }
  function encode(o) {
    return Object.keys(o).filter(function (k) { return o[k] != null && o[k] !== ''; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(o[k]); }).join('&');
  }
  WB.parse = parse; WB.encode = encode;
  WB.q = parse(location.search);

  /* Storage is only ever a copy: captive mini-browsers may wipe it; the URL is the truth. */
  WB.keep = function (key, value, session) {
    try {
      (session ? sessionStorage : localStorage).setItem('wb.' + key, JSON.stringify(value));
      if (!session) sessionStorage.setItem('wb.' + key, JSON.stringify(value));
    } catch (e) { /* storage off or full: the URL still carries everything */ }
  };
  WB.kept = function (key) {
    try { return JSON.parse(sessionStorage.getItem('wb.' + key) || localStorage.getItem('wb.' + key) || 'null'); } catch (e) { return null; }
  };

  /* The gateway's redirect values; pages other than the landing one may fall back to the stored copy. */
  WB.redirect = function (allowCopy) {
    var r = {}, has = false;
    REDIRECT.forEach(function (k) { if (WB.q[k]) { r[k] = WB.q[k]; has = true; } });
    // UniFi's external portal sends id (the device MAC) and url; pfSense's own names are redirurl and client_mac.
    if (!r.mac && (WB.q.id || WB.q.client_mac)) { r.mac = WB.q.id || WB.q.client_mac; has = true; }
    if (!r.dst && (WB.q.url || WB.q.redirurl)) r.dst = WB.q.url || WB.q.redirurl;
    if (!has && allowCopy) r = WB.kept('redirect') || {};
    return r;
  };
  WB.gateway = function (r) {
    r = r || WB.redirect();
    var g = { gatewayId: r.gw || cfg.gatewayId, mac: r.mac, ip: r.ip, loginUrl: r.login, dst: r.dst, chapId: r.chapId, chapChallenge: r.chapChallenge };
    Object.keys(g).forEach(function (k) { if (!g[k]) delete g[k]; });
    return g;
  };
  /* The query string that carries the redirect values and the language to another portal page. */
  WB.carry = function (r) {
    var o = {}; r = r || WB.redirect(true);
    REDIRECT.forEach(function (k) { if (k !== 'error' && r[k]) o[k] = r[k]; });
    o.lang = WB.lang;
    return '?' + encode(o);
  };

  /* ---------- language ---------- */
  function pickLang() {
    var l = WB.q.lang || WB.kept('lang') || (((w.navigator.languages && w.navigator.languages[0]) || w.navigator.language || '').slice(0, 2) === 'sw' ? 'sw' : 'en');
    if (l === 'sheng' && !cfg.sheng) l = 'sw';
    return S[l] ? l : 'en';
  }
  WB.lang = pickLang();
  WB.t = function (key, v) {
    var s = (S[WB.lang] && S[WB.lang][key]) || (WB.lang === 'sheng' && S.sw[key]) || S.en[key] || key;
    return v ? s.replace(/\{(\w+)\}/g, function (m, k) { return v[k] != null ? v[k] : m; }) : s;
  };
  /* Sets a translated text and remembers how, so a language switch re-renders it. */
  WB.say = function (el, key, v) {
    if (typeof el === 'string') el = WB.$(el);
    if (!el) return;
    el.removeAttribute('data-m');
    el.setAttribute('data-t', key);
    if (v) el.setAttribute('data-v', JSON.stringify(v)); else el.removeAttribute('data-v');
    el.textContent = WB.t(key, v);
  };
  /* Shows a message the API sent as {en, sw} (a code the portal does not know yet). */
  WB.sayMsg = function (el, m) {
    el.removeAttribute('data-t');
    el.setAttribute('data-m', JSON.stringify(m));
    el.textContent = m[WB.lang === 'en' ? 'en' : 'sw'] || m.en;
  };
  WB.apply = function () {
    d.documentElement.lang = WB.lang === 'en' ? 'en' : 'sw';
    [].forEach.call(d.querySelectorAll('[data-t]'), function (el) {
      var v = el.getAttribute('data-v');
      el.textContent = WB.t(el.getAttribute('data-t'), v ? JSON.parse(v) : null);
    });
    [].forEach.call(d.querySelectorAll('[data-m]'), function (el) { WB.sayMsg(el, JSON.parse(el.getAttribute('data-m'))); });
    [].forEach.call(d.querySelectorAll('[data-tp]'), function (el) { el.setAttribute('placeholder', WB.t(el.getAttribute('data-tp'))); });
    [].forEach.call(d.querySelectorAll('[data-tl]'), function (el) { el.setAttribute('aria-label', WB.t(el.getAttribute('data-tl'))); });
    [].forEach.call(d.querySelectorAll('#langs button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === WB.lang));
    });
    var saved = WB.kept('branding');
    var brand = (saved && saved.portalName) || (cfg.brand && (cfg.brand[WB.lang] || cfg.brand.en || cfg.brand));
    if (typeof brand === 'string') [].forEach.call(d.querySelectorAll('.brand-name'), function (el) { el.removeAttribute('data-t'); el.textContent = brand; });
    d.title = (WB.$('title-key') ? WB.t(WB.$('title-key').getAttribute('data-t')) + ' · ' : '') + (typeof brand === 'string' ? brand : WB.t('brand'));
    langHooks.forEach(function (f) { f(); });
  };
  WB.onLang = function (f) { langHooks.push(f); };
  WB.setLang = function (l) {
    WB.lang = l;
    WB.keep('lang', l);
    if (w.history.replaceState) {
      var q = parse(location.search); q.lang = l;
      w.history.replaceState(null, '', '?' + encode(q) + location.hash);
    }
    WB.apply();
  };
  function initLangs() {
    var box = WB.$('langs');
    if (!box) return;
    if (cfg.sheng) WB.show(box.querySelector('[data-lang="sheng"]'), true);
    box.addEventListener('click', function (e) {
      var l = e.target.getAttribute && e.target.getAttribute('data-lang');
      if (l) WB.setLang(l);
    });
  }

  /* ---------- formats (Kenyan: en-KE / sw-KE, East Africa Time) ---------- */
  WB.num = function (n) { try { return new Intl.NumberFormat(WB.lang === 'en' ? 'en-KE' : 'sw-KE').format(n); } catch (e) { return String(n); } };
  WB.time = function (iso) {
    var t = new Date(iso);
    try {
      return new Intl.DateTimeFormat(WB.lang === 'en' ? 'en-KE' : 'sw-KE', { timeZone: 'Africa/Nairobi', weekday: 'short',
        day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(t);
    } catch (e) { return t.toLocaleString(); }
  };
  /* A duration in minutes as a package card says it: "3 hours" / "Saa 3". */
  WB.minutes = function (m) {
    if (m % 1440 === 0) return m === 1440 ? WB.t('dD1') : WB.t('dD', { n: WB.num(m / 1440) });
    if (m % 60 === 0) return m === 60 ? WB.t('dH1') : WB.t('dH', { n: WB.num(m / 60) });
    if (m > 60) return WB.t('dHM', { h: Math.floor(m / 60), m: m % 60 });
    return m === 1 ? WB.t('dM1') : WB.t('dM', { n: m });
  };
  /* Time left, from seconds: rounded up to the minute. */
  WB.left = function (s) { return WB.minutes(Math.max(1, Math.ceil(s / 60))); };
  WB.clock = function (s) { s = Math.max(0, Math.round(s)); return Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2); };
  WB.code = function (c) { return String(c).replace(/(.{4})(?=.)/g, '$1-'); };

  /* ---------- API: JSON in and out, the {"error":{code,message}} shape turned into err.code ---------- */
  WB.api = function (method, path, body, headers) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open(method, (cfg.apiBase || '') + path);
      x.timeout = 35000;
      if (body) x.setRequestHeader('Content-Type', 'application/json');
      Object.keys(headers || {}).forEach(function (h) { if (headers[h]) x.setRequestHeader(h, headers[h]); });
      x.onload = function () {
        var data = null;
        try { data = x.responseText ? JSON.parse(x.responseText) : null; } catch (e) { /* not JSON */ }
        if (x.status >= 200 && x.status < 300) return resolve(data || {});
        var e = (data && data.error) || {};
        reject({ status: x.status, code: e.code || (x.status >= 500 ? 'INTERNAL' : 'HTTP_' + x.status), message: e.message,
          field: e.field, retryAfter: +x.getResponseHeader('Retry-After') || 0 });
      };
      x.onerror = x.ontimeout = function () { reject({ status: 0, code: 'NETWORK' }); };
      x.send(body ? JSON.stringify(body) : null);
    });
  };
  /* The string key for an API error (DESIGN §3 codes), with its values. */
  WB.errorKey = function (err) {
    var c = err.code || 'INTERNAL';
    if (c === 'RATE_LIMITED' && err.retryAfter >= 120) return ['eLOCKED', { n: Math.ceil(err.retryAfter / 60) }];
    if (/^PAYMENT_PROVIDER/.test(c) && !S.en['e' + c]) return ['ePAYMENT_PROVIDER_ERROR']; // a provider code we have no words for
    if (c === 'INVALID_FIELD' && err.field === 'code') return ['eCODE_SHAPE'];
    if (c === 'INVALID_FIELD' && err.field === 'receipt') return ['receiptErr'];
    if (c === 'INVALID_FIELD' && err.field === 'phone') return ['eINVALID_PHONE'];
    return [S.en['e' + c] ? 'e' + c : 'eINTERNAL'];
  };
  WB.sayError = function (el, err) { var k = WB.errorKey(err); WB.say(el, k[0], k[1]); WB.show(el, true); };

  /* ---------- logging the device in: follow login exactly; the portal never computes CHAP ---------- */
  WB.handoffUrl = function (fragment) {
    var base = cfg.handoffUrl || ('http://' + location.host + location.pathname.replace(/[^/]*$/, '') + 'handoff');
    return base + '#' + encode(fragment);
  };
  WB.onlineUrl = function (login) {
    return (login.fields && (login.fields.dst || login.fields.redirurl)) || location.pathname.replace(/[^/]*$/, '') + 'online';
  };
  /* ctx.handoff: the fragment for the pfSense handoff page; ctx.refresh(): a promise of a fresh login (for
     none/wait); ui.waiting()/ui.failed(): what the page shows meanwhile. */
  WB.follow = function (login, ctx, ui) {
    var m = login.method, started = Date.now();
    if (m === 'redirect-get') {
      var q = encode(login.fields || {});
      return location.assign(login.url + (q ? (login.url.indexOf('?') < 0 ? '?' : '&') + q : ''));
    }
    if (m === 'form-post') return location.assign(WB.handoffUrl(ctx.handoff));
    ui.waiting();
    (function wait(l) {
      if (l.method === 'none' && l.gatewayState === 'authorized') return location.assign(WB.onlineUrl(l));
      if (l.method === 'redirect-get' || l.method === 'form-post') return WB.follow(l, ctx, ui);
      if (l.gatewayState === 'failed' || Date.now() - started > (cfg.gatewayWaitSeconds || 180) * 1000) return ui.failed();
      setTimeout(function () {
        ctx.refresh().then(wait, function (err) { if (err.code === 'NETWORK' || err.code === 'RATE_LIMITED') wait(l); else ui.failed(err); });
      }, ctx.every || 2000);
    })(login);
  };

  /* Remembers the redirect values (as a copy) so /online and /status can find the device when the URL has none. */
  WB.rememberDevice = function () {
    var r = WB.redirect();
    if (r.mac) WB.keep('redirect', { gw: r.gw, mac: r.mac, ip: r.ip, login: r.login, dst: r.dst });
  };

  /* ---------- the operator's branding (admin settings, sent with the package list) ---------- */
  function luminance(hex) {
    return [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  /* White text on the colour, and the colour as text on white, both need 4.5:1 (WCAG AA); a lighter colour is ignored. */
  WB.readableOnWhite = function (hex) {
    return /^#[0-9a-fA-F]{6}$/.test(hex || '') && 1.05 / (luminance(hex) + 0.05) >= 4.5;
  };
  WB.phoneText = function (msisdn) {
    var local = '0' + String(msisdn).replace(/^254/, '');
    return local.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3');
  };
  function showBranding(b) {
    var root = d.documentElement.style;
    if (b && WB.readableOnWhite(b.primaryColor)) root.setProperty('--p', b.primaryColor); else root.removeProperty('--p');
    if (b && /^#[0-9a-fA-F]{6}$/.test(b.accentColor || '')) root.setProperty('--accent', b.accentColor); else root.removeProperty('--accent');
    var box = WB.$('support'), link = WB.$('support-phone');
    if (box && link) {
      WB.show(box, !!(b && b.supportPhone));
      if (b && b.supportPhone) { link.href = 'tel:+' + b.supportPhone; link.textContent = WB.phoneText(b.supportPhone); }
    }
  }
  /* Called with the package list's branding (null: the operator has saved none, config.js and the defaults apply). */
  WB.branding = function (b) {
    WB.keep('branding', b || null);
    showBranding(b);
    WB.apply();
  };

  function init() {
    initLangs();
    showBranding(WB.kept('branding'));
    WB.apply();
    d.documentElement.className += ' js';
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init); else init();
})(window, document);
