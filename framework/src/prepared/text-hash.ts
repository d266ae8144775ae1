/** A 64-bit hash of a string as 16 hex digits: two 32-bit FNV-1a variants. For telling a
 *  damaged cache entry from a good one, not for security; node:crypto would cost more to
 *  load than hashing a runtime library's text takes. */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
