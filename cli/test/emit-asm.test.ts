// `jitc --backend armv7 FILE --emit asm`: capstone disassembly with IR block labels.
import test from 'ava';
import { fileURLToPath } from 'node:url';
import { cliInProcess } from './cli-harness.ts';

const FLOAT_LOOPS = fileURLToPath(new URL('../../conformance/filetests/float/loops.jir', import.meta.url));
const DIVISION = fileURLToPath(new URL('../../conformance/filetests/int/division.jir', import.meta.url));

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
