import type { TrapKind } from '../ir/traps.ts';

// The symbols an encoder's fixups name (CodeBuffer.useSymbol) for addresses known only at
// placement; a native engine's code cache resolves them: a function's current code (or its
// lazy-compile stub), an extern's host slot, a trap kind's host slot.
export const FUNC_SYMBOL = (name: string): string => `fn:${name}`;
export const HOST_SYMBOL = (name: string): string => `host:${name}`;
export const TRAP_SYMBOL = (kind: TrapKind): string => `trap:${kind}`;

/** The function a FUNC_SYMBOL names, or undefined for any other symbol. */
export function symbolFunction(symbol: string): string | undefined {
  return symbol.startsWith('fn:') ? symbol.slice(3) : undefined;
}
