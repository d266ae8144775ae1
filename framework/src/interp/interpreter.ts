import { emptyStats, type Engine, type EngineOptions, type EngineStats } from '../engine.ts';
import type { RootSource, RootVisitor } from '../gc/interface.ts';
import { Trap } from '../ir/traps.ts';
import { GuestException } from '../runtime/host.ts';
import { toMemoryError } from '../runtime/memory-error.ts';
import type { CodeListener, Program } from '../runtime/program.ts';
import type { Func } from '../ir/module.ts';
import type { NativeTier } from '../jit/native-tier.ts';
import * as K from './compiled.ts';
import type { CompiledFunc, Edge, End } from './compiled.ts';
import { compileFunc } from './compile-func.ts';

// Local copies: the loader turns imported bindings into getter calls, too slow for the dispatch switch.
const END_JUMP = K.END_JUMP,
  END_BRANCH = K.END_BRANCH,
  END_SWITCH = K.END_SWITCH,
  END_OVF = K.END_OVF;
const END_CALL = K.END_CALL,
  END_CALL_INDIRECT = K.END_CALL_INDIRECT,
  END_CALL_HOST = K.END_CALL_HOST;
const END_TAIL_CALL = K.END_TAIL_CALL,
  END_TAIL_CALL_INDIRECT = K.END_TAIL_CALL_INDIRECT;
const END_RETURN = K.END_RETURN,
  END_RAISE = K.END_RAISE,
  END_UNREACHABLE = K.END_UNREACHABLE;

const NO_SLOTS = new Int32Array(0);

/** Registers per guest stack byte: the interpreter's depth limit follows --stack. */
const BYTES_PER_SLOT = 8;
const MIN_SLOTS = 1 << 16;

/**
 * The reference interpreter: the oracle that defines what every program means.
 * Functions are compiled lazily into segments of closures; guest calls use an explicit
 * frame stack (never host recursion), so tail calls and deep recursion cost no host stack.
 */
export class Interpreter implements Engine, RootSource, CodeListener {
  readonly stats: EngineStats = emptyStats();
  private readonly R: Float64Array;
  private readonly funcs: CompiledFunc[];
  private readonly byName = new Map<string, CompiledFunc>();
  private readonly fuel: number;
  /** Saved caller frames; the current frame lives in locals and in cur*. */
  private stackFuncs: CompiledFunc[] = [];
  private stackFps: number[] = [];
  private stackEnds: End[] = [];
  private curFunc: CompiledFunc | null = null;
  private curFp = 0;
  private temp: number[] = [];

  constructor(
    readonly program: Program,
    options: EngineOptions = {},
    /** Tiering: hot functions are compiled and run there (null: interpret everything). */
    private readonly tier: NativeTier | null = null,
  ) {
    this.heat = tier === null ? Infinity : Math.max(1, tier.threshold);
    this.fuel = options.fuel ?? Infinity;
    this.R = new Float64Array(
      Math.max(MIN_SLOTS, Math.floor(program.layout.stackEnd - program.layout.stackBase) / BYTES_PER_SLOT),
    );
    this.funcs = program.module.funcs.map((func, index) => this.describe(func, index));
    program.heap.addRoots(this);
    program.addCodeListener(this);
  }

  private readonly heat: number;

  /** Everything but the body: a deferred body (a prepared library's) is read only when
   *  the function is first entered (compileFunc). */
  private describe(func: Func, index: number): CompiledFunc {
    const cf: CompiledFunc = {
      func,
      index,
      nregs: 0,
      params: NO_SLOTS,
      refSlots: NO_SLOTS,
      segs: [],
      sigId: this.program.image.signatureId(func.sig),
      compiled: false,
      heat: this.heat,
      native: false,
    };
    this.byName.set(func.name, cf);
    return cf;
  }

  functionsAdded(funcs: readonly Func[], firstIndex: number): void {
    funcs.forEach((f, i) => {
      if (this.funcs.length !== firstIndex + i)
        throw new Error(`interpreter: function #${firstIndex + i} added out of order`);
      this.funcs.push(this.describe(f, firstIndex + i));
    });
  }

  dispose(): void {
    this.program.heap.removeRoots(this);
    this.program.removeCodeListener(this);
  }

  call(name: string, args: number[]): number | undefined {
    const cf = this.byName.get(name);
    if (!cf) throw new Trap('bad_function', `no function @${name}`);
    if (args.length !== cf.func.sig.params.length)
      throw new Trap('bad_function', `@${name} takes ${cf.func.sig.params.length} arguments, got ${args.length}`);
    if (cf.native || (--cf.heat <= 0 && this.promote(cf))) return this.callNativeEntry(cf, args);
    this.stackFuncs = [];
    this.stackFps = [];
    this.stackEnds = [];
    this.enter(cf, 0);
    cf.params.forEach((slot, i) => (this.R[slot] = args[i]!));
    try {
      return this.run(cf);
    } finally {
      this.curFunc = null;
      this.stackFuncs = [];
      this.stackFps = [];
      this.stackEnds = [];
    }
  }

  visitRoots(visit: RootVisitor): void {
    const R = this.R;
    const scan = (cf: CompiledFunc, fp: number): void => {
      const slots = cf.refSlots;
      for (let i = 0; i < slots.length; i++) {
        const at = fp + slots[i]!;
        const v = R[at]! | 0;
        const nv = visit(v);
        if (nv !== v) R[at] = nv;
      }
    };
    for (let i = 0; i < this.stackFuncs.length; i++) scan(this.stackFuncs[i]!, this.stackFps[i]!);
    if (this.curFunc) scan(this.curFunc, this.curFp);
  }

  /** Compiles a hot function; this activation goes on interpreting, later calls run native
   *  (unless the tier declined it: then every call stays here). */
  private promote(cf: CompiledFunc): boolean {
    cf.heat = Infinity;
    if (!this.tier!.compile(cf.index)) return false;
    cf.native = true;
    return true;
  }

  private callNativeEntry(cf: CompiledFunc, args: number[]): number | undefined {
    try {
      return this.tier!.call(cf.index, args);
    } catch (err) {
      if (err instanceof GuestException)
        throw new Trap('uncaught_exception', `value 0x${(err.value >>> 0).toString(16)}`, `@${cf.func.name}`);
      throw err;
    }
  }

  /** Arguments of a call to native code, read from the caller's registers. */
  private nativeArgs(e: End, fp: number): number[] {
    const R = this.R,
      args = e.args;
    const out = new Array<number>(args.length);
    for (let i = 0; i < args.length; i++) out[i] = R[fp + args[i]!]!;
    return out;
  }

  private resolver = {
    func: (name: string): CompiledFunc => this.byName.get(name)!,
    index: (name: string): number => this.byName.get(name)!.index,
  };

  /** Makes cf the current frame at fp: checks the depth limit, zeroes its ref slots. */
  private enter(cf: CompiledFunc, fp: number): void {
    if (!cf.compiled) compileFunc(cf, this.program.module, this.program, this.R, this.resolver);
    if (fp + cf.nregs > this.R.length) throw new Trap('stack_overflow', `call depth ${this.stackFuncs.length + 1}`);
    const slots = cf.refSlots;
    for (let i = 0; i < slots.length; i++) this.R[fp + slots[i]!] = 0;
    this.curFunc = cf;
    this.curFp = fp;
    this.stats.calls++;
  }

  private move(e: Edge, fp: number): number {
    const R = this.R;
    const src = e.src,
      dst = e.dst;
    if (!e.viaTemp) {
      for (let i = 0; i < src.length; i++) R[fp + dst[i]!] = R[fp + src[i]!]!;
    } else {
      const t = this.temp;
      for (let i = 0; i < src.length; i++) t[i] = R[fp + src[i]!]!;
      for (let i = 0; i < src.length; i++) R[fp + dst[i]!] = t[i]!;
    }
    return e.seg;
  }

  private run(entry: CompiledFunc): number | undefined {
    const R = this.R;
    const stats = this.stats;
    const fuel = this.fuel;
    let cf = entry;
    let fp = 0;
    let si = 0;
    let executed = stats.instructions;
    let seg = cf.segs[0]!;
    try {
      for (;;) {
        try {
          for (;;) {
            seg = cf.segs[si]!;
            if ((executed += seg.cost) > fuel) {
              executed -= seg.cost;
              throw new Trap('fuel_exhausted', `after ${executed} instructions`);
            }
            if (seg.run !== null) {
              // A jump to the same or an earlier segment is a loop back-edge: it counts as heat.
              const next = seg.run(fp);
              if (next <= si && --cf.heat <= 0) this.promote(cf);
              si = next;
              continue;
            }
            const ops = seg.ops;
            for (let i = 0; i < ops.length; i++) ops[i]!(fp);
            const e = seg.end;
            switch (e.kind) {
              case END_JUMP: {
                const next = this.move(e.edges[0]!, fp);
                if (next <= si && --cf.heat <= 0) this.promote(cf);
                si = next;
                continue;
              }
              case END_BRANCH: {
                const next = this.move(e.edges[R[fp + e.a] !== 0 ? 0 : 1]!, fp);
                if (next <= si && --cf.heat <= 0) this.promote(cf);
                si = next;
                continue;
              }
              case END_SWITCH:
                si = this.move(e.edges[e.cases!.get(R[fp + e.a]!) ?? 0]!, fp);
                continue;
              case END_OVF: {
                const r = e.checked!(R[fp + e.a]!, R[fp + e.b]!);
                if (r === null) si = this.move(e.edges[1]!, fp);
                else {
                  R[fp + e.dst] = r;
                  si = this.move(e.edges[0]!, fp);
                }
                continue;
              }
              case END_CALL:
              case END_CALL_INDIRECT: {
                const callee = e.kind === END_CALL ? e.callee! : this.indirectTarget(R[fp + e.a]!, e.sigId);
                if (callee.native || (--callee.heat <= 0 && this.promote(callee))) {
                  let result: number | undefined;
                  try {
                    result = this.tier!.call(callee.index, this.nativeArgs(e, fp));
                  } catch (err) {
                    if (!(err instanceof GuestException) || !e.fused) throw err;
                    si = this.unwindInto(e, fp, err.value);
                    continue;
                  }
                  if (e.dst >= 0) R[fp + e.dst] = result ?? 0;
                  si = this.move(e.edges[0]!, fp);
                  continue;
                }
                const nfp = fp + cf.nregs;
                this.stackFuncs.push(cf);
                this.stackFps.push(fp);
                this.stackEnds.push(e);
                this.enter(callee, nfp);
                const args = e.args,
                  params = callee.params;
                for (let i = 0; i < args.length; i++) R[nfp + params[i]!] = R[fp + args[i]!]!;
                cf = callee;
                fp = nfp;
                si = 0;
                continue;
              }
              case END_TAIL_CALL:
              case END_TAIL_CALL_INDIRECT: {
                const callee = e.kind === END_TAIL_CALL ? e.callee! : this.indirectTarget(R[fp + e.a]!, e.sigId);
                if (callee.native || (--callee.heat <= 0 && this.promote(callee))) {
                  // Native code runs the callee; this frame then returns its result.
                  const v = this.tier!.call(callee.index, this.nativeArgs(e, fp));
                  const caller = this.stackFuncs.pop();
                  if (!caller) return v;
                  const ce = this.stackEnds.pop()!;
                  fp = this.stackFps.pop()!;
                  cf = caller;
                  this.curFunc = cf;
                  this.curFp = fp;
                  if (ce.dst >= 0) R[fp + ce.dst] = v ?? 0;
                  si = this.move(ce.edges[0]!, fp);
                  continue;
                }
                const args = e.args,
                  t = this.temp;
                for (let i = 0; i < args.length; i++) t[i] = R[fp + args[i]!]!;
                this.enter(callee, fp);
                const params = callee.params;
                for (let i = 0; i < args.length; i++) R[fp + params[i]!] = t[i]!;
                cf = callee;
                si = 0;
                continue;
              }
              case END_CALL_HOST: {
                const h = e.host!;
                const hargs = new Array<number>(e.args.length);
                for (let i = 0; i < hargs.length; i++) hargs[i] = R[fp + e.args[i]!]!;
                stats.hostCalls++;
                let result: number | undefined;
                try {
                  result = h.impl(hargs, this.program.hostContext);
                } catch (thrown) {
                  const err = h.raises ? toMemoryError(thrown, this.program.hostContext) : thrown;
                  if (!(err instanceof GuestException) || !e.fused) throw err;
                  si = this.unwindInto(e, fp, err.value);
                  continue;
                }
                if (e.dst >= 0) R[fp + e.dst] = result ?? 0;
                si = this.move(e.edges[0]!, fp);
                continue;
              }
              case END_RETURN: {
                const v = e.a >= 0 ? R[fp + e.a]! : undefined;
                const caller = this.stackFuncs.pop();
                if (!caller) return v;
                const ce = this.stackEnds.pop()!;
                fp = this.stackFps.pop()!;
                cf = caller;
                this.curFunc = cf;
                this.curFp = fp;
                if (ce.dst >= 0) R[fp + ce.dst] = v ?? 0;
                si = this.move(ce.edges[0]!, fp);
                continue;
              }
              case END_RAISE:
                ({ cf, fp, si } = this.raise(R[fp + e.a]! | 0));
                continue;
              case END_UNREACHABLE:
                throw new Trap('unreachable');
            }
          }
        } catch (err) {
          // A guest exception this frame's fused calls did not catch (from native code, a host
          // function, or an allocation that raised the memory error) leaves the frame.
          if (!(err instanceof GuestException)) throw err;
          ({ cf, fp, si } = this.raise(err.value));
        }
      }
    } catch (err) {
      throw this.locate(err, cf, seg);
    } finally {
      stats.instructions = executed;
    }
  }

  private indirectTarget(index: number, sigId: number): CompiledFunc {
    const callee = this.funcs[index];
    if (!callee || index < 0) throw new Trap('bad_function', `table index ${index}`);
    if (callee.sigId !== sigId) throw new Trap('bad_function', `@${callee.func.name} called with the wrong signature`);
    return callee;
  }

  /** Takes a fused call's unwind edge in the current frame, the exception in the handler's first parameter. */
  private unwindInto(e: End, fp: number, exception: number): number {
    const h = e.edges[1]!;
    const si = this.move(h, fp);
    this.R[fp + h.exc] = exception;
    return si;
  }

  /** Pops frames until a caller's fused call catches the exception. */
  private raise(exception: number): { cf: CompiledFunc; fp: number; si: number } {
    for (;;) {
      const caller = this.stackFuncs.pop();
      if (!caller) throw new Trap('uncaught_exception', `value 0x${(exception >>> 0).toString(16)}`);
      const ce = this.stackEnds.pop()!;
      const fp = this.stackFps.pop()!;
      if (!ce.fused) continue;
      this.curFunc = caller;
      this.curFp = fp;
      return { cf: caller, fp, si: this.unwindInto(ce, fp, exception) };
    }
  }

  private locate(err: unknown, cf: CompiledFunc, seg: { block: string }): unknown {
    const where = `@${cf.func.name} ^${seg.block}`;
    if (err instanceof Trap) {
      if (!err.where) err.where = where;
      return err;
    }
    if (err instanceof RangeError && /call stack/i.test(err.message))
      return new Trap('stack_overflow', 'host stack', where);
    if (err instanceof Error && err.name !== 'Trap') return new Trap('host_error', err.message, where);
    return err;
  }
}
