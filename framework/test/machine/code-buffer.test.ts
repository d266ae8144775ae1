import test from 'ava';
import { CodeBuffer, type PatchFunction } from '../../src/machine/code-buffer.ts';

type Kind = 'rel32' | 'abs32';

const patch: PatchFunction<Kind> = (code, fixup, site, target) => {
  const dv = new DataView(code.buffer, code.byteOffset);
  dv.setInt32(fixup.at, fixup.kind === 'rel32' ? target - site : target, true);
};

const word = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset).getInt32(at, true);

test('appends little-endian bytes and words and grows', (t) => {
  const buf = new CodeBuffer<Kind>();
  buf.put8(0x12);
  buf.put16(0x3456);
  buf.align(4, 0x90);
  for (let i = 0; i < 200; i++) buf.put32(0xdeadbeef);
  const done = buf.finish(0x1000, patch);
  t.deepEqual([...done.bytes.slice(0, 8)], [0x12, 0x56, 0x34, 0x90, 0xef, 0xbe, 0xad, 0xde]);
  t.is(done.bytes.length, 4 + 800);
});

test('forward and backward label references are patched at finish', (t) => {
  const buf = new CodeBuffer<Kind>();
  const back = buf.newLabel();
  const fwd = buf.newLabel();
  buf.bind(back);
  buf.put32(0);
  buf.useLabel(fwd, 'rel32');
  buf.put32(0);
  buf.useLabel(back, 'rel32');
  buf.put32(0);
  buf.useLabel(fwd, 'abs32', 4);
  buf.put32(0);
  buf.bind(fwd);
  buf.put32(0);
  const done = buf.finish(0x2000, patch);
  t.is(word(done.bytes, 4), 16 - 4);
  t.is(word(done.bytes, 8), 0 - 8);
  t.is(word(done.bytes, 12), 0x2000 + 16 + 4);
  t.is(done.labelAddress(fwd), 0x2010);
});

test('labels bind once, and unbound labels are reported at finish', (t) => {
  const buf = new CodeBuffer<Kind>();
  const l = buf.newLabel();
  buf.bind(l);
  t.throws(() => buf.bind(l));
  const missing = buf.newLabel();
  buf.useLabel(missing, 'rel32');
  buf.put32(0);
  t.throws(() => buf.finish(0, patch), { message: /not bound/ });
});

test('symbols are resolved through the resolver', (t) => {
  const buf = new CodeBuffer<Kind>();
  buf.useSymbol('runtime.alloc', 'abs32');
  buf.put32(0);
  t.throws(() => buf.finish(0, patch), { message: /unresolved symbol/ });
  const done = buf.finish(0, patch, (name) => (name === 'runtime.alloc' ? 0x4242 : 0));
  t.is(word(done.bytes, 0), 0x4242);
});

test('the constant pool deduplicates, aligns, and tracks its oldest use', (t) => {
  const buf = new CodeBuffer<Kind>();
  buf.put32(1);
  const a = buf.constant(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 8);
  buf.useLabel(a, 'rel32');
  buf.put32(0);
  const b = buf.constant(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 8);
  t.is(a, b);
  t.is(buf.oldestPendingConstantUse, 4);
  t.true(buf.pendingConstantBytes >= 8);
  buf.flushConstants();
  t.is(buf.oldestPendingConstantUse, null);
  t.is(buf.labelOffset(a), 8);
  buf.put32(2);
  const c = buf.constant(new Uint8Array([9, 9, 9, 9]), 4);
  t.not(c, a);
  buf.useLabel(c, 'rel32');
  buf.put32(0);
  const done = buf.finish(0, patch);
  t.is(word(done.bytes, 4), 8 - 4);
  t.deepEqual([...done.bytes.slice(8, 16)], [1, 2, 3, 4, 5, 6, 7, 8]);
  t.is(word(done.bytes, 20), 24 - 20);
  t.deepEqual([...done.bytes.slice(24, 28)], [9, 9, 9, 9]);
});
