// The example of embedding: an iframe of the app in ?embed mode with the
// policy in the fragment, and the exported analyze() used directly.
import init, { analyze, install_clause_model } from './policylens-web.js';
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

// The module, and the clause model beside it (the analysis reads clause
// topics with it; without it, with its rules alone). No app is mounted here.
const ready = Promise.all([
  init({ module_or_path: new URL('./policylens-web_bg.wasm', import.meta.url) }),
  fetch(new URL('./clause_model.bin', import.meta.url)).then((r) => r.arrayBuffer()),
]).then(([, model]) => install_clause_model(new Uint8Array(model)));
document.getElementById('show').addEventListener('click', show);
show();
