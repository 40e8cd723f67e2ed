// The npm package as a user gets it: the tarball that scripts/npm-pack.sh
// packed into target/npm/ (`make test-npm` packs it, then runs this file)
// installed into an empty project, its types checked by tsc, and its
// `analyze()` and `<policy-lens>` element run in headless Chromium from a
// plain HTML page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir, launch, policy, repo, corpus, screenshot, cliReport } from './harness.mjs';

const here = join(repo, 'tests', 'e2e');
const packed = join(repo, 'target', 'npm');
let project;
let installed;
let server;
let browser;
const requests = [];

/**
 * A new page whose requests go to `requests` and whose errors (uncaught,
 * console errors and, with `responses`, failed responses) go to `errors`.
 */
async function watchedPage({ responses = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (responses) page.on('response', (r) => { if (!r.ok()) errors.push(`${r.status()} ${r.url()}`); });
  return { context, page, errors };
}

const SHORT_POLICY = `隐私政策
一、我们如何收集和使用您的个人信息
我们收集您的手机号用于注册。
二、如何联系我们
邮箱：privacy@example.com。
`;

before(async () => {
  const tarballs = existsSync(packed) ? readdirSync(packed).filter((f) => /^policylens-.*\.tgz$/.test(f)) : [];
  assert.equal(tarballs.length, 1, `one tarball in ${packed}: run make test-npm (or scripts/npm-pack.sh after make dist)`);
  project = await mkdtemp(join(tmpdir(), 'policylens-npm-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Offline: the package has no dependencies, so the tarball is all npm needs.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(packed, tarballs[0])], { cwd: project });
  installed = join(project, 'node_modules', 'policylens');
  await copyFile(join(corpus, 'policies', 'mijian.txt'), join(project, 'mijian.txt'));
  server = await serveDir(project);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (project) await rm(project, { recursive: true, force: true });
  if (server) {
    // Nothing but the page's own files, from its own origin.
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
  }
});

test('the tarball installs into an empty project, at the workspace version, with the files it needs', async () => {
  const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  const cargo = await readFile(join(repo, 'Cargo.toml'), 'utf8');
  const version = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
  assert.equal(pkg.name, 'policylens');
  assert.equal(pkg.version, version);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.dependencies, undefined);
  assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', default: './index.js' });
  for (const f of pkg.files) assert.ok(existsSync(join(installed, f)), f);
  // The wasm and the clause model are the release bundle's, byte for byte.
  for (const f of ['policylens-web_bg.wasm', 'clause_model.bin', 'style.css']) {
    assert.ok((await readFile(join(installed, f))).equals(await readFile(join(repo, 'dist', f))), f);
  }
  // The report types are the generated ones.
  const types = await readFile(join(installed, 'report.d.ts'), 'utf8');
  assert.match(types, /^\/\/ Generated from the Rust types/);
  assert.match(types, /export type Sdk = \{ name: string, canonical: string \| null, provider: string \| null,/);
});

test('TypeScript: reading report.sdks[0].provider type-checks, wrong uses do not, and the CLI reports are Reports', async () => {
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'],
      strict: true, noEmit: true, skipLibCheck: false, types: [],
    },
    files: ['check.ts', 'reports.ts'],
  }));
  await writeFile(join(project, 'check.ts'), `import { init, analyze, rules, type Report, type Sdk, type FindingStatus } from 'policylens';

await init();
const report: Report = analyze('隐私政策');
const provider: string | null = report.sdks[0].provider;
const status: FindingStatus = report.findings[0].status;
const sdk: Sdk | undefined = report.sdks.find((s) => s.data_open === true);
const start: number = report.outline[0].span[0];
const titles: string[] = rules().map((r) => r.title_en);
const element = document.createElement('policy-lens');
element.text = 'x';
// @ts-expect-error: a provider may be null
const notNull: string = report.sdks[0].provider;
// @ts-expect-error: there is no such field
report.sdks[0].vendor;
// @ts-expect-error: statuses are a closed set
const wrong: FindingStatus = 'failed';
// @ts-expect-error: text, not bytes
analyze(new Uint8Array(1));
export { provider, status, sdk, start, titles, notNull, wrong };
`);
  // The CLI's JSON as object literals typed Report: tsc checks every field
  // against the generated types (excess fields, enum spellings, nullability).
  const reports = ['mijian.txt', 'taobao.txt', 'xiaoyun.txt'].map((name) => JSON.stringify(cliReport(name)));
  await writeFile(join(project, 'reports.ts'), `import type { Report } from 'policylens';\n\nexport const reports: Report[] = [\n${reports.join(',\n')}\n];\n`);
  const tsc = join(here, 'node_modules', '.bin', 'tsc');
  try {
    execFileSync(tsc, ['-p', project], { cwd: project, stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
  // And a wrong use fails for the reason the types give.
  await writeFile(join(project, 'check.ts'), `import { analyze } from 'policylens';\nexport const n: number = analyze('').sdks[0].provider;\n`);
  const failed = (() => {
    try {
      execFileSync(tsc, ['-p', project], { cwd: project, stdio: 'pipe' });
      return '';
    } catch (e) {
      return String(e.stdout);
    }
  })();
  assert.match(failed, /check\.ts.*TS2322: Type 'string \| null' is not assignable to type 'number'/);
});

test('in Chromium: <policy-lens> renders inline and src= policies with the package styles, and analyze() is the CLI', async () => {
  await writeFile(join(project, 'index.html'), `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>policylens from npm</title>
  <link rel="icon" href="data:,">
  <script type="importmap">{ "imports": { "policylens": "./node_modules/policylens/index.js" } }</script>
  <script type="module">
    import { init, analyze, rules } from 'policylens';
    await init();
    window.lens = { analyze, rules };
    document.documentElement.dataset.ready = 'true';
  </script>
</head>
<body>
  <policy-lens id="inline" lang="en">${SHORT_POLICY}</policy-lens>
  <policy-lens id="by-url" src="./mijian.txt"></policy-lens>
</body>
</html>
`);
  const { context, page, errors } = await watchedPage({ responses: true });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready=true] #inline[data-state=ready]');
  await page.waitForSelector('#by-url[data-state=ready]');

  await screenshot(page, 'npm-element');

  // The inline policy, in English (playwright's CSS selectors pierce open shadow roots).
  const inline = page.locator('#inline');
  assert.equal(await inline.locator('[data-testid=checklist] h2').textContent(), 'Checklist');
  assert.equal(await inline.locator('[data-testid=checklist] li[data-category=collection]').getAttribute('data-status'), 'covered');
  assert.equal(await inline.locator('[data-testid=checklist] li[data-category=contact]').getAttribute('data-status'), 'covered');
  assert.equal(await inline.locator('[data-testid=checklist] li[data-category=sdk]').getAttribute('data-status'), 'missing');
  assert.match(await inline.locator('[data-testid=facts]').textContent(), /privacy@example\.com/);
  // The policy's own text is not shown raw: only the panels.
  assert.equal(await page.$eval('#inline', (e) => e.shadowRoot.querySelector('.app.embed').getAttribute('lang')), 'en');

  // The policy fetched from src=: mijian.txt's SDKs on the map.
  const byUrl = page.locator('#by-url');
  assert.equal(await byUrl.locator('[data-testid=sdk-map] h2').textContent(), '第三方 SDK 数据流');
  assert.ok(await byUrl.locator('[data-testid=sdk-map] [data-sdk="微信SDK"]').count() >= 1);
  assert.ok(await byUrl.locator('[data-testid=sdk-map] [data-sdk="友盟移动统计SDK"]').count() >= 1);
  assert.equal(await byUrl.locator('[data-testid=checklist] li[data-category=scope]').getAttribute('data-status'), 'missing');

  // The package's stylesheet applies inside the shadow root.
  const style = await page.$eval('#by-url', (host) => {
    const panel = host.shadowRoot.querySelector('[data-testid=checklist]');
    const s = getComputedStyle(panel);
    return { host: getComputedStyle(host).display, radius: s.borderTopLeftRadius, border: s.borderTopStyle, accent: getComputedStyle(host).getPropertyValue('--accent').trim() };
  });
  assert.deepEqual(style, { host: 'block', radius: '8px', border: 'solid', accent: '#0b5cd5' });

  // A legal source opens its article, and a fix fills in the element's language.
  const source = inline.locator('button.source[data-source^="PIPL "]').first();
  const cited = await source.getAttribute('data-source');
  await source.click();
  const legal = inline.locator(`[data-testid=legal-text][data-source="${cited}"] .legal-body`);
  await page.waitForFunction((s) => /^第[一二三四五六七八九十百]+条/.test(document.querySelector('#inline').shadowRoot.querySelector(`[data-testid=legal-text][data-source="${s}"] .legal-body`)?.textContent ?? ''), cited);
  assert.equal(await legal.getAttribute('lang'), 'zh-CN');
  const fix = inline.locator('details.fix').first();
  await fix.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('#inline').shadowRoot.querySelector('details.fix[open] .fix-text')?.dataset.filled === 'true');
  assert.equal(await fix.locator('.fix-text').getAttribute('lang'), 'en');
  assert.match(await fix.locator('.fix-text').textContent(), /^[A-Z]/);

  // The text property wins over the content; the panels follow it.
  await page.$eval('#inline', (e, t) => { e.dataset.state = ''; e.text = t; }, await policy('mijian.txt'));
  await page.waitForSelector('#inline[data-state=ready]');
  assert.ok(await inline.locator('[data-testid=sdk-map] [data-sdk="微信SDK"]').count() >= 1);

  // analyze() from the package is the CLI's report, topics included (the
  // clause model was installed by init()).
  for (const name of ['taobao.txt', 'xiaoyun.txt', 'mijian.txt']) {
    const inPage = await page.evaluate((t) => JSON.parse(JSON.stringify(window.lens.analyze(t))), await policy(name));
    assert.deepEqual(inPage, cliReport(name), name);
  }
  const rules = await page.evaluate(() => window.lens.rules());
  assert.deepEqual(rules[0], {
    id: 'PUB-01', severity: 'must', category: null,
    title_zh: '隐私政策是单独、公开的文件', title_en: 'The policy is a separate, public document',
    sources: ['PIPL 7', 'PIPL 17', 'NDSR 21', '自评估指南 1.2'],
  });
  const ids = new Set(rules.map((r) => r.id));
  assert.equal(ids.size, rules.length);
  assert.deepEqual(cliReport('mijian.txt').findings.map((f) => f.rule).filter((id) => !ids.has(id)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Chromium under a strict CSP: the element renders, and the page can restyle it through its variables', async () => {
  await writeFile(join(project, 'csp.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy"
        content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'">
  <title>policylens under a CSP</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="csp.css">
  <script type="module" src="csp.js"></script>
</head>
<body><policy-lens src="./mijian.txt" lang="en"></policy-lens></body>
</html>
`);
  await writeFile(join(project, 'csp.js'), "import './node_modules/policylens/index.js';\n");
  await writeFile(join(project, 'csp.css'), 'policy-lens { --accent: rgb(107, 43, 217); }\n');
  const { context, page, errors } = await watchedPage();
  await page.goto(`${server.url}csp.html`);
  await page.waitForSelector('policy-lens[data-state=ready]');
  assert.ok(await page.locator('policy-lens [data-testid=sdk-map] [data-sdk="微信SDK"]').count() >= 1);
  const styled = await page.$eval('policy-lens', (host) => ({
    accent: getComputedStyle(host).getPropertyValue('--accent').trim(),
    radius: getComputedStyle(host.shadowRoot.querySelector('[data-testid=findings]')).borderTopLeftRadius,
  }));
  assert.deepEqual(styled, { accent: 'rgb(107, 43, 217)', radius: '8px' });
  assert.deepEqual(errors, []);
  await context.close();
});
