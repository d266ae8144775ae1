// Measures what guest work costs in Unicorn on this machine, to check the cost
// model in docs/cost-model.md. Run: npx tsx bench/emu-costs.ts [--parts-only]
// (JITC_LIBUNICORN=PATH measures another library; the first line says which is used).
import os from 'node:os';
import type { HostContext, HostFunction as RuntimeHostFunction } from '../framework/src/runtime/host.ts';
import type { Signature } from '../framework/src/ir/types.ts';
import { ARM_EMU_ARCH } from '../framework/src/emu/arch-arm.ts';
import { GuestMachine, type CountingOptions } from '../framework/src/emu/guest-machine.ts';
import { hostFunction, type HostFunction } from '../framework/src/emu/host-function.ts';
import { formatUnicornFinding } from '../framework/src/emu/unicorn-choice.ts';
import { unicorn } from '../framework/src/emu/unicorn-ffi.ts';
import { bridgeHostFunction } from '#framework/jit';
import { hostCallParts, nsPerCall } from './emu-costs/host-call-parts.ts';

const RUNTIME_PAGE = 0x1000;
const CODE = 0x10000;
const DATA = 0x100000;
const STACK = 0x200000;
const REPEATS = 5;

const BX_LR = 0xe12fff1e;
const SUBS_R0_1 = 0xe2500001;
const BNE_BACK_3 = 0x1afffffc; // to the loop head, three instructions back

/** One loop-body instruction followed by the loop counter: 3 instructions per iteration. */
const loopOf = (body: number): number[] => [body, SUBS_R0_1, BNE_BACK_3, BX_LR];
const REGISTER_LOOP = loopOf(0xe0822000); // add r2, r2, r0
const STORE_LOOP = loopOf(0xe5812000); // str r2, [r1]
const LOAD_LOOP = loopOf(0xe5912000); // ldr r2, [r1]
const VSTR_LOOP = loopOf(0xed810b00); // vstr d0, [r1]
const STRD_LOOP = loopOf(0xe1c120f0); // strd r2, r3, [r1]
/** Control flow inside a loop: each ends a translated block. The call loops keep lr on the stack. */
const BRANCH_LOOP = loopOf(0xeaffffff); // b .+4 (a taken direct branch)
const PUSH_LR = 0xe52de004; // str lr, [sp, #-4]!
const POP_PC = 0xe49df004; // ldr pc, [sp], #4
// push {lr}; 1: bl f; subs; bne 1b; pop {pc}; f: bx lr
const CALL_LOOP = [PUSH_LR, 0xeb000002, SUBS_R0_1, 0x1afffffc, POP_PC, BX_LR];
// push {lr}; 1: add r3, pc, #12 (r3 = f); blx r3; subs; bne 1b; pop {pc}; f: bx lr
const INDIRECT_CALL_LOOP = [PUSH_LR, 0xe28f300c, 0xe12fff33, SUBS_R0_1, 0x1afffffb, POP_PC, BX_LR];

/** `movw r12, #lo; movt r12, #hi` */
function r12Is(address: number): [number, number] {
  const field = (half: number): number => ((half >>> 12) << 16) | (half & 0xfff);
  return [0xe300c000 | field(address & 0xffff), 0xe340c000 | field(address >>> 16)];
}
/** Calls the host slot at `slot` once per iteration (6 guest instructions per iteration besides the host call). */
const hostCallLoop = (slot: number): number[] => [
  0xe92d4010, //   push {r4, lr}
  0xe1a04000, //   mov r4, r0
  ...r12Is(slot), // 1: movw/movt r12, slot
  0xe12fff3c, //   blx r12
  0xe2544001, //   subs r4, r4, #1
  0x1afffffa, //   bne 1b
  0xe8bd8010, //   pop {r4, pc}
];
const RETURN_AT_ONCE = [BX_LR];

function makeMachine(
  count: CountingOptions = {},
  instructionBudgets = false,
  hostCallArguments?: 'saved' | 'registers',
): { machine: GuestMachine; load: (words: number[], offset?: number) => number } {
  const machine = new GuestMachine({
    arch: ARM_EMU_ARCH,
    runtimePage: RUNTIME_PAGE,
    stackTop: STACK + 0x10000,
    count,
    instructionBudgets,
    hostCallArguments,
  });
  const memory = new ArrayBuffer(0x10000);
  machine.mapHostMemory(DATA, memory);
  machine.mapHostMemory(STACK, new ArrayBuffer(0x10000));
  machine.mapCodeRegion(CODE, 0x10000);
  let next = CODE;
  /** Loads `words` after the code loaded so far; with `offset`, at the first address that
   *  is `offset` bytes past a 1 KiB boundary (to put a branch on a translation page's edge). */
  const load = (words: number[], offset?: number): number => {
    if (offset !== undefined) next = Math.ceil((next - offset) / 1024) * 1024 + offset;
    const address = next;
    machine.writeCode(address, new Uint8Array(new Uint32Array(words).buffer));
    next += words.length * 4;
    return address;
  };
  return { machine, load };
}

/** This process's CPU time in ns: steadier than wall time when other work shares the machine. */
function cpuNs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
}

/** Median CPU time of `run` in nanoseconds. */
function medianNs(run: () => void): number {
  run(); // warm up translation
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = cpuNs();
    run();
    samples.push(cpuNs() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function report(what: string, value: number, unit: string): void {
  console.log(`${what.padEnd(52)} ${value.toFixed(value < 10 ? 2 : 1).padStart(9)} ${unit}`);
}

/** A runtime host function as the armv7 engine bridges it (result in r0/d0, status in r1 when it raises). */
function bridged(
  sig: Signature,
  flags: { raises?: boolean; collects?: boolean },
  impl: (args: number[]) => number,
): HostFunction {
  const host: RuntimeHostFunction = {
    name: 'bench',
    sig,
    raises: flags.raises ?? false,
    collects: flags.collects ?? false,
    impl,
  };
  // The bridge never touches the context; the impls here do not either.
  return bridgeHostFunction(host, {} as HostContext, { enter: () => {}, leave: () => {} });
}

function hostCallPartsReport(): void {
  console.log('host call, part by part (bare engine; each part beyond the one in brackets):');
  const iterations = 200_000;
  const measured = new Map<string, number>();
  for (const part of hostCallParts()) {
    const ns = nsPerCall(part.hook, iterations, medianNs);
    measured.set(part.what, ns);
    if (part.beyond === undefined) report(`  ${part.what}`, ns, 'ns per iteration');
    else report(`  ${part.what} [${part.beyond.split(' (')[0]}]`, ns - measured.get(part.beyond)!, 'ns');
  }
}

function main(): void {
  const loadAverage = `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`;
  console.log(`CPU time per operation (median of ${REPEATS}); ${loadAverage}`);
  console.log(formatUnicornFinding(unicorn().library));
  const { machine, load } = makeMachine();
  console.log(
    `host calls pass arguments ${machine.hostCallArguments === 'saved' ? 'saved by the slot code' : 'in registers'}`,
  );
  hostCallPartsReport();
  if (process.argv.includes('--parts-only')) {
    machine.close();
    return;
  }
  const iterations = 2_000_000;
  const perIteration = (entry: number): number => medianNs(() => machine.call(entry, [iterations, DATA])) / iterations;

  const registerLoop = perIteration(load(REGISTER_LOOP));
  report('register-only loop (3 instructions)', (3 / registerLoop) * 1e3, 'M instructions/s');
  report('guest load (ldr), beyond a register op', perIteration(load(LOAD_LOOP)) - registerLoop, 'ns');
  report('guest store (str), beyond a register op', perIteration(load(STORE_LOOP)) - registerLoop, 'ns');
  report('guest strd, beyond a register op', perIteration(load(STRD_LOOP)) - registerLoop, 'ns');
  report('guest vstr of a double, beyond a register op', perIteration(load(VSTR_LOOP)) - registerLoop, 'ns');
  report('taken direct branch (b), beyond a register op', perIteration(load(BRANCH_LOOP)) - registerLoop, 'ns');
  // The `b .+4` as a page's last word: the loop crosses the boundary and back each time.
  report(
    'taken direct branch across a 1 KiB page boundary (there and back), beyond a register op',
    perIteration(load(BRANCH_LOOP, 1020)) - registerLoop,
    'ns',
  );
  report(
    'the same loop across a 512-byte boundary that is no page boundary',
    perIteration(load(BRANCH_LOOP, 508)) - registerLoop,
    'ns',
  );
  report('bl + bx lr (call and return), beyond the loop', perIteration(load(CALL_LOOP)) - registerLoop, 'ns');
  report('blx reg + bx lr, beyond the loop', perIteration(load(INDIRECT_CALL_LOOP)) - registerLoop, 'ns');

  machine.setHostFunction(
    0,
    hostFunction({ ints: 1 }, (x) => x),
  );
  const hostCalls = 200_000;
  const hostLoop = load(hostCallLoop(machine.hostCallAddress(0)));
  const hostIteration = medianNs(() => machine.call(hostLoop, [hostCalls])) / hostCalls;
  report('host call (slot + code hook, one int arg and result)', hostIteration - registerLoop * (6 / 3), 'ns');
  machine.setHostFunction(0, () => {});
  const emptyHost = medianNs(() => machine.call(hostLoop, [hostCalls])) / hostCalls;
  report('host call to an empty host function', emptyHost - registerLoop * (6 / 3), 'ns');
  const bridgedCases: [string, HostFunction][] = [
    [
      'host call, bridged (i32, i32) -> i32',
      bridged({ params: ['i32', 'i32'], result: 'i32' }, {}, (a) => a[0]! + a[1]!),
    ],
    [
      'host call, bridged (i32, i32) -> i32, raises',
      bridged({ params: ['i32', 'i32'], result: 'i32' }, { raises: true }, (a) => a[0]! + a[1]!),
    ],
    [
      'host call, bridged (ref) -> ref, collects + raises',
      bridged({ params: ['ref'], result: 'ref' }, { raises: true, collects: true }, (a) => a[0]!),
    ],
    [
      'host call, bridged (f64, f64) -> f64',
      bridged({ params: ['f64', 'f64'], result: 'f64' }, {}, (a) => a[0]! * a[1]!),
    ],
    [
      'host call, bridged 6 × i32 -> i32 (2 on the stack)',
      bridged({ params: ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], result: 'i32' }, {}, (a) => a[5]!),
    ],
  ];
  for (const [what, fn] of bridgedCases) {
    machine.setHostFunction(0, fn);
    report(what, medianNs(() => machine.call(hostLoop, [hostCalls])) / hostCalls - registerLoop * (6 / 3), 'ns');
  }
  // The other way of passing arguments (GuestMachine picks one by the library's version).
  const other = machine.hostCallArguments === 'saved' ? 'registers' : 'saved';
  const otherMachine = makeMachine({}, false, other);
  otherMachine.machine.setHostFunction(0, bridgedCases[1]![1]);
  const otherLoop = otherMachine.load(hostCallLoop(otherMachine.machine.hostCallAddress(0)));
  report(
    `  the same, arguments ${other === 'saved' ? 'saved by the slot' : 'read from registers'}`,
    medianNs(() => otherMachine.machine.call(otherLoop, [hostCalls])) / hostCalls - registerLoop * (6 / 3),
    'ns',
  );
  otherMachine.machine.close();

  const calls = 100_000;
  const trivial = load(RETURN_AT_ONCE);
  report(
    'one GuestMachine.call round trip (bx lr only)',
    medianNs(() => {
      for (let i = 0; i < calls; i++) machine.call(trivial);
    }) / calls,
    'ns',
  );

  machine.close();

  const budgeting = makeMachine({}, true);
  const budgetedLoop = budgeting.load(REGISTER_LOOP);
  const budgeted =
    medianNs(() => budgeting.machine.call(budgetedLoop, [iterations], [], { instructionBudget: 1e12 })) / iterations;
  report('slowdown on a machine with instruction budgets (count)', budgeted / registerLoop, '×');
  budgeting.machine.close();

  const counting = makeMachine({ instructions: true });
  const countedLoop = counting.load(REGISTER_LOOP);
  const counted = medianNs(() => counting.machine.call(countedLoop, [iterations])) / iterations;
  report('with exact instruction counting (block hook)', (3 / counted) * 1e3, 'M instructions/s');
  counting.machine.close();

  const opens = 20;
  report(
    'GuestMachine create + close',
    medianNs(() => {
      for (let i = 0; i < opens; i++) makeMachine().machine.close();
    }) /
      opens /
      1e6,
    'ms',
  );
}

main();
