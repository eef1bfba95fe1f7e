// What the portal tests share: one local runtime (scripts/run-local as a child process on a free port, stopped at
// the end: no orphans), one headless Chromium (Debian's, through playwright-core), phone-sized pages, and helpers
// that read the simulators.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const PORTAL_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.dirname(PORTAL_DIR);
export const SHOTS = path.join(PORTAL_DIR, 'test', 'screenshots');
export const ADMIN_PASSWORD = 'portal-tests-admin-password-1';
export const VIEWPORT = { width: 360, height: 740 };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** Starts scripts/run-local on a free port and resolves when it serves; stop() ends it and waits for its exit. */
export async function startRuntime({ darajaTimeScale = 0.05, scheduleScale = 0.05, sweeperQueryAfterSeconds = 2 } = {}) {
  const port = await freePort();
  // The sweeper asks M-Pesa about pending payments after 120 s; a copy of template.yaml with a shorter window
  // lets the lost-callback test finish through the sweeper in seconds (the runtime reads --template).
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-tests-'));
  const template = path.join(dir, 'template.yaml');
  const original = readFileSync(path.join(REPO, 'template.yaml'), 'utf8');
  const shortened = original.replace(/(SweeperQueryAfterSeconds:\n\s+Type: Number\n\s+Default: )\d+/, `$1${sweeperQueryAfterSeconds}`);
  if (shortened === original) throw new Error('template.yaml has no SweeperQueryAfterSeconds default to shorten');
  writeFileSync(template, shortened);
  const env = { ...process.env, ADMIN_PASSWORD, JAVA_HOME: process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64' };
  const child = spawn(path.join(REPO, 'scripts', 'run-local'), ['--port', String(port), '--daraja-time-scale', String(darajaTimeScale),
    '--schedule-scale', String(scheduleScale), '--template', template, '--home', REPO], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stdout.on('data', b => { out += b; });
  child.stderr.on('data', b => { out += b; });
  const deadline = Date.now() + 240_000; // a first run builds the Java modules
  while (!/Press Ctrl-C to stop/.test(out)) {
    if (child.exitCode !== null) throw new Error('The local runtime exited while starting:\n' + out.slice(-4000));
    if (Date.now() > deadline) { process.kill(-child.pid, 'SIGKILL'); throw new Error('The local runtime did not start:\n' + out.slice(-4000)); }
    await new Promise(r => setTimeout(r, 100));
  }
  const grab = re => (out.match(re) || [])[1];
  const runtime = {
    port, base: `http://localhost:${port}`, portal: `http://localhost:${port}/portal/`,
    daraja: grab(/Daraja \(simulator\)\s+(http:\/\/\S+)/), unifi: grab(/UniFi \(simulator\)\s+(http:\/\/\S+)/),
    log: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // the JVM's shutdown hook stops dynalite, FreeRADIUS and the simulators
        const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return runtime;
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** A phone-sized page whose visits to the "original site" are answered locally (the tests have no internet). */
export async function phonePage(browser, { locale = 'en-KE', viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  await context.route('http://example.com/**', route => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>Original site</title><h1>The page you asked for</h1>' }));
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(e.message));
  return page;
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
}

export async function json(url, options = {}) {
  const res = await fetch(url, { ...options, headers: { 'Content-Type': 'application/json', ...(options.headers || {}) } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
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

/** Polls fn until it returns a truthy value (no fixed sleeps), or fails with the last value. */
export async function eventually(fn, { timeout = 15_000, every = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise(r => setTimeout(r, every));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

export async function adminToken(rt) {
  const { body } = await json(`${rt.base}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@localhost', password: ADMIN_PASSWORD }) });
  return body.token;
}
