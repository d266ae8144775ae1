/**
 * A number's value from its Prolog text (number_codes/2, atom_number/2, number_string/2),
 * or null when the text is not a number. `leadingLayout`: layout before the number is
 * allowed, as number_codes/2 allows it (atom_number/2 and number_string/2 do not, and
 * nothing may follow the number).
 */
export function parseNumber(text: string, leadingLayout = true): bigint | { f: number } | null {
  let s = leadingLayout ? text.trimStart() : text;
  let sign = 1n;
  if (/^[+-]0[xob']/.test(s)) {
    if (s[0] === '-') sign = -1n;
    s = s.slice(1);
  }
  if (/^[+-]?\d+$/.test(s)) return BigInt(s);
  if (/^[+-]?\d+\.\d+([eE][+-]?\d+)?$/.test(s) || /^[+-]?\d+[eE][+-]?\d+$/.test(s)) return { f: Number(s) };
  if (/^[+-]?\d+\.\d+Inf$/.test(s)) return { f: s.startsWith('-') ? -Infinity : Infinity };
  if (/^[+-]?\d+\.\d+NaN$/.test(s)) return { f: Number.NaN };
  if (/^0x[0-9a-fA-F]+$/.test(s) || /^0o[0-7]+$/.test(s) || /^0b[01]+$/.test(s)) return sign * BigInt(s);
  if (/^0'.$/u.test(s)) return sign * BigInt(s.codePointAt(2)!);
  return null;
}
