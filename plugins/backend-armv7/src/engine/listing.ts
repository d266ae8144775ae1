// `--emit asm`: compiled functions as capstone disassembly, IR block names as labels.
import { disassembleA32 } from '../encoder/disasm.ts';

export interface FunctionListing {
  readonly name: string;
  readonly address: number;
  readonly bytes: Uint8Array;
  /** Function-relative block starts: `^name` for IR blocks, `.name` for blocks lowering made. */
  readonly labels: readonly { readonly offset: number; readonly name: string }[];
}

export function formatListing(funcs: readonly FunctionListing[]): string {
  return funcs.map(formatFunction).join('\n');
}

function formatFunction(f: FunctionListing): string {
  const words = new Uint32Array(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength));
  const labelsAt = new Map<number, string[]>();
  for (const l of f.labels) labelsAt.set(l.offset, [...(labelsAt.get(l.offset) ?? []), l.name]);
  const lines = [`@${f.name}:  ; 0x${hex(f.address)}, ${words.length} instructions`];
  for (const insn of disassembleA32(words, f.address)) {
    for (const name of labelsAt.get(insn.address - f.address) ?? []) lines.push(`${name}:`);
    lines.push(`  ${hex(insn.address)}:  ${hex(insn.word)}  ${insn.text}`);
  }
  return `${lines.join('\n')}\n`;
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
