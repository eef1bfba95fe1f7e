// What the admin UI tests share: one local runtime (scripts/lib/local-runtime-process.mjs: scripts/run-local as a
// child on a free port, serving this folder's out/ at /admin/), one headless Chromium (Debian's, through
// playwright-core), and screenshots.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { collectErrors, screenshot, startLocalRuntime } from '../../scripts/lib/local-runtime-process.mjs';

export { json, eventually } from '../../scripts/lib/local-runtime-process.mjs';
export const ADMIN_UI = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SHOTS = path.join(ADMIN_UI, 'test', 'screenshots');
export const ADMIN_PASSWORD = 'admin-ui-tests-admin-password-1';

/** Starts the local runtime for the admin UI: {port, base, admin, portal, log(), stop()}. */
export async function startRuntime() {
  if (!existsSync(path.join(ADMIN_UI, 'out', 'index.html'))) throw new Error('No static export: run `npm run build` in admin-ui first');
  const rt = await startLocalRuntime({ args: ['--daraja-time-scale', '0.05', '--schedule-scale', '0.05'], env: { ADMIN_PASSWORD } });
  return { ...rt, admin: `${rt.base}/admin/`, portal: `${rt.base}/portal/` };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** A page of a fresh context (its own sessionStorage) that collects script errors. */
export async function newPage(browser, { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-KE', deviceScaleFactor });
  return collectErrors(await context.newPage());
}

export async function shot(page, name) {
  await screenshot(page, SHOTS, name);
}
