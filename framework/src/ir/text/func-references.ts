// What a function's body refers to: the symbols it names, the ones it calls directly, and
// the signatures of its indirect calls. The code store's key and the JIT's batches need
// only these (jit/code-key.ts), and a function whose body is not read yet answers from the
// printer's text of it without parsing it: reading the body for them was most of the cost
// of a function whose code was stored.
//
// The scan is only for text printFunc wrote (Func.printedText): there every symbol is
// `@name` or `@"quoted"`, a body holds no string literal, and a signature follows ` : `
// and nothing else does. Its answer may hold more than the body uses (a quoted name that
// looks like a signature, the function's own name), never less.
import type { Func } from '../module.ts';
import { tokenize } from './lexer.ts';
import type { Signature, ValType } from '../types.ts';

export interface FuncReferences {
  /** Every symbol the body names (not types or fields), once each. */
  symbols: string[];
  /** The symbols a `call` or `tail_call` names. */
  calls: string[];
  /** The signature of every indirect call, once each. */
  signatures: Signature[];
}

/** From the printer's text while the body is unread and that text is final, else from the
 *  body. */
export function funcReferences(f: Func): FuncReferences {
  const printed = f.printedText;
  return printed !== undefined ? printedReferences(printed) : bodyReferences(f);
}

export function bodyReferences(f: Func): FuncReferences {
  const symbols = new Set<string>();
  const calls = new Set<string>();
  const signatures = new Map<string, Signature>();
  for (const b of f.blocks) {
    for (const inst of b.insts) {
      if (inst.op.slots.includes('sym')) symbols.add(inst.sym);
      if (inst.op.name === 'call' || inst.op.name === 'tail_call') calls.add(inst.sym);
      if (inst.sig) signatures.set(signatureText(inst.sig), inst.sig);
    }
  }
  return { symbols: [...symbols], calls: [...calls], signatures: [...signatures.values()] };
}

const SYMBOL = /(?:(\b(?:tail_)?call) )?@(?:([A-Za-z0-9_.$]+)|"(?:[^"\\\n]|\\.)*")/g;
const SIGNATURE = / : \(([a-z0-9, ]*)\)(?: -> ([a-z0-9]+))?/g;

export function printedReferences(text: string): FuncReferences {
  const symbols = new Set<string>();
  const calls = new Set<string>();
  for (const m of text.matchAll(SYMBOL)) {
    const name = m[2] ?? quotedName(m[0].slice(m[0].indexOf('@')));
    symbols.add(name);
    if (m[1] !== undefined) calls.add(name);
  }
  const signatures = new Map<string, Signature>();
  for (const m of text.matchAll(SIGNATURE)) {
    const params = m[1] === '' ? [] : (m[1]!.split(', ') as ValType[]);
    const sig = { params, result: (m[2] as ValType | undefined) ?? null };
    signatures.set(signatureText(sig), sig);
  }
  return { symbols: [...symbols], calls: [...calls], signatures: [...signatures.values()] };
}

function signatureText(sig: Signature): string {
  return `${sig.params.join(',')}>${sig.result ?? ''}`;
}

/** A quoted symbol's name with its escapes decoded, as the lexer reads it. */
function quotedName(token: string): string {
  return tokenize(token, '<printed text>').token(0).text;
}
