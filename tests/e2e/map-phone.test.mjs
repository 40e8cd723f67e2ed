// The SDK map on a phone (a list of cards), its legend, keyboard use of the
// outline and the map, the skip links, and the README's screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, policy, pasteRaw } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openWith(name, viewport = { width: 1440, height: 900 }, lang = 'zh') {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  if (lang === 'en') await page.click('[data-testid=lang-switch]');
  const text = await policy(name);
  await page.fill('[data-testid=policy-input]', text);
  await page.waitForSelector('[data-testid=sdk-map] [data-sdk]', { state: 'attached' });
  const report = await page.evaluate((t) => window.policylens.analyze(t), text);
  return { page, context, errors, report };
}

const visible = (page, selector) => page.locator(selector).first().isVisible();

test('at 390×844 mijian.txt\'s map is a list of 12 SDK cards with their providers, and nothing overflows', async () => {
  const { page, context, errors, report } = await openWith('mijian.txt', { width: 390, height: 844 });
  assert.equal(report.sdks.length, 12);
  const cards = page.locator('[data-testid=map-list] [data-card-kind=sdk]');
  assert.equal(await cards.count(), 12);
  // The drawing is hidden, the list shown.
  assert.equal(await visible(page, '[data-testid=sdk-map] svg'), false);
  assert.equal(await visible(page, '[data-testid=map-list]'), true);
  // In the map's order, each card with its name, its provider and its data.
  const mapOrder = await page.$$eval('[data-testid=sdk-map] svg [data-sdk]', (els) => els.map((e) => e.dataset.sdk));
  const shown = await cards.evaluateAll((els) => els.map((e) => ({
    name: e.querySelector('h4').textContent,
    provider: e.querySelector('.card-provider')?.textContent,
    chips: e.querySelectorAll('.chip').length,
    sensitive: e.querySelectorAll('.chip.sensitive').length,
    box: (({ left, right }) => [left, right])(e.getBoundingClientRect()),
  })));
  assert.deepEqual(shown.map((c) => c.name), mapOrder);
  for (const card of shown) {
    const sdk = report.sdks.find((s) => s.name === card.name);
    // The provider as the policy names it (with a note when it comes from
    // the knowledge base instead).
    if (sdk.provider_from === 'knowledge_base') assert.ok(card.provider.startsWith(sdk.provider), card.name);
    else assert.equal(card.provider, sdk.provider ?? '未说明', card.name);
    assert.equal(card.chips, sdk.data.length, card.name);
    assert.equal(card.sensitive, sdk.data.filter((d) => d.sensitive).length, card.name);
    assert.ok(card.box[0] >= 0 && card.box[1] <= 390, `${card.name} at ${card.box}`);
  }
  const getui = shown.find((c) => c.name === '个推消息推送SDK');
  assert.equal(getui.provider, '每日互动股份有限公司');
  // Recipients that are not SDKs follow, as cards of their own.
  const recipients = await page.locator('[data-testid=map-list] [data-card-kind=recipient]').count();
  assert.equal(recipients, report.recipients.length);
  assert.ok(recipients >= 1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling (scrollWidth ${width})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the map\'s legend is shown on desktop and on a phone, with the items of each layout', async () => {
  for (const [width, height, layoutItem, otherItem] of [[1440, 900, 'li.wide', 'li.narrow'], [390, 844, 'li.narrow', 'li.wide']]) {
    const { page, context } = await openWith('mijian.txt', { width, height });
    const legend = page.locator('[data-testid=sdk-map] [data-testid=map-legend]');
    assert.equal(await legend.isVisible(), true, `${width}`);
    assert.equal(await legend.locator('h3').textContent(), '图例');
    for (const kind of ['sensitive', 'sdk', 'incomplete', 'recipient']) {
      assert.equal(await legend.locator(`li.${kind}`).isVisible(), true, `${width}: ${kind}`);
    }
    assert.ok((await legend.locator('li.sensitive').textContent()).includes('敏感个人信息'));
    assert.ok((await legend.locator('li.recipient').textContent()).includes('不是 SDK'));
    assert.equal(await legend.locator(layoutItem).first().isVisible(), true, `${width}: ${layoutItem}`);
    assert.equal(await legend.locator(otherItem).first().isVisible(), false, `${width}: ${otherItem}`);
    assert.equal(await visible(page, '[data-testid=sdk-map] svg'), width > 600);
    await context.close();
  }
});

test('the outline is a tree with one tab stop and arrow keys', async () => {
  const { page, context, report } = await openWith('mijian.txt');
  const items = page.locator('[data-testid=outline] [role=treeitem]');
  // An item's label: its own heading (its text holds its children's too).
  const labels = await items.evaluateAll((els) => els.map((e) => e.querySelector(':scope > .node-label .heading').textContent));
  assert.ok(labels.length >= 5, `${labels.length} items`);
  assert.equal(await page.locator('[data-testid=outline] [role=treeitem][tabindex="0"]').count(), 1);
  const focused = () => page.evaluate(() => document.activeElement.querySelector(':scope > .node-label .heading')?.textContent);
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), labels[1]);
  // The tab stop follows the focus.
  assert.equal(await items.nth(1).getAttribute('tabindex'), '0');
  assert.equal(await items.first().getAttribute('tabindex'), '-1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), labels[0]);
  await page.keyboard.press('End');
  assert.equal(await focused(), labels.at(-1));
  await page.keyboard.press('Home');
  assert.equal(await focused(), labels[0]);
  // Right goes to the first child, Left back to the parent.
  const doc = report.outline[0];
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), doc.children[0].kind === 'toc' ? '目录' : doc.children[0].heading);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), labels[0]);
  // Enter selects, as a click does: the document shows the section.
  const section = await items.evaluateAll((els) => els.findIndex((e) => e.dataset.kind === 'section'));
  await items.nth(section).focus();
  await page.keyboard.press('Enter');
  const selected = page.locator('[data-testid=document] .doc-node.selected > .doc-heading');
  await selected.waitFor();
  assert.equal(await selected.textContent(), labels[section]);
  await context.close();
});

test('the map\'s nodes move by arrow keys, and Escape clears the selection', async () => {
  const { page, context } = await openWith('mijian.txt');
  const nodes = page.locator('[data-testid=sdk-map] svg :is(.map-sdk, .map-recipient)');
  const names = await nodes.evaluateAll((els) => els.map((e) => e.dataset.sdk ?? e.dataset.recipient));
  assert.equal(await page.locator('[data-testid=sdk-map] svg [tabindex="0"]').count(), 1);
  const focused = () => page.evaluate(() => { const e = document.activeElement; return e.dataset.sdk ?? e.dataset.recipient; });
  await nodes.first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), names[1]);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), names[0]);
  await page.keyboard.press('End');
  assert.equal(await focused(), names.at(-1));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-testid=sdk-details]').count(), 1);
  assert.equal(await page.locator(`[data-testid=sdk-map] [data-sdk="${names[1]}"]`).getAttribute('aria-pressed'), 'true');
  // Showing the details keeps the focus on the node.
  assert.equal(await focused(), names[1]);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=sdk-details]').count(), 0);
  assert.equal(await page.locator('[data-testid=sdk-map] [aria-pressed=true]').count(), 0);
  await context.close();
});

test('the skip links appear on focus and move focus to the map and to the findings', async () => {
  const { page, context } = await openWith('mijian.txt');
  // A freshly loaded page (the policy from a share link), where the first Tab
  // comes to the skip links.
  const fragment = await page.evaluate(async () => window.policylensFragment.encode(document.querySelector('[data-testid=policy-input]').value));
  const open = async () => {
    await page.goto('about:blank');
    await page.goto(server.url + fragment);
    await page.waitForSelector('html[data-ready=true] [data-testid=sdk-map] [data-sdk]');
  };
  await open();
  await page.keyboard.press('Tab');
  const link = await page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    return { text: e.textContent, top: r.top, bottom: r.bottom };
  });
  assert.equal(link.text, '跳到 SDK 地图');
  assert.ok(link.top >= 0 && link.bottom <= 900, `shown at ${link.top}–${link.bottom}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'sdk-map');
  // The next Tab goes into the map.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.closest('#sdk-map') !== null));
  await open();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到问题');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'findings');
  await context.close();
});

test('in English, the policy\'s own words carry lang="zh-CN"', async () => {
  const { page, context } = await openWith('mijian.txt', { width: 1440, height: 900 }, 'en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('.skip-links a').first().getAttribute('href'), '#sdk-map');
  assert.equal(await page.locator('.skip-links a').first().textContent(), 'Skip to the SDK map');
  assert.equal(await page.getAttribute('[data-testid=document]', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('[data-testid=sdk-map] [data-sdk="个推消息推送SDK"]', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('[data-testid=map-list] [data-card="个推消息推送SDK"] h4', 'lang'), 'zh-CN');
  assert.equal(await page.locator('[data-testid=findings] .evidence [lang=zh-CN]').first().getAttribute('lang'), 'zh-CN');
  // Section headings are the policy's; the outline's own labels are not.
  const section = page.locator('[data-testid=outline] [role=treeitem][data-kind=section]').first();
  assert.equal(await section.getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('[data-testid=map-legend] h3').textContent(), 'Legend');
  await context.close();
});

test('screenshots of the report page, desktop and phone (for docs/)', async () => {
  for (const [name, viewport] of [['screenshot', { width: 1440, height: 900 }], ['screenshot-phone', { width: 390, height: 844 }]]) {
    // Pasted, as a reader does: the report first, the editor one click away.
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
    await pasteRaw(page, await policy('mijian.txt'));
    await page.waitForSelector('[data-testid=edit-text]');
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    await page.waitForSelector('[data-testid=document][data-complete=true]', { state: 'attached' });
    await screenshot(page, name);
    await context.close();
  }
});
