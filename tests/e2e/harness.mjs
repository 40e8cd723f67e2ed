// Shared pieces of the end-to-end tests: a static file server for dist/ on
// 127.0.0.1, and headless Chromium (Debian's) driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
export const dist = join(repo, 'dist');
export const corpus = join(repo, 'tests', 'corpus');
export const artifacts = join(here, 'artifacts');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ on 127.0.0.1 at a free port, under `base` (`/` or a sub-path
 * such as `/docs/policylens/`: anything outside it is a 404); resolves to
 * { url, close }.
 */
export function serveDist(base = '/') {
  return serveDir(dist, base);
}

/** Serves the directory `root` as serveDist serves dist/. */
export async function serveDir(root, base = '/') {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    const path = normalize(decodeURIComponent('/' + pathname.slice(base.length)));
    const file = join(root, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches Debian's Chromium headless with the flags this machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** A file of the repository's test corpus, by its path under tests/corpus. */
export async function corpusFile(rel) {
  return readFile(join(corpus, rel), 'utf8');
}

export async function policy(name) {
  return readFile(join(corpus, 'policies', name), 'utf8');
}

/** Sets the editor's text as a paste does (fill() types, which is slow for megabytes). */
export async function pasteRaw(page, text) {
  await page.evaluate((t) => {
    const area = document.querySelector('[data-testid=policy-input]');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);
}

/**
 * The CLI's JSON report of a corpus policy, to compare a page's with. `make
 * test` builds the CLI (test-native) before the end-to-end tests;
 * POLICYLENS_CLI names another build, else the newest build in
 * CARGO_TARGET_DIR (or target/) is the one to trust.
 */
export function cliReport(name) {
  const target = process.env.CARGO_TARGET_DIR ?? join(repo, 'target');
  const cli = process.env.POLICYLENS_CLI ?? ['release', 'debug']
    .map((p) => join(target, p, 'policylens'))
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!cli) throw new Error('build the CLI first: cargo build -p policylens-cli');
  const out = execFileSync(cli, ['analyze', '--format', 'json', join(corpus, 'policies', name)], { maxBuffer: 1 << 26 });
  return JSON.parse(out.toString());
}
