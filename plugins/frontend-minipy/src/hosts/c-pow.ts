// C's pow(), which CPython's float ** float (and int ** negative int) calls.
//
// No JavaScript function computes it: V8's Math.pow differs from glibc's pow() in the last
// bit (7 ** -2 prints 0.020408163265306124 in V8 and 0.02040816326530612 in CPython), and
// glibc's pow() is not correctly rounded, so no correctly rounded formula matches it either.
// So the host calls the platform's libm, the same library CPython calls, through koffi.
// It is loaded on the first call (koffi is not needed otherwise on the interpreter); where
// no libm can be loaded, Math.pow stands in.
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';

type Pow = (x: number, y: number) => number;

const LIBM: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'libm.so.6',
  darwin: 'libSystem.B.dylib',
  win32: 'ucrtbase.dll',
};

let pow: Pow | null = null;

function loadPow(): Pow {
  const name = LIBM[process.platform];
  if (!name) return Math.pow;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof Koffi;
    const fn = koffi.load(name).func('double pow(double, double)');
    return (x, y) => fn(x, y) as number;
  } catch {
    return Math.pow;
  }
}

export function cPow(x: number, y: number): number {
  pow ??= loadPow();
  return pow(x, y);
}
