/** A byte sequence that is not UTF-8, where the decoded text holds U+FFFD in its place. */
export interface InvalidUtf8 {
  /** Offset of the replacement character in the decoded text (UTF-16 units). */
  offset: number;
  /** SWI-Prolog's words: a byte that cannot start a character, or a sequence cut short. */
  kind: 'start' | 'continuation';
}

/**
 * The invalid sequences in `bytes`, decoded as TextDecoder and Buffer do (WHATWG: each
 * maximal invalid subpart becomes one U+FFFD), so offsets index the text the reader got.
 */
export function invalidUtf8(bytes: Uint8Array): InvalidUtf8[] {
  const out: InvalidUtf8[] = [];
  let offset = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      offset++;
      continue;
    }
    let need: number,
      lo = 0x80,
      hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      out.push({ offset, kind: 'start' });
      i++;
      offset++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let n = 0; n < need; n++, j++) {
      const c = bytes[j];
      if (c === undefined || c < lo || c > hi) {
        ok = false;
        break;
      }
      lo = 0x80;
      hi = 0xbf;
    }
    if (ok) {
      offset += need === 3 ? 2 : 1;
      i = j;
    } else {
      out.push({ offset, kind: 'continuation' });
      offset++;
      i = j;
    }
  }
  return out;
}
