// The captive portal in headless Chromium at a phone's size, against a real local runtime (Daraja simulator,
// MikroTik-like hotspot simulator, FreeRADIUS when installed). Run: cd portal && npm test
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { startRuntime, launchBrowser, phonePage, shot, json, newMac, portalUrlFor, hotspotLogin, eventually, adminToken, freePort } from './harness.mjs';

const STRINGS = createRequire(import.meta.url)('../i18n.js');
const PAID = '254708374149';
const SCENARIOS = [ // contracts/daraja.md §10.2 numbers → §6 messages
  { phone: '254700000001', en: 'You cancelled the payment.', sw: 'Umesitisha malipo.' },
  { phone: '254700000002', en: 'No response from your phone in time. Please try again.', sw: 'Simu yako haikujibu kwa wakati. Tafadhali jaribu tena.' },
  { phone: '254700000003', en: 'Not enough M-Pesa balance. Top up and try again.', sw: 'Salio la M-Pesa halitoshi. Ongeza salio kisha ujaribu tena.' },
  { phone: '254700000006', en: 'Wrong M-Pesa PIN. Please try again.', sw: 'PIN ya M-Pesa si sahihi. Tafadhali jaribu tena.' },
];
const CODE_SHAPE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}$/;

let rt, browser;
before(async () => {
  [rt, browser] = await Promise.all([startRuntime(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await rt?.stop();
});

const text = async (page, selector) => (await page.locator(selector).textContent()).trim();
const isOnlinePage = url => new URL(url).pathname.endsWith('/portal/online');

async function chooseLanguage(page, lang) {
  await page.click(`#langs [data-lang="${lang}"]`);
  assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'sw');
}

async function buy(page, { phone, pkg = 'basic', lang = 'en', url }) {
  await page.goto(url);
  await chooseLanguage(page, lang);
  await page.click(`.card[data-pkg="${pkg}"]`);
  await page.fill('#phone', phone);
  await page.click('#pay');
}

async function expectOnline(page, mac, { title, left, seconds = 3600 }) {
  await page.waitForURL(isOnlinePage, { timeout: 15_000 });
  assert.equal(await text(page, 'h1'), title);
  await page.locator('#left').filter({ hasText: left }).waitFor();
  const login = await eventually(async () => { const l = await hotspotLogin(rt, mac); return l?.online && l; }, { what: `${mac} online at the hotspot` });
  assert.ok(login.sessionTimeout <= seconds && login.sessionTimeout > seconds - 60, `Session-Timeout ${login.sessionTimeout} is the package's ${seconds} s`);
  return login;
}

/** Every string a user can see (text, aria-label, placeholder, title), for the untranslated-string check. */
function visibleStrings(page) {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, value = node.textContent.trim();
      if (value && node.parentElement.checkVisibility()) out.push(value);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder]'))
      if (el.checkVisibility()) out.push(el.getAttribute('aria-label') || el.getAttribute('placeholder'));
    return out;
  });
}
const words = s => (s.toLowerCase().match(/[a-z']{3,}/g) || []);
const SW_WORDS = new Set(words(Object.values(STRINGS.sw).join(' ')));
const EN_ONLY = new Set([...words(Object.values(STRINGS.en).join(' ')), 'the', 'and', 'you', 'your', 'with', 'this', 'here', 'please', 'loading']
  .filter(w => !SW_WORDS.has(w)));
// Languages, package names (the operator's) and the host of the page the user first asked for.
const NAMES = new Set(['english', 'kiswahili', 'sheng', 'basic', 'standard', 'premium', 'ultra', 'example', 'com']);
function untranslated(strings) {
  return strings.filter(s => words(s).some(w => EN_ONLY.has(w) && !NAMES.has(w)));
}

async function makeVouchers(count = 1) {
  const token = await adminToken(rt);
  const auth = { Authorization: `Bearer ${token}` };
  const batch = await json(`${rt.base}/api/admin/vouchers/generate`, { method: 'POST', headers: auth, body: JSON.stringify({ packageId: 'basic', count }) });
  assert.ok(batch.status === 200 || batch.status === 201, JSON.stringify(batch.body));
  const list = await json(`${rt.base}/api/admin/vouchers?batchId=${batch.body.batchId}`, { headers: auth });
  return list.body.items.map(v => v.code);
}

/** A well-formed code (its check character right) that no voucher has: CodeFormat's weighted sum ≡ 0 mod 31. */
function unknownCode() {
  const A = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let body = '';
  for (let i = 0; i < 10; i++) body += A[Math.floor(Math.random() * 31)];
  const sum = [...body].reduce((s, c, i) => s + (i + 1) * A.indexOf(c), 0);
  for (let v = 0; v < 31; v++) if ((sum + 11 * v) % 31 === 0) return body + A[v];
  throw new Error('no check character');
}

/** Logs a device in at the hotspot simulator with a login object, as its own browser would. */
async function hotspotSignIn(mac, login) {
  const res = await fetch(`${login.url}?${new URLSearchParams(login.fields)}`, { headers: { 'X-Sim-Client-Mac': mac }, redirect: 'manual' });
  assert.equal(res.headers.get('x-sim-login-result'), 'accepted');
}

async function paidThroughApi(mac) {
  const gateway = { gatewayId: 'default', mac };
  const start = await json(`${rt.base}/api/payment/initiate`, { method: 'POST', body: JSON.stringify({ phone: PAID, packageId: 'basic', gateway }) });
  assert.equal(start.status, 200, JSON.stringify(start.body));
  const status = await eventually(async () => {
    const s = await json(`${rt.base}/api/payment/status?transactionId=${start.body.transactionId}`, { headers: { 'X-Client-Token': start.body.clientToken } });
    return s.body.status === 'completed' && s.body.login && s.body;
  }, { what: 'the purchase to complete' });
  return { ...status, checkoutRequestId: start.body.checkoutRequestId };
}

for (const lang of ['en', 'sw']) {
  test(`paying with ${PAID} in ${lang} shows the access code, then logs the device in with the package's timeout, in under 10 s`, async () => {
    const page = await phonePage(browser);
    const mac = newMac();
    const url = await portalUrlFor(rt, mac);
    const started = Date.now();
    await page.goto(url);
    await chooseLanguage(page, lang);
    await page.locator('.card[data-pkg="basic"]').click();
    assert.equal(await page.getAttribute('.card[data-pkg="basic"]', 'aria-pressed'), 'true');
    assert.equal(await text(page, '#pay'), lang === 'en' ? 'Pay KES 20' : 'Lipa KES 20');
    await page.fill('#phone', '0708 374 149');
    await shot(page, `pay-${lang}-1-package-and-phone`);
    await page.click('#pay');
    await page.locator('#done').waitFor();
    assert.match(await text(page, '#access-code'), CODE_SHAPE); // shown before the login: the mini-browser may close
    assert.match(await text(page, '#done-exp'), lang === 'en' ? /^Valid until / : /^Unatumika hadi /);
    await shot(page, `pay-${lang}-2-access-code`);
    await expectOnline(page, mac, { title: lang === 'en' ? "You're online" : 'Uko mtandaoni', left: lang === 'en' ? 'Time left: 1 hour' : 'Muda uliobaki: Saa 1' });
    const elapsed = Date.now() - started;
    const onlineUrl = page.url(); // before the page forwards to link-orig
    await shot(page, `pay-${lang}-3-online`);
    assert.ok(elapsed < 10_000, `online after ${elapsed} ms`);
    // A captive mini-browser may wipe storage as access opens: the online page still knows the device from its URL.
    assert.match(onlineUrl, /\/online\?gw=default&mac=/, onlineUrl);
    const fresh = await phonePage(browser, { locale: lang === 'en' ? 'en-KE' : 'sw-KE' }); // the language then comes from the phone
    await fresh.goto(onlineUrl.replace(/([?&])orig=[^&]*/, '$1orig=')); // no forward: only the time left matters here
    await fresh.locator('#left').filter({ hasText: lang === 'en' ? 'Time left: 1 hour' : 'Muda uliobaki: Saa 1' }).waitFor();
    await fresh.context().close();
    await page.waitForURL(u => new URL(u).hostname === 'example.com', { timeout: 10_000 }); // then on to link-orig
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the cancel, no-PIN, insufficient-funds and wrong-PIN numbers each end with their message in English and Swahili, and grant nothing', async () => {
  await Promise.all(SCENARIOS.flatMap(s => ['en', 'sw'].map(async lang => {
    const page = await phonePage(browser);
    const mac = newMac();
    await buy(page, { phone: s.phone, lang, url: await portalUrlFor(rt, mac) });
    if (s.phone === '254700000002') { // the PIN prompt times out (60 s, time-scaled): the waiting step shows first
      await page.locator('#wait').waitFor();
      assert.equal(await text(page, '#wait-h'), lang === 'en' ? 'Check your phone' : 'Angalia simu yako');
      assert.match(await text(page, '#wait-count'), lang === 'en' ? /^Time left to enter your PIN: \d:\d\d$/ : /^Muda uliobaki wa kuweka PIN: \d:\d\d$/);
      await shot(page, `pay-${lang}-waiting-for-pin`);
    }
    await page.locator('#result').waitFor({ timeout: 20_000 });
    assert.equal(await text(page, '#result-msg'), s[lang]);
    await shot(page, `result-${lang}-${s.phone.slice(-2)}`);
    const status = await json(`${rt.base}/api/auth/status?gatewayId=default&mac=${encodeURIComponent(mac)}`);
    assert.equal(status.body.active, false);
    await page.click('#again'); // each final state has a retry that keeps the number
    await page.locator('#buy').waitFor();
    assert.equal(await page.inputValue('#phone'), s.phone);
    await page.context().close();
  })));
});

test('M-Pesa busy at the push: the message in both languages, nothing charged, and the same button retries', async () => {
  for (const [lang, busy] of [['en', /^M-Pesa is busy right now\. Nothing was charged\./], ['sw', /^M-Pesa ina shughuli nyingi kwa sasa\. Hujakatwa pesa\./]]) {
    const phone = lang === 'en' ? '254711000101' : '254711000102';
    const override = `${rt.daraja}/simulator/scenarios/${phone}`;
    const put = await json(override, { method: 'PUT', body: JSON.stringify({ syncError: { httpStatus: 500, errorCode: '500.003.02',
      errorMessage: 'System is busy. Please try again in few minutes.' } }) });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const page = await phonePage(browser);
    const mac = newMac();
    await buy(page, { phone, lang, url: await portalUrlFor(rt, mac) });
    await page.locator('#buy-err').filter({ hasText: busy }).waitFor();
    await shot(page, `pay-${lang}-mpesa-busy`);
    await fetch(override, { method: 'DELETE' }); // M-Pesa answers again
    await page.click('#pay');
    await expectOnline(page, mac, { title: lang === 'en' ? "You're online" : 'Uko mtandaoni', left: lang === 'en' ? 'Time left: 1 hour' : 'Muda uliobaki: Saa 1' });
    await page.context().close();
  }
});

test('a payment whose callback never arrives still ends online (the sweeper asks M-Pesa)', async () => {
  const lost = '254700000004';
  // Settle after initiate's inline queries (so only the sweeper's query can find it); the callback is never sent.
  const override = await json(`${rt.daraja}/simulator/scenarios/${lost}`, { method: 'PUT', body: JSON.stringify({ resultCode: '0', delayMs: 40_000, delivery: 'never' }) });
  assert.ok(override.status < 300, JSON.stringify(override.body));
  try {
    const page = await phonePage(browser);
    const mac = newMac();
    await buy(page, { phone: lost, url: await portalUrlFor(rt, mac) });
    await page.locator('#wait').waitFor();
    await page.locator('#done').waitFor({ timeout: 20_000 });
    await expectOnline(page, mac, { title: "You're online", left: 'Time left: 1 hour' });
    const checkouts = await json(`${rt.daraja}/simulator/checkouts`);
    const mine = (checkouts.body.items ?? checkouts.body).filter(c => c.msisdn === lost).at(-1);
    const record = await json(`${rt.daraja}/simulator/checkouts/${mine.checkoutRequestId}`);
    assert.deepEqual(record.body.callbacks ?? [], [], 'no callback was delivered');
    await page.context().close();
  } finally {
    await fetch(`${rt.daraja}/simulator/scenarios/${lost}`, { method: 'DELETE' });
  }
});

test('a voucher typed in lower case with spaces logs the device in', async () => {
  const [code] = await makeVouchers(1);
  const page = await phonePage(browser);
  const mac = newMac();
  await page.goto(await portalUrlFor(rt, mac));
  await page.click('#tab-voucher');
  await page.fill('#code', code.toLowerCase().replace(/-/g, ' '));
  await shot(page, 'voucher-1-entered');
  await page.click('#voucher-form button[type=submit]');
  await page.locator('#done').waitFor();
  assert.equal(await text(page, '#access-code'), code);
  await shot(page, 'voucher-2-code');
  await expectOnline(page, mac, { title: "You're online", left: 'Time left: 1 hour' });
  await page.context().close();
});

test('a printed voucher\'s QR link (?code=…) opens the voucher tab with the code filled in, and it logs the device in', async () => {
  const [code] = await makeVouchers(1);
  const page = await phonePage(browser);
  const mac = newMac();
  await page.goto(`${await portalUrlFor(rt, mac)}&code=${encodeURIComponent(code)}`);
  assert.equal(await page.getAttribute('#tab-voucher', 'aria-pressed'), 'true');
  assert.equal(await page.locator('#code').inputValue(), code);
  await page.click('#voucher-form button[type=submit]');
  await page.locator('#done').waitFor();
  assert.equal(await text(page, '#access-code'), code);
  await expectOnline(page, mac, { title: "You're online", left: 'Time left: 1 hour' });
  await page.context().close();
});

test('a voucher typo is caught by the check character, in both languages, and five unknown codes lock the device out', async () => {
  const [code] = await makeVouchers(1);
  const plain = code.replace(/-/g, '');
  const typo = plain.slice(0, 4) + (plain[4] === '2' ? '3' : '2') + plain.slice(5); // one symbol changed, never the same code
  const page = await phonePage(browser);
  const mac = newMac();
  await page.goto(await portalUrlFor(rt, mac));
  await page.click('#tab-voucher');
  await page.fill('#code', typo);
  await page.click('#voucher-form button[type=submit]');
  assert.equal(await text(page, '#code-err'), 'This code has a typo. Check each character and try again.');
  await chooseLanguage(page, 'sw');
  assert.equal(await text(page, '#code-err'), 'Msimbo huu una kosa. Kagua kila herufi kisha ujaribu tena.');
  await shot(page, 'voucher-sw-typo');
  await page.fill('#code', 'HS0K-2M9Q-4BX'); // 0 is not in the code alphabet
  await page.click('#voucher-form button[type=submit]');
  assert.equal(await text(page, '#code-err'), 'Msimbo una herufi na tarakimu 11 au zaidi, bila 0, 1, I, L wala O.');
  await chooseLanguage(page, 'en');
  for (let i = 0; i < 5; i++) {
    await page.fill('#code', unknownCode());
    await page.click('#voucher-form button[type=submit]');
    await page.locator('#code-err').filter({ hasText: 'We could not find this code. Check it and try again.' }).waitFor();
    await page.evaluate(() => { document.getElementById('code-err').textContent = ''; });
  }
  await page.fill('#code', code); // even the right code is refused while locked out
  await page.click('#voucher-form button[type=submit]');
  await page.locator('#code-err').filter({ hasText: 'Too many wrong codes. Try again in 15 minutes.' }).waitFor();
  await shot(page, 'voucher-lockout');
  assert.equal((await json(`${rt.base}/api/auth/status?gatewayId=default&mac=${encodeURIComponent(mac)}`)).body.active, false);
  await page.context().close();
});

test('"I already paid" from a second phone moves the time only after the user agrees on screen', async () => {
  const first = newMac(), second = newMac();
  const paid = await paidThroughApi(first);
  await hotspotSignIn(first, paid.login);
  assert.equal((await hotspotLogin(rt, first)).online, true);
  const checkout = await json(`${rt.daraja}/simulator/checkouts/${paid.checkoutRequestId}`);
  const receipt = checkout.body.receipt;
  assert.match(receipt, /^[A-Z0-9]{10}$/);

  const page = await phonePage(browser);
  await page.goto(await portalUrlFor(rt, second));
  await page.click('#tab-claim');
  await page.fill('#receipt', receipt.toLowerCase());
  await page.fill('#claim-phone', '0708 374 149');
  await page.click('#claim-form button[type=submit]');
  await page.locator('#move').waitFor();
  assert.equal(await text(page, '#move-h'), 'This time is on another device');
  await shot(page, 'claim-1-consent');
  // Nothing has moved yet: the first phone keeps its time and stays online, the second has none.
  assert.equal((await json(`${rt.base}/api/auth/status?gatewayId=default&mac=${encodeURIComponent(second)}`)).body.active, false);
  assert.equal((await json(`${rt.base}/api/auth/status?gatewayId=default&mac=${encodeURIComponent(first)}`)).body.active, true);
  assert.equal((await hotspotLogin(rt, first)).online, true);

  await page.click('#move-yes');
  await page.locator('#done').waitFor();
  assert.equal(await text(page, '#done-intro'), 'Your time has been moved to this phone.');
  assert.equal(await text(page, '#access-code'), paid.session.accessCode.replace(/(.{4})(?=.)/g, '$1-'));
  await shot(page, 'claim-2-moved');
  await expectOnline(page, second, { title: "You're online", left: 'Time left: 1 hour' });
  await eventually(async () => !(await hotspotLogin(rt, first))?.online, { what: 'the first phone disconnected' });
  assert.equal((await json(`${rt.base}/api/auth/status?gatewayId=default&mac=${encodeURIComponent(first)}`)).body.active, false);
  await page.context().close();
});

test('the status page shows the time left, logs out keeping the time, and the next landing logs back in through relogin', async () => {
  const [code] = await makeVouchers(1);
  const mac = newMac();
  const redeemed = await json(`${rt.base}/api/auth/voucher`, { method: 'POST', body: JSON.stringify({ code, gateway: { gatewayId: 'default', mac } }) });
  await hotspotSignIn(mac, redeemed.body.login);
  const page = await phonePage(browser);
  await page.goto(`${rt.portal}status?gw=default&mac=${encodeURIComponent(mac)}&lang=sw`);
  await page.locator('#active').waitFor();
  assert.equal(await text(page, '#left'), 'Muda uliobaki: Saa 1');
  assert.equal(await text(page, '#pkg'), 'Basic');
  await chooseLanguage(page, 'en');
  assert.equal(await text(page, '#left'), 'Time left: 1 hour');
  await shot(page, 'status-1');
  await page.fill('#code', code);
  await page.click('#logout-form button[type=submit]');
  await page.locator('#out').waitFor();
  await shot(page, 'status-2-logged-out');
  await eventually(async () => !(await hotspotLogin(rt, mac))?.online, { what: 'the device logged out at the hotspot' });
  assert.equal((await json(`${rt.base}/api/auth/status?gatewayId=default&mac=${encodeURIComponent(mac)}`)).body.active, true, 'the time is kept');
  await page.click('#reconnect'); // back to the portal: relogin answers before anything else
  await page.locator('#done').waitFor();
  assert.equal(await text(page, '#done-intro'), 'Welcome back! You still have time on this phone.');
  await expectOnline(page, mac, { title: "You're online", left: 'Time left: 1 hour' });
  await page.context().close();
});

test('switching to Swahili leaves no English string on any screen', async () => {
  const page = await phonePage(browser);
  const mac = newMac();
  const seen = [];
  const check = async screen => {
    const strings = await visibleStrings(page);
    seen.push(screen);
    assert.deepEqual(untranslated(strings), [], `untranslated on ${screen}`);
    await shot(page, `sw-${screen}`);
  };
  await page.goto(await portalUrlFor(rt, mac));
  await page.locator('.card').first().waitFor();
  assert.ok(untranslated(await visibleStrings(page)).length > 0, 'the check finds English on the English page');
  await chooseLanguage(page, 'sw');
  await check('packages');
  await page.click('#pay');
  await page.click('.card[data-pkg="standard"]');
  await page.fill('#phone', '12345');
  await page.click('#pay');
  await check('phone-error');
  await page.click('#tab-voucher');
  await page.click('#voucher-form button[type=submit]');
  await check('voucher-error');
  await page.click('#tab-claim');
  await page.click('#claim-form button[type=submit]');
  await check('claim-error');
  await page.click('#tab-buy');
  await page.fill('#phone', '254700000002');
  await page.click('#pay');
  await page.locator('#wait').waitFor();
  await check('waiting');
  await page.locator('#result').waitFor({ timeout: 20_000 });
  await check('result');
  await page.click('#again');
  await page.click('#tab-voucher');
  const [code] = await makeVouchers(1);
  await page.fill('#code', code);
  await page.click('#voucher-form button[type=submit]');
  await page.locator('#done').waitFor();
  await check('access-code');
  await page.waitForURL(isOnlinePage);
  await page.locator('#left').filter({ hasText: 'Muda uliobaki' }).waitFor();
  await check('online');
  await page.goto(`${rt.portal}status?gw=default&mac=${encodeURIComponent(mac)}`); // the language was kept as a copy
  await page.locator('#active').waitFor();
  await check('status');
  assert.equal(seen.length, 9);
  await page.context().close();
});

test('axe-core finds no accessibility violations on any screen', async () => {
  const page = await phonePage(browser);
  const mac = newMac();
  const audit = async screen => {
    const result = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), [], `axe on ${screen}`);
  };
  await page.goto(await portalUrlFor(rt, mac));
  await page.locator('.card').first().waitFor();
  await page.click('.card[data-pkg="basic"]');
  await page.click('#pay'); // the phone error showing
  await audit('packages');
  await page.click('#tab-voucher');
  await audit('voucher');
  await page.click('#tab-claim');
  await audit('claim');
  await page.click('#tab-buy');
  await page.fill('#phone', '254700000002');
  await page.click('#pay');
  await page.locator('#wait').waitFor();
  await audit('waiting');
  await page.locator('#result').waitFor({ timeout: 20_000 });
  await audit('result');
  await page.goto(`${rt.portal}online?orig=${encodeURIComponent('http://example.com/')}`);
  await audit('online');
  await page.goto(`${rt.portal}status?gw=default&mac=${encodeURIComponent(mac)}`);
  await page.locator('#state').filter({ hasText: 'no time left' }).waitFor();
  await audit('status');
  await page.context().close();
});

test('at 320 px and with the phone\'s text at 200 %, nothing scrolls sideways and every step stays usable', async () => {
  for (const lang of ['en', 'sw']) {
    const page = await phonePage(browser, { locale: lang === 'en' ? 'en-KE' : 'sw-KE', viewport: { width: 320, height: 640 } });
    await page.goto(`${rt.portal}?gw=default&mac=${encodeURIComponent(newMac())}`);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' }); // Android's largest font setting, roughly
    await page.locator('.card[data-pkg="basic"]').waitFor();
    const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, `${lang}: the packages page scrolls sideways`);
    await page.click('.card[data-pkg="basic"]');
    await page.fill('#phone', '0712');
    await page.click('#pay'); // a too-short number: the inline error must fit too
    await page.locator('#phone[aria-invalid="true"]').waitFor();
    assert.equal(await overflow(), 0, `${lang}: the phone error scrolls sideways`);
    for (const tab of ['#tab-voucher', '#tab-claim']) {
      await page.click(tab);
      assert.equal(await overflow(), 0, `${lang}: ${tab} scrolls sideways`);
    }
    await shot(page, `narrow-large-text-${lang}`);
    await page.context().close();
  }
});

test('the first load is at most 30 KB gzipped, and the page works before its JavaScript arrives', async t => {
  const page = await phonePage(browser);
  const sizes = [];
  let release;
  const scriptArrives = new Promise(r => { release = r; });
  await page.route('**/portal/index.js', async route => { await scriptArrives; await route.continue(); });
  page.on('response', async res => {
    const body = await res.body().catch(() => Buffer.alloc(0));
    sizes.push({ url: res.url(), raw: body.length, gzip: gzipSync(body).length });
  });
  const mac = newMac();
  await page.goto(await portalUrlFor(rt, mac), { waitUntil: 'commit' });
  // Before the page's script: the static HTML already shows the form and the tabs.
  await page.locator('#buy-h').waitFor();
  assert.equal(await text(page, '#buy-h'), 'Choose a package');
  assert.ok(await page.locator('#phone').isVisible());
  assert.equal(await page.getAttribute('#phone', 'type'), 'tel');
  assert.ok(await page.locator('#tab-voucher').isVisible());
  assert.equal(await page.locator('.card').count(), 0);
  await shot(page, 'slow-js-before');
  release();
  await page.locator('.card').nth(3).waitFor();
  await page.waitForLoadState('networkidle');
  const total = sizes.reduce((s, x) => s + x.gzip, 0);
  t.diagnostic(`first load: ${sizes.length} responses, ${sizes.reduce((s, x) => s + x.raw, 0)} bytes raw, ${total} bytes gzipped`);
  for (const s of sizes) t.diagnostic(`  ${new URL(s.url).pathname}: ${s.raw} raw, ${s.gzip} gzip`);
  assert.ok(sizes.some(s => s.url.endsWith('/api/payment/packages')), 'the packages call is counted');
  assert.ok(total <= 30 * 1024, `first load ${total} bytes gzipped`);
  await page.context().close();
});

test('pfSense: the plain-HTTP handoff page posts the login form to the captive portal action', async () => {
  const posted = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', c => { body += c; });
    req.on('end', () => {
      posted.push({ method: req.method, url: req.url, body: new URLSearchParams(body), referer: req.headers.referer });
      const redirurl = new URLSearchParams(body).get('redirurl');
      res.writeHead(302, { Location: redirurl }).end(); // pfSense sends an accepted client on to redirurl
    });
  });
  const port = await freePort();
  await new Promise(r => server.listen(port, '127.0.0.1', r));
  try {
    const token = await adminToken(rt);
    const gw = `pfs-${process.pid}`;
    const created = await json(`${rt.base}/api/admin/gateways`, { method: 'POST', headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ gatewayId: gw, name: 'pfSense test', type: 'pfsense', radiusClientAddress: '192.0.2.10', loginUrlHosts: [`127.0.0.1:${port}`] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const mac = newMac();
    const page = await phonePage(browser);
    const action = `http://127.0.0.1:${port}/index.php?zone=guests`;
    await buy(page, { phone: PAID, url: `${rt.portal}?gw=${gw}&mac=${encodeURIComponent(mac)}&login=${encodeURIComponent(action)}&dst=${encodeURIComponent('http://example.com/')}` });
    await page.locator('#done').waitFor();
    await page.waitForURL(isOnlinePage, { timeout: 15_000 });
    assert.equal(posted.length, 1);
    const [post] = posted;
    assert.equal(post.method, 'POST');
    assert.equal(post.url, '/index.php?zone=guests');
    assert.deepEqual([...post.body.keys()], ['auth_user', 'auth_pass', 'zone', 'redirurl', 'accept']);
    assert.equal(post.body.get('zone'), 'guests');
    assert.equal(post.body.get('accept'), 'Continue');
    assert.equal(post.body.get('redirurl'),
      `${rt.portal.replace(/\/$/, '')}/online?gw=${gw}&mac=${encodeURIComponent(mac)}&orig=${encodeURIComponent('http://example.com/')}`);
    assert.equal(post.referer, undefined, 'the handoff page sends no referrer');
    assert.equal(await text(page, 'h1'), "You're online");
    await page.context().close();
  } finally {
    server.close();
  }
});

test('UniFi: the portal reads the controller\'s id and url, waits until the controller has authorized the guest, then goes online', async () => {
  const token = await adminToken(rt);
  const gw = `unifi-${process.pid}`;
  const created = await json(`${rt.base}/api/admin/gateways`, { method: 'POST', headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ gatewayId: gw, name: 'UniFi test', type: 'unifi',
      unifi: { baseUrl: rt.unifi, site: 'default', unifiOs: false, credentialsRef: 'env:UNIFI_SIMULATOR_LOGIN' } }) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const mac = newMac();
  const page = await phonePage(browser);
  const states = [];
  page.on('response', async res => {
    if (res.url().includes('/api/payment/status')) states.push((await res.json().catch(() => ({}))).login?.gatewayState);
  });
  await buy(page, { phone: PAID, url: `${rt.portal}?gw=${gw}&id=${encodeURIComponent(mac.toLowerCase())}&ap=02:aa:bb:cc:dd:ee&url=${encodeURIComponent('http://example.com/')}&ssid=Guest` });
  await page.locator('#done').waitFor();
  await page.waitForURL(isOnlinePage, { timeout: 20_000 });
  assert.equal(await text(page, 'h1'), "You're online");
  // The portal left only once the controller had authorized the guest (the session's gatewayState says so).
  const relogin = await json(`${rt.base}/api/auth/relogin`, { method: 'POST', body: JSON.stringify({ gateway: { gatewayId: gw, mac } }) });
  assert.equal(relogin.body.login.gatewayState, 'authorized');
  assert.equal(relogin.body.login.method, 'none');
  assert.ok(states.includes('awaiting-login') || states.includes('authorized'), `status polls seen: ${states}`);
  assert.equal(new URL(page.url()).searchParams.get('orig'), 'http://example.com/');
  await page.locator('#left').filter({ hasText: 'Time left: 1 hour' }).waitFor(); // /online found the device through the stored copy
  await page.context().close();
});

test('operators can turn on the Sheng register in config.js; it is off by default', async () => {
  const page = await phonePage(browser);
  await page.goto(rt.portal);
  assert.equal(await page.locator('#langs [data-lang="sheng"]').isVisible(), false);
  await page.context().route('**/portal/config.js', route => route.fulfill({ contentType: 'text/javascript',
    body: 'window.WB_CONFIG = {apiBase: "", sheng: true, brand: "Mtaani WiFi"};' }));
  await page.goto(rt.portal);
  await page.click('#langs [data-lang="sheng"]');
  assert.equal(await text(page, '#buy-h'), 'Chagua package');
  assert.equal(await text(page, '.brand-name'), 'Mtaani WiFi');
  assert.equal(await page.getAttribute('html', 'lang'), 'sw');
  await page.locator('.card').first().click();
  assert.equal(await text(page, '#pay'), 'Lipa KES 20'); // not in Sheng's list: falls back to Kiswahili
  await shot(page, 'sheng');
  await page.context().close();
});

test('sent back by the router with an error, the portal relogs in once, then shows the error instead of looping', async () => {
  const [code] = await makeVouchers(1);
  const mac = newMac();
  await json(`${rt.base}/api/auth/voucher`, { method: 'POST', body: JSON.stringify({ code, gateway: { gatewayId: 'default', mac } }) });
  const page = await phonePage(browser);
  const back = `${rt.portal}?gw=default&mac=${encodeURIComponent(mac)}&dst=${encodeURIComponent('http://example.com/')}&error=${encodeURIComponent('invalid password')}`;
  await page.goto(back);
  await expectOnline(page, mac, { title: "You're online", left: 'Time left: 1 hour' }); // the one automatic retry
  await page.goto(back); // the router sends it back again
  await page.locator('#done').waitFor();
  assert.equal(await text(page, '#done-state'), 'The hotspot could not log you in.');
  assert.equal(await page.isEnabled('#connect'), true);
  assert.ok(new URL(page.url()).pathname.endsWith('/portal/'), 'no automatic second login');
  await shot(page, 'relogin-error');
  await page.context().close();
});

test('the operator\'s saved branding (name, colour, support phone) shows on the portal; a colour too light to read is ignored', async () => {
  const token = await adminToken(rt);
  const headers = { Authorization: `Bearer ${token}` };
  const save = async (branding) => {
    const { body: current } = await json(`${rt.base}/api/admin/settings`, { headers });
    const saved = await json(`${rt.base}/api/admin/settings`, { method: 'PUT', headers, body: JSON.stringify({ version: current.version, branding }) });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  };
  const defaults = (await json(`${rt.base}/api/admin/settings`, { headers })).body.branding;
  try {
    await save({ portalName: 'Kibera Net', primaryColor: '#7a1f5c', accentColor: '#f2a900', supportPhone: '0712345678' });
    const page = await phonePage(browser);
    await page.goto(rt.portal);
    await page.locator('.card').first().waitFor();
    assert.equal(await text(page, '.brand-name'), 'Kibera Net');
    assert.match(await page.title(), /Kibera Net$/);
    assert.equal(await page.locator('.top').evaluate(el => getComputedStyle(el).backgroundColor), 'rgb(122, 31, 92)');
    assert.equal(await page.getAttribute('#support-phone', 'href'), 'tel:+254712345678');
    assert.equal(await text(page, '#support-phone'), '0712 345 678');
    await shot(page, 'branding');
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map(v => v.id), [], 'the operator\'s colour keeps the page readable');
    await page.goto(`${rt.portal}status`); // a page without the package list shows the kept copy
    assert.equal(await text(page, '.brand-name'), 'Kibera Net');

    await save({ primaryColor: '#ffee00', supportPhone: '' });
    await page.goto(rt.portal);
    await page.locator('.card').first().waitFor();
    assert.equal(await page.locator('.top').evaluate(el => getComputedStyle(el).backgroundColor), 'rgb(5, 96, 58)', 'too light: the default stays');
    assert.equal(await page.locator('#support').isVisible(), false);
    await page.context().close();
  } finally {
    await save(defaults);
  }
});
