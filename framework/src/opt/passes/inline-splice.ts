import { Block, Inst, type Func, type Module, type Target } from '../../ir/module.ts';
import { opcode } from '../../ir/opcodes.ts';
import type { BlockNamer } from './support/block-names.ts';

/** Where a call sits: block `block`, instruction `index`. */
export interface CallSite {
  block: Block;
  index: number;
}

/**
 * Replaces the call at `site` in `caller` by a copy of `callee`'s body. The call's block is
 * split after the call; the copy's `ret`s jump to the rest, which takes the result as a
 * block parameter (copyprop folds it when there is one `ret`).
 *
 * Exceptions keep their meaning:
 * - a plain call re-raises what its callee raises, and so does the copy: its `raise`s and
 *   plain calls stay as they are;
 * - a fused call (`to ^ok unwind ^h`) sends them to ^h: the copy's `raise`s jump to a
 *   landing block that passes the exception on, and its calls that may raise (plain calls,
 *   indirect calls, tail calls) become fused calls unwinding to that block;
 * - a tail call site keeps the copy's `ret`, `raise` and tail calls: they leave the caller
 *   as they left the callee.
 * Elsewhere a tail call in the copy becomes a call followed by a jump to the rest; the
 * stack depth is what it was, the caller's frame standing where the callee's was.
 */
/** Returns the blocks holding the copy. */
export function spliceCall(m: Module, caller: Func, site: CallSite, callee: Func, names: BlockNamer): Block[] {
  const call = site.block.insts[site.index]!;
  const copy = new BodyCopy(caller, callee, names);
  const entry = copy.block(callee.entry);
  const args = call.op.name === 'call_indirect' ? call.args.slice(1) : call.args;
  const enter = branchTo(entry, [...args]);
  if (call.op.name === 'tail_call') {
    site.block.insts.splice(site.index, 1, enter);
    copy.copyBody((inst, out) => out.push(inst));
    caller.blocks.push(...copy.blocks);
    return copy.blocks;
  }
  const cont = new Block(names.fresh(`${callee.name}.ret`));
  const resultType = callee.sig.result;
  if (call.fused) {
    // `%r = call @f() to ^ok(..%r..) unwind ^h(..)`: the rest is ^cont(%r), which goes on to ^ok.
    if (resultType) cont.params = [call.result];
    cont.insts = [branchTo(call.targets[0]!.block, [...call.targets[0]!.args])];
    const handler = call.targets[1]!;
    const land = new Block(names.fresh(`${callee.name}.unwind`));
    const exception = caller.newValue('ref', 'exn');
    land.params = [exception];
    land.insts = [branchTo(handler.block, [exception, ...handler.args])];
    site.block.insts.splice(site.index, 1, enter);
    copy.copyBody((inst, out, block) => rewriteForUnwind(m, caller, inst, out, cont, land, block, copy));
    caller.blocks.push(...copy.blocks, cont, land);
    return [...copy.blocks, land];
  }
  if (resultType) cont.params = [call.result >= 0 ? call.result : caller.newValue(resultType)];
  cont.insts = site.block.insts.splice(site.index + 1);
  site.block.insts.splice(site.index, 1, enter);
  copy.copyBody((inst, out) => rewriteForPlainCall(caller, inst, out, cont));
  caller.blocks.push(...copy.blocks, cont);
  return copy.blocks;
}

type Rewrite = (inst: Inst, out: Inst[], block: Block) => void;

/** The callee's values and blocks, renumbered into the caller. */
class BodyCopy {
  readonly blocks: Block[] = [];
  private readonly values = new Map<number, number>();
  private readonly blockMap = new Map<Block, Block>();

  constructor(
    private readonly caller: Func,
    private readonly callee: Func,
    private readonly names: BlockNamer,
  ) {}

  value(v: number): number {
    let r = this.values.get(v);
    if (r === undefined) {
      const info = this.callee.values[v]!;
      r = this.caller.newValue(info.type, info.name);
      this.values.set(v, r);
    }
    return r;
  }

  block(b: Block): Block {
    let r = this.blockMap.get(b);
    if (!r) {
      r = new Block(this.names.fresh(`${this.callee.name}.${b.name}`));
      r.params = b.params.map((p) => this.value(p));
      r.cold = b.cold;
      this.blockMap.set(b, r);
    }
    return r;
  }

  /** Copies every block in order, each instruction passed through `rewrite` (which pushes
   *  what replaces it, possibly ending the block and starting a new one). */
  copyBody(rewrite: Rewrite): void {
    for (const b of this.callee.blocks) {
      let into = this.block(b);
      this.blocks.push(into);
      into.insts = [];
      for (const inst of b.insts) {
        rewrite(this.inst(inst), into.insts, into);
        // A rewrite that split the block left the rest to go into its last new block.
        const last = this.blocks[this.blocks.length - 1]!;
        if (last !== into) into = last;
      }
    }
    if (this.blocks.length === 0) throw new Error(`@${this.callee.name} has no body to inline`);
  }

  /** A new block for the rest of a block split at a fused call. */
  splitBlock(name: string, params: number[]): Block {
    const b = new Block(this.names.fresh(name));
    b.params = params;
    this.blocks.push(b);
    return b;
  }

  private inst(src: Inst): Inst {
    const inst = new Inst(src.op);
    inst.result = src.result >= 0 ? this.value(src.result) : -1;
    inst.args = src.args.map((v) => this.value(v));
    inst.sym = src.sym;
    inst.field = src.field;
    inst.imm = src.imm;
    inst.sig = src.sig;
    inst.targets = src.targets.map((t) => ({ block: this.block(t.block), args: t.args.map((v) => this.value(v)) }));
    inst.cases = [...src.cases];
    inst.fused = src.fused;
    return inst;
  }
}

function branchTo(block: Block, args: number[]): Inst {
  const inst = new Inst(opcode('br'));
  inst.targets = [{ block, args }];
  return inst;
}

/** `ret %v` → `br ^cont(%v)`; `tail_call @g(..)` → `%t = call @g(..)`, `br ^cont(%t)`. */
function rewriteForPlainCall(caller: Func, inst: Inst, out: Inst[], cont: Block): void {
  if (inst.op.name === 'ret') {
    out.push(branchTo(cont, [...inst.args]));
    return;
  }
  if (inst.op.name === 'tail_call' || inst.op.name === 'tail_call_indirect') {
    const call = plainCallFor(inst);
    const results = cont.params.length > 0 ? [(call.result = caller.newValue(caller.typeOf(cont.params[0]!)))] : [];
    out.push(call, branchTo(cont, results));
    return;
  }
  out.push(inst);
}

/** The call a tail call makes, as a plain call. */
function plainCallFor(inst: Inst): Inst {
  const call = new Inst(opcode(inst.op.name === 'tail_call' ? 'call' : 'call_indirect'));
  call.args = inst.args;
  call.sym = inst.sym;
  call.sig = inst.sig;
  return call;
}

/** At a fused call site: what the callee raises goes to `land`. */
function rewriteForUnwind(
  m: Module,
  caller: Func,
  inst: Inst,
  out: Inst[],
  cont: Block,
  land: Block,
  block: Block,
  copy: BodyCopy,
): void {
  const name = inst.op.name;
  if (name === 'ret') {
    out.push(branchTo(cont, [...inst.args]));
  } else if (name === 'raise') {
    out.push(branchTo(land, [inst.args[0]!]));
  } else if (name === 'tail_call' || name === 'tail_call_indirect') {
    const call = plainCallFor(inst);
    const resultType = cont.params.length > 0 ? caller.typeOf(cont.params[0]!) : null;
    if (resultType) call.result = caller.newValue(resultType);
    fuse(call, { block: cont, args: call.result >= 0 ? [call.result] : [] }, land);
    out.push(call);
  } else if ((name === 'call' || name === 'call_indirect') && !inst.fused && mayRaise(m, inst)) {
    // The rest of the block moves to a new block that receives the call's result.
    const params: number[] = [];
    let passed: number[] = [];
    if (inst.result >= 0) {
      params.push(inst.result);
      inst.result = caller.newValue(caller.typeOf(inst.result));
      passed = [inst.result];
    }
    const rest = copy.splitBlock(`${block.name}.c`, params);
    fuse(inst, { block: rest, args: passed }, land);
    out.push(inst);
    rest.insts = [];
  } else {
    out.push(inst);
  }
}

function mayRaise(m: Module, inst: Inst): boolean {
  if (inst.op.name === 'call_indirect') return true;
  const ext = m.extern(inst.sym);
  return ext ? ext.raises : true;
}

function fuse(call: Inst, to: Target, land: Block): void {
  call.fused = true;
  call.targets = [to, { block: land, args: [] }];
}
