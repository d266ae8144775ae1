const SYMBOL_CHARS = /^[+\-*/\\^<>=~:.?@#&$]+$/;
const SOLO = new Set(['[]', '!', ';', '{}', ',', '|']);

/** Whether writeq must quote an atom. */
export function needsQuotes(name: string): boolean {
  if (name === '') return true;
  if (SOLO.has(name)) return name === ',' || name === '|';
  if (/^\p{Ll}[\p{L}\p{N}_]*$/u.test(name)) return false;
  return !SYMBOL_CHARS.test(name);
}

export function quoteAtom(name: string): string {
  let out = "'";
  for (const c of name) {
    switch (c) {
      case "'":
        out += "\\'";
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        out += c;
    }
  }
  return `${out}'`;
}

export function atomText(name: string, quoted: boolean): string {
  return quoted && needsQuotes(name) ? quoteAtom(name) : name;
}

export const isSymbolChar = (c: string): boolean => '+-*/\\^<>=~:.?@#&$'.includes(c);
export const isAlnumChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
