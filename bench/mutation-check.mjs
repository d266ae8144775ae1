// Shows that `jitc conformance` catches real bugs: applies each deliberate breakage below to
// a scratch copy of the committed tree (a detached git worktree), runs a default conformance
// run there (1000 cases, the whole matrix) and reports whether it failed, as it must.
//
//   node bench/mutation-check.mjs [--runs N] [--seed S] [--only name,name] [--timeout SECONDS]
//
// Exits 1 when a breakage goes unnoticed. Plain JavaScript: the scratch copy builds its own
// dist/ through its bin/jitc.js.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Each breakage: where, the exact text it replaces (found exactly once) and with what. */
const MUTATIONS = [
  {
    name: 'lowering rule',
    what: 'armv7 isel: K - x selected as x - K (sub instead of rsb)',
    file: 'plugins/backend-armv7/src/lower/isel-rules.ts',
    find: "form = { alu: 'rsb', imm: k };",
    replace: "form = { alu: 'sub', imm: k };",
  },
  {
    name: 'encoder form',
    what: 'armv7 encoder: eor encoded with orr’s opcode',
    file: 'plugins/backend-armv7/src/encoder/forms/data-processing.ts',
    find: '  eor: 1,',
    replace: '  eor: 12,',
  },
  {
    name: 'register-allocator move',
    what: 'parallel moves: a cycle is broken without saving the value it overwrites',
    file: 'framework/src/machine/parallel-moves.ts',
    find: '    emitMove(temp, victim, type, res, out);',
    replace: '',
  },
  {
    name: 'stack-map entry',
    what: 'stack maps: the first slot holding a live ref at a call is left out',
    file: 'framework/src/machine/final-code.ts',
    find: 'const refSlots = inst.call ? liveRefSlots(n, refVregs, input) : [];',
    replace: 'const refSlots = inst.call ? liveRefSlots(n, refVregs, input).slice(1) : [];',
  },
  {
    name: 'GC root',
    what: 'generational: a minor collection ignores the dirty cards (old-to-young refs)',
    file: 'plugins/gc-generational/src/heap.ts',
    find: [
      '    this.detail.dirtyCards += this.cards.visitDirty(',
      '      this.layout.oldBase,',
      '      promotedFrom,',
      '      this.starts,',
      '      this.walker,',
      '      forward,',
      '    );',
      '',
    ].join('\n'),
    replace: '',
  },
  {
    name: 'optimizer pass',
    what: 'constfold: select on a constant condition takes the other operand',
    file: 'framework/src/opt/passes/constfold.ts',
    find: 'return c !== 0 ? inst.args[1] : inst.args[2];',
    replace: 'return c !== 0 ? inst.args[2] : inst.args[1];',
  },
];

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = opt('--runs', '1000');
const seed = opt('--seed', String(Date.now() % 1_000_000));
const timeoutSeconds = Number(opt('--timeout', '300'));
const only = opt('--only', '')
  .split(',')
  .filter((s) => s !== '');
const chosen = MUTATIONS.filter((m) => only.length === 0 || only.includes(m.name));

const git = (...a) => {
  const r = spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${a.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

const scratch = mkdtempSync(join(tmpdir(), 'jitc-mutant-'));
git('worktree', 'add', '--detach', scratch, 'HEAD');
for (const link of ['node_modules', '.cache'])
  if (existsSync(join(ROOT, link))) symlinkSync(join(ROOT, link), join(scratch, link));

const results = [];
try {
  for (const m of chosen) {
    const path = join(scratch, m.file);
    const original = readFileSync(path, 'utf8');
    const at = original.indexOf(m.find);
    if (at < 0 || original.indexOf(m.find, at + 1) >= 0)
      throw new Error(`${m.name}: the text to replace is not found exactly once in ${m.file}`);
    writeFileSync(path, original.slice(0, at) + m.replace + original.slice(at + m.find.length));
    const started = Date.now();
    // The report goes to a file: a breakage that fails most cases prints more than any
    // pipe buffer holds, and spawnSync kills a child that outgrows its buffer.
    const reportPath = join(scratch, 'report.txt');
    const report = openSync(reportPath, 'w');
    const r = spawnSync(
      process.execPath,
      [
        join(scratch, 'bin/jitc.js'),
        'conformance',
        '--runs',
        runs,
        '--seed',
        seed,
        '--regressions',
        join(scratch, 'regs'),
      ],
      { cwd: scratch, timeout: timeoutSeconds * 1000, stdio: ['ignore', report, report] },
    );
    closeSync(report);
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(path, original);
    const out = readFileSync(reportPath, 'utf8');
    const summary = /^conformance: seed .*$/m.exec(out)?.[0] ?? '(no summary line)';
    const firstMismatch = /^MISMATCH .*$/m.exec(out)?.[0] ?? '';
    const caught = r.status === 1 && / [1-9]\d* mismatches/.test(summary);
    results.push({ ...m, caught, status: r.status ?? r.signal, seconds, summary, firstMismatch });
    process.stdout.write(
      `${caught ? 'CAUGHT ' : 'MISSED '} ${m.name}: ${m.what}\n  ${summary} (${seconds.toFixed(0)} s, exit ${r.status ?? r.signal})\n` +
        (firstMismatch ? `  first: ${firstMismatch}\n` : ''),
    );
  }
} finally {
  git('worktree', 'remove', '--force', scratch);
  rmSync(scratch, { recursive: true, force: true });
}
const missed = results.filter((r) => !r.caught);
process.stdout.write(`mutation check: seed ${seed}, ${results.length - missed.length}/${results.length} caught\n`);
process.exit(missed.length > 0 ? 1 : 0);
