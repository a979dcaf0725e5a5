// query.mjs runs search.js against a built index on disk, as the browser
// would, and prints one JSON line per query: every hit's URL in rank
// order, the first page's hits, the ids of the units of all hits (and of
// the units above them), and the
// files and bytes a browser would have fetched to show that first page.
//
//	node search/js_test/query.mjs public/search 流动人口 7631779
//
// The Go ranking tests and bench/pagefind.sh use it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Index, PAGE } = require('../../themes/default/static/search.js');

const [dir, ...queries] = process.argv.slice(2);
if (!dir || queries.length === 0) {
  console.error('usage: node query.mjs INDEX_DIR QUERY...');
  process.exit(2);
}

// lineage is a unit's id and the ids of the units above it.
function lineage(m, id) {
  const out = [];
  for (let i = m.units.findIndex((u) => u[0] === id); i >= 0 && !out.includes(m.units[i][0]); i = m.units[i][2]) {
    out.push(m.units[i][0]);
  }
  return out;
}

for (const query of queries) {
  const fetched = new Map();
  const index = new Index(async (name) => {
    const data = await readFile(join(dir, name));
    fetched.set(name, data.length);
    return data.toString('utf8');
  });
  await index.open();
  const { docs } = await index.search(query);
  const first = await index.records(docs.slice(0, PAGE));
  const files = [...fetched.keys()];
  const bytes = [...fetched.values()].reduce((a, b) => a + b, 0);
  const all = await index.records(docs);
  console.log(JSON.stringify({
    query,
    total: docs.length,
    urls: all.map((r) => r.url),
    hits: first.map((r) => ({ url: r.url, title: r.title, part: r.part, units: r.units })),
    units: [...new Set(all.flatMap((r) => r.unitIds.flatMap((id) => lineage(index.manifest, id))))],
    files,
    bytes,
  }));
}
