import { readFileSync } from 'node:fs';
import { parseModule, type HostFunction, type Module } from '#framework';
import { expandFloatOperands } from './float-operands.ts';
import { exceptionClassRef } from './tags.ts';

/** The runtime's IR, one file per job; `core.jir` declares the types. */
const LIBRARY_FILES = [
  'core.jir',
  'numbers.jir',
  'power.jir',
  'compare.jir',
  'containers.jir',
  'dunders.jir',
  'operators.jir',
  'keys.jir',
  'builtins.jir',
];

const LIBRARY_TEXT = expandFloatOperands(
  LIBRARY_FILES.map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')).join('\n'),
);

/** Runtime type ids follow declaration order, so the library's `type` lines fix them. */
function typeIdsOf(text: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const m of text.matchAll(/^type :([A-Za-z0-9_.$]+)/gm)) ids.set(m[1]!, ids.size + 1);
  return ids;
}

export const TYPE_IDS = typeIdsOf(LIBRARY_TEXT);

export function typeId(name: string): number {
  const id = TYPE_IDS.get(name);
  if (id === undefined) throw new Error(`library declares no type :${name}`);
  return id;
}

const resolvedText = LIBRARY_TEXT.replace(/TID_([A-Za-z0-9_]+)/g, (_, n: string) => String(typeId(n))).replace(
  /EXC_([A-Za-z]+)/g,
  (_, n: string) => String(exceptionClassRef(n)),
);

/** A fresh module holding the runtime library and an extern for every host function. */
export function libraryModule(hosts: readonly HostFunction[]): Module {
  const externs = hosts
    .map((h) => {
      const result = h.sig.result ? ` -> ${h.sig.result}` : '';
      const flags = `${h.collects ? ' collects' : ''}${h.raises ? ' raises' : ''}`;
      return `extern @${h.name}(${h.sig.params.join(', ')})${result}${flags}`;
    })
    .join('\n');
  return parseModule(`${externs}\n${resolvedText}`, 'minipy-runtime.jir');
}
