// Runs the analysis off the main thread, so that a 1 MB policy never freezes
// the page. It loads the same wasm module as the page (cached, not fetched
// twice); the module's start function does nothing where there is no window.
import init, { analyze_timed, warm_up } from './policylens-web.js';

const ready = init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) }).then(() => {
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
