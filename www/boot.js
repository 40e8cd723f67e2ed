// Loads the wasm module. Kept out of index.html so that the
// Content-Security-Policy can forbid inline scripts.
//
// Also: reads a policy passed in the URL fragment (#policy=…, deflate-raw and
// base64url; the fragment never reaches a server), and registers the service
// worker that lets the app work offline after its first load.
import init, * as bindings from './policylens-web.js';
import { decodeFragment, encodeFragment, LONG_LINK } from './fragment.js';

const started = performance.now();
window.policylensFragment = { encode: encodeFragment, decode: decodeFragment, longLink: LONG_LINK };
try {
  window.__policylensInitialText = await decodeFragment(location.hash);
} catch (error) {
  // The app says why (too_large, invalid, not_utf8) in the reader's language.
  window.__policylensInitialText = null;
  window.__policylensFragmentError = error?.kind ?? 'invalid';
}
// The clause model is a static file beside the wasm (not built into it):
// fetched in parallel with the module, installed before the app mounts. If
// it cannot be had, the app runs on the rules' topics alone.
const model = fetch(new URL('./clause_model.bin', import.meta.url))
  .then((r) => (r.ok ? r.arrayBuffer() : null))
  .catch(() => null);
await init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) });
const bytes = await model;
if (bytes) {
  try {
    bindings.install_clause_model(new Uint8Array(bytes));
  } catch (error) {
    console.warn('PolicyLens: the clause model could not be read', error);
  }
}
bindings.start();
window.policylens = bindings;
// A new policy in the fragment (an embedding page updating its iframe, a
// pasted share link) reloads the page, which reads it afresh.
// (The app's own share link uses history.replaceState, which fires no
// hashchange.)
addEventListener('hashchange', () => {
  if (location.hash.startsWith('#policy=')) location.reload();
});
window.__policylensBootMs = performance.now() - started;
document.documentElement.dataset.ready = 'true';

if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === '127.0.0.1' || location.hostname === 'localhost')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
