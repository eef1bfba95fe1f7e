// What the portal tests share: one local runtime (scripts/run-local as a child process on a free port, stopped at
// the end: no orphans), one headless Chromium (Debian's, through playwright-core), phone-sized pages, and helpers
// that read the simulators.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { collectErrors, json, screenshot, startLocalRuntime } from '../../scripts/lib/local-runtime-process.mjs';

export { freePort, json, eventually } from '../../scripts/lib/local-runtime-process.mjs';
export const PORTAL_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.dirname(PORTAL_DIR);
export const SHOTS = path.join(PORTAL_DIR, 'test', 'screenshots');
export const ADMIN_PASSWORD = 'portal-tests-admin-password-1';
export const VIEWPORT = { width: 360, height: 740 };

/** Starts scripts/run-local on a free port and resolves when it serves; stop() ends it and waits for its exit. */
export async function startRuntime({ darajaTimeScale = 0.05, scheduleScale = 0.05, sweeperQueryAfterSeconds = 2 } = {}) {
  // The sweeper asks M-Pesa about pending payments after 120 s; a copy of template.yaml with a shorter window
  // lets the lost-callback test finish through the sweeper in seconds (the runtime reads --template).
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-tests-'));
  const template = path.join(dir, 'template.yaml');
  const original = readFileSync(path.join(REPO, 'template.yaml'), 'utf8');
  const shortened = original.replace(/(SweeperQueryAfterSeconds:\n\s+Type: Number\n\s+Default: )\d+/, `$1${sweeperQueryAfterSeconds}`);
  if (shortened === original) throw new Error('template.yaml has no SweeperQueryAfterSeconds default to shorten');
  writeFileSync(template, shortened);
  const rt = await startLocalRuntime({ args: ['--daraja-time-scale', String(darajaTimeScale), '--schedule-scale', String(scheduleScale),
    '--template', template], env: { ADMIN_PASSWORD } });
  const grab = re => (rt.log().match(re) || [])[1];
  return {
    ...rt, portal: `${rt.base}/portal/`,
    daraja: grab(/Daraja \(simulator\)\s+(http:\/\/\S+)/), unifi: grab(/UniFi \(simulator\)\s+(http:\/\/\S+)/),
    async stop() {
      await rt.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** A phone-sized page whose visits to the "original site" are answered locally (the tests have no internet). */
export async function phonePage(browser, { locale = 'en-KE', viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  await context.route('http://example.com/**', route => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>Original site</title><h1>The page you asked for</h1>' }));
  return collectErrors(await context.newPage());
}

export async function shot(page, name) {
  await screenshot(page, SHOTS, name);
}


let macCounter = Math.floor(Math.random() * 200);
/** A MAC no other test uses (a purchase in progress is per phone and device). */
export function newMac() {
  macCounter += 1;
  const hex = n => n.toString(16).padStart(2, '0').toUpperCase();
  return `02:00:00:${hex(process.pid % 256)}:${hex(macCounter >> 8)}:${hex(macCounter & 255)}`;
}

/** The portal link the MikroTik-like hotspot would redirect this device to (with a fresh CHAP challenge). */
export async function portalUrlFor(rt, mac, gatewayId = 'default') {
  const res = await fetch(`${rt.base}/sim/gateway/${gatewayId}/login`, { headers: { 'X-Sim-Client-Mac': mac, Accept: 'application/json' } });
  const page = await res.json();
  return page['portal-url'];
}

/** The hotspot simulator's view of a device: {online, sessionTimeout, …} or null. */
export async function hotspotLogin(rt, mac) {
  const { body } = await json(`${rt.base}/simulator/gateway/logins?mac=${encodeURIComponent(mac)}`);
  const mine = (body.items || []).filter(i => i.mac === mac); // an ended login may still be listed beside a new one
  return mine.find(i => i.online) || mine.at(-1) || null;
}


export async function adminToken(rt) {
  const { body } = await json(`${rt.base}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@localhost', password: ADMIN_PASSWORD }) });
  return body.token;
}
