// The architecture's boundaries, checked: `npm run check:boundaries` (scripts/test.sh runs it).
//
//   1. The framework (framework/src, framework/test) imports no plugin, no cli/ and no
//      conformance/: it knows nothing of what is built on it.
//   2. A plugin's sources import the framework only through its public entry points
//      (#framework, #framework/emu, #framework/jit, #framework/testing), and no other plugin, cli/ or
//      conformance/. A plugin's tests may also import #conformance, and nothing else outside
//      the plugin (bar the exceptions listed in boundaries-baseline.json, to be removed).
//   3. conformance/src reaches the framework through its entry points only.
//   4. cli/src, the composition root, imports the framework through its entry points, the
//      plugins through their plugin.ts only, and the conformance matrix through #conformance
//      (`jitc conformance`).
//   5. No new import cycle between folders: the folders of the tree, linked by the imports
//      of their files, form no strongly connected set beyond those in the baseline.
//
//   node scripts/check-boundaries.mjs            check; exit 1 listing every violation
//   node scripts/check-boundaries.mjs --update   write the cycles found to the baseline
//
// Plain JavaScript with no dependencies: it reads import specifiers with a regular
// expression, which is enough for this tree's one-import-per-statement style.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const BASELINE = join(ROOT, 'scripts/boundaries-baseline.json');
const TOP_FOLDERS = ['cli', 'framework', 'plugins', 'conformance', 'bench'];
const FRAMEWORK_ENTRIES = new Set(['#framework', '#framework/emu', '#framework/jit', '#framework/testing']);
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every .ts/.mts/.mjs file under the checked folders, relative to the root. */
function sourceFiles() {
  const files = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'fixtures' || e.name.startsWith('.')) continue;
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.mts'))
        files.push(path);
    }
  };
  for (const top of TOP_FOLDERS) if (existsSync(join(ROOT, top))) walk(top);
  return files.sort();
}

/** The import specifiers of a file, with comments removed first. */
function importsOf(file) {
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = [];
  for (const m of text.matchAll(IMPORT)) found.push(m[1] ?? m[2]);
  return found;
}

/** Which part of the tree a file belongs to: its unit ('framework/src', 'plugins/x/test', …). */
function unitOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'plugins') return parts.slice(0, 3).join('/');
  if (parts[0] === 'bench') return 'bench';
  return parts.slice(0, 2).join('/');
}

/** What a relative specifier names, relative to the root; null for packages and `#` imports. */
function target(file, spec) {
  if (!spec.startsWith('.')) return null;
  return normalize(join(dirname(file), spec));
}

function checkFile(file, specs, allowed) {
  const unit = unitOf(file);
  const problems = [];
  const bad = (spec, why) => {
    if (!allowed.has(`${file} -> ${spec}`)) problems.push(`${file}: imports '${spec}': ${why}`);
  };
  for (const spec of specs) {
    const to = target(file, spec);
    const toUnit = to === null ? null : unitOf(to);
    if (unit.startsWith('framework/')) {
      if (spec === '#conformance' || (toUnit && !toUnit.startsWith('framework/')))
        bad(spec, 'the framework must not depend on plugins, cli/ or conformance/');
    } else if (unit.startsWith('plugins/')) {
      const own = unit.split('/').slice(0, 2).join('/');
      const isTest = unit.endsWith('/test');
      if (toUnit && !toUnit.startsWith(`${own}/`))
        bad(
          spec,
          `a plugin reaches outside itself only through #framework${isTest ? ', #framework/testing and #conformance' : ''}`,
        );
      if (spec.startsWith('#') && !FRAMEWORK_ENTRIES.has(spec) && !(isTest && spec === '#conformance'))
        bad(spec, 'not a public entry point');
      if (!isTest && spec === '#framework/testing') bad(spec, "a plugin's sources do not use the testing surface");
    } else if (unit === 'conformance/src') {
      if (toUnit && toUnit !== 'conformance/src')
        bad(spec, 'conformance/src reaches the framework only through #framework');
    } else if (unit === 'cli/src') {
      const intoPlugin = to !== null && /^plugins\/[^/]+\/src\/plugin\.ts$/.test(to);
      if (toUnit && toUnit !== 'cli/src' && !intoPlugin && spec !== '#conformance')
        bad(spec, "the composition root uses the framework's entry points and each plugin's plugin.ts");
    }
  }
  return problems;
}

/** Strongly connected sets of folders (Tarjan), each sorted, of more than one folder. */
function folderCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const set = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1) cycles.push(set.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

function main() {
  const update = process.argv.includes('--update');
  const baseline = existsSync(BASELINE)
    ? JSON.parse(readFileSync(BASELINE, 'utf8'))
    : { allowedImports: [], cycles: [] };
  const allowed = new Set(baseline.allowedImports);
  const problems = [];
  const edges = new Map();
  for (const file of sourceFiles()) {
    const specs = importsOf(file);
    problems.push(...checkFile(file, specs, allowed));
    const from = dirname(file);
    for (const spec of specs) {
      const to = target(file, spec);
      if (to === null || dirname(to) === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(dirname(to));
    }
  }
  const cycles = folderCycles(edges);
  if (update) {
    writeFileSync(BASELINE, `${JSON.stringify({ ...baseline, cycles: cycles.map((c) => c.join(' ')) }, null, 2)}\n`);
    process.stdout.write(`check-boundaries: wrote ${cycles.length} folder cycles to ${relative(ROOT, BASELINE)}\n`);
  } else {
    // A known cycle may shrink or vanish; any set of folders not inside a known one is new.
    const known = baseline.cycles.map((c) => new Set(c.split(' ')));
    for (const c of cycles) {
      if (!known.some((k) => c.every((f) => k.has(f))))
        problems.push(`new import cycle between folders: ${c.join(' <-> ')}`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `check-boundaries: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `check-boundaries: ok (${edges.size} folders importing others, ${cycles.length} known folder cycles)\n`,
  );
}

main();
