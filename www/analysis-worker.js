// Runs the analysis off the main thread, so that a 1 MB policy never freezes
// the page. It loads the same wasm module as the page (cached, not fetched
// twice); the module's start function does nothing where there is no window.
import init, { analyze_timed, warm_up, install_clause_model } from './policylens-web.js';

// The clause model, fetched as the page fetched it (from the cache).
const model = fetch(new URL('./clause_model.bin', import.meta.url))
  .then((r) => (r.ok ? r.arrayBuffer() : null))
  .catch(() => null);
const ready = Promise.all([init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) }), model]).then(([, bytes]) => {
  if (bytes) {
    try {
      install_clause_model(new Uint8Array(bytes));
    } catch {
      // The analysis keeps the rules' topics.
    }
  }
  for (let i = 0; i < 4; i++) {
    warm_up();
  }
});

self.onmessage = async (event) => {
  await ready;
  const { id, text } = event.data;
  const started = performance.now();
  try {
    const { report, ms } = analyze_timed(text);
    // `ms`: the analysis; `total`: with the report's conversion to an object.
    self.postMessage({ id, report, ms, total: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
