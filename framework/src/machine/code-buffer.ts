/** A position in the code, bound once; branches and constant loads refer to it before or after. */
export type Label = number;

/** A place in the code to patch once targets are known. */
export interface Fixup<K> {
  /** Byte offset of the instruction (or word) to patch. */
  readonly at: number;
  readonly kind: K;
  /** The label referred to, or null for a symbol. */
  readonly label: Label | null;
  /** An external symbol (another function's code, a runtime entry), resolved at finish. */
  readonly symbol: string | null;
  readonly addend: number;
}

/** Writes `target` into the instruction at `fixup.at`; `site` and `target` are absolute addresses. */
export type PatchFunction<K> = (code: Uint8Array, fixup: Fixup<K>, site: number, target: number) => void;

export interface FinishedCode {
  readonly bytes: Uint8Array;
  readonly base: number;
  /** Absolute address of every bound label. */
  labelAddress(label: Label): number;
}

/**
 * A function's code before placement, in a form that can be kept and placed later (a code
 * cache across processes): the bytes, where each label was bound, and the fixups, which
 * `finish` applies at whatever address the code then goes.
 */
export interface RelocatableCode<K> {
  readonly bytes: Uint8Array;
  readonly labelOffsets: readonly number[];
  readonly fixups: readonly Fixup<K>[];
}

interface PoolEntry {
  readonly label: Label;
  readonly bytes: Uint8Array;
  readonly align: number;
}

/**
 * Little-endian code under construction: raw bytes and words, labels, fixups resolved at
 * `finish` by the target's patch function, and a constant pool for targets that load
 * constants PC-relative (ARM): `constant` hands out a label for a deduplicated entry, and
 * `flushConstants` places the pending entries (the encoder decides where: after a
 * function's code, or behind a branch before the oldest use goes out of range).
 */
export class CodeBuffer<K = string> {
  private bytes = new Uint8Array(256);
  private length = 0;
  private readonly labelOffsets: number[] = [];
  private readonly fixups: Fixup<K>[] = [];
  private pending: PoolEntry[] = [];
  private readonly poolIndex = new Map<string, Label>();
  /** Offset of the oldest fixup that refers to a pending pool entry. */
  private oldestPoolUse: number | null = null;

  get offset(): number {
    return this.length;
  }

  put8(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b & 0xff;
  }

  put16(h: number): void {
    this.put8(h);
    this.put8(h >>> 8);
  }

  put32(w: number): void {
    this.reserve(4);
    this.write32(this.length, w);
    this.length += 4;
  }

  putBytes(bs: ArrayLike<number>): void {
    this.reserve(bs.length);
    for (let i = 0; i < bs.length; i++) this.bytes[this.length++] = bs[i]! & 0xff;
  }

  /** Pads with `fill` bytes up to a multiple of `align`. */
  align(align: number, fill = 0): void {
    while (this.length % align !== 0) this.put8(fill);
  }

  read32(at: number): number {
    const b = this.bytes;
    return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  }

  write32(at: number, w: number): void {
    this.bytes[at] = w & 0xff;
    this.bytes[at + 1] = (w >>> 8) & 0xff;
    this.bytes[at + 2] = (w >>> 16) & 0xff;
    this.bytes[at + 3] = (w >>> 24) & 0xff;
  }

  newLabel(): Label {
    this.labelOffsets.push(-1);
    return this.labelOffsets.length - 1;
  }

  bind(label: Label): void {
    if (this.labelOffsets[label] !== -1) throw new Error(`label ${label} is bound twice or does not exist`);
    this.labelOffsets[label] = this.length;
  }

  isBound(label: Label): boolean {
    return (this.labelOffsets[label] ?? -1) >= 0;
  }

  labelOffset(label: Label): number {
    const off = this.labelOffsets[label] ?? -1;
    if (off < 0) throw new Error(`label ${label} is not bound`);
    return off;
  }

  /** Records a fixup at the current offset; emit the instruction (with a placeholder) next. */
  useLabel(label: Label, kind: K, addend = 0): void {
    this.fixupAt(this.length, label, kind, addend);
  }

  fixupAt(at: number, label: Label, kind: K, addend = 0): void {
    this.fixups.push({ at, kind, label, symbol: null, addend });
    if (this.oldestPoolUse === null && this.pending.some((e) => e.label === label)) this.oldestPoolUse = at;
  }

  useSymbol(symbol: string, kind: K, addend = 0): void {
    this.fixups.push({ at: this.length, kind, label: null, symbol, addend });
  }

  /** A label for `bytes` in the constant pool; equal constants share one entry. */
  constant(bytes: Uint8Array, align = bytes.length): Label {
    const key = `${align}:${Array.from(bytes).join(',')}`;
    let label = this.poolIndex.get(key);
    if (label === undefined) {
      label = this.newLabel();
      this.poolIndex.set(key, label);
      this.pending.push({ label, bytes, align });
    }
    return label;
  }

  /** Bytes the pending constants take at most (alignment padding included). */
  get pendingConstantBytes(): number {
    return this.pending.reduce((n, e) => n + e.bytes.length + e.align - 1, 0);
  }

  /** Offset of the oldest instruction that refers to a pending constant, or null. */
  get oldestPendingConstantUse(): number | null {
    return this.oldestPoolUse;
  }

  flushConstants(): void {
    for (const e of this.pending) {
      this.align(e.align);
      this.bind(e.label);
      this.putBytes(e.bytes);
    }
    this.pending = [];
    this.poolIndex.clear();
    this.oldestPoolUse = null;
  }

  /** The code as it stands (pending constants placed first), to place later with finish. */
  relocatable(): RelocatableCode<K> {
    if (this.pending.length > 0) this.flushConstants();
    return {
      bytes: this.bytes.slice(0, this.length),
      labelOffsets: [...this.labelOffsets],
      fixups: this.fixups.map((f) => ({ ...f })),
    };
  }

  /** A finished buffer holding `code`, ready for finish. */
  static fromRelocatable<K>(code: RelocatableCode<K>): CodeBuffer<K> {
    const buffer = new CodeBuffer<K>();
    buffer.reserve(code.bytes.length);
    buffer.bytes.set(code.bytes);
    buffer.length = code.bytes.length;
    buffer.labelOffsets.push(...code.labelOffsets);
    buffer.fixups.push(...code.fixups);
    return buffer;
  }

  /** Places the code at `base`: flushes remaining constants, then patches every fixup. */
  finish(base: number, patch: PatchFunction<K>, resolveSymbol?: (name: string) => number): FinishedCode {
    if (this.pending.length > 0) this.flushConstants();
    const code = this.bytes.slice(0, this.length);
    for (const f of this.fixups) {
      let target: number;
      if (f.label !== null) target = base + this.labelOffset(f.label);
      else {
        if (!resolveSymbol) throw new Error(`unresolved symbol ${f.symbol}`);
        target = resolveSymbol(f.symbol!);
      }
      patch(code, f, base + f.at, target + f.addend);
    }
    const offsets = [...this.labelOffsets];
    return {
      bytes: code,
      base,
      labelAddress: (label) => {
        const off = offsets[label] ?? -1;
        if (off < 0) throw new Error(`label ${label} is not bound`);
        return base + off;
      },
    };
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
