// The typed helpers pick the right forms; expected words come from GNU as listings.
import test from 'ava';
import { a32 } from '../../src/encoder/a32.ts';
import { a32Asm } from '../../src/encoder/a32-forms.ts';
import { EncodingError } from '../../src/encoder/form.ts';
import { AL, COND, LR, PC, R, SP } from '../../src/encoder/operands.ts';

const { r0, r1, r2, r3, r4, r5, r12 } = R;

test('integer helpers', (t) => {
  t.is(a32.addReg(AL, r2, r2, r0), 0xe0822000);
  t.is(a32.subsImm(AL, r0, r0, 1), 0xe2500001);
  t.is(a32.movImm(AL, r0, 0x3fc), 0xe3a00fff);
  t.is(a32.binaryImm('add', COND.eq, r0, r1, 0xff000000, true), 0x029104ff);
  t.is(a32.shiftImm('lsl', AL, r0, r1, 3), 0xe1a00181);
  t.is(a32.moveReg('mov', AL, r0, r1, { type: 'lsr', amount: 32 }, true), 0xe1b00021);
  t.is(a32.moveReg('mov', AL, r0, r1, { type: 'rrx' }), 0xe1a00061);
  t.is(a32.shiftReg('lsl', AL, r0, r1, r2), 0xe1a00211);
  t.is(a32.binaryReg('add', AL, r0, r1, r2, { type: 'asr', amount: 32 }), 0xe0810042);
  t.is(a32.movw(AL, r12, 0x1000), 0xe301c000);
  t.is(a32.movt(AL, r12, 0), 0xe340c000);
  t.is(a32.sdiv(AL, r0, r0, r1), 0xe710f110);
  t.is(a32.mls(AL, r0, r1, r2, r3), 0xe0603291);
});

test('memory helpers, including single-register push/pop as str/ldr', (t) => {
  t.is(a32.push(AL, [r4, r5, LR]), 0xe92d4030);
  t.is(a32.push(AL, [r4]), 0xe52d4004);
  t.is(a32.pop(AL, [r4]), 0xe49d4004);
  t.is(a32.pop(AL, [PC]), 0xe49df004);
  t.is(a32.pop(AL, [r4, r5, PC]), 0xe8bd8030);
  t.is(a32.loadStoreImm('ldrd', AL, r0, r2, -8, 'post'), 0xe04200d8);
  t.is(a32.loadStoreReg('strd', AL, r2, r4, r5, { subtract: true, mode: 'pre' }), 0xe12420f5);
  t.is(a32.loadStoreImm('ldrsh', COND.eq, r0, r1, 255), 0x01d10fff);
  t.is(a32.ldm('db', AL, r0, [r1, PC]), 0xe9108002);
  t.is(a32.strImm(AL, r1, r0, 4), 0xe5801004);
  t.is(a32.ldrImm(AL, r2, r0, 0), 0xe5902000);
});

test('control and VFP helpers', (t) => {
  t.is(a32.b(COND.ne, -4), 0x1afffffc);
  t.is(a32.bl(COND.eq, -3), 0x0bfffffd);
  t.is(a32.bx(AL, LR), 0xe12fff1e);
  t.is(a32.blxReg(AL, r12), 0xe12fff3c);
  t.is(a32.udf(0xffff), 0xe7ffffff);
  t.is(a32.nop(COND.lt), 0xb320f000);
  t.is(a32.vadd(AL, 0, 0, 1), 0xee300b01);
  t.is(a32.vadd(COND.eq, 0, 1, 2), 0x0e310b02);
  t.is(a32.vmovF64Imm(AL, 0, 1.5), 0xeeb70b08);
  t.is(a32.vmovF64Imm(AL, 0, -0.1328125), 0xeebc0b01);
  t.is(a32.vcvtrS32F64(AL, 1, 2), 0xeefd0b42);
  t.is(a32.vcmpZero(AL, 1), 0xeeb51b40);
  t.is(a32.vmrsApsr(AL), 0xeef1fa10);
  t.is(a32.vmovDFromCore(AL, 3, r0, r1), 0xec410b13);
  t.is(a32.vmovCoreFromD(AL, r0, r1, 3), 0xec510b13);
  t.is(a32.vmovSFromCore(AL, 3, r2), 0xee012a90);
  t.is(a32.vldr(AL, 1, r2, -1020), 0xed121bff);
  t.is(a32.vstrS(AL, 3, SP, 8), 0xedcd1a02);
  t.is(a32.vpush(AL, 8, 8), 0xed2d8b10);
  t.is(a32.vpop(AL, 8, 1), 0xecbd8b02);
});

test('invalid operands throw EncodingError naming the form', (t) => {
  t.throws(() => a32.addImm(AL, r0, r1, 0x101), { instanceOf: EncodingError, message: /add\.imm: operand imm/ });
  t.throws(() => a32.ldrdImm(AL, r1, r2, 0), { instanceOf: EncodingError, message: /ldrd\.imm/ });
  t.throws(() => a32.loadStoreImm('ldr', AL, r0, r0, 4, 'pre'), { instanceOf: EncodingError, message: /writeback/ });
  t.throws(() => a32.pop(AL, [SP]), { instanceOf: EncodingError });
  t.throws(() => a32.push(AL, []), { instanceOf: EncodingError });
  t.throws(() => a32.b(AL, 1 << 23), { instanceOf: EncodingError });
  t.throws(() => a32.vmovF64Imm(AL, 0, 0.1), { instanceOf: EncodingError });
  t.throws(() => a32.smull(AL, r0, r0, r1, r2), { instanceOf: EncodingError, message: /rdlo and rdhi/ });
  t.throws(() => a32.vadd(AL, 16, 0, 0), { instanceOf: EncodingError, message: /d0\.\.d15/ });
  t.throws(() => a32.udf(0x10000), { instanceOf: EncodingError });
});

test('toAsm gives GNU as syntax', (t) => {
  t.is(a32Asm('adds.reg.lsl', { cond: COND.eq, rd: r0, rn: r1, rm: r2, amount: 3 }), 'addseq r0, r1, r2, lsl #3');
  t.is(a32Asm('ldr.imm.pre', { cond: AL, rt: r0, rn: SP, offset: -8 }), 'ldr r0, [sp, #-8]!');
  t.is(a32Asm('vcvt.s32.f64', { cond: AL, sd: 0, dm: 1 }), 'vcvt.s32.f64 s0, d1');
  t.is(a32Asm('b', { cond: AL, offset: -2 }), 'b .+0');
  t.is(a32Asm('vpush', { cond: AL, first: 8, count: 2 }), 'vpush {d8-d9}');
});
