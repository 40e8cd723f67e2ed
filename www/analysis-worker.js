// Runs the analysis off the main thread, so that a 1 MB policy never freezes
// the page. It loads the same wasm module as the page (cached, not fetched
// twice); the module's start function does nothing where there is no window.
import init, { analyze_timed } from './policylens-web.js';

const ready = init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) }).then(() => {
  // Warm up: the first analysis builds the matchers and lets the engine
  // compile the hot code, so the user's first paste is not the slow one.
  // The text touches every matcher: clause words, an SDK table, the data
  // vocabulary, prose SDK names, recipients, facts. Repeated, so that the
  // engine sees the hot code often enough to optimise it (V8 tiers wasm up
  // by how much each function runs).
  const sample = '隐私政策\n更新日期：2024年1月1日\n一、我们如何收集和使用您的个人信息\n我们收集您的手机号、设备信息，并与支付机构（包括支付宝）共享；我们接入了友盟SDK。\n当您扫码时，我们会调用您的相机权限。\nSDK名称：个推SDK\n使用目的：消息推送\n收集个人信息：设备标识符（IMEI、OAID）\n二、如何联系我们\n邮箱：a@example.com，我们将在15个工作日内回复。\n';
  for (let i = 0; i < 4; i++) {
    analyze_timed(sample.repeat(40));
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
