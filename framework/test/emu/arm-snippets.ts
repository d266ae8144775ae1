// Hand-assembled A32 snippets (arm-linux-gnueabihf-as -march=armv7-a -mfpu=vfpv3-d16,
// `.arch_extension idiv`); the framework may not import the ARM backend's encoder.
// Snippets that call host slots take the slot's address (machine.hostCallAddress).

/** r0 = n + (n-1) + ... + 1 (n > 0): 1 + 3n + 2 instructions. */
export const SUM_LOOP = [
  0xe3a02000, //   mov r2, #0
  0xe0822000, // 1: add r2, r2, r0
  0xe2500001, //   subs r0, r0, #1
  0x1afffffc, //   bne 1b
  0xe1a00002, //   mov r0, r2
  0xe12fff1e, //   bx lr
];

/** `movw r12, #lo; movt r12, #hi`: a host-call slot's address (machine.hostCallAddress). */
export function r12Is(address: number): [number, number] {
  const field = (half: number): number => ((half >>> 12) << 16) | (half & 0xfff);
  return [0xe300c000 | field(address & 0xffff), 0xe340c000 | field(address >>> 16)];
}

/** acc = 0; for i = n..1: acc = slot(acc, i); return acc. */
export const hostCallLoop = (slot: number): number[] => [
  0xe92d4030, //   push {r4, r5, lr}
  0xe1a04000, //   mov r4, r0
  0xe3a05000, //   mov r5, #0
  0xe1a00005, // 2: mov r0, r5
  0xe1a01004, //   mov r1, r4
  ...r12Is(slot), //   movw/movt r12, slot
  0xe12fff3c, //   blx r12
  0xe1a05000, //   mov r5, r0
  0xe2544001, //   subs r4, r4, #1
  0x1afffff7, //   bne 2b
  0xe1a00005, //   mov r0, r5
  0xe8bd8030, //   pop {r4, r5, pc}
];

/** Tail call to a host slot: its result is the call's result. */
export const tailCallSlot = (slot: number): number[] => [
  ...r12Is(slot), // movw/movt r12, slot
  0xe12fff1c, // bx r12
];

/** r0 = slot(); return r0() — the lazy-compile pattern: the host writes code, the guest calls it. */
export const callWhatSlotReturns = (slot: number): number[] => [
  0xe92d4010, // push {r4, lr}
  ...r12Is(slot), // movw/movt r12, slot
  0xe12fff3c, // blx r12
  0xe12fff30, // blx r0
  0xe8bd8010, // pop {r4, pc}
];

/** Calls a host slot and returns what r0, r1 and d0 hold after it. */
export const callSlot = (slot: number): number[] => [
  0xe92d4010, // push {r4, lr}
  ...r12Is(slot), // movw/movt r12, slot
  0xe12fff3c, // blx r12
  0xe8bd8010, // pop {r4, pc}
];

/** r2 = [r0]; [r0 + 4] = r1; return r2. */
export const LOAD_AND_STORE = [
  0xe5902000, // ldr r2, [r0]
  0xe5801004, // str r1, [r0, #4]
  0xe1a00002, // mov r0, r2
  0xe12fff1e, // bx lr
];

export const RETURN_1 = [0xe3a00001, 0xe12fff1e]; // mov r0, #1; bx lr
export const RETURN_2 = [0xe3a00002, 0xe12fff1e]; // mov r0, #2; bx lr

/** return [r0] */
export const LOAD_R0 = [0xe5900000, 0xe12fff1e]; // ldr r0, [r0]; bx lr

/** Unbounded recursion: push {lr}; bl self. */
export const RECURSE_FOREVER = [0xe52de004, 0xebfffffd];

/** d0 = d0 + d1 */
export const VADD_F64 = [0xee300b01, 0xe12fff1e]; // vadd.f64 d0, d0, d1; bx lr

/** r0 = r0 / r1 (sdiv: Cortex-A15 has it, Cortex-A8 does not) */
export const SDIV = [0xe710f110, 0xe12fff1e];

/** Six instructions, no branches but the return. */
export const STRAIGHT_LINE = [
  0xe0800001, // add r0, r0, r1
  0xe0201001, // eor r1, r0, r1
  0xe2400003, // sub r0, r0, #3
  0xe1a02000, // mov r2, r0
  0xe1820001, // orr r0, r2, r1
  0xe12fff1e, // bx lr
];

/** Three stores through r1. */
export const THREE_STORES = [
  0xe5810000, // str r0, [r1]
  0xe5810004, // str r0, [r1, #4]
  0xe5c10008, // strb r0, [r1, #8]
  0xe12fff1e, // bx lr
];

export const SPIN_FOREVER = [0xeafffffe]; // b .

/** nop; udf #7 */
export const UDF_AFTER_NOP = [0xe320f000, 0xe7f000f7];

export function wordsToBytes(words: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  return bytes;
}
