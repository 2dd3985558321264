// Summarises a .cpuprofile: self time by function and by package, and total (inclusive) time of
// the heaviest frames. `node bench/lib/profile-top.mjs file.cpuprofile [rows]`
import { readFileSync } from 'node:fs';

const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rows = Number(process.argv[3] ?? 25);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const label = (cf) => `${cf.functionName || '(anon)'} ${cf.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/\/work\/main\//, '')}:${cf.lineNumber + 1}`;
const pkg = (cf) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(cf.url);
  if (m) return m[1];
  if (cf.url.startsWith('file:///work/main/')) return cf.url.slice(18).split('/').slice(0, 2).join('/');
  return cf.url ? cf.url.split('/').slice(0, 3).join('/') : cf.functionName || '(vm)';
};
const self = new Map();
const selfPkg = new Map();
for (const [id, t] of dt) {
  const n = byId.get(id);
  self.set(label(n.callFrame), (self.get(label(n.callFrame)) ?? 0) + t);
  selfPkg.set(pkg(n.callFrame), (selfPkg.get(pkg(n.callFrame)) ?? 0) + t);
}
// inclusive: walk parents
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of dt) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur).callFrame);
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + t);
  }
}
const show = (title, m) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`total ${(total / 1e6).toFixed(1)} s sampled`);
show('self by package', selfPkg);
show('self by function', self);
show('inclusive', incl);
