import type { Func, Module } from '../ir/module.ts';
import { sigToString, type Signature } from '../ir/types.ts';
import type { RootSource, RootVisitor } from '../gc/interface.ts';
import type { GuestMemory } from './guest-memory.ts';
import { LimitError } from './limit-error.ts';
import { MAX_FUNCTIONS, TABLE_SLOT_BYTES, type MemoryLayout } from './memory-map.ts';
import { TYPE_ID_SHIFT, TypeTable, kindSize } from './object-layout.ts';

const GLOBAL_SLOT = 8;
const align8 = (n: number): number => (n + 7) & ~7;

/**
 * Places a module's static data in guest memory: the function table (one slot per
 * function, [code address, signature id]), globals (8 bytes each) and immortal consts.
 * It is also the collector's root source for ref globals and ref fields of consts.
 */
/** Bytes of static data a module needs after the function table (globals and consts). */
export function staticBytesFor(module: Module, types: TypeTable): number {
  let bytes = module.globals.length * GLOBAL_SLOT;
  for (const c of module.consts) {
    const t = types.get(c.type);
    bytes += align8(t.kind === 'array' ? TypeTable.arrayBytes(t, c.values.length) : t.size);
  }
  return bytes;
}

export class StaticImage implements RootSource {
  readonly funcIndex = new Map<string, number>();
  readonly globalAddr = new Map<string, number>();
  readonly constAddr = new Map<string, number>();
  private readonly sigIds = new Map<string, number>();
  /** Addresses of ref-holding words in static data. */
  private readonly refWords: number[] = [];
  private end: number;

  constructor(
    readonly module: Module,
    readonly types: TypeTable,
    readonly memory: GuestMemory,
  ) {
    const layout: MemoryLayout = memory.layout;
    if (module.funcs.length > MAX_FUNCTIONS) {
      throw new LimitError(
        `${module.funcs.length} functions in the IR, more than the function table's ${MAX_FUNCTIONS}`,
      );
    }
    module.funcs.forEach((f, i) => {
      this.funcIndex.set(f.name, i);
      memory.setWord(this.tableSlot(i) + 4, this.signatureId(f.sig));
    });
    let at = layout.staticBase;
    for (const g of module.globals) {
      this.globalAddr.set(g.name, at);
      if (g.type === 'ref') this.refWords.push(at);
      at += GLOBAL_SLOT;
    }
    for (const c of module.consts) {
      const t = types.get(c.type);
      const size = t.kind === 'array' ? TypeTable.arrayBytes(t, c.values.length) : t.size;
      this.constAddr.set(c.name, at);
      at = align8(at + size);
      if (at > layout.staticEnd) throw new RangeError('static data exceeds its region');
    }
    this.end = at;
    for (const c of module.consts) this.writeConst(c.name);
    for (const g of module.globals) {
      const addr = this.globalAddr.get(g.name)!;
      if (g.type === 'f64') memory.f64[(addr - memory.base) >> 3] = Number(g.init);
      else memory.setWord(addr, this.resolve(g.init));
    }
  }

  /** Gives a function loaded at run time (already in module.funcs) the next table slot. */
  addFunction(f: Func): number {
    const index = this.funcIndex.size;
    if (index >= MAX_FUNCTIONS) {
      throw new LimitError(`loading @${f.name} makes more functions than the function table's ${MAX_FUNCTIONS}`);
    }
    this.funcIndex.set(f.name, index);
    this.memory.setWord(this.tableSlot(index) + 4, this.signatureId(f.sig));
    return index;
  }

  tableSlot(index: number): number {
    return this.memory.layout.tableBase + index * TABLE_SLOT_BYTES;
  }

  signatureId(sig: Signature): number {
    const key = sigToString(sig);
    let id = this.sigIds.get(key);
    if (id === undefined) {
      id = this.sigIds.size + 1;
      this.sigIds.set(key, id);
    }
    return id;
  }

  /** True when addr is the start of a const object (immortal, never collected). */
  isStaticObject(addr: number): boolean {
    for (const a of this.constAddr.values()) if (a === addr) return true;
    return false;
  }

  get staticEnd(): number {
    return this.end;
  }

  visitRoots(visit: RootVisitor): void {
    const mem = this.memory;
    for (const a of this.refWords) {
      const v = mem.word(a);
      const nv = visit(v);
      if (nv !== v) mem.setWord(a, nv);
    }
  }

  private resolve(v: number | string): number {
    if (typeof v === 'number') return v | 0;
    const a = this.constAddr.get(v);
    if (a === undefined) throw new Error(`unknown const @${v}`);
    return a;
  }

  private writeConst(name: string): void {
    const c = this.module.constant(name)!;
    const t = this.types.get(c.type);
    const addr = this.constAddr.get(name)!;
    const mem = this.memory;
    mem.setWord(addr, t.id << TYPE_ID_SHIFT);
    const put = (at: number, kind: string, v: number | string): void => {
      if (kind === 'f64') mem.f64[(at - mem.base) >> 3] = Number(v);
      else if (kind === 'i8') mem.u8[at - mem.base] = Number(v) & 0xff;
      else {
        mem.setWord(at, this.resolve(v));
        if (kind === 'ref') this.refWords.push(at);
      }
    };
    if (t.kind === 'array') {
      mem.setWord(addr + 4, c.values.length);
      c.values.forEach((v, i) => put(addr + t.elemOffset + i * kindSize(t.elem!), t.elem!, v));
    } else {
      t.fields.forEach((f, i) => put(addr + f.offset, f.kind, c.values[i] ?? 0));
    }
  }
}
