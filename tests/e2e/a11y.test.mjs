// Accessibility: axe-core (WCAG 2.2 A and AA rules) on the report page, in
// both languages, with a real policy analysed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serveDist, launch, policy } from './harness.mjs';

const require = createRequire(import.meta.url);
let server;
let browser;
let axeSource;

before(async () => {
  server = await serveDist();
  browser = await launch();
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** axe's serious and critical violations on the page, one line each. */
async function violations(page) {
  // Injected by the test, not the page: the app's CSP forbids inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
}

for (const [lang, width, height] of [['zh', 1440, 900], ['en', 1440, 900], ['zh', 390, 844]]) {
  test(`axe-core finds no serious violation on the report of mijian.txt (${lang}, ${width}×${height})`, async () => {
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
    if (lang === 'en') await page.click('[data-testid=lang-switch]');
    await page.fill('[data-testid=policy-input]', await policy('mijian.txt'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=sdk-map] [data-sdk]').length > 0);
    const found = await violations(page);
    console.log(`# axe (${lang}, ${width}×${height}): ${found.length} serious or critical`);
    assert.deepEqual(found, []);
    await context.close();
  });
}
