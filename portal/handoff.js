/* pfSense handoff (contracts/gateways.md §2.1, form-post): served over plain HTTP so the form posted to the
   router's http:// action raises no insecure-form warning. The fragment (never sent to a server) carries
   either a purchase (transactionId + clientToken: the login comes from the status endpoint) or the gateway's
   redirect values (the login comes from relogin). The page fills the form with login.fields and submits it. */
(function (w, d, WB) {
  'use strict';
  var $ = WB.$, f = WB.parse(location.hash);
  if (f.lang && f.lang !== WB.lang && WB_STRINGS[f.lang]) WB.setLang(f.lang);
  if (w.history.replaceState) w.history.replaceState(null, '', location.pathname + location.search); // drop the token from history
  var back = { gw: f.gw, mac: f.mac, ip: f.ip, login: f.login, dst: f.dst };
  $('back').href = './' + WB.carry(back);

  function fail() { WB.say('state', 'handoffFail'); WB.show('back', true); }
  function submit(login) {
    if (!login) return fail();
    if (login.method !== 'form-post') return WB.follow(login, { handoff: f, refresh: fetchLogin, every: 7000 },
      { waiting: function () { WB.say('state', 'waitGateway'); }, failed: fail });
    var form = $('gw-form');
    form.action = login.url;
    Object.keys(login.fields || {}).forEach(function (k) {
      var i = d.createElement('input');
      i.type = 'hidden'; i.name = k; i.value = login.fields[k];
      form.appendChild(i);
    });
    WB.say('state', 'connecting');
    WB.show('send', true); // if the automatic submit is blocked, a tap does it
    HTMLFormElement.prototype.submit.call(form); // immune to a field named submit
  }
  function fetchLogin() {
    if (f.transactionId && f.clientToken)
      return WB.api('GET', '/api/payment/status?transactionId=' + encodeURIComponent(f.transactionId), null,
        { 'X-Client-Token': f.clientToken }).then(function (s) { return s.login; });
    return WB.api('POST', '/api/auth/relogin', { gateway: WB.gateway(f) }).then(function (a) { return a.login; });
  }
  if (!(f.transactionId && f.clientToken) && !f.mac) fail();
  else fetchLogin().then(submit, fail);
})(window, document, window.WB);
