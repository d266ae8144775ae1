// Runs fake machine code: registers, a frame stack in memory, calls through the function
// table, and a moving collector at every call that renames every ref it finds through the
// stack maps (and the callee's ref arguments), then forgets the old names. A ref kept
// anywhere else (a register across a call, a slot the stack map misses) goes stale, and
// using it fails. Registers a call does not define and fresh frame memory are poisoned.
import { OPCODE_LIST } from '../../../src/ir/opcodes.ts';
import { decodeHeader, Op, OP_NAMES } from './fake-encoding.ts';
import { assignArgs, resultReg } from './fake-convention.ts';
import { ALLOCATABLE, F0, FLOAT_SCRATCH, INT_SCRATCH, LR, SP } from './fake-isa.ts';
import { CODE_BASE, type FakeImage } from './fake-image.ts';

const STACK_BASE = 0x10000;
const STACK_TOP = 0x50000;
const STOP = 0xfffffff0;
const POISON_INT = 0x0dead001;
const POISON_F64 = -1.2345e300;
const TOKEN_BASE = 0x4000_0000;

const isPointer = (x: number): boolean => x !== 0 && (x & 3) === 0;

export interface RunStats {
  instructions: number;
  stores: number;
  loads: number;
  calls: number;
  collections: number;
}

export class FakeSimulator {
  readonly stats: RunStats = { instructions: 0, stores: 0, loads: 0, calls: 0, collections: 0 };
  private readonly mem = new DataView(new ArrayBuffer(STACK_TOP));
  private readonly R = new Int32Array(6);
  private readonly F = new Float64Array(3);
  private flag = false;
  private pc = 0;
  /** Live objects: current name → the bits ref.from_bits was given. */
  private readonly objects = new Map<number, number>();
  private nextToken = TOKEN_BASE;
  private readonly running: number[] = [];

  constructor(
    private readonly image: FakeImage,
    private readonly fuel = 5_000_000,
  ) {}

  run(funcIndex: number, args: readonly number[]): number | undefined {
    const sig = this.image.sigs[funcIndex]!;
    const { locs, stackBytes } = assignArgs(sig.params);
    this.R[SP] = STACK_TOP - stackBytes;
    locs.forEach((loc, i) => {
      const x = sig.params[i] === 'ref' ? this.box(args[i]!) : args[i]!;
      if (loc.kind === 'reg') this.write(loc.preg, x);
      else if (sig.params[i] === 'f64') this.mem.setFloat64(this.R[SP]! + loc.offset, x, true);
      else this.mem.setInt32(this.R[SP]! + loc.offset, x, true);
    });
    this.R[LR] = STOP | 0;
    this.running.push(funcIndex);
    this.pc = this.image.table[funcIndex]!;
    this.execute();
    if (!sig.result) return undefined;
    const r = this.read(resultReg(sig.result));
    return sig.result === 'ref' ? this.unbox(r) : r;
  }

  private execute(): void {
    const words = this.image.words;
    const R = this.R;
    for (;;) {
      if (++this.stats.instructions > this.fuel) throw new Error('fake machine: out of fuel');
      const at = this.pc;
      const h = decodeHeader(words[(at - CODE_BASE) >>> 2]!);
      this.pc += 4;
      switch (h.op) {
        case Op.LI:
          R[h.a] = this.imm();
          break;
        case Op.LF: {
          const lo = this.imm(),
            hi = this.imm();
          const dv = new DataView(new ArrayBuffer(8));
          dv.setUint32(0, lo, true);
          dv.setUint32(4, hi, true);
          this.F[h.a - F0] = dv.getFloat64(0, true);
          break;
        }
        case Op.PURE: {
          const def = OPCODE_LIST[this.imm()]!;
          const ins = [h.b, h.c, h.d].slice(0, def.operands.length).map((p) => this.read(p));
          this.write(h.a, def.evaluate!(...ins));
          break;
        }
        case Op.MOV:
          R[h.a] = R[h.b]!;
          break;
        case Op.FMOV:
          this.F[h.a - F0] = this.F[h.b - F0]!;
          break;
        case Op.LDW:
          this.stats.loads++;
          R[h.a] = this.mem.getInt32(this.stackAddress(this.imm(), 4), true);
          break;
        case Op.LDD:
          this.stats.loads++;
          this.F[h.a - F0] = this.mem.getFloat64(this.stackAddress(this.imm(), 8), true);
          break;
        case Op.STW:
          this.stats.stores++;
          this.mem.setInt32(this.stackAddress(this.imm(), 4), R[h.a]!, true);
          break;
        case Op.STD:
          this.stats.stores++;
          this.mem.setFloat64(this.stackAddress(this.imm(), 8), this.F[h.a - F0]!, true);
          break;
        case Op.CMPZ:
          this.flag = R[h.b] !== 0;
          break;
        case Op.BNZ:
        case Op.BZ:
        case Op.JMP: {
          const site = this.pc;
          const rel = this.imm();
          const taken = h.op === Op.JMP || (h.op === Op.BNZ) === this.flag;
          if (taken) this.pc = (site + rel) >>> 0;
          break;
        }
        case Op.CALL:
          this.call(this.imm());
          break;
        case Op.RETLR:
          if (!this.ret()) return;
          break;
        case Op.SUBSP: {
          const size = this.imm();
          R[SP] = R[SP]! - size;
          if (R[SP]! < STACK_BASE) throw new Error('fake machine: stack overflow');
          for (let a = R[SP]!; a < R[SP]! + size; a += 4) this.mem.setInt32(a, POISON_INT, true);
          break;
        }
        case Op.ADDSP:
          R[SP] = R[SP]! + this.imm();
          break;
        case Op.MKREF:
          R[h.a] = this.box(R[h.b]!);
          break;
        case Op.REFBITS:
          R[h.a] = this.unbox(R[h.b]!);
          break;
        default:
          throw new Error(`fake machine: bad opcode ${h.op} (${OP_NAMES[h.op] ?? '?'}) at 0x${at.toString(16)}`);
      }
    }
  }

  private imm(): number {
    const w = this.image.words[(this.pc - CODE_BASE) >>> 2]!;
    this.pc += 4;
    return w | 0;
  }

  private call(callee: number): void {
    this.stats.calls++;
    const returnAddress = this.pc;
    this.collect(callee, returnAddress);
    const argRegs = new Set(
      assignArgs(this.image.sigs[callee]!.params).locs.flatMap((l) => (l.kind === 'reg' ? [l.preg] : [])),
    );
    this.poison((p) => !argRegs.has(p));
    this.R[LR] = returnAddress | 0;
    this.running.push(callee);
    this.pc = this.image.table[callee]!;
  }

  /** Returns false when the outermost function returns to the host. */
  private ret(): boolean {
    const done = this.running.pop()!;
    const result = this.image.sigs[done]!.result;
    const keep = result ? resultReg(result) : -1;
    this.poison((p) => p !== keep);
    if (this.R[LR]! >>> 0 === STOP) return false;
    this.pc = this.R[LR]! >>> 0;
    return true;
  }

  private poison(which: (p: number) => boolean): void {
    for (const p of [...ALLOCATABLE, ...INT_SCRATCH, ...FLOAT_SCRATCH])
      if (which(p)) this.write(p, p >= F0 ? POISON_F64 : POISON_INT);
  }

  /** A moving collection: every root gets a new name, old names die. */
  private collect(callee: number, returnAddress: number): void {
    this.stats.collections++;
    const renamed = new Map<number, number>();
    const rename = (x: number): number => {
      if (!isPointer(x)) return x;
      let y = renamed.get(x);
      if (y === undefined) {
        const bits = this.objects.get(x);
        if (bits === undefined) throw new Error(`fake GC: root 0x${(x >>> 0).toString(16)} is not a live object`);
        y = this.newToken(bits);
        renamed.set(x, y);
      }
      return y;
    };
    const readWord = (a: number): number => this.mem.getInt32(a, true);
    for (const f of this.image.stackMaps.frames(this.R[SP]!, returnAddress, readWord)) {
      for (const off of f.descriptor.refSlots) {
        const a = f.sp + off;
        this.mem.setInt32(a, rename(readWord(a)), true);
      }
    }
    const sig = this.image.sigs[callee]!;
    assignArgs(sig.params).locs.forEach((loc, i) => {
      if (sig.params[i] !== 'ref') return;
      if (loc.kind === 'reg') this.R[loc.preg] = rename(this.R[loc.preg]!);
      else {
        const a = this.R[SP]! + loc.offset;
        this.mem.setInt32(a, rename(readWord(a)), true);
      }
    });
    for (const old of renamed.keys()) this.objects.delete(old);
  }

  private box(bits: number): number {
    return isPointer(bits) ? this.newToken(bits) : bits;
  }

  private unbox(x: number): number {
    if (!isPointer(x)) return x;
    const bits = this.objects.get(x);
    if (bits === undefined)
      throw new Error(`fake machine: ref 0x${(x >>> 0).toString(16)} is stale (missed by a collection)`);
    return bits;
  }

  private newToken(bits: number): number {
    const t = this.nextToken | 0;
    this.nextToken += 4;
    this.objects.set(t, bits);
    return t;
  }

  private stackAddress(off: number, bytes: number): number {
    const a = this.R[SP]! + off;
    if (a < STACK_BASE || a + bytes > STACK_TOP)
      throw new Error(`fake machine: stack access out of range at 0x${a.toString(16)}`);
    return a;
  }

  private read(p: number): number {
    return p >= F0 ? this.F[p - F0]! : this.R[p]!;
  }

  private write(p: number, x: number): void {
    if (p >= F0) this.F[p - F0] = x;
    else this.R[p] = x | 0;
  }
}
