// PolicyLens for JavaScript: the analysis of the web app (the same wasm
// module, built by `make dist`) as functions, and the <policy-lens> element
// that renders a policy's report panels.
//
// Every file is found relative to this module with literal
// `new URL('./…', import.meta.url)`s, which browsers resolve as they are and
// bundlers (Vite, webpack 5, esbuild, Parcel) turn into copied assets.
import initWasm, * as wasm from './policylens-web.js';
import { wire } from './legal.js';

let ready = null;
let installed = false;

/**
 * Loads the wasm module and installs the clause model beside it; call it
 * (and await it) once before `analyze` or `rules`. Later calls return the
 * same promise. `options.wasm` and `options.model` replace the files (a URL,
 * a Response, bytes, or a promise of one), e.g. bytes read from disk in Node.
 */
export function init(options = {}) {
  ready ??= load(options).catch((error) => {
    ready = null;
    throw error;
  });
  return ready;
}

async function load({ wasm: module = new URL('./policylens-web_bg.wasm', import.meta.url), model = new URL('./clause_model.bin', import.meta.url) }) {
  const bytes = modelBytes(model);
  await initWasm({ module_or_path: module });
  // Without the model the topics would be the rules' alone and the report
  // not the CLI's: a model that cannot be had is an error.
  wasm.install_clause_model(await bytes);
  installed = true;
}

async function modelBytes(model) {
  let value = await model;
  if (typeof value === 'string' || value instanceof URL) {
    value = await fetch(value);
  }
  if (typeof Response !== 'undefined' && value instanceof Response) {
    if (!value.ok) throw new Error(`PolicyLens: clause_model.bin could not be loaded (HTTP ${value.status})`);
    value = await value.arrayBuffer();
  }
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

function loaded() {
  if (!installed) throw new Error('PolicyLens: call (and await) init() first');
  return wasm;
}

/**
 * The report of `text`, a plain object with the shape of the `Report` type
 * (docs/report-schema.md): the same as `policylens analyze --format json`.
 * Any text gets a report; text that is not a privacy policy says so in
 * `report.input.kind`.
 */
export function analyze(text) {
  return loaded().analyze(String(text));
}

/** Every rule, in the order reports list them: id, severity, topic, titles, legal sources. */
export function rules() {
  return loaded().rules();
}

// The element is defined only where there are custom elements (not in Node
// or a worker, where the functions above still work).
const Base = globalThis.HTMLElement ?? class {};

/**
 * `<policy-lens>`: the report panels of a policy (summary, checklist,
 * findings, SDK map, facts), rendered by the wasm module's own views into a
 * shadow root with the package's stylesheet. The policy is the `text`
 * property if set, else the file at the `src` attribute (fetched), else the
 * element's text content. `lang="en"` shows the panels in English (Chinese
 * otherwise). When the panels are shown the element gets `data-state="ready"`
 * and fires `load`; a failure sets `data-state="error"` and fires `error`.
 */
export class PolicyLensElement extends Base {
  static observedAttributes = ['src', 'lang'];

  #text = null;
  #mount = null;
  #root = null;
  #renders = 0;
  #observer = null;

  /** The policy text, which wins over `src` and the content; `null` to fall back to them. */
  get text() {
    return this.#text;
  }

  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#render();
  }

  get src() {
    return this.getAttribute('src');
  }

  set src(value) {
    if (value == null) this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = new URL('./style.css', import.meta.url).href;
      this.#root = document.createElement('div');
      shadow.append(style, this.#root);
      wire(shadow);
    }
    // The inline policy may be parsed after the element is connected, or changed later.
    this.#observer = new MutationObserver(() => {
      if (this.#text == null && !this.src) this.#render();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#render();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#mount?.destroy();
    this.#mount = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  async #render() {
    if (!this.isConnected) return;
    const render = ++this.#renders;
    try {
      await init();
      const text = this.#text ?? (this.src ? await this.#fetch(this.src) : this.textContent);
      if (render !== this.#renders || !this.isConnected) return;
      const lang = this.getAttribute('lang') === 'en' ? 'en' : 'zh';
      if (this.#mount) this.#mount.update(text, lang);
      else this.#mount = wasm.mount_report(this.#root, text, lang);
      this.dataset.state = 'ready';
      this.dispatchEvent(new Event('load'));
    } catch (error) {
      if (render !== this.#renders) return;
      this.dataset.state = 'error';
      this.dispatchEvent(new ErrorEvent('error', { error, message: String(error?.message ?? error) }));
    }
  }

  async #fetch(src) {
    const response = await fetch(new URL(src, document.baseURI));
    if (!response.ok) throw new Error(`PolicyLens: ${src} could not be loaded (HTTP ${response.status})`);
    return response.text();
  }
}

if (globalThis.customElements && !customElements.get('policy-lens')) {
  customElements.define('policy-lens', PolicyLensElement);
}
