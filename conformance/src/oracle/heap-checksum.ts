import { typeAt, type Program } from '#framework';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const f64Bits = new DataView(new ArrayBuffer(8));

/**
 * A checksum of what the program's globals reach, independent of where objects are: the
 * graph is walked breadth-first from the globals in declaration order, and a ref is hashed
 * as the order in which its object was first met, never as its address. Type ids, ints and
 * bytes are hashed as they are, doubles bit for bit with NaNs as one class. Two runs that
 * leave the same objects, fields and sharing get the same checksum whatever their
 * collector moved.
 */
export function reachableHeapChecksum(program: Program): number {
  const { memory, types, module, image } = program;
  let h = FNV_OFFSET;
  const mix = (x: number): void => {
    h = Math.imul(h ^ (x | 0), FNV_PRIME);
  };
  const mixF64 = (x: number): void => {
    if (Number.isNaN(x)) return mix(0x7ff80000);
    f64Bits.setFloat64(0, x);
    mix(f64Bits.getInt32(0));
    mix(f64Bits.getInt32(4));
  };
  const order = new Map<number, number>();
  const queue: number[] = [];
  const mixRef = (r: number): void => {
    // Null and immediates (tagged small ints) are values; anything else is an object.
    if (r === 0 || (r & 3) !== 0) return void (mix(1), mix(r));
    let seen = order.get(r);
    if (seen === undefined) {
      seen = order.size;
      order.set(r, seen);
      queue.push(r);
    }
    mix(2);
    mix(seen);
  };
  const mixValue = (kind: string, addr: number): void => {
    if (kind === 'ref') mixRef(memory.word(addr));
    else if (kind === 'f64') mixF64(memory.loadF64(addr));
    else if (kind === 'i8') mix(memory.loadU8(addr));
    else mix(memory.word(addr));
  };
  for (const g of module.globals) mixValue(g.type, image.globalAddr.get(g.name)!);
  for (let next = 0; next < queue.length; next++) {
    const addr = queue[next]!;
    const type = typeAt(memory, types, addr);
    if (!type) {
      mix(-1);
      continue;
    }
    mix(type.id);
    if (type.kind === 'struct') {
      for (const f of type.fields) mixValue(f.kind, addr + f.offset);
      continue;
    }
    const length = memory.word(addr + 4);
    mix(length);
    for (let i = 0; i < length; i++) mixValue(type.elem!, addr + type.elemOffset + i * type.elemSize);
  }
  return h >>> 0;
}
