// scripts/bench/portal: Lighthouse (mobile defaults) on index, online and status, against a local runtime started
// the way the portal tests start it; prints the median scores and timings of RUNS runs per page.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startRuntime, newMac, portalUrlFor } from '../../../portal/test/harness.mjs';

const runs = Number(process.argv[2] || 5);
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rt = await startRuntime({ darajaTimeScale: 0.05, scheduleScale: 1 });
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox'] });
try {
  const mac = newMac();
  const pages = {
    index: await portalUrlFor(rt, mac),
    online: `${rt.portal}online?orig=${encodeURIComponent('http://example.com/')}`,
    status: `${rt.portal}status?gw=default&mac=${encodeURIComponent(mac)}`,
  };
  let about = '';
  console.log('| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS | transferred |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, url] of Object.entries(pages)) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'] });
      results.push(lhr);
      about ||= `Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${(lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/) || [''])[0]}`;
    }
    const score = c => Math.round(median(results.map(r => r.categories[c].score * 100)));
    const ms = a => Math.round(median(results.map(r => r.audits[a].numericValue)));
    const cls = median(results.map(r => r.audits['cumulative-layout-shift'].numericValue));
    const bytes = median(results.map(r => r.audits['total-byte-weight'].numericValue));
    console.log(`| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${ms('first-contentful-paint')} ms | ` +
      `${ms('largest-contentful-paint')} ms | ${ms('total-blocking-time')} ms | ${cls.toFixed(3)} | ${bytes} B |`);
  }
  console.log(`${about}; median of ${runs} runs per page`);
} finally {
  await chrome.kill();
  await rt.stop();
}
