// The API of index.js. The report's types (Report, Finding, Sdk, …) are in
// report.d.ts, generated from the Rust types by ts-rs; only this file's
// function and element declarations are written by hand.
import type { Report, RuleInfo } from './report.js';

export type * from './report.js';

/** What `init` may be given instead of the files beside the module. */
export type Source = string | URL | Response | BufferSource | Promise<string | URL | Response | BufferSource>;

export interface InitOptions {
  /** The wasm module (default: `policylens-web_bg.wasm` beside index.js). */
  wasm?: Source | WebAssembly.Module;
  /** The clause model (default: `clause_model.bin` beside index.js). */
  model?: Source;
}

/**
 * Loads the wasm module and installs the clause model; await it once before
 * `analyze` or `rules`. Later calls return the same promise.
 */
export function init(options?: InitOptions): Promise<void>;

/**
 * The report of `text`: the same as `policylens analyze --format json`.
 * Throws unless `init()` has finished.
 */
export function analyze(text: string): Report;

/** Every rule, in the order reports list them. Throws unless `init()` has finished. */
export function rules(): RuleInfo[];

/**
 * `<policy-lens>`: the report panels of a policy given as the `text`
 * property, by URL (`src`), or as the element's text content. `lang="en"`
 * for English. Fires `load` when the panels are shown (`data-state="ready"`)
 * and `error` when the policy cannot be had (`data-state="error"`).
 */
export class PolicyLensElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The policy text; wins over `src` and the content. `null` falls back to them. */
  text: string | null;
  /** The URL of the policy, resolved against the document's base URL. */
  src: string | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'policy-lens': PolicyLensElement;
  }
}
