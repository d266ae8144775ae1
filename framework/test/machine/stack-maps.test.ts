import test from 'ava';
import { StackMapTable, type FrameDescriptor } from '../../src/machine/stack-maps.ts';

test('frames are walked innermost first until an address without a descriptor', (t) => {
  const table = new StackMapTable();
  const inner: FrameDescriptor = {
    returnOffset: 0x10,
    frameSize: 16,
    returnAddressOffset: 12,
    callerSpOffset: 16,
    refSlots: [4],
  };
  const outer: FrameDescriptor = {
    returnOffset: 0x20,
    frameSize: 8,
    returnAddressOffset: 4,
    callerSpOffset: 8,
    refSlots: [],
  };
  table.register(0x1000, [inner]);
  table.register(0x2000, [outer]);
  const memory = new Map<number, number>([
    [0x8000 + 12, 0x2020],
    [0x8010 + 4, 0xfff0],
  ]);
  const frames = [...table.frames(0x8000, 0x1010, (a) => memory.get(a) ?? 0)];
  t.deepEqual(
    frames.map((f) => [f.sp, f.returnAddress, f.descriptor]),
    [
      [0x8000, 0x1010, inner],
      [0x8010, 0x2020, outer],
    ],
  );
  t.is(table.lookup(0x1010), inner);
  t.is(table.lookup(0x1011), undefined);
});
