// Compiled code kept across runs: a run finds what an earlier one compiled, and only when
// everything the code depends on is the same.
import test from 'ava';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeBuffer, CompiledCodeStore } from '#framework';
import { runJir } from './run-helper.ts';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'jitc-code-'));

/** @main adds a const's field to a global and calls a raising function: code that embeds a
 *  const address, a global offset and a callee's raise status. `extraGlobals` moves the
 *  const (consts follow globals in static data). */
function program(extraGlobals: number, bonus: number): string {
  const globals = Array.from({ length: extraGlobals }, (_, i) => `global @pad${i}: i32 = 0`).join('\n');
  return `
type :box = struct { v: i32 }
${globals}
global @g: i32 = 5
const @k: :box = { ${bonus} }
func @check(%x: i32) -> i32 {
^entry:
  %zero = iconst 0
  %neg = icmp.slt %x, %zero
  brif %neg, ^bad, ^ok
^bad:
  %e = ref.from_bits %x
  raise %e
^ok:
  ret %x
}
func @main() -> i32 {
^entry:
  %b = gaddr @k
  %v = get :box.v, %b
  %g = gget @g
  %s = iadd %v, %g
  %r = call @check(%s) to ^done(%r) unwind ^caught
^done(%t: i32):
  ret %t
^caught(%e: ref):
  %m = iconst -1
  ret %m
}
`;
}

test('a second run takes every function from the store, and computes the same', (t) => {
  const dir = freshDir();
  const first = runJir('armv7', program(0, 37), 'main', [], { codeCacheDir: dir });
  t.deepEqual(first.outcome, { value: 42 });
  t.is(first.stats.cachedFunctions, 0);
  t.is(readdirSync(join(dir, 'test')).filter((f) => f.endsWith('.code')).length, 2);
  const second = runJir('armv7', program(0, 37), 'main', [], { codeCacheDir: dir });
  t.deepEqual(second.outcome, { value: 42 });
  t.is(second.stats.cachedFunctions, 2);
});

test('code that embeds an address is not reused when the address moved', (t) => {
  const dir = freshDir();
  t.deepEqual(runJir('armv7', program(0, 37), 'main', [], { codeCacheDir: dir }).outcome, { value: 42 });
  // Three more globals move @k; @check's code does not depend on it and is reused.
  const moved = runJir('armv7', program(3, 37), 'main', [], { codeCacheDir: dir });
  t.deepEqual(moved.outcome, { value: 42 });
  t.is(moved.stats.cachedFunctions, 1);
  // Another const value changes data, not code.
  const other = runJir('armv7', program(3, -10), 'main', [], { codeCacheDir: dir });
  t.deepEqual(other.outcome, { value: -1 });
  t.is(other.stats.cachedFunctions, 2);
});

test('a damaged, foreign or unreadable entry is ignored', (t) => {
  const dir = freshDir();
  const at = { root: dir, build: 'b1' };
  const store = new CompiledCodeStore<string>(at, 'test');
  const buffer = new CodeBuffer<string>();
  buffer.put32(0x12345678);
  buffer.useSymbol('fn:x', 'rel', 4);
  buffer.put32(0);
  const code = buffer.relocatable();
  store.put('key one', {
    code,
    stackMaps: [{ returnOffset: 8, frameSize: 16, returnAddressOffset: 4, callerSpOffset: 16, refSlots: [0] }],
    labels: [{ offset: 0, name: '^entry' }],
    innerLoops: [{ start: 4, end: 12 }],
  });
  const again = new CompiledCodeStore<string>(at, 'test').get('key one');
  t.deepEqual(again && [...again.code.bytes], [...code.bytes]);
  t.deepEqual(again?.innerLoops, [{ start: 4, end: 12 }]);
  t.deepEqual(again?.code.fixups, code.fixups);
  t.deepEqual(again?.stackMaps[0]?.refSlots, [0]);
  const file = store.file('key one');
  // A file whose key is another (two keys with one hash) is not this key's code.
  writeFileSync(store.file('key two'), readFileSync(file));
  t.is(new CompiledCodeStore<string>(at, 'test').get('key two'), undefined);
  writeFileSync(file, '{"format":"jitc-code-2","key":"key one","bytes":');
  t.is(new CompiledCodeStore<string>(at, 'test').get('key one'), undefined);
  t.is(new CompiledCodeStore<string>({ root: join(dir, 'missing'), build: 'b1' }, 'test').get('key one'), undefined);
});

test('a placed copy of relocatable code equals the code placed directly', (t) => {
  const patch = (code: Uint8Array, fixup: { at: number }, site: number, target: number): void => {
    new DataView(code.buffer, code.byteOffset).setUint32(fixup.at, target - site, true);
  };
  const buffer = new CodeBuffer<string>();
  const label = buffer.newLabel();
  buffer.useLabel(label, 'rel');
  buffer.put32(0);
  buffer.useSymbol('other', 'rel');
  buffer.put32(0);
  buffer.bind(label);
  buffer.put32(0xdeadbeef);
  const copy = CodeBuffer.fromRelocatable(buffer.relocatable());
  const resolve = (): number => 0x9000;
  t.deepEqual([...copy.finish(0x1000, patch, resolve).bytes], [...buffer.finish(0x1000, patch, resolve).bytes]);
});

test("storing code removes other builds' directories untouched for a week, and only those", (t) => {
  const root = freshDir();
  const old = join(root, 'old-build'),
    recent = join(root, 'recent-build');
  mkdirSync(old);
  mkdirSync(recent);
  const weekAndADay = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
  utimesSync(old, weekAndADay, weekAndADay);
  const store = new CompiledCodeStore<string>({ root, build: 'b1' }, 'test');
  store.put('k', { code: new CodeBuffer<string>().relocatable(), stackMaps: [], labels: [], innerLoops: [] });
  t.deepEqual(readdirSync(root).sort(), ['b1', 'recent-build']);
});

test("storing code keeps the eight other builds' directories written last", (t) => {
  const root = freshDir();
  const now = Date.now() / 1000;
  for (let i = 0; i < 12; i++) {
    const dir = join(root, `build-${String(i).padStart(2, '0')}`);
    mkdirSync(dir);
    utimesSync(dir, now - 3600 + i * 60, now - 3600 + i * 60);
  }
  const store = new CompiledCodeStore<string>({ root, build: 'b1' }, 'test');
  store.put('k', { code: new CodeBuffer<string>().relocatable(), stackMaps: [], labels: [], innerLoops: [] });
  const kept = Array.from({ length: 8 }, (_, i) => `build-${String(i + 4).padStart(2, '0')}`);
  t.deepEqual(readdirSync(root).sort(), ['b1', ...kept]);
});
