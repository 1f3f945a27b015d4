// Builds the analyst's page into a folder (default: dist/), from src/ and the
// npm packages in node_modules/ (installed by `npm ci`). No network, no
// bundler: the page is plain modern JavaScript; the packages' browser builds
// are copied as they are. The output is deterministic, so the checked-in
// dist/ can be compared with a fresh build (test web_bundle_fresh).
//
//   node build.mjs [OUT]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, 'dist');
mkdirSync(out, { recursive: true });

const read = (p) => readFileSync(join(here, p));
const version = (pkg) => JSON.parse(read(`node_modules/${pkg}/package.json`)).version;

// Files of the page.
for (const f of ['index.html', 'app.js', 'app.css']) writeFileSync(join(out, f), read(`src/${f}`));
// The packages' browser files.
writeFileSync(join(out, 'topojson-client.min.js'), read('node_modules/topojson-client/dist/topojson-client.min.js'));
writeFileSync(join(out, 'countries-110m.json'), read('node_modules/world-atlas/countries-110m.json'));
// Their licences, shipped with them.
const licences = ['topojson-client', 'world-atlas'].map((pkg) =>
  `${pkg} ${version(pkg)}\n\n${read(`node_modules/${pkg}/LICENSE`).toString().trim()}\n`).join('\n----\n\n');
writeFileSync(join(out, 'LICENSES.txt'),
  'Third-party files embedded in the entente page (world-atlas: shapes from Natural Earth, public domain).\n\n' + licences);
console.log(`web: built ${out}`);
