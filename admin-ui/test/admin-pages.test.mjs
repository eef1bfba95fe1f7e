// The operator pages (dashboard, packages, transactions with the CSV download, users, sessions, audit log, settings,
// vouchers by SMS and voiding, gateway edit) in headless Chromium against a real local runtime, with purchases made
// through the payment API as the portal makes them (the M-Pesa simulator answers success for these phones).
// Run: cd admin-ui && npm run build && node --test test/admin-pages.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { ADMIN_PASSWORD, startRuntime, launchBrowser, newPage, shot, json, eventually } from './harness.mjs';

const RUN = String(process.pid % 100000).padStart(5, '0');
const BUYER = { local: `07120${RUN}`, msisdn: `2547120${RUN}` }; // one buyer per run: its lists hold only this run's purchases
const PACKAGE_ID = `ui-test-${RUN}`;
let rt, browser, token, purchase;

before(async () => {
  [rt, browser] = await Promise.all([startRuntime(), launchBrowser()]);
  token = (await json(`${rt.base}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@localhost', password: ADMIN_PASSWORD }) })).body.token;
});
after(async () => {
  await browser?.close();
  await rt?.stop();
});

const admin = (path, options = {}) => json(`${rt.base}${path}`, { ...options, headers: { Authorization: `Bearer ${token}`, ...(options.headers || {}) } });

/** A page already signed in (the token in sessionStorage, as the login page leaves it). */
async function signedIn({ viewport } = {}) {
  const page = await newPage(browser, { viewport });
  await page.context().addInitScript(t => sessionStorage.setItem('wifibilling.admin.token', t), token);
  return page;
}

async function noAxeViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), [], `axe on ${what}`);
}

/** Buys a package as the portal does: initiate, then poll the status until the session is granted. */
async function buy({ phone = BUYER.local, packageId = 'basic', mac }) {
  const bought = await json(`${rt.base}/api/payment/initiate`, { method: 'POST',
    body: JSON.stringify({ phone, packageId, gateway: { mac, ip: '10.5.50.23' } }) });
  assert.equal(bought.status, 200, `initiate answered ${bought.status} ${bought.body?.error?.code ?? ''}`);
  await eventually(async () => {
    const s = await json(`${rt.base}/api/payment/status?transactionId=${bought.body.transactionId}`, { headers: { 'X-Client-Token': bought.body.clientToken } });
    return s.body.session;
  }, { what: 'the purchase completed with a session' });
  return { transactionId: bought.body.transactionId, deviceKey: `default#${mac}`, mac };
}

const macOf = n => `02:00:00:${RUN.slice(0, 2)}:${RUN.slice(2, 4)}:${n.toString(16).padStart(2, '0').toUpperCase()}`;
const shillings = text => Number(text.replace(/[^0-9]/g, ''));

test('a package made in the UI: the API\'s 400 shows beside its field, then it is listed, offered by the portal, edited (a stale edit says so) and taken off sale', async () => {
  const page = await signedIn();
  await page.goto(`${rt.admin}packages/`);
  await page.locator('tr[data-package="basic"]').waitFor();
  await page.fill('#packageId', PACKAGE_ID);
  await page.fill('#name', 'UI test hour');
  await page.fill('#durationMinutes', '90');
  await page.fill('#bandwidthMbps', '4');
  await page.fill('#priceKES', '0');
  await page.click('button:text("Add package")');
  const priceError = page.locator('#priceKES-error');
  await priceError.waitFor();
  assert.match(await priceError.textContent(), /priceKES must be between 1/);
  assert.equal(await page.locator('#priceKES').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`tr[data-package="${PACKAGE_ID}"]`).count(), 0, 'a refused package is not listed');
  await noAxeViolations(page, 'packages with a field error');
  await shot(page, 'packages-field-error');

  await page.fill('#priceKES', '35');
  await page.click('button:text("Add package")');
  await page.getByRole('status').filter({ hasText: `(${PACKAGE_ID}) added` }).waitFor();
  const row = page.locator(`tr[data-package="${PACKAGE_ID}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /UI test hour.*1 h 30 min.*4\/4 Mbps.*KES 35.*On sale/);
  assert.equal(await page.locator('#priceKES-error').count(), 0, 'the field error is gone after a good save');

  // The portal caches its list for up to 60 s: the new package appears within that.
  const offered = await eventually(async () => {
    const list = await json(`${rt.base}/api/payment/packages`);
    return list.body.items.find(p => p.packageId === PACKAGE_ID);
  }, { timeout: 65_000, every: 1000, what: 'the portal offering the new package' });
  assert.equal(offered.priceKES, 35);

  await row.getByRole('button', { name: 'Edit UI test hour' }).click();
  await page.getByRole('heading', { name: 'Edit UI test hour' }).waitFor();
  await page.fill('#priceKES', '40');
  await page.click('button:text("Save package")');
  await page.getByRole('status').filter({ hasText: 'Package UI test hour saved.' }).waitFor();
  await eventually(async () => /KES 40/.test(await row.textContent()), { what: 'the listed price at KES 40' });

  // Another admin saves first: this form's version is stale, and the page says so and shows what is saved.
  await row.getByRole('button', { name: 'Edit UI test hour' }).click();
  const current = (await admin('/api/admin/packages')).body.items.find(p => p.packageId === PACKAGE_ID);
  const other = await admin(`/api/admin/packages/${PACKAGE_ID}`, { method: 'PUT', body: JSON.stringify({ ...current, priceKES: 45 }) });
  assert.equal(other.status, 200);
  await page.fill('#priceKES', '50');
  await page.click('button:text("Save package")');
  const stale = page.locator('.warn[role=alert]');
  await stale.filter({ hasText: 'Someone else changed this package' }).waitFor();
  assert.equal(await page.locator('#priceKES').inputValue(), '45', 'the form now holds what the other admin saved');
  await shot(page, 'packages-stale');

  await row.getByRole('button', { name: 'Take UI test hour off sale' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await row.textContent(), /On sale/, 'cancel keeps it on sale');
  await row.getByRole('button', { name: 'Take UI test hour off sale' }).click();
  await noAxeViolations(page, 'packages with the deactivate confirmation');
  await dialog.getByRole('button', { name: 'Yes, take it off sale' }).click();
  await eventually(async () => /Off sale/.test(await row.textContent()), { what: 'the package off sale' });
  assert.equal(await row.getByRole('button', { name: /off sale/ }).count(), 0, 'an inactive package has no deactivate button');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the audit log lists who created the package, filtered to admin actions', async () => {
  const page = await signedIn();
  await page.goto(`${rt.admin}audit/`);
  await page.selectOption('#type', 'audit');
  await page.click('button:text("Show")');
  const created = page.locator('tr[data-event="admin.package.created"]').filter({ hasText: PACKAGE_ID });
  await created.waitFor();
  assert.match(await created.textContent(), /priceKES: 35/);
  await page.locator('tr[data-event="admin.package.deactivated"]').filter({ hasText: PACKAGE_ID }).waitFor();

  await page.selectOption('#type', 'anomaly');
  await page.click('button:text("Show")');
  await page.getByText('No events in these days.').waitFor();
  assert.equal(await page.locator('tr[data-event^="admin."]').count(), 0, 'anomalies hold no admin actions');

  await page.fill('#from', '2020-01-01');
  await page.click('button:text("Show")');
  const fromError = page.locator('#from-error');
  await fromError.waitFor();
  assert.match(await fromError.textContent(), /at most 92 days/);
  await noAxeViolations(page, 'audit log with a field error');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the dashboard: today\'s revenue grows by the package price after a purchase, the charts are drawn, and the range switches', async () => {
  const price = (await json(`${rt.base}/api/payment/packages`)).body.items.find(p => p.packageId === 'basic').priceKES;
  const page = await signedIn();
  await page.goto(rt.admin);
  const revenue = page.locator('#stat-revenue');
  await revenue.waitFor();
  const before = shillings(await revenue.textContent());
  const completedBefore = shillings(await page.locator('#stat-completed').textContent().then(t => t.split('·')[0]));

  purchase = await buy({ mac: macOf(1) });
  await eventually(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('status').filter({ hasText: 'Business days' }).waitFor();
    return shillings(await revenue.textContent()) === before + price;
  }, { every: 500, what: `today's revenue up by KES ${price}` });
  assert.equal(shillings(await page.locator('#stat-completed').textContent().then(t => t.split('·')[0])), completedBefore + 1);
  assert.match(await page.locator('#stat-initiated').textContent(), /^\d+ · \d+ waiting$/, 'payments started, with those still waiting');
  assert.match(await page.locator('#stat-completed').textContent(), /100% success/);
  assert.match(await page.locator('#by-package tr[data-id="basic"]').textContent(), new RegExp(`KES ${before + price}`));

  const bars = page.locator('[data-chart="revenue"] .recharts-bar-rectangle path');
  await bars.first().waitFor();
  assert.ok(await bars.count() >= 1, 'the revenue chart draws a bar');
  const barHeight = await bars.first().evaluate(e => e.getBoundingClientRect().height);
  assert.ok(barHeight > 10, `today's revenue bar is ${barHeight}px tall`);
  await page.locator('[data-chart="outcomes"] .recharts-bar-rectangle path').first().waitFor();
  const hidden = page.locator('.sr-only table', { hasText: 'Revenue per day' });
  assert.match(await hidden.locator('tbody tr').last().textContent(), new RegExp(`KES ${before + price}`), 'the chart\'s text alternative holds the numbers');
  await noAxeViolations(page, 'dashboard with data');
  await shot(page, 'dashboard-today');

  await page.getByText('7 days', { exact: true }).click();
  await page.getByRole('status').filter({ hasText: ' to ' }).waitFor();
  assert.equal(await hidden.locator('tbody tr').count(), 7, 'seven days in the 7-day range');
  await eventually(async () => (await page.locator('[data-chart="revenue"] .recharts-xAxis .recharts-cartesian-axis-tick').count()) >= 2,
    { what: 'several days on the chart axis' });
  // The sweeper's hourly audit (run at the runtime's start) has recomputed yesterday: it shows in the revenue audit.
  const yesterday = new Date(Date.now() + 3 * 3600_000 - 86_400_000).toISOString().slice(0, 10); // East Africa Time
  await eventually(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('status').filter({ hasText: ' to ' }).waitFor();
    return await page.locator(`#revenue-audit tr[data-day="${yesterday}"]`).count() === 1;
  }, { every: 1000, what: 'yesterday in the revenue audit' });
  assert.match(await page.locator(`#revenue-audit tr[data-day="${yesterday}"]`).textContent(), /KES 0/);
  await noAxeViolations(page, 'dashboard with the revenue audit');
  await shot(page, 'dashboard-7d');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a dashboard the API cannot answer shows the error with a retry that recovers', async () => {
  const page = await signedIn();
  let fail = true;
  await page.route('**/api/admin/dashboard*', route => (fail ? route.fulfill({ status: 503, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } }) }) : route.continue()));
  await page.goto(rt.admin);
  const error = page.locator('.error[role=alert]');
  await error.filter({ hasText: 'Something went wrong on our side.' }).waitFor();
  fail = false;
  await error.getByRole('button', { name: 'Try again' }).click();
  await page.locator('#stat-revenue').waitFor();
  assert.equal(await error.count(), 0);
  await page.context().close();
});

test('transactions: filtered to the purchase, its detail, and the CSV download holds it with its amount and phone', async () => {
  assert.ok(purchase, 'the dashboard test made a purchase');
  const page = await signedIn();
  await page.goto(`${rt.admin}transactions/`);
  const row = page.locator(`tr[data-transaction="${purchase.transactionId}"]`);
  await row.waitFor();

  await page.selectOption('#status', 'cancelled');
  await page.click('button:text("Show")');
  await page.getByText('No transactions match these filters.').waitFor();
  assert.equal(await row.count(), 0, 'a completed purchase is not among the cancelled');

  await page.selectOption('#status', 'completed');
  await page.fill('#phone', BUYER.local);
  await page.click('button:text("Show")');
  await row.waitFor();
  assert.equal(await page.locator('table.transactions tbody tr').count(), 1, 'one completed purchase by this phone');
  const rowText = await row.textContent();
  assert.ok(rowText.includes(BUYER.msisdn) && /basic.*KES 20.*completed/.test(rowText), 'the row shows the buyer, package, amount and status');

  await page.fill('#phone', '12345');
  await page.click('button:text("Show")');
  await page.locator('#phone-error').waitFor();
  assert.equal(await page.locator('#phone').getAttribute('aria-invalid'), 'true');
  await page.fill('#phone', BUYER.local);
  await page.click('button:text("Show")');
  await row.waitFor();

  await row.getByRole('button', { name: /Details/ }).click();
  const detail = page.getByRole('region', { name: `Transaction ${purchase.transactionId}` });
  await detail.locator('#detail-status').filter({ hasText: 'completed' }).waitFor();
  const facts = await detail.locator('dl').textContent();
  assert.match(facts, /Result0: /, 'the result code and description');
  assert.match(facts, new RegExp(`Device${purchase.deviceKey.replace(/[#:]/g, '.')}`));
  assert.match(facts, /M-Pesa receipt[A-Z0-9]{10}/);
  await noAxeViolations(page, 'transactions with a detail');
  await shot(page, 'transactions-detail');

  const from = await page.locator('#from').inputValue();
  const to = await page.locator('#to').inputValue();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), `transactions-${from}-to-${to}.csv`);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'transactionId,day,createdAt,completedAt,status,phone,packageId,amountKES,receipt,resultCode,resultDesc,source,deviceKey,lang,grantConfirmed');
  const mine = lines.filter(l => l.startsWith(purchase.transactionId + ','));
  assert.equal(mine.length, 1, 'the purchase is one row');
  const cells = mine[0].split(',');
  assert.equal(cells[4], 'completed');
  assert.ok(cells[5] === BUYER.msisdn, 'the row holds the buyer\'s phone');
  assert.equal(cells[6], 'basic');
  assert.equal(cells[7], '20');
  assert.equal(lines.at(-1), '', 'every row ends with CRLF');
  await page.getByRole('status').filter({ hasText: '1 rows saved.' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Check with M-Pesa on a completed purchase says there is nothing to ask and keeps it completed', async () => {
  assert.ok(purchase, 'the dashboard test made a purchase');
  const page = await signedIn();
  await page.goto(`${rt.admin}transactions/`);
  await page.locator(`tr[data-transaction="${purchase.transactionId}"]`).getByRole('button', { name: /Details/ }).click();
  await page.locator('#detail-status').filter({ hasText: 'completed' }).waitFor();
  await page.getByRole('button', { name: 'Check with M-Pesa' }).click();
  const answer = page.locator('#query-answer p');
  await answer.waitFor();
  assert.match(await answer.textContent(), /Already completed/, 'the API\'s message is shown');
  assert.match(await page.locator('#detail-status').textContent(), /completed/);
  await page.locator('#detail-history li[data-event="admin.transaction.queried"]').waitFor(); // the ask is in its history
  await noAxeViolations(page, 'a transaction with its history');
  assert.equal(await page.locator('.error[role=alert]').count(), 0);
  await shot(page, 'transactions-query');
  await page.context().close();
});

test('users: the buyer is a portal user whose detail shows the purchase and its session; a bad phone is named; the admins list shows the local admin', async () => {
  assert.ok(purchase, 'the dashboard test made a purchase');
  const page = await signedIn();
  await page.goto(`${rt.admin}users/`);
  await page.fill('#phone', BUYER.local);
  await page.click('button:text("Search")');
  const buyer = page.locator('table.users tbody tr', { hasText: BUYER.msisdn });
  await buyer.waitFor();
  await buyer.getByRole('button', { name: `Details of ${BUYER.msisdn}` }).click();
  const mine = page.getByRole('region', { name: `User ${BUYER.msisdn}` });
  await mine.locator('dl').filter({ hasText: 'Kindportal' }).waitFor();
  await mine.locator(`tr[data-transaction="${purchase.transactionId}"]`).waitFor();
  await mine.locator(`tr[data-device="${purchase.deviceKey}"]`).waitFor();
  await noAxeViolations(page, 'a buyer with their purchase and session');
  await shot(page, 'users-buyer');
  await mine.getByRole('button', { name: 'Close' }).click();

  await page.fill('#phone', '12345');
  await page.click('button:text("Search")');
  await page.locator('#phone-error').waitFor();
  assert.equal(await page.locator('#phone').getAttribute('aria-invalid'), 'true');

  await page.fill('#phone', '');
  await page.selectOption('#kind', 'admin');
  await page.click('button:text("Search")');
  const row = page.locator('table.users tbody tr', { hasText: 'admin@localhost' });
  await row.waitFor();
  await row.getByRole('button', { name: 'Details of admin@localhost' }).click();
  const detail = page.getByRole('region', { name: 'User admin@localhost' });
  await detail.locator('dl').filter({ hasText: 'Kindadmin (admin)' }).waitFor();
  await detail.getByText('No sessions.').waitFor();
  await detail.getByText('No purchases.').waitFor();
  await noAxeViolations(page, 'users with a detail');
  await shot(page, 'users-detail');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('sessions: the default gateway\'s list shows the purchased device; its detail shows the last command; ending it asks first', async () => {
  assert.ok(purchase, 'the dashboard test made a purchase');
  const page = await signedIn();
  await page.goto(`${rt.admin}sessions/`);
  const row = page.locator(`table.sessions tr[data-device="${purchase.deviceKey}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /Basic.*active/);
  assert.equal(await page.locator('#gatewayId').inputValue(), 'default');

  await row.getByRole('button', { name: `Details of device ${purchase.mac}` }).click();
  const detail = page.getByRole('region', { name: `Session of ${purchase.deviceKey}` });
  await detail.locator('#session-status').filter({ hasText: 'active' }).waitFor();
  await detail.getByRole('heading', { name: 'Usage' }).waitFor();
  await detail.getByRole('heading', { name: 'Last gateway command' }).waitFor();
  await noAxeViolations(page, 'sessions with a detail');
  await shot(page, 'sessions-detail');

  await detail.getByRole('button', { name: 'End this session…' }).click();
  await detail.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  assert.match(await detail.locator('#session-status').textContent(), /active/, 'cancel keeps it');
  await detail.getByRole('button', { name: 'End this session…' }).click();
  await detail.getByRole('alertdialog').getByRole('button', { name: 'Yes, end it' }).click();
  await detail.locator('#session-status').filter({ hasText: 'ended' }).waitFor();
  await eventually(async () => /ended/.test(await row.textContent()), { what: 'the list showing the session ended' });

  await page.fill('#phone', BUYER.local);
  await page.click('button:text("Show sessions")');
  await page.getByRole('heading', { name: 'Sessions of that phone, newest first' }).waitFor();
  await row.waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('vouchers: voiding a batch asks first, then voids every unused code', async () => {
  const batch = await admin('/api/admin/vouchers/generate', { method: 'POST', body: JSON.stringify({ packageId: 'basic', count: 7 }) });
  assert.equal(batch.status, 201);
  const page = await signedIn();
  await page.goto(`${rt.admin}vouchers/`);
  await page.fill('#batch', batch.body.batchId);
  await page.click('button:text("Show batch")');
  await page.locator('table tbody tr').nth(6).waitFor();
  await page.getByRole('button', { name: 'Void batch…' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText(`Void batch ${batch.body.batchId}?`).waitFor();
  await noAxeViolations(page, 'vouchers with the void confirmation');
  await dialog.getByRole('button', { name: 'Yes, void its unused codes' }).click();
  await page.getByRole('status').filter({ hasText: 'Done: 7 voided, 0 left as they were' }).waitFor();
  await eventually(async () => (await page.locator('table tbody tr', { hasText: 'void' }).count()) === 7, { what: 'all seven codes void' });
  const listed = await admin(`/api/admin/vouchers?batchId=${batch.body.batchId}`);
  assert.deepEqual([...new Set(listed.body.items.map(v => v.status))], ['void']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('vouchers: Send by SMS shows which code went to which phone', async () => {
  const batch = await admin('/api/admin/vouchers/generate', { method: 'POST', body: JSON.stringify({ packageId: 'basic', count: 3 }) });
  const page = await signedIn();
  await page.goto(`${rt.admin}vouchers/`);
  await page.fill('#batch', batch.body.batchId);
  await page.click('button:text("Show batch")');
  await page.getByText('Send by SMS').click();
  await page.fill('#sms-phones', '0712000001\nnot-a-phone');
  await page.click('button:text("Send vouchers")');
  await page.locator('#sms-phones-error').waitFor();
  assert.match(await page.locator('#sms-phones-error').textContent(), /Line 2/);
  await page.fill('#sms-phones', '0712000001\n0712000002');
  await page.click('button:text("Send vouchers")');
  const sent = page.locator('table.sent tbody tr');
  await sent.nth(1).waitFor();
  const codes = new Set((await admin(`/api/admin/vouchers?batchId=${batch.body.batchId}`)).body.items.map(v => v.code));
  for (const [i, phone] of ['254712000001', '254712000002'].entries()) {
    const cells = await sent.nth(i).locator('td').allTextContents();
    assert.equal(cells[0], phone);
    assert.ok(codes.has(cells[1]), 'the code shown is one of the batch');
  }
  await noAxeViolations(page, 'vouchers sent by SMS');
  await shot(page, 'vouchers-sms');
  await page.context().close();
});

test('gateways: editing one saves its name and status, refuses a bad port beside its field, and a stale edit says so', async () => {
  const id = `edit-${RUN}`;
  const made = await admin('/api/admin/gateways', { method: 'POST', body: JSON.stringify({ gatewayId: id, name: 'Before edit', type: 'mikrotik',
    radiusClientAddress: '192.0.2.20', loginUrlHosts: ['10.5.60.1'] }) });
  assert.equal(made.status, 201);
  const page = await signedIn();
  await page.goto(`${rt.admin}gateways/`);
  const row = page.locator(`tr[data-gateway="${id}"]`);
  await row.getByRole('button', { name: 'Edit Before edit' }).click();
  await page.fill('#edit-coaPort', '0');
  await page.click('button:text("Save gateway")');
  await page.locator('#edit-coaPort-error').waitFor();
  await page.fill('#edit-coaPort', '3799');
  await page.fill('#edit-name', 'After edit');
  await page.selectOption('#edit-status', 'disabled');
  await page.click('button:text("Save gateway")');
  await page.getByRole('status').filter({ hasText: 'Gateway After edit saved.' }).waitFor();
  await eventually(async () => /After edit.*disabled/.test(await row.textContent()), { what: 'the row with the new name and status' });
  const listed = (await admin('/api/admin/gateways')).body.items.find(g => g.gatewayId === id);
  assert.equal(listed.status, 'disabled');

  // Another admin saves while this form is open: the form's version is stale, and the page says so and reloads it.
  await row.getByRole('button', { name: 'Edit After edit' }).click();
  assert.equal((await admin(`/api/admin/gateways/${id}`, { method: 'PUT', body: JSON.stringify({ version: listed.version, name: 'Other admin' }) })).status, 200);
  await page.fill('#edit-name', 'Mine');
  await page.click('button:text("Save gateway")');
  await page.getByRole('status').filter({ hasText: 'Someone else changed this gateway' }).waitFor();
  assert.equal(await page.locator('#edit-name').inputValue(), 'Other admin');
  await noAxeViolations(page, 'gateway edit after a stale save');
  await shot(page, 'gateways-edit-stale');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('settings: the environment is read-only; a bad colour is refused beside its field; a save sticks; a stale save says so', async () => {
  const page = await signedIn();
  await page.goto(`${rt.admin}settings/`);
  await page.locator('#environment').waitFor();
  assert.match(await page.locator('#environment').textContent(), /M-Pesa \(Daraja\)simulator/);
  assert.equal(await page.locator('#environment input').count(), 0, 'nothing in the environment is editable');

  await page.fill('#primaryColor', 'green');
  await page.click('button:text("Save settings")');
  await page.locator('#primaryColor-error').waitFor();
  const name = `Hotspot ${RUN}`;
  await page.fill('#primaryColor', '#0b6e4f');
  await page.fill('#portalName', name);
  await page.click('button:text("Save settings")');
  await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  await page.reload();
  await page.locator('#portalName').waitFor();
  assert.equal(await page.locator('#portalName').inputValue(), name);

  const stored = (await admin('/api/admin/settings')).body;
  assert.equal((await admin('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ version: stored.version, branding: { portalName: 'Someone else' } }) })).status, 200);
  await page.fill('#portalName', 'Mine');
  await page.click('button:text("Save settings")');
  await page.getByRole('status').filter({ hasText: 'Someone else saved the settings' }).waitFor();
  await eventually(async () => (await page.locator('#portalName').inputValue()) === 'Someone else', { what: 'the form reloaded' });
  await noAxeViolations(page, 'settings');
  await shot(page, 'settings');
  await page.context().close();
});
