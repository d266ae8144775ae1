import { Trap } from '../ir/traps.ts';
import type { HostFunction } from './host.ts';
import { TYPE_ID_SHIFT } from './object-layout.ts';

/** Output functions every program may declare as externs. */
export function builtinHostFunctions(): HostFunction[] {
  return [
    {
      name: 'print_i32',
      sig: { params: ['i32'], result: null },
      collects: false,
      raises: false,
      impl: ([v], ctx) => {
        ctx.out.write(`${v! | 0}\n`);
        return undefined;
      },
    },
    {
      name: 'print_f64',
      sig: { params: ['f64'], result: null },
      collects: false,
      raises: false,
      impl: ([v], ctx) => {
        ctx.out.write(`${formatF64(v!)}\n`);
        return undefined;
      },
    },
    {
      name: 'print_char',
      sig: { params: ['i32'], result: null },
      collects: false,
      raises: false,
      impl: ([v], ctx) => {
        ctx.out.write(String.fromCodePoint(v! & 0x1fffff));
        return undefined;
      },
    },
    {
      // Prints a byte array (any array type with i8 elements) as UTF-8 text.
      name: 'print_bytes',
      sig: { params: ['ref'], result: null },
      collects: false,
      raises: false,
      impl: ([r], ctx) => {
        const a = r! | 0;
        if (a === 0 || (a & 3) !== 0) throw new Trap('bad_pointer', 'print_bytes of a non-pointer');
        const t = ctx.types.byId[ctx.memory.loadI32(a) >>> TYPE_ID_SHIFT];
        if (!t || t.elem !== 'i8') throw new Trap('host_error', 'print_bytes of an object that is not a byte array');
        const len = ctx.memory.loadI32(a + 4);
        const off = a + t.elemOffset - ctx.memory.base;
        ctx.out.write(Buffer.from(ctx.memory.u8.subarray(off, off + len)).toString('utf8'));
        return undefined;
      },
    },
  ];
}

/** Floats print as the shortest round-trip decimal, with `nan`, `inf`, `-0.0` spelled out. */
export function formatF64(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}
