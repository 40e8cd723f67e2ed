// The example of embedding: an iframe of the app in ?embed mode with the
// policy in the fragment, and the exported analyze() used directly.
import init, { analyze } from './policylens-web.js';
import { encodeFragment } from './fragment.js';

const area = document.getElementById('policy');

async function show() {
  document.getElementById('frame').src = './?embed' + (await encodeFragment(area.value));
  await ready;
  const report = analyze(area.value);
  const sections = report.outline.flatMap((d) => d.children).filter((n) => n.kind === 'section');
  document.getElementById('data').textContent = JSON.stringify(
    { schema_version: report.schema_version, sections: sections.map((s) => s.heading), facts: report.facts },
    null,
    2,
  );
}

// This page has no [data-policylens-app] element, so init() mounts no app.
const ready = init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) });
document.getElementById('show').addEventListener('click', show);
show();
