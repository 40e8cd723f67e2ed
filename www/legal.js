// Legal sources and checklist → findings links, by event delegation, so that
// they cost the wasm nothing:
//
// - a `.source` button (a rule's source, e.g. `PIPL 17(1)`) opens a small
//   panel with the cited article, read from legal.json. The file is fetched
//   on the first such click, never before, and kept by the service worker for
//   offline visits. National standards (GB/T) are copyrighted: the panel says
//   their text is not included. The panel's words come from the `data-*`
//   attributes the app puts on the `.sources` list (src/i18n.rs).
// - a rule's fix (`details.fix`) is filled from rule-texts.json when opened
//   (the fixes are not in the wasm; see below).
// - a `.rule-chip` button in a checklist row scrolls to its finding
//   (`#finding-RULE`), opening the "passed" group when it is there.
//
// The page's document is wired when the module loads; `wire(shadowRoot)`
// does the same inside a shadow root (the npm package's `<policy-lens>`
// element), whose events the document sees only retargeted to the host.
const LAWS = new Set(['PIPL', 'NDSR', '认定方法', '儿童规定']);
let panel = null;
let opener = null;
const fetched = new Map();

// Literal `new URL('./…', import.meta.url)`s, so that bundlers (Vite,
// webpack, esbuild) that copy this file copy the two files beside it too.
const FILES = {
  'legal.json': new URL('./legal.json', import.meta.url),
  'rule-texts.json': new URL('./rule-texts.json', import.meta.url),
};

/** The JSON file `name` beside this script, fetched once (again after a failure). */
function loadJson(name) {
  if (!fetched.has(name)) {
    fetched.set(name, fetch(FILES[name])
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .catch((e) => { fetched.delete(name); throw e; }));
  }
  return fetched.get(name);
}

/** `PIPL 17(1)` → ['PIPL', '17']; null for a source legal.json cannot hold. */
export function lawArticle(source) {
  const [law, rest] = source.split(/ (.*)/s);
  return LAWS.has(law) && rest ? [law, rest.split('(')[0]] : null;
}

function close() {
  panel?.remove();
  panel = null;
  opener?.setAttribute('aria-expanded', 'false');
  if (opener?.isConnected) opener.focus();
  opener = null;
}

/** Opens the article of a source button; the panel goes into `root` (the body of a document). */
async function open(button, root) {
  const source = button.dataset.source;
  const words = button.closest('.sources')?.dataset ?? {};
  const again = opener === button;
  close();
  if (again) return;
  opener = button;
  button.setAttribute('aria-expanded', 'true');
  panel = document.createElement('div');
  panel.className = 'legal-text';
  panel.dataset.testid = 'legal-text';
  panel.dataset.source = source;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', source);
  const shut = document.createElement('button');
  shut.type = 'button';
  shut.className = 'close';
  shut.textContent = '×';
  shut.setAttribute('aria-label', words.close ?? 'Close');
  shut.addEventListener('click', close);
  const head = document.createElement('p');
  head.className = 'legal-head';
  head.textContent = source;
  const body = document.createElement('p');
  body.className = 'legal-body';
  panel.append(shut, head, body);
  (root.body ?? root).append(panel);
  shut.focus();
  const title = document.createElement('p');
  title.className = 'legal-title';
  title.lang = 'zh-CN';
  head.after(title);
  const cited = lawArticle(source);
  const mine = panel;
  body.textContent = words.loading ?? '…';
  let text;
  try {
    const all = await loadJson('legal.json');
    // The cited document's full title and number, for every source.
    const doc = all._header?.sources?.[documentKey(source)];
    if (doc && panel === mine) title.textContent = `《${doc.title}》（${doc.number}）`;
    text = cited ? all[cited[0]]?.[cited[1]] : undefined;
    if (text !== undefined) body.lang = 'zh-CN';
    else text = `${source} — ${source.startsWith('GB/T') ? words.std : words.none}`;
  } catch {
    text = words.fail;
  }
  if (panel === mine) body.textContent = text;
}

/** `GB/T 35273 7.5` → `GB/T 35273`; `PIPL 17(1)` → `PIPL`; `感知提升` → itself. */
export function documentKey(source) {
  return source.startsWith('GB/T ') ? source.split(' ').slice(0, 2).join(' ') : source.split(' ')[0];
}

/**
 * Wires the source buttons, the checklist's rule chips and the fix boxes
 * inside `root`: a document, or a shadow root the panels are rendered in.
 */
export function wire(root) {
  root.addEventListener('click', (event) => {
    const source = event.target.closest?.('button.source[data-source]');
    if (source) {
      open(source, root);
      return;
    }
    const chip = event.target.closest?.('button.rule-chip[data-rule]');
    if (chip) {
      const finding = root.getElementById(`finding-${chip.dataset.rule}`);
      if (!finding) return;
      const group = finding.closest('details');
      if (group) group.open = true;
      finding.scrollIntoView({ block: 'center' });
    }
  });

  // A rule's fix (`details.fix[data-fix-rule]`): filled from rule-texts.json, in the
  // panels' language (the nearest `lang`: the page's, or the element's), the first
  // time the box is opened; the file is fetched then, never before. (`toggle` does
  // not bubble: listen in the capture phase.)
  root.addEventListener('toggle', async (event) => {
    const box = event.target;
    if (!(box instanceof HTMLDetailsElement) || !box.open || !box.matches('details.fix[data-fix-rule]')) return;
    const text = box.querySelector('.fix-text');
    if (!text || text.dataset.filled) return;
    const english = (box.closest('[lang]')?.lang ?? document.documentElement.lang) === 'en';
    text.textContent = box.dataset.loading ?? '…';
    try {
      const rule = (await loadJson('rule-texts.json'))[box.dataset.fixRule];
      text.textContent = (english ? rule?.fix_en : rule?.fix) ?? '';
      text.lang = english ? 'en' : 'zh-CN';
      text.dataset.filled = 'true';
    } catch {
      text.textContent = box.dataset.fail ?? '';
    }
  }, true);
}

// The page's own document (none in a worker or Node, where the npm package
// that imports this module still analyses).
if (typeof document !== 'undefined') {
  wire(document);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel) close();
  });
}
