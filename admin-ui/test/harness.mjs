// What the admin UI tests share: one local runtime (scripts/run-local as a child on a free port, serving this
// folder's out/ at /admin/, stopped at the end: no orphans), one headless Chromium (Debian's, through
// playwright-core), and small helpers. The same pattern as portal/test/harness.mjs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ADMIN_UI = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.dirname(ADMIN_UI);
export const SHOTS = path.join(ADMIN_UI, 'test', 'screenshots');
export const ADMIN_PASSWORD = 'admin-ui-tests-admin-password-1';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** Starts scripts/run-local on a free port and resolves when it serves; stop() ends it and waits for its exit. */
export async function startRuntime() {
  if (!existsSync(path.join(ADMIN_UI, 'out', 'index.html'))) throw new Error('No static export: run `npm run build` in admin-ui first');
  const port = await freePort();
  const env = { ...process.env, ADMIN_PASSWORD, JAVA_HOME: process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64' };
  const child = spawn(path.join(REPO, 'scripts', 'run-local'), ['--port', String(port), '--daraja-time-scale', '0.05', '--home', REPO],
    { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
  return {
    port, base: `http://localhost:${port}`, admin: `http://localhost:${port}/admin/`, portal: `http://localhost:${port}/portal/`,
    log: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // the JVM's shutdown hook stops dynalite and the simulators
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** A page of a fresh context (its own sessionStorage) that collects script errors. */
export async function newPage(browser, { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-KE', deviceScaleFactor });
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
