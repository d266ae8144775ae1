// Where the start-up of `jitc FILE` goes, phase by phase, from the built command (dist/),
// as medians over fresh processes, beside `node -e 0`:
//
//   node bench/startup-phases.mjs [--runs 9] [FILE...]      (default: hello.pl and hello.py)
//
// Each process repeats what bin/jitc.js and runCommand do, with a clock between the steps;
// the CLI's own total is measured too (a separate `node bin/jitc.js` process). Plain
// JavaScript: tsx would change what is being measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await parent(process.argv.slice(2));

async function child(file, backend) {
  const marks = [['node start', performance.now()]];
  const mark = (name) => marks.push([name, performance.now()]);
  const { ensureBuilt } = await import(pathToFileURL(join(ROOT, 'scripts/build-dist.mjs')).href);
  const dist = ensureBuilt();
  mark('build check');
  const mod = (p) => import(pathToFileURL(join(dist, p)).href);
  const { quickParse } = await mod('cli/src/quick-args.js');
  const { toRunConfig } = await mod('cli/src/run-options.js');
  const { loadCliRegistry } = await mod('cli/src/load-plugins.js');
  mark('load CLI modules');
  const command = quickParse([file, '--backend', backend]);
  const config = toRunConfig(command.options);
  mark('parse argv');
  const registry = await loadCliRegistry({ file, backend: config.backend, gc: config.gc });
  mark('load plugins');
  const fw = await mod('framework/src/index.js');
  const { buildId } = await mod('framework/src/build-id.js');
  const { cacheDirectory, ImageCache } = await mod('framework/src/prepared/image-cache.js');
  const { CachingLinker } = await mod('framework/src/prepared/library-linker.js');
  const { readFileSync } = await import('node:fs');
  mark('load run modules');
  const gc = registry.collector(config.gc);
  const backendImpl = registry.backend(config.backend);
  const lowers = backendImpl.requiresLowering;
  const linker = new CachingLinker({
    optLevel: config.optLevel,
    passes: registry.passes(),
    lowerWith: lowers ? gc : null,
    cache: new ImageCache(cacheDirectory(process.env)),
    buildId: buildId() ?? 'sources',
  });
  let linkMillis = 0;
  const timedLinker = {
    link(lib) {
      const t = performance.now();
      try {
        return linker.link(lib);
      } finally {
        linkMillis += performance.now() - t;
      }
    },
  };
  const compiled = registry.frontendFor(file).compile(readFileSync(file, 'utf8'), file, { linker: timedLinker });
  // Sub-phases split off the phase they happen in: every phase below is disjoint.
  marks.push(['library (cache read, instantiate)', marks.at(-1)[1] + linkMillis]);
  mark('frontend (program)');
  const { prepareModule } = await mod('framework/src/driver.js');
  prepareModule(compiled.module, {
    optLevel: config.optLevel,
    passes: registry.passes(),
    lowerWith: lowers || compiled.module.lowered ? gc : null,
    prepared: compiled.prepared,
  });
  mark('verify, optimize, lower program');
  const out = new fw.BufferedOutput((s) => process.stdout.write(s));
  const program = new fw.Program(compiled.module, {
    gc,
    out,
    hosts: compiled.hosts,
    heapSize: config.heapSize,
    stackSize: config.stackSize,
  });
  mark('load program (static data, heap)');
  const engine = backendImpl.createEngine(program, { jitThreshold: config.jitThreshold });
  mark('create engine');
  try {
    engine.call(compiled.entry, []);
  } catch (err) {
    if (!compiled.describeFailure?.(err)) throw err;
  }
  out.flush();
  const jit = engine.stats.compileMillis;
  marks.push(['jit compile', marks.at(-1)[1] + jit]);
  mark('run');
  engine.dispose();
  const phases = marks.slice(1).map(([name, t], i) => [name, t - marks[i][1]]);
  phases.unshift(['node start', marks[0][1]]);
  process.stderr.write(`PHASES ${JSON.stringify(phases)}\n`);
}

async function parent(args) {
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 9;
  let files = args;
  if (files.length === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'jitc-startup-'));
    writeFileSync(join(dir, 'hello.pl'), ":- initialization(main).\nmain :- write('Hello, world!'), nl.\n");
    writeFileSync(join(dir, 'hello.py'), 'print("Hello, world!")\n');
    files = [join(dir, 'hello.pl'), join(dir, 'hello.py')];
  }
  spawnSync(process.execPath, [join(ROOT, 'scripts/build-dist.mjs')], { stdio: 'ignore' });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const wall = (argv) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${argv.join(' ')}: status ${r.status}\n${r.stderr}`);
    return performance.now() - t;
  };
  for (const file of files) {
    for (const backend of ['interp', 'armv7']) {
      // Warm the library cache and the file system first.
      wall([join(ROOT, 'bin/jitc.js'), '--backend', backend, file]);
      const rows = new Map();
      const totals = { 'node -e 0': [], 'node bin/jitc.js': [] };
      for (let i = 0; i < runs; i++) {
        totals['node -e 0'].push(wall(['-e', '0']));
        totals['node bin/jitc.js'].push(wall([join(ROOT, 'bin/jitc.js'), '--backend', backend, file]));
        const r = spawnSync(process.execPath, [SELF, '--child', file, backend], { encoding: 'utf8' });
        const line = r.stderr.split('\n').find((l) => l.startsWith('PHASES '));
        if (!line) throw new Error(`phases of ${file}: ${r.stderr}`);
        for (const [name, ms] of JSON.parse(line.slice(7))) (rows.get(name) ?? rows.set(name, []).get(name)).push(ms);
      }
      console.log(`\n${file} --backend ${backend} (medians of ${runs}, ms)`);
      for (const [name, xs] of Object.entries(totals))
        console.log(`  ${name.padEnd(36)} ${median(xs).toFixed(1).padStart(7)}`);
      const phases = [...rows].map(([name, xs]) => [name, median(xs)]);
      for (const [name, ms] of phases) console.log(`    ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)}`);
      console.log(
        `    ${'sum of phases'.padEnd(34)} ${phases
          .reduce((s, [, ms]) => s + ms, 0)
          .toFixed(1)
          .padStart(7)}`,
      );
      console.log(
        `  ratio jitc / node -e 0: ${(median(totals['node bin/jitc.js']) / median(totals['node -e 0'])).toFixed(2)}`,
      );
    }
  }
}
