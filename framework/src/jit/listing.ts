// `--emit asm`: compiled functions as the ISA's disassembly, IR block names as labels.
import type { DisassembledLine } from './native-isa.ts';

export interface FunctionListing {
  readonly name: string;
  readonly address: number;
  readonly bytes: Uint8Array;
  /** Function-relative block starts: `^name` for IR blocks, `.name` for blocks lowering made. */
  readonly labels: readonly { readonly offset: number; readonly name: string }[];
}

export type Disassembler = (bytes: Uint8Array, address: number) => readonly DisassembledLine[];

export function formatListing(funcs: readonly FunctionListing[], disassemble: Disassembler): string {
  return funcs.map((f) => formatFunction(f, disassemble)).join('\n');
}

function formatFunction(f: FunctionListing, disassemble: Disassembler): string {
  const labelsAt = new Map<number, string[]>();
  for (const l of f.labels) labelsAt.set(l.offset, [...(labelsAt.get(l.offset) ?? []), l.name]);
  const insns = disassemble(f.bytes, f.address);
  const lines = [`@${f.name}:  ; 0x${hex(f.address)}, ${insns.length} instructions`];
  for (const insn of insns) {
    for (const name of labelsAt.get(insn.address - f.address) ?? []) lines.push(`${name}:`);
    lines.push(`  ${hex(insn.address)}:  ${insn.encoding}  ${insn.text}`);
  }
  return `${lines.join('\n')}\n`;
}

export function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
