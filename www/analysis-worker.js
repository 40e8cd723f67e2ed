// Runs the analysis off the main thread, so that a 1 MB policy never freezes
// the page. It loads the same wasm module as the page (cached, not fetched
// twice); the module's start function does nothing where there is no window.
import init, { analyze } from './policylens-web.js';

const ready = init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) }).then(() => {
  // Warm up: the first analysis builds the matchers and lets the engine
  // compile the hot code, so the user's first paste is not the slow one.
  analyze('隐私政策\n一、我们如何收集和使用您的个人信息\n我们收集您的手机号、设备信息，并与第三方共享。\n二、如何联系我们\n邮箱：a@example.com。\n');
});

self.onmessage = async (event) => {
  await ready;
  const { id, text } = event.data;
  const started = performance.now();
  try {
    const report = analyze(text);
    self.postMessage({ id, report, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
