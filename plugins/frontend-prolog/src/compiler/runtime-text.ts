import { readFileSync } from 'node:fs';
import type { Symbols } from './symbols.ts';

let coreText: string | undefined;

/** The runtime library's .jir text with symbol placeholders filled and literal
 *  aget/aset indices turned into iconst values (the text format wants values). */
export function runtimeText(syms: Symbols): string {
  coreText ??= readFileSync(new URL('../runtime/core.jir', import.meta.url), 'utf8');
  let n = 0;
  return coreText
    .replace(/\{\{F:(.+?)\/(\d+)\}\}/g, (_m, name: string, arity: string) => String(syms.imm(name, Number(arity))))
    .replace(/\{\{A:(.+?)\}\}/g, (_m, name: string) => String(syms.imm(name, 0)))
    .replace(
      /^(\s*)(%\S+ = )?(aget|aset) (:\w+), (%\S+), (\d+)\b/gm,
      (_m, ind: string, lhs: string | undefined, op: string, ty: string, arr: string, idx: string) => {
        const c = `%ix${n++}`;
        return `${ind}${c} = iconst ${idx}\n${ind}${lhs ?? ''}${op} ${ty}, ${arr}, ${c}`;
      },
    );
}
