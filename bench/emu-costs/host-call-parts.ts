// The parts of one host call, each measured on a bare Unicorn engine: guest code calls a
// `bx lr` at a hooked address in a loop, and each variant adds one piece of what a host
// call does in its hook. Differences between variants are the parts' costs.
import koffi from 'koffi';
import {
  check,
  unicorn,
  UC_ARCH,
  UC_ARM_REG,
  UC_HOOK,
  UC_MODE,
  UC_PROT,
  type UcEngine,
} from '../../framework/src/emu/unicorn-ffi.ts';

const CODE = 0x10000;
const TARGET = CODE + 0x1000; // its own page, so its translation block holds only the hooked `bx lr`
const STOP = CODE + 0x2000;
const STACK = 0x200000;
const STACK_SIZE = 0x10000;

const words = (list: number[]): Uint8Array => new Uint8Array(new Uint32Array(list).buffer);
const movw = (rd: number, imm: number): number => 0xe3000000 | ((imm >>> 12) << 16) | (rd << 12) | (imm & 0xfff);
const movt = (rd: number, imm: number): number => 0xe3400000 | ((imm >>> 12) << 16) | (rd << 12) | (imm & 0xfff);
/** r0 = iterations; calls TARGET once per iteration (the HOST_CALL_LOOP of emu-costs.ts). */
const LOOP = [
  0xe92d4010, //   push {r4, lr}
  0xe1a04000, //   mov r4, r0
  movw(12, TARGET & 0xffff), // 1:
  movt(12, TARGET >>> 16),
  0xe12fff3c, //   blx r12
  0xe2544001, //   subs r4, r4, #1
  0x1afffffa, //   bne 1b
  0xe8bd8010, //   pop {r4, pc}
];
const BX_LR = 0xe12fff1e;
const NOP = 0xe320f000;

/** What one variant installs on TARGET: nothing, a native function, or a JS callback. */
type HookKind =
  | { kind: 'none' }
  | { kind: 'native'; type: number }
  | { kind: 'js'; type: number; make: (uc: UcEngine) => () => void; pointersAsIntegers?: boolean };

export interface Part {
  readonly what: string;
  readonly hook: HookKind;
  /** The part this one adds to; its cost is the difference (none: the absolute time). */
  readonly beyond?: string;
}

/** Runs `iterations` calls with `hook` installed on a fresh engine; returns CPU ns per call. */
export function nsPerCall(hook: HookKind, iterations: number, measure: (run: () => void) => number): number {
  const { lib, callbacks } = unicorn();
  const out: [UcEngine | null] = [null];
  check('uc_open', lib.uc_open(UC_ARCH.ARM, UC_MODE.ARM, out));
  const uc = out[0]!;
  let registered: bigint | undefined;
  try {
    check('uc_mem_map', lib.uc_mem_map(uc, CODE, 0x3000, UC_PROT.ALL));
    check('uc_mem_map', lib.uc_mem_map(uc, STACK, STACK_SIZE, UC_PROT.READ | UC_PROT.WRITE));
    const put = (address: number, bytes: Uint8Array): void =>
      check('uc_mem_write', lib.uc_mem_write(uc, address, bytes, bytes.length));
    put(CODE, words(LOOP));
    put(TARGET, words([BX_LR]));
    put(STOP, words([NOP]));
    const handle = new BigUint64Array(1);
    if (hook.kind === 'native') {
      // uc_arch_supported(int) reads one integer argument and has no effect: a native no-op hook.
      const noop = koffi.load(unicorn().library.path).symbol('uc_arch_supported') as bigint;
      check('uc_hook_add', lib.uc_hook_add(uc, handle, hook.type, noop, null, TARGET, TARGET));
    } else if (hook.kind === 'js') {
      const prototype = hook.pointersAsIntegers === true ? callbacks.hookCodeAddress : callbacks.hookCode;
      registered = koffi.register(hook.make(uc), koffi.pointer(prototype));
      check('uc_hook_add', lib.uc_hook_add(uc, handle, hook.type, registered, null, TARGET, TARGET));
    }
    const regs = new Uint32Array(2);
    const run = (): void => {
      regs[0] = iterations;
      check('uc_reg_write', lib.uc_reg_write(uc, UC_ARM_REG.r(0), regs));
      regs[0] = STACK + STACK_SIZE;
      check('uc_reg_write', lib.uc_reg_write(uc, UC_ARM_REG.SP, regs));
      regs[0] = STOP;
      check('uc_reg_write', lib.uc_reg_write(uc, UC_ARM_REG.LR, regs));
      check('uc_emu_start', lib.uc_emu_start(uc, CODE, STOP, 0, 0));
    };
    return measure(run) / iterations;
  } finally {
    lib.uc_close(uc);
    if (registered !== undefined) koffi.unregister(registered);
  }
}

/** The variants, in the order their differences make sense. */
export function hostCallParts(): Part[] {
  const { lib } = unicorn();
  const reg = new Uint32Array(4);
  const batchIds = Int32Array.from([0, 1, 2, 3].map(UC_ARM_REG.r));
  const batchSlots = new BigUint64Array(16);
  const batchPointers = BigUint64Array.from({ length: 4 }, (_, i) => koffi.address(batchSlots) + BigInt(16 * i));
  const NONE = 'no hook (loop, blx, bx lr)';
  const EMPTY_JS = 'empty JS UC_HOOK_CODE (koffi callback)';
  const js = (make: (uc: UcEngine) => () => void): HookKind => ({ kind: 'js', type: UC_HOOK.CODE, make });
  return [
    { what: NONE, hook: { kind: 'none' } },
    { what: 'native no-op UC_HOOK_BLOCK', hook: { kind: 'native', type: UC_HOOK.BLOCK }, beyond: NONE },
    { what: 'native no-op UC_HOOK_CODE', hook: { kind: 'native', type: UC_HOOK.CODE }, beyond: NONE },
    {
      what: 'empty JS UC_HOOK_BLOCK (koffi callback)',
      hook: { kind: 'js', type: UC_HOOK.BLOCK, make: () => () => {} },
      beyond: 'native no-op UC_HOOK_BLOCK',
    },
    { what: EMPTY_JS, hook: js(() => () => {}), beyond: 'native no-op UC_HOOK_CODE' },
    {
      what: 'empty JS UC_HOOK_CODE, pointers as integers',
      hook: { kind: 'js', type: UC_HOOK.CODE, make: () => () => {}, pointersAsIntegers: true },
      beyond: 'native no-op UC_HOOK_CODE',
    },
    {
      what: 'one uc_reg_read',
      hook: js((uc) => () => void lib.uc_reg_read(uc, UC_ARM_REG.r(0), reg)),
      beyond: EMPTY_JS,
    },
    {
      what: 'four uc_reg_read',
      hook: js((uc) => () => {
        for (let i = 0; i < 4; i++) lib.uc_reg_read(uc, UC_ARM_REG.r(i), reg);
      }),
      beyond: EMPTY_JS,
    },
    {
      what: 'uc_reg_read_batch of four',
      hook: js((uc) => () => void lib.uc_reg_read_batch(uc, batchIds, batchPointers, 4)),
      beyond: EMPTY_JS,
    },
    {
      what: 'one uc_reg_write',
      hook: js((uc) => () => void lib.uc_reg_write(uc, UC_ARM_REG.r(0), reg)),
      beyond: EMPTY_JS,
    },
    {
      what: 'uc_reg_write_batch of two',
      hook: js((uc) => () => void lib.uc_reg_write_batch(uc, batchIds, batchPointers, 2)),
      beyond: EMPTY_JS,
    },
  ];
}
