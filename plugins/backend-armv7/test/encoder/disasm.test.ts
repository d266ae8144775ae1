import test from 'ava';
import { a32 } from '../../src/encoder/a32.ts';
import { disassembleA32, isDisassemblerAvailable } from '../../src/encoder/disasm.ts';
import { AL, COND, LR, R } from '../../src/encoder/operands.ts';

const capstoneTest = isDisassemblerAvailable() ? test : test.skip;

capstoneTest('disassembles integer and VFP instructions at their addresses', (t) => {
  const words = [
    a32.addReg(AL, R.r2, R.r2, R.r0),
    a32.vadd(AL, 0, 0, 1),
    a32.vcvtrS32F64(AL, 1, 2),
    a32.vmrsApsr(AL),
    a32.vmovF64Imm(AL, 0, 1.5),
    a32.vmovDFromCore(AL, 3, R.r0, R.r1),
    a32.push(AL, [R.r4, R.r5, LR]),
    a32.b(COND.ne, -4),
    a32.sdiv(AL, R.r0, R.r0, R.r1),
    a32.udf(0xffff),
    a32.bx(AL, LR),
  ];
  const lines = disassembleA32(words, 0x10000);
  t.deepEqual(
    lines.map((line) => line.text),
    [
      'add r2, r2, r0',
      'vadd.f64 d0, d0, d1',
      'vcvtr.s32.f64 s1, d2',
      'vmrs apsr_nzcv, fpscr',
      'vmov.f64 d0, #1.500000e+00',
      'vmov d3, r0, r1',
      'push {r4, r5, lr}',
      'bne #0x10014', // at 0x1001c: +8 - 16
      'sdiv r0, r0, r1',
      'udf #0xffff',
      'bx lr',
    ],
  );
  t.is(lines[10]!.address, 0x10028);
  t.is(lines[1]!.word, 0xee300b01);
});

capstoneTest('words capstone cannot decode are shown as data, and decoding goes on', (t) => {
  const lines = disassembleA32([0xf7f0a000, a32.nop(AL)], 0x100);
  t.deepEqual(
    lines.map((line) => [line.address, line.text]),
    [
      [0x100, '.word 0xf7f0a000'],
      [0x104, 'nop'],
    ],
  );
});
