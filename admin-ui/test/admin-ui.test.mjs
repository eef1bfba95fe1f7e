// The admin UI (the static export in out/) in headless Chromium against a real local runtime: sign-in, gateways,
// vouchers with their print sheets and QR codes, ending a session, and axe-core on every page.
// Run: cd admin-ui && npm run build && npm test
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { ADMIN_PASSWORD, startRuntime, launchBrowser, newPage, shot, json, eventually } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const PAGES = ['', 'packages/', 'transactions/', 'users/', 'sessions/', 'vouchers/', 'gateways/', 'audit/', 'settings/'];
let rt, browser, token;

before(async () => {
  [rt, browser] = await Promise.all([startRuntime(), launchBrowser()]);
  token = (await json(`${rt.base}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@localhost', password: ADMIN_PASSWORD }) })).body.token;
});
after(async () => {
  await browser?.close();
  await rt?.stop();
});

/** A page already signed in (the token in sessionStorage, as the login page leaves it). */
async function signedIn({ viewport, deviceScaleFactor } = {}) {
  const page = await newPage(browser, { viewport, deviceScaleFactor });
  await page.context().addInitScript(t => sessionStorage.setItem('wifibilling.admin.token', t), token);
  return page;
}

async function noAxeViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), [], `axe on ${what}`);
}

test('without a token every page sends the admin to sign in; a wrong password is refused; the right one returns to the page asked for', async () => {
  const page = await newPage(browser);
  await page.goto(`${rt.admin}gateways/`);
  await page.waitForURL(/\/admin\/login\/\?next=/);
  await page.fill('#password', 'not-the-password');
  await page.click('button[type=submit]');
  await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
  await noAxeViolations(page, 'login with an error');
  await shot(page, 'login-error');
  await page.fill('#password', ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(u => new URL(u).pathname === '/admin/gateways/');
  await page.getByRole('heading', { name: 'Gateways', level: 1 }).waitFor();
  assert.ok(await page.evaluate(() => sessionStorage.getItem('wifibilling.admin.token')), 'the token is kept in sessionStorage');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a token the API refuses (401) sends the admin back to sign in', async () => {
  const page = await newPage(browser);
  await page.context().addInitScript(() => { if (!sessionStorage.getItem('seen')) { sessionStorage.setItem('seen', '1'); sessionStorage.setItem('wifibilling.admin.token', 'expired.token.value'); } });
  await page.goto(`${rt.admin}gateways/`);
  await page.waitForURL(/\/admin\/login\//);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('wifibilling.admin.token')), null);
  await page.context().close();
});

test('adding a gateway shows its API key, RADIUS secret and setup script once; the list shows it with its health; setup later has no secrets', async () => {
  const page = await signedIn();
  await page.goto(`${rt.admin}gateways/`);
  await page.locator('tr[data-gateway="default"]').waitFor();
  const id = `shop-${process.pid}`;
  await page.fill('#gatewayId', id);
  await page.fill('#name', 'Shop router');
  await page.selectOption('#type', 'mikrotik');
  await page.fill('#radiusClientAddress', '192.0.2.10');
  await page.fill('#hosts', '10.5.50.1');
  await page.click('text=Add gateway');
  const apiKey = (await page.locator('#api-key').textContent()).trim();
  const secret = (await page.locator('#radius-secret').textContent()).trim();
  assert.ok(apiKey.length >= 20 && secret.length >= 16, `key ${apiKey.length} chars, secret ${secret.length} chars`);
  const script = await page.getByLabel('Setup script', { exact: true }).textContent();
  assert.ok(script.includes(secret), 'the setup script shown once carries the RADIUS secret');
  await page.getByRole('button', { name: 'Copy API key' }).waitFor();
  await noAxeViolations(page, 'gateways with secrets');
  await shot(page, 'gateways-secrets');
  const row = page.locator(`tr[data-gateway="${id}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /Never seen/);

  await page.getByRole('button', { name: 'I have copied them: hide' }).click();
  await page.reload();
  await row.getByRole('button', { name: 'Setup' }).click();
  const later = await page.getByLabel('Setup script', { exact: true }).textContent();
  assert.ok(!later.includes(secret) && !later.includes(apiKey), 'the setup script asked for later has no secrets');
  assert.equal(await page.locator('#api-key').count(), 0);
  await shot(page, 'gateways-setup');

  page.once('dialog', d => d.accept());
  await row.getByRole('button', { name: /Rotate/ }).click();
  const rotated = (await page.locator('#radius-secret').textContent()).trim();
  assert.notEqual(rotated, secret, 'rotation makes a new RADIUS secret');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Decodes the QR code an element shows, from a screenshot of it (PNG → pixels in the browser → jsQR). */
async function decodeQr(page, locator) {
  const png = (await locator.screenshot()).toString('base64');
  const { width, height, data } = await page.evaluate(async b64 => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return { width: img.width, height: img.height, data: Array.from(ctx.getImageData(0, 0, img.width, img.height).data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

test('generating 50 vouchers fills the progress bar and lists them; the A4 and thermal print sheets carry a QR code that opens the portal with the code', async () => {
  const page = await signedIn({ deviceScaleFactor: 3 }); // QR modules big enough in a screenshot
  await page.goto(`${rt.admin}vouchers/`);
  await page.selectOption('#packageId', 'basic');
  await page.fill('#count', '50');
  await page.click('button:text("Generate")');
  const bar = page.locator('#batch-progress');
  await eventually(async () => (await bar.getAttribute('value')) === '50', { what: 'the progress bar at 50 of 50' });
  assert.equal(await bar.getAttribute('max'), '50');
  await page.locator('table tbody tr').nth(49).waitFor();
  assert.equal(await page.locator('table tbody tr').count(), 50);
  await noAxeViolations(page, 'vouchers after a batch');
  await shot(page, 'vouchers-batch');

  await page.getByRole('link', { name: 'Print sheet' }).first().click();
  await page.waitForURL(/\/admin\/vouchers\/print\/\?batchId=/);
  const vouchers = page.locator('.sheet.a4 .voucher');
  await vouchers.nth(49).locator('.qr svg').waitFor();
  assert.equal(await vouchers.count(), 50);
  const first = vouchers.first();
  const code = await first.getAttribute('data-code');
  assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}$/);
  const link = await decodeQr(page, first.locator('.qr'));
  assert.equal(link, `${rt.portal}?code=${code}`, 'the QR code holds the portal link with the code');
  await noAxeViolations(page, 'A4 print sheet');
  await shot(page, 'print-a4');

  await page.getByRole('link', { name: '58 mm thermal strip' }).click();
  const strip = page.locator('.sheet.thermal .voucher');
  await strip.nth(49).locator('.qr svg').waitFor();
  const stripWidth = await page.locator('.sheet.thermal').evaluate(e => e.getBoundingClientRect().width);
  assert.ok(stripWidth <= 58 * 96 / 25.4, `the strip is ${stripWidth}px wide, within 58 mm`);
  assert.equal(await decodeQr(page, strip.nth(7).locator('.qr')), `${rt.portal}?code=${await strip.nth(7).getAttribute('data-code')}`);
  await noAxeViolations(page, 'thermal print sheet');
  await shot(page, 'print-thermal');

  await page.goto(link);
  assert.equal(await page.locator('#code').inputValue(), code, "the portal's voucher field holds the code");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a batch over 1,000 vouchers runs in the background: the progress bar follows it to done', async () => {
  const page = await signedIn();
  await page.goto(`${rt.admin}vouchers/`);
  await page.fill('#count', '1200');
  await page.click('button:text("Generate")');
  const bar = page.locator('#batch-progress');
  await bar.waitFor();
  await page.getByText(/of 1200 made…/).waitFor();
  await eventually(async () => (await bar.getAttribute('value')) === '1200', { timeout: 120_000, what: 'the background batch done' });
  await page.getByText(/1200 of 1200 made\./).waitFor();
  await page.getByRole('link', { name: 'Print sheet' }).first().waitFor();
  await page.context().close();
});

test('ending a session asks first; cancel keeps it, confirm ends it, and ending it again says there is none', async () => {
  const mac = `02:00:00:AD:${(process.pid % 256).toString(16).padStart(2, '0').toUpperCase()}:01`;
  const bought = await json(`${rt.base}/api/payment/initiate`, { method: 'POST',
    body: JSON.stringify({ phone: '0708374149', packageId: 'basic', gateway: { mac, ip: '10.5.50.23' } }) });
  assert.equal(bought.status, 200, JSON.stringify(bought.body));
  await eventually(async () => {
    const s = await json(`${rt.base}/api/payment/status?transactionId=${bought.body.transactionId}`, { headers: { 'X-Client-Token': bought.body.clientToken } });
    return s.body.session;
  }, { what: 'the purchase completed with a session' });
  const deviceKey = `default#${mac}`;

  const page = await signedIn();
  await page.goto(`${rt.admin}sessions/`);
  await page.fill('#deviceKey', deviceKey);
  await page.fill('#reason', 'admin-ui test');
  await page.click('text=End session…');
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText(deviceKey).waitFor();
  await noAxeViolations(page, 'sessions with the confirmation');
  await shot(page, 'sessions-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await dialog.count(), 0);

  await page.click('text=End session…');
  await page.getByRole('button', { name: 'Yes, end it' }).click();
  await page.getByRole('status').filter({ hasText: `Session ${deviceKey} is` }).waitFor();
  await shot(page, 'sessions-ended');

  await page.click('text=End session…');
  await page.getByRole('button', { name: 'Yes, end it' }).click();
  const error = page.locator('.error[role=alert]'); // not Next's route announcer, also an alert
  await error.waitFor();
  assert.match(await error.textContent(), /\([A-Z_]+\)/, 'the error names its code');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a list the API cannot answer shows the error with a retry that recovers; an empty list says so', async () => {
  const page = await signedIn();
  let fail = true;
  await page.route('**/api/admin/gateways', route => (fail ? route.abort('connectionrefused') : route.continue()));
  await page.goto(`${rt.admin}gateways/`);
  const error = page.locator('.error[role=alert]');
  await error.filter({ hasText: 'The API cannot be reached' }).waitFor();
  await shot(page, 'gateways-unreachable');
  fail = false;
  await error.getByRole('button', { name: 'Try again' }).click();
  await page.locator('tr[data-gateway="default"]').waitFor();
  assert.equal(await error.count(), 0);

  await page.goto(`${rt.admin}vouchers/`);
  await page.getByRole('button', { name: 'void' }).click();
  await page.getByText('No vouchers are void.').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const [name, viewport] of [['desktop', undefined], ['phone', PHONE]]) {
  test(`every page at ${name} size: axe-core finds no violations and nothing scrolls sideways`, async () => {
    const page = await signedIn({ viewport });
    for (const p of PAGES) {
      await page.goto(rt.admin + p);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      await noAxeViolations(page, `/admin/${p} (${name})`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `/admin/${p} scrolls ${sideways}px sideways at ${name} size`);
      await shot(page, `${name}-${p.replace(/\/$/, '') || 'overview'}`);
    }
    if (viewport) {
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Vouchers' }).click();
      await page.getByRole('heading', { name: 'Vouchers', level: 1 }).waitFor();
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
