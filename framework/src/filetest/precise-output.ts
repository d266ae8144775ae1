// `; test: compile precise-output`: a file test that checks the machine code a target
// emits for the file's functions, as its disassembly with addresses and encodings left
// out, so that a change in code quality fails a test and an intended one is one
// `jitc test --bless` away (Cranelift's precise-output tests).
import { engineOptions, prepareRun } from '../driver.ts';
import { parseModule } from '../ir/text/parser.ts';
import type { Registry } from '../registry.ts';
import type { RunConfig } from '../run-config.ts';
import { BufferedOutput } from '../runtime/output.ts';

/** The listing of every function of `text` compiled by `config`'s backend, normalized. */
export function preciseListing(registry: Registry, text: string, file: string, config: RunConfig): string[] {
  const module = parseModule(text, file);
  const prepared = prepareRun(registry, module, config, { out: new BufferedOutput() });
  try {
    const backend = prepared.run.chosenBackend();
    if (!backend.disassemble) throw new Error(`backend '${backend.name}' has no machine code to compare`);
    return normalizeListing(backend.disassemble(prepared.program, { ...engineOptions(prepared.run), jitThreshold: 0 }));
  } finally {
    prepared.engine.dispose();
  }
}

const HEADER = /^@(\S+):\s+; 0x([0-9a-f]+), (\d+) instructions$/;
const INSN = /^\s+([0-9a-f]+):\s+[0-9a-f ]+?\s{2}(.*)$/;
const LABEL = /^(\S+):$/;

interface ListedFunction {
  readonly name: string;
  readonly start: number;
  end: number;
  readonly labels: Map<number, string>;
}

/**
 * Drops addresses and encodings, and names branch targets by what they are: a label of the
 * same function, a function, or an offset into one; other addresses (the runtime's fixed
 * slots) stay as they are.
 */
export function normalizeListing(listing: string): string[] {
  const lines = listing.split('\n').filter((l) => l.trim() !== '');
  const funcs: ListedFunction[] = [];
  let pending: string[] = [];
  for (const line of lines) {
    const h = HEADER.exec(line);
    if (h) {
      const start = Number.parseInt(h[2]!, 16);
      funcs.push({ name: h[1]!, start, end: start, labels: new Map() });
      continue;
    }
    const f = funcs[funcs.length - 1];
    const l = LABEL.exec(line);
    if (l) pending.push(l[1]!);
    const i = INSN.exec(line);
    if (i && f) {
      const at = Number.parseInt(i[1]!, 16);
      for (const name of pending) if (!f.labels.has(at)) f.labels.set(at, name);
      pending = [];
      f.end = at + 1;
    }
  }
  const byStart = new Map(funcs.map((f) => [f.start, f]));
  const nameTarget = (address: number, from: ListedFunction | undefined): string | null => {
    const whole = byStart.get(address);
    if (whole) return `@${whole.name}`;
    for (const f of funcs) {
      if (address < f.start || address >= f.end) continue;
      const label = f === from ? f.labels.get(address) : undefined;
      return label ?? `@${f.name}+0x${(address - f.start).toString(16)}`;
    }
    return null;
  };
  const out: string[] = [];
  let current: ListedFunction | undefined;
  for (const line of lines) {
    const h = HEADER.exec(line);
    if (h) {
      current = byStart.get(Number.parseInt(h[2]!, 16));
      out.push(`@${h[1]}:  ; ${h[3]} instructions`);
      continue;
    }
    const i = INSN.exec(line);
    if (!i) {
      out.push(line.trim());
      continue;
    }
    const text = i[2]!.trim();
    const branch = /^(b\w*|j\w*|call)\s+#?(0x[0-9a-f]+)$/.exec(text);
    const named = branch ? nameTarget(Number.parseInt(branch[2]!, 16), current) : null;
    out.push(`  ${named ? `${branch![1]} ${named}` : text}`);
  }
  return out;
}

/** The file with its `; asm:` lines replaced by `listing` (at the end of the file). */
export function blessedText(text: string, listing: readonly string[]): string {
  const kept = text.split('\n').filter((l) => !/^\s*;\s*asm:/.test(l));
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  return `${[...kept, '', ...listing.map((l) => `; asm: ${l}`)].join('\n')}\n`;
}
