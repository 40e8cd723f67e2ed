// Loads the wasm module. Kept out of index.html so that the
// Content-Security-Policy can forbid inline scripts.
import init, * as bindings from './policylens-web.js';

const started = performance.now();
await init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) });
window.policylens = bindings;
window.__policylensBootMs = performance.now() - started;
document.documentElement.dataset.ready = 'true';
