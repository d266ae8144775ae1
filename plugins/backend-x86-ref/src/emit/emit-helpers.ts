// Small x86-64 expansions the encoder reuses: rel32 branches and calls to labels and to
// placement-time symbols, conditional traps, short skips, frame accesses, the epilogue.
import { TRAP_SYMBOL, type CodeBuffer, type FrameLayout, type Label, type TrapKind, type VRegType } from '#framework';
import { invertCond, mem, RSP, x64, type Cond } from '../encoder/x64.ts';
import type { X86Fixup } from '../data/x86-data.ts';
import { xmmNum } from '../data/x86-regs.ts';

export type Buf = CodeBuffer<X86Fixup>;

export function put(buf: Buf, bytes: readonly number[]): void {
  buf.putBytes(bytes);
}

/** jcc (or jmp when `cc` is null) rel32 to a label. */
export function branchToLabel(buf: Buf, cc: Cond | null, label: Label): void {
  put(buf, cc === null ? [0xe9] : [0x0f, 0x80 | cc]);
  buf.useLabel(label, 'rel32');
  buf.put32(0);
}

/** `call` or `jmp` rel32 to an address known at placement (function, host slot, trap slot). */
export function toSymbol(buf: Buf, symbol: string, link: boolean): void {
  put(buf, [link ? 0xe8 : 0xe9]);
  buf.useSymbol(symbol, 'rel32');
  buf.put32(0);
}

/** Calls the trap slot of `kind` when `cc` holds (a call, so the host finds the function). */
export function trapIf(buf: Buf, cc: Cond, kind: TrapKind): void {
  put(buf, x64.jccRel8(invertCond(cc), 5));
  toSymbol(buf, TRAP_SYMBOL(kind), true);
}

/** Runs `bytes` (no fixups) unless `cc` holds. */
export function skipIf(buf: Buf, cc: Cond, bytes: readonly number[]): void {
  put(buf, x64.jccRel8(cc, bytes.length));
  put(buf, bytes);
}

/** A spill slot, an incoming or outgoing argument: [rsp + offset]. */
export function frameAccess(buf: Buf, type: VRegType, load: boolean, reg: number, offset: number): void {
  const at = mem(RSP, offset);
  if (type === 'f64') put(buf, load ? x64.movsdLoad(xmmNum(reg), at) : x64.movsdStore(at, xmmNum(reg)));
  else put(buf, load ? x64.loadRM(reg, at) : x64.storeMR(at, reg));
}

/** Frees the frame; the caller then returns or jumps. */
export function emitFrameTeardown(buf: Buf, frame: FrameLayout): void {
  if (frame.size > 0) put(buf, x64.aluRI('add', RSP, frame.size, true));
}
