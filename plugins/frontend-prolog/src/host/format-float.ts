/** Floats as SWI-Prolog prints them: shortest round-trip digits, always with a dot,
 *  exponent form (`1.0e+15`, `1.5e-7`) outside [1e-4, 1e15). */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return '1.5NaN';
  if (x === Infinity) return '1.0Inf';
  if (x === -Infinity) return '-1.0Inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 15) {
    const m = mant.includes('.') ? mant : `${mant}.0`;
    return `${m}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}
