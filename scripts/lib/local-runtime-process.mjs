// What the browser tests (portal/test, admin-ui/test) share to run against a real local runtime: scripts/run-local
// as a child process on a free port (stopped at the end, no orphans), JSON over fetch, and polling without fixed
// sleeps. Node built-ins only, so each test folder imports it without installing anything here.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/**
 * Starts scripts/run-local on a free port with `args` after `--port N` and `env` over this process's environment;
 * resolves when it serves with {port, base, log(), stop()}; stop() ends it and waits for its exit.
 */
export async function startLocalRuntime({ args = [], env = {} } = {}) {
  const port = await freePort();
  // The admin UI's export is built by scripts/test (and the admin-ui tests' own step), not by each runtime start.
  const childEnv = { ...process.env, JAVA_HOME: process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64',
    WIFIBILLING_NO_ADMIN_UI_BUILD: '1', ...env };
  const child = spawn(path.join(REPO, 'scripts', 'run-local'), ['--port', String(port), ...args, '--home', REPO],
    { cwd: REPO, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
    port, base: `http://localhost:${port}`, log: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // the JVM's shutdown hook stops dynalite, FreeRADIUS and the simulators
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
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

/** Keeps the page's script errors in page.errors, for the tests to assert there were none. */
export function collectErrors(page) {
  page.errors = [];
  page.on('pageerror', e => page.errors.push(e.message));
  return page;
}

/** Saves a full-page screenshot as dir/name.png (for review; the folders are gitignored). */
export async function screenshot(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name + '.png'), fullPage: true });
}
