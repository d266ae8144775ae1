// `jitc --backend armv7 FILE --emit asm`: capstone disassembly with IR block labels.
import test from 'ava';
import { fileURLToPath } from 'node:url';
import { cliInProcess } from './cli-harness.ts';

const FLOAT_LOOPS = fileURLToPath(new URL('../../conformance/filetests/float/loops.jir', import.meta.url));
const DIVISION = fileURLToPath(new URL('../../conformance/filetests/int/division.jir', import.meta.url));
const ZERO_COMPARES = fileURLToPath(
  new URL('../../conformance/filetests/float/compare-zero-branch.jir', import.meta.url),
);

test('--emit asm shows VFP code for a float kernel, labelled with IR block names', async (t) => {
  const r = await cliInProcess(
    '--backend',
    'armv7',
    '--gc',
    'boehm',
    FLOAT_LOOPS,
    '--emit',
    'asm',
    '--entry',
    'newton',
  );
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^@newton:/m);
  t.regex(r.stdout, /^\^loop:$/m);
  t.regex(r.stdout, /vdiv\.f64 d\d+, d\d+, d\d+/);
  t.regex(r.stdout, /vadd\.f64 d\d+, d\d+, d\d+/);
  t.regex(r.stdout, /vcvt\.f64\.s32/);
});

test('--emit asm: a float compared with 0.0 is `vcmp d, #0`, on either side, with no 0.0 made', async (t) => {
  for (const entry of ['lt_right', 'lt_left']) {
    const r = await cliInProcess('--backend', 'armv7', ZERO_COMPARES, '--emit', 'asm', '--entry', entry);
    t.is(r.status, 0, r.stderr);
    const own = r.stdout.slice(r.stdout.indexOf(`@${entry}:`)).split('\n\n')[0]!;
    t.regex(own, /vcmp\.f64 d\d+, #0\n/);
    t.notRegex(own, /vmov/);
  }
});

test('--emit asm --cpu cortex-a8 divides without sdiv', async (t) => {
  const a15 = await cliInProcess('--backend', 'armv7', DIVISION, '--emit', 'asm');
  const a8 = await cliInProcess('--backend', 'armv7', '--cpu', 'cortex-a8', DIVISION, '--emit', 'asm');
  // Instruction lines are `  address:  word  text`; function names (@sdiv) are not.
  const insn = (mnemonic: string): RegExp => new RegExp(`^ +[0-9a-f]{8}: +[0-9a-f]{8} +${mnemonic} `, 'm');
  t.regex(a15.stdout, insn('sdiv'));
  t.notRegex(a8.stdout, insn('[su]div'));
  t.regex(a8.stdout, insn('clz'));
});

test('--emit asm on the interpreter is a usage error', async (t) => {
  const r = await cliInProcess(FLOAT_LOOPS, '--emit', 'asm');
  t.is(r.status, 2);
  t.regex(r.stderr, /no machine code/);
});
