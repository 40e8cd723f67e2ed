// End-to-end tests of the release bundle in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launch, screenshot, policy, corpusFile, dist, pasteRaw, cliReport } from './harness.mjs';

let server;
let browser;
const requests = [];

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  // Nothing but the app's own files, from its own origin.
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});

async function openApp(viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  const interactiveMs = Date.now() - started;
  return { page, context, errors, interactiveMs };
}

/** Puts text into the policy input as a paste would, and waits for the outline. */
async function paste(page, text) {
  await page.fill('[data-testid=policy-input]', text);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length > 0);
}

/** The report the page's own exported analyze() gives for a text. */
async function reportOf(page, text) {
  return page.evaluate((t) => window.policylens.analyze(t), text);
}

test('the app loads, and pasting taobao.txt shows its outline', async () => {
  const { page, context, errors, interactiveMs } = await openApp();
  console.log(`timing: navigation to interactive ${interactiveMs} ms`);
  const text = await policy('taobao.txt');
  await paste(page, text);
  const [analysisMs, totalMs] = await page.evaluate(() => [window.__policylensAnalysisMs, window.__policylensAnalysisTotalMs]);
  console.log(`timing: analysis of taobao.txt in the page ${analysisMs.toFixed(2)} ms (${totalMs.toFixed(2)} ms with the report's conversion to an object)`);
  // Again, as an edit would: the first run also builds the matchers.
  await page.evaluate(() => { window.__policylensAnalysisMs = undefined; });
  await page.fill('[data-testid=policy-input]', `${text}\n`);
  await page.waitForFunction(() => window.__policylensAnalysisMs !== undefined);
  const [warmMs, warmTotalMs] = await page.evaluate(() => [window.__policylensAnalysisMs, window.__policylensAnalysisTotalMs]);
  console.log(`timing: analysis of taobao.txt in the page, after an edit ${warmMs.toFixed(2)} ms (${warmTotalMs.toFixed(2)} ms with the conversion)`);
  // One sample moves by a third between runs on a shared machine: the page's
  // own analyze_timed() 30 times, for a figure that can show a change of a
  // few per cent: the analysis alone (timed inside the wasm, as #21 asks),
  // and with the report's conversion to an object.
  const [minMs, medianMs, minTotal, medianTotal] = await page.evaluate((t) => {
    const alone = [];
    const total = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      alone.push(window.policylens.analyze_timed(t).ms);
      total.push(performance.now() - start);
    }
    alone.sort((a, b) => a - b);
    total.sort((a, b) => a - b);
    return [alone[0], alone[15], total[0], total[15]];
  }, text);
  console.log(`timing: analysis of taobao.txt in the page, 30 runs: min ${minMs.toFixed(2)} ms, median ${medianMs.toFixed(2)} ms (with the conversion: min ${minTotal.toFixed(2)} ms, median ${medianTotal.toFixed(2)} ms)`);
  const headings = await page.$$eval('[data-testid=outline] .node.section > .node-label .heading', (els) => els.map((e) => e.textContent));
  assert.ok(headings.includes('十、您如何联系我们'), headings.join('|'));
  const report = await reportOf(page, text);
  assert.equal(report.schema_version, 1);
  const top = report.outline.flatMap((d) => d.children).filter((n) => n.kind === 'section').map((n) => n.heading);
  for (const h of top) {
    assert.ok(headings.includes(h), `outline panel lacks ${h}`);
  }
  // The summary's sensitive chips: identity documents and financial data,
  // which taobao.txt collects, whether or not an SDK receives them.
  const chips = await page.$$eval('[data-testid=sensitive-chips] [data-group]', (els) => els.map((e) => e.dataset.group));
  assert.ok(chips.includes('gov_id') && chips.includes('financial'), chips.join(','));
  assert.equal(chips.length, report.summary.sensitive.length);
  await screenshot(page, 'desktop-taobao');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every panel of the report contract is on the page', async () => {
  const { page, context } = await openApp();
  await paste(page, await policy('mijian.txt'));
  for (const id of ['policy-input', 'outline', 'checklist', 'findings', 'sdk-map', 'facts']) {
    assert.equal(await page.locator(`[data-testid=${id}]`).count(), 1, id);
  }
  await context.close();
});

test('clicking an outline entry scrolls the document to that section', async () => {
  const { page, context } = await openApp();
  await paste(page, await policy('xiaoyun.txt'));
  const entry = page.locator('[data-testid=outline] .node.section > .node-label', { hasText: '九、联系我们' });
  await entry.click();
  const selected = page.locator('[data-testid=document] .doc-node.selected > .doc-heading');
  await selected.waitFor();
  assert.equal(await selected.textContent(), '九、联系我们');
  const visible = await selected.evaluate((el) => {
    const pane = el.closest('.document-pane').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= pane.top && r.bottom <= pane.bottom;
  });
  assert.ok(visible, 'the selected heading is scrolled into view');
  await context.close();
});

test('the language switch changes the interface and is remembered', async () => {
  const { page, context } = await openApp();
  assert.equal(await page.locator('[data-testid=outline]').getAttribute('aria-label'), '目录结构');
  await page.click('[data-testid=lang-switch]');
  assert.equal(await page.locator('[data-testid=outline]').getAttribute('aria-label'), 'Outline');
  await page.reload();
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  assert.equal(await page.locator('[data-testid=outline]').getAttribute('aria-label'), 'Outline');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // Finding messages follow the language: no Chinese in any of weidandan.txt's.
  await paste(page, await policy('weidandan.txt'));
  const messages = await page.locator('[data-testid=findings] .finding .message').allTextContents();
  assert.ok(messages.length >= 5, `${messages.length} messages`);
  // Values quoted from the policy (an SDK's name, a company) may be Chinese;
  // the sentence around them is not.
  const chinese = messages.filter((m) => (m.match(/[\u4e00-\u9fff]/g) ?? []).length > m.length / 3);
  assert.deepEqual(chinese, []);
  await context.close();
});

test('a policy carrying markup is shown as text and runs no script', async () => {
  const { page, context, errors } = await openApp();
  const hostile = '隐私政策\n一、我们如何收集信息\n<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><svg onload="window.__pwned = 3"></svg>。\n二、联系我们\n邮箱：a@example.com。\n';
  await paste(page, hostile);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-testid=document] img, [data-testid=document] script, [data-testid=document] svg').count(), 0);
  assert.ok((await page.locator('[data-testid=document]').textContent()).includes('<script>window.__pwned = 1</script>'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved web page picked as a file is reviewed as the text it shows', async () => {
  const { page, context, errors } = await openApp();
  const html = '<!DOCTYPE html><html><head><title>隐私政策</title><script>window.__pwned = 1</script></head><body>\n'
    + '<h2>一、我们如何收集和使用您的个人信息</h2><p>我们收集您的手机号&amp;设备信息。</p>\n'
    + '<h2>二、我们如何共享您的个人信息</h2><table><tr><th>SDK名称</th><th>第三方名称</th><th>使用目的</th></tr>'
    + '<tr><td>友盟SDK</td><td>友盟同欣（北京）科技有限公司</td><td>统计分析</td></tr></table>\n'
    + '<h2>三、如何联系我们</h2><p>邮箱：privacy@example.com</p></body></html>\n';
  await page.setInputFiles('[data-testid=file-input]', { name: 'policy.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length >= 3);
  // The editor keeps the file as given; the document shows the page's text, not its markup.
  assert.equal(await page.inputValue('[data-testid=policy-input]'), html);
  const shown = await page.locator('[data-testid=document]').textContent();
  assert.ok(shown.includes('我们收集您的手机号&'), shown);
  assert.ok(!shown.includes('<h2>') && !shown.includes('window.__pwned'), shown);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-sdk="友盟SDK"]').count(), 1);
  const report = await reportOf(page, html);
  assert.equal(report.input.format, 'html');
  assert.deepEqual(report.sdks.map((s) => s.provider), ['友盟同欣（北京）科技有限公司']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example policy loads with one click, and the phone layout works', async () => {
  const { page, context } = await openApp({ width: 390, height: 844 });
  await page.click('[data-testid=load-example]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length >= 5);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling on a phone (scrollWidth ${width})`);
  await screenshot(page, 'phone-example');
  await context.close();
});

test('a 1 MB policy is analysed in the worker and the page stays responsive', async () => {
  const { page, context } = await openApp();
  const base = await policy('taobao.txt');
  const big = base.repeat(Math.ceil(1_000_000 / Buffer.byteLength(base)));
  // Measure the longest gap between animation frames while the analysis runs.
  await page.evaluate(() => {
    window.__maxFrameGap = 0;
    let last = performance.now();
    const tick = (t) => {
      window.__maxFrameGap = Math.max(window.__maxFrameGap, t - last);
      last = t;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Playwright's fill() types into the field and takes seconds for 1 MB; a
  // paste sets the value at once, as this does.
  await page.evaluate((t) => {
    const area = document.querySelector('[data-testid=policy-input]');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
  }, big);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length > 100, null, { timeout: 60_000 });
  const { ms, thread, gap } = await page.evaluate(() => {
    window.__stopFrames = true;
    return { ms: window.__policylensAnalysisMs, thread: window.__policylensAnalysisThread, gap: window.__maxFrameGap };
  });
  console.log(`timing: analysis of ${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB in the ${thread} thread ${ms.toFixed(1)} ms; longest frame gap ${gap.toFixed(0)} ms`);
  assert.equal(thread, 'worker');
  await context.close();
});

test('mijian.txt draws twelve SDKs on the map, and selecting one shows its provider', async () => {
  const { page, context } = await openApp();
  await paste(page, await policy('mijian.txt'));
  await page.waitForSelector('[data-testid=sdk-map] [data-sdk]');
  assert.equal(await page.locator('[data-testid=sdk-map] [data-sdk]').count(), 12);
  // Payment institutions named in the text are recipients, drawn apart from the SDKs.
  assert.equal(await page.locator('[data-testid=sdk-map] [data-recipient="支付宝"]').getAttribute('data-kind'), 'payment');
  // What the payment institutions receive is drawn as flows to them.
  assert.ok((await page.locator('[data-testid=sdk-map] [data-recipient="支付机构"]').getAttribute('aria-label')).includes('会员名'));
  assert.ok(await page.locator('[data-testid=sdk-map] path.recipient-edge').count() >= 3);
  await page.locator('[data-testid=sdk-map] [data-sdk="个推消息推送SDK"]').click();
  assert.equal(await page.locator('[data-testid=sdk-provider]').textContent(), '每日互动股份有限公司');
  // By keyboard too: focus another SDK and press Enter.
  await page.locator('[data-testid=sdk-map] [data-sdk="微信SDK"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-testid=sdk-provider]').textContent(), '深圳市腾讯计算机系统有限公司');
  const download = page.waitForEvent('download');
  await page.click('[data-testid=export-svg]');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'policylens-sdk-map.svg');
  await screenshot(page, 'desktop-sdk-map');
  await context.close();
});


test('results first: on mijian.txt at 1440×900 the SDK map, its providers and the top problems are on the first screen', async () => {
  const { page, context } = await openApp();
  await page.setViewportSize({ width: 1440, height: 900 });
  await paste(page, await policy('mijian.txt'));
  await page.waitForSelector('[data-testid=hero] [data-testid=sdk-map] [data-sdk]');
  await page.evaluate(() => window.scrollTo(0, 0));
  const boxes = await page.$$eval(
    '[data-testid=hero] [data-sdk] rect, [data-testid=hero] .map-provider rect',
    (els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }),
  );
  assert.ok(boxes.length >= 13, `${boxes.length} nodes`);
  for (const [left, top, right, bottom] of boxes) {
    assert.ok(left >= 0 && top >= 0 && right <= 1440 && bottom <= 900, `node at ${left},${top}–${right},${bottom}`);
  }
  // Drawn at its natural size or larger: 12 px labels stay 12 px.
  const scale = await page.$eval('[data-testid=hero] svg', (svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  assert.ok(scale >= 0.99, `scale ${scale}`);
  const problems = await page.locator('[data-testid=top-problems] [data-rule]').count();
  assert.ok(problems >= 1 && problems <= 3, `${problems} problems`);
  await screenshot(page, 'desktop-results-first');
  await context.close();
});

test('a policy listing 40 SDKs draws them all, grouped by category, with no label over another', async () => {
  const { page, context } = await openApp();
  // CAPP-130 rw_21 (CC BY 4.0): a game's policy whose SDK list runs to 44 rows.
  const text = await corpusFile('sdk/capp/rw_21.txt');
  await paste(page, text);
  await page.waitForSelector('[data-testid=sdk-map] [data-sdk]');
  const report = await reportOf(page, text);
  assert.ok(report.sdks.length >= 30, `${report.sdks.length} SDKs`);
  assert.equal(await page.locator('[data-testid=sdk-map] [data-sdk]').count(), report.sdks.length);
  const categories = await page.$$eval('[data-testid=sdk-map] .map-category', (els) => els.map((e) => e.dataset.category));
  assert.ok(categories.length >= 5, categories.join(','));
  assert.equal(new Set(categories).size, categories.length, 'each category once');
  // No two labels overlap: every text box against every other.
  const overlaps = await page.$$eval('[data-testid=sdk-map] svg text', (els) => {
    const boxes = els.map((e) => [e.textContent, e.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, r] = boxes[i];
        const [b, q] = boxes[j];
        const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
        const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
        if (w > 1 && h > 1) out.push(`${a} / ${b}`);
      }
    }
    return out;
  });
  assert.deepEqual(overlaps, []);
  await screenshot(page, 'desktop-sdk-map-many');
  await context.close();
});

test('the JSON and Markdown exports hold the report', async () => {
  const { page, context } = await openApp();
  const text = await policy('weidandan.txt');
  await paste(page, text);
  const jsonDownload = page.waitForEvent('download');
  await page.click('[data-testid=export-json]');
  const json = JSON.parse(await streamText(await (await jsonDownload).createReadStream()));
  assert.equal(json.schema_version, 1);
  assert.equal(json.input.bytes, Buffer.byteLength(text));
  const sections = json.outline[0].children.filter((n) => n.kind === 'section').map((n) => n.heading);
  assert.equal(sections.at(-1), '变更');
  const mdDownload = page.waitForEvent('download');
  await page.click('[data-testid=export-markdown]');
  const md = await streamText(await (await mdDownload).createReadStream());
  assert.ok(md.startsWith('# PolicyLens 隐私政策审阅报告\n'), md.slice(0, 80));
  assert.ok(md.includes('  - 第十一章 适用范围 (L340)'), md);
  await context.close();
});

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

test('a policy in the URL fragment loads, and ?embed shows only the report panels', async () => {
  const { page, context } = await openApp();
  const text = '隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n二、如何联系我们\n邮箱：privacy@example.com。\n';
  const fragment = await page.evaluate((t) => window.policylensFragment.encode(t), text);
  assert.ok(fragment.startsWith('#policy='));
  // A new fragment on the open page reloads it with the policy.
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length === 2);
  assert.equal(await page.inputValue('[data-testid=policy-input]'), text);
  await page.goto(`${server.url}?embed${fragment}`);
  await page.waitForSelector('html[data-ready=true] [data-embed=true]');
  assert.equal(await page.locator('[data-testid=policy-input]').count(), 0);
  for (const id of ['checklist', 'findings', 'sdk-map', 'facts']) {
    assert.equal(await page.locator(`[data-testid=${id}]`).count(), 1, id);
  }
  await context.close();
});

test('a fix is fetched when its box is opened, in the page language', async () => {
  const { page, context, errors } = await openApp();
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('rule-texts.json')) fetched.push(r.url()); });
  await paste(page, await policy('weidandan.txt'));
  assert.deepEqual(fetched, []);
  const box = page.locator('[data-testid=top-problems] details.fix').first();
  const rule = await box.getAttribute('data-fix-rule');
  await box.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=top-problems] [data-testid=fix-text]')?.dataset.filled === 'true');
  const zh = await box.locator('[data-testid=fix-text]').textContent();
  assert.match(zh, /[\u4e00-\u9fff]/, `${rule}: ${zh}`);
  assert.equal(fetched.length, 1);
  // In English the box starts afresh and fills in English from the same file.
  await page.click('[data-testid=lang-switch]');
  const en = page.locator(`[data-testid=top-problems] details.fix[data-fix-rule="${rule}"]`).first();
  await en.locator('summary').click();
  await page.waitForFunction((r) => document.querySelector(`[data-testid=top-problems] details.fix[data-fix-rule="${r}"] [data-testid=fix-text]`)?.dataset.filled === 'true', rule);
  const english = await en.locator('[data-testid=fix-text]').textContent();
  assert.ok(english.length > 20 && (english.match(/[a-z]/gi) ?? []).length > english.length / 2, english);
  assert.deepEqual(errors, []);
  await context.close();
});

/** `#policy=` of raw deflate bytes. */
function fragmentOf(bytes) {
  return '#policy=' + Buffer.from(bytes).toString('base64url');
}

test('a share link that unpacks to 100 MB gets a message, and the tab survives', async () => {
  const { page, context, errors } = await openApp();
  // About 100 KB of link for 100 MB of text.
  const bomb = deflateRawSync(Buffer.alloc(100 << 20, 0x61), { level: 9 });
  const started = Date.now();
  await page.goto(`${server.url}${fragmentOf(bomb)}`);
  await page.waitForSelector('html[data-ready=true] [data-testid=message]');
  const message = await page.textContent('[data-testid=message]');
  assert.match(message, /8 MB/);
  assert.equal(await page.inputValue('[data-testid=policy-input]'), '');
  // Still alive and answering.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  console.log(`# timing: a 100 MB share link refused in ${Date.now() - started} ms`);
  // A truncated link and a link of bytes that are not UTF-8 say why too.
  const good = deflateRawSync(Buffer.from('隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n'.repeat(20)));
  for (const [fragment, expected] of [
    [fragmentOf(good.subarray(0, good.length >> 1)), /不完整或已损坏/],
    [fragmentOf(deflateRawSync(Buffer.from([0xff, 0xfe, 0xc0, 0x80]))), /不是 UTF-8/],
    ['#policy=%%%not-base64', /不完整或已损坏/],
  ]) {
    await page.goto('about:blank');
    await page.goto(`${server.url}${fragment}`);
    await page.waitForSelector('html[data-ready=true] [data-testid=message]');
    assert.match(await page.textContent('[data-testid=message]'), expected, fragment.slice(0, 40));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('served under a sub-path, the app is styled and works', async () => {
  const sub = await serveDist('/docs/policylens/');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(r.url()); });
  await page.goto(sub.url);
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  // The stylesheet applies: the top bar is laid out as a flex row.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.topbar')).display), 'flex');
  await page.fill('[data-testid=policy-input]', await policy('taobao.txt'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length > 0);
  assert.deepEqual(missing, []);
  await context.close();
  await sub.close();
});

test('the embedding example page shows the review and the report data', async () => {
  const { page, context } = await openApp();
  await page.goto(`${server.url}embed-example.html`);
  await page.waitForFunction(() => document.querySelector('[data-testid=example-data]').textContent.includes('schema_version'));
  const data = JSON.parse(await page.textContent('[data-testid=example-data]'));
  assert.deepEqual(data.sections, ['一、我们如何收集和使用您的个人信息', '二、如何联系我们']);
  const frame = page.frameLocator('[data-testid=example-frame]');
  await frame.locator('[data-embed=true] [data-testid=checklist]').waitFor();
  // Sized by the stylesheet (the page's CSP forbids inline styles), not the
  // browser's 300×150 default.
  const box = await page.locator('[data-testid=example-frame]').boundingBox();
  assert.ok(box.height >= 400 && box.width >= 600, JSON.stringify(box));
  await context.close();
});

test('after the first visit the app works offline', async () => {
  const { page, context } = await openApp();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  await paste(page, await policy('apayun.txt'));
  await context.close();
});

test('a paste is analysed at once and the report comes first, the editor one click away', async () => {
  const { page, context } = await openApp();
  const text = await policy('taobao.txt');
  // From the paste event to the frame after the first screen (summary, map,
  // top problems) shows the new analysis, and to the frame after the panels
  // below it (outline, document, checklist) caught up: once on a fresh page
  // that has warmed up (the moment a reader takes to paste), once warm.
  const pasteToPaint = (t, heading) => page.evaluate(async ([t, heading]) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    // Checked at the start of each frame: the frame where `ready` first
    // holds paints it, and the next frame's callbacks run once it has.
    const until = async (ready) => {
      while (!ready()) await frame();
      await frame();
      return performance.now();
    };
    const area = document.querySelector('[data-testid=policy-input]');
    const before = document.querySelector('[data-testid=hero]')?.dataset.analysis;
    const start = performance.now();
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
    const first = await until(() => {
      const hero = document.querySelector('[data-testid=hero]');
      return hero && hero.dataset.analysis !== before;
    });
    const all = await until(() => [...document.querySelectorAll('[data-testid=outline] .heading')].some((h) => h.textContent === heading));
    return { first: first - start, all: all - start };
  }, [t, heading]);
  await page.waitForSelector('html[data-warm=true]');
  const cold = await pasteToPaint(text, '十、您如何联系我们');
  // The whole policy pasted into the empty editor: the report comes first,
  // and the editor, hidden, is not laid out again.
  assert.equal(await page.locator('[data-testid=policy-input]').isVisible(), false);
  assert.equal(await page.locator('[data-testid=hero]').isVisible(), true);
  const warm = await pasteToPaint(text.replaceAll('十、您如何联系我们', '十、如何联系我们'), '十、如何联系我们');
  const ms = (t) => `${t.first.toFixed(1)} ms to the first screen, ${t.all.toFixed(1)} ms to the whole report`;
  console.log(`timing: paste to painted report for taobao.txt on a fresh page ${ms(cold)}; warm ${ms(warm)}`);
  // One click shows the editor again, focused, with the text.
  await page.click('[data-testid=edit-text]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'policy-input');
  assert.match(await page.inputValue('[data-testid=policy-input]'), /十、如何联系我们/);
  assert.equal(await page.locator('[data-testid=edit-text]').count(), 0);
  await context.close();
});

test('with the editor hidden, a paste anywhere on the page is the next policy', async () => {
  const { page, context } = await openApp();
  await pasteRaw(page, await policy('taobao.txt'));
  await page.waitForSelector('[data-testid=edit-text]');
  const mijian = await policy('mijian.txt');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector('[data-testid=hero]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, mijian);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sdk-map] [data-sdk]').length === 12);
  assert.equal(await page.inputValue('[data-testid=policy-input]'), mijian);
  assert.equal(await page.locator('[data-testid=policy-input]').isVisible(), false);
  // Text that is not a policy brings the editor back, to be corrected.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '第一回 宴桃园豪杰三结义');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('[data-testid=not-a-policy]');
  assert.equal(await page.locator('[data-testid=policy-input]').isVisible(), true);
  await context.close();
});

test('text that is not a policy gets a message in the interface language, not failures', async () => {
  const { page, context } = await openApp();
  await pasteRaw(page, '第一回 宴桃园豪杰三结义 斩黄巾英雄首立功。\n话说天下大势，分久必合，合久必分。\n');
  await page.waitForSelector('[data-testid=not-a-policy]');
  assert.match(await page.textContent('[data-testid=not-a-policy]'), /不是中文隐私政策/);
  assert.equal(await page.locator('[data-testid=findings] [data-rule]').count(), 0);
  // No headline of zero failures for text nobody judged.
  assert.doesNotMatch(await page.textContent('[data-testid=summary]'), /必须项未满足/);
  await page.click('[data-testid=lang-switch]');
  assert.match(await page.textContent('[data-testid=not-a-policy]'), /does not read like a Chinese privacy policy/);
  await context.close();
});

test('text above the size limit keeps the editor content and says why', async () => {
  const { page, context } = await openApp();
  const huge = '我们收集您的个人信息。\n'.repeat(300_000); // 9.9 MB
  await pasteRaw(page, huge);
  await page.waitForSelector('[data-testid=too-large]', { timeout: 30_000 });
  assert.match(await page.textContent('[data-testid=too-large]'), /文本过大.*上限 8 MB/);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=policy-input]').value.length), huge.length);
  await context.close();
});

test('a draft survives a reload only when the user opted in', async () => {
  const { page, context } = await openApp();
  const draft = '隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n';
  await pasteRaw(page, draft);
  await page.reload();
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  assert.equal(await page.inputValue('[data-testid=policy-input]'), '');
  await page.check('[data-testid=save-draft]');
  await pasteRaw(page, draft);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length === 1);
  await page.reload();
  await page.waitForSelector('html[data-ready=true] [data-testid=policy-input]');
  await page.waitForFunction((d) => document.querySelector('[data-testid=policy-input]').value === d, draft);
  await page.uncheck('[data-testid=save-draft]');
  assert.equal(await page.evaluate(() => localStorage.getItem('policylens.draft')), null);
  await context.close();
});

for (const name of ['xiaoyun.txt', 'apayun.txt', 'weidandan.txt', 'mijian.txt', 'taobao.txt']) {
  test(`${name}: the checklist, findings and map on the page match the report`, async () => {
    const { page, context } = await openApp();
    const text = await policy(name);
    await pasteRaw(page, text);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=outline] .node.section').length > 0);
    const report = await reportOf(page, text);
    const rows = await page.$$eval('[data-testid=checklist] [data-category]', (els) =>
      els.map((e) => [e.dataset.category, e.dataset.status]));
    assert.deepEqual(rows, report.checklist.map((r) => [r.category, r.status]));
    const open = await page.$$eval('[data-testid=findings] .finding-group [data-rule]', (els) =>
      els.map((e) => `${e.dataset.rule}/${e.dataset.status}`).sort());
    const expected = report.findings.filter((f) => f.status !== 'pass').map((f) => `${f.rule}/${f.status}`).sort();
    assert.deepEqual(open, expected);
    const sdks = await page.$$eval('[data-testid=sdk-map] [data-sdk]', (els) => els.map((e) => e.dataset.sdk).sort());
    assert.deepEqual(sdks, report.sdks.map((s) => s.name).sort());
    // Recipients that are not SDKs are on the map too, apart from them.
    const recipients = await page.$$eval('[data-testid=sdk-map] [data-recipient]', (els) => els.map((e) => e.dataset.recipient).sort());
    assert.deepEqual(recipients, report.recipients.map((r) => r.name).sort());
    await context.close();
  });
}

test('a checklist row lists the findings that judge it, with the statuses of the findings panel', async () => {
  const { page, context, errors } = await openApp();
  const text = await policy('taobao.txt');
  await pasteRaw(page, text);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=checklist] .rule-chip').length > 0);
  const report = await reportOf(page, text);
  const chips = await page.$$eval('[data-testid=checklist] [data-category]', (rows) =>
    rows.map((r) => [r.dataset.category, [...r.querySelectorAll('.rule-chip')].map((c) => `${c.dataset.rule}/${c.dataset.status}`)]));
  // Every row lists the rules the report gives it that produced a finding.
  const status = Object.fromEntries(report.findings.map((f) => [f.rule, f.status]));
  assert.deepEqual(chips, report.checklist.map((r) => [r.category, r.rules.filter((id) => status[id]).map((id) => `${id}/${status[id]}`)]));
  const rights = chips.find(([c]) => c === 'rights')[1];
  assert.ok(rights.includes('RGT-06/fail') && rights.includes('RGT-01/pass'), rights.join());
  // …and each chip's status is the one the findings panel shows for that rule.
  const panel = await page.$$eval('[data-testid=findings] li.finding[id^=finding-]', (els) =>
    Object.fromEntries(els.map((e) => [e.id.slice('finding-'.length), e.dataset.status])));
  for (const [, list] of chips) {
    for (const chip of list) {
      const [rule, st] = chip.split('/');
      assert.equal(panel[rule], st, chip);
    }
  }
  // A covered row whose rules fail says so.
  const row = '[data-testid=checklist] li[data-category=rights]';
  assert.equal(await page.$eval(row, (e) => e.dataset.status), 'covered');
  assert.match(await page.$eval(`${row}.conflict .conflict-note`, (e) => e.textContent), /^有此章节，但下列规则未通过/);
  // A partial row says why.
  const partial = await page.$eval('[data-testid=checklist] li[data-category=permissions] .reason', (e) => e.dataset.reason);
  assert.equal(partial, 'clauses_only');
  // …and where in the outline a section on it would go, by the template's order.
  const place = '[data-testid=checklist] li[data-category=permissions] [data-testid=place]';
  // (The heading writes Cookie between no-break spaces.)
  assert.match(await page.$eval(place, (e) => e.textContent),
    /^按模板顺序，这一章应放在「二、我们如何收集、使用您的信息以及您可以如何管理您的信息」之后、「三、我们如何使用\sCookie\s和同类技术」之前。$/);
  await page.click(`${place} .place-heading >> nth=1`);
  await page.waitForFunction(() => /^三、我们如何使用\sCookie/.test(document.querySelector('[data-testid=document] .selected')?.textContent.trim()));
  // Clicking a chip brings its finding into view.
  await page.click(`${row} .rule-chip[data-rule=RGT-08]`);
  await page.waitForFunction(() => {
    const r = document.getElementById('finding-RGT-08').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page analyses as the CLI does: the clause model fetched beside the wasm is installed', async () => {
  const { page, context } = await openApp();
  for (const name of ['taobao.txt', 'xiaoyun.txt', 'mijian.txt']) {
    const native = cliReport(name);
    const inPage = await reportOf(page, await policy(name));
    // The same report, topics included (the model decides the broad ones).
    assert.deepEqual(inPage, native, name);
  }
  await context.close();
});

test('a failure says whether it rests on words not found or on text the policy states', async () => {
  const { page, context, errors } = await openApp();
  await pasteRaw(page, await policy('xiaoyun.txt'));
  await page.waitForSelector('#finding-WRD-01 .basis');
  assert.equal(await page.$eval('#finding-WRD-01 .basis', (e) => `${e.dataset.basis} ${e.textContent}`), 'stated 文本所示');
  assert.equal(await page.$eval('#finding-CTL-02 .basis', (e) => `${e.dataset.basis} ${e.textContent}`), 'missing 未找到');
  // A pass rests on the clauses it cites, and has no such tag.
  assert.equal(await page.locator('[data-testid=findings] li.finding[data-status=pass] .basis').count(), 0);
  assert.ok(await page.locator('[data-testid=findings] li.finding[data-status=fail]').count() > 0);
  assert.equal(await page.locator('[data-testid=findings] li.finding[data-status=fail]:not(:has(.basis))').count(), 0);
  await page.click('[data-testid=lang-switch]');
  await page.waitForFunction(() => document.querySelector('#finding-WRD-01 .basis')?.textContent === 'in the text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PIPL source opens its article, and the legal texts are fetched only then', async () => {
  const { page, context, errors } = await openApp();
  const legalRequests = [];
  page.on('request', (r) => { if (r.url().includes('legal.json')) legalRequests.push(r.url()); });
  await pasteRaw(page, await policy('weidandan.txt'));
  await page.waitForSelector('[data-testid=findings] li.finding .source[data-source^="PIPL "]');
  assert.deepEqual(legalRequests, [], 'legal.json before any click');
  const source = page.locator('[data-testid=findings] li.finding .source[data-source^="PIPL "]').first();
  const cited = await source.getAttribute('data-source');
  await source.click();
  const panel = page.locator(`[data-testid=legal-text][data-source="${cited}"]`);
  await panel.waitFor();
  await page.waitForFunction(() => /^第[一二三四五六七八九十]+条/.test(document.querySelector('[data-testid=legal-text] .legal-body').textContent));
  const shown = await panel.locator('.legal-body').textContent();
  const legal = JSON.parse(await readFile(join(dist, 'legal.json'), 'utf8'));
  const article = cited.split(' ')[1].split('(')[0];
  assert.equal(shown, legal.PIPL[article]);
  assert.match(shown, /^第[一二三四五六七八九十]+条/);
  // The document's full title and number above it.
  assert.equal(await panel.locator('.legal-title').textContent(), '《中华人民共和国个人信息保护法》（主席令第九十一号（2021））');
  assert.equal(legalRequests.length, 1);
  await page.keyboard.press('Escape');
  // A national standard shows its title, number and clause only, and fetches nothing more.
  const standard = page.locator('[data-testid=findings] li.finding .source[data-source^="GB/T 35273"]').first();
  await standard.click();
  const std = await page.locator('[data-testid=legal-text][data-source^="GB/T"] .legal-body').textContent();
  assert.match(std, /^GB\/T .+ — 国家标准，不含正文$/);
  assert.equal(await page.locator('[data-testid=legal-text] .legal-title').textContent(), '《信息安全技术 个人信息安全规范》（GB/T 35273-2020）');
  assert.equal(legalRequests.length, 1);
  assert.equal(await page.locator('[data-testid=legal-text]').count(), 1);
  // Escape closes the panel and gives the focus back to the source.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=legal-text]').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.source?.startsWith('GB/T')), true);
  assert.deepEqual(errors, []);
  await context.close();
});
