const SYMBOL_CHARS = /^[+\-*/\\^<>=~:.?@#&$]+$/;
const SOLO = new Set(['[]', '!', ';', '{}', ',', '|']);

/** Whether writeq must quote an atom. */
export function needsQuotes(name: string): boolean {
  if (name === '' || name === '.') return true; // a lone '.' would read as the end
  if (SOLO.has(name)) return name === ',' || name === '|';
  if (/^\p{Ll}[\p{L}\p{N}_]*$/u.test(name)) return false;
  return !SYMBOL_CHARS.test(name);
}

const LETTER_ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r' };

/** Quoted text as SWI-Prolog's writeq writes it: the quote and `\` escaped, control
 *  characters as `\n`-style letters or `\xHEX\`. `"` quotes a string, `'` an atom. */
export function quoteText(name: string, q: "'" | '"' = "'"): string {
  let out = q;
  for (const c of name) {
    const code = c.codePointAt(0)!;
    if (c === q || c === '\\') out += `\\${c}`;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      const letter = LETTER_ESCAPES[code];
      out += letter ? `\\${letter}` : `\\x${code.toString(16).toUpperCase()}\\`;
    } else out += c;
  }
  return out + q;
}

export const quoteAtom = (name: string): string => quoteText(name, "'");

export function atomText(name: string, quoted: boolean): string {
  return quoted && needsQuotes(name) ? quoteAtom(name) : name;
}

export const isSymbolChar = (c: string): boolean => c !== '' && '+-*/\\^<>=~:.?@#&$'.includes(c);
export const isAlnumChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
