import test from 'ava';
import { EmuTrap } from '../../src/emu/emu-trap.ts';
import { hostFunction } from '../../src/emu/host-function.ts';
import { isUnicornAvailable } from '../../src/emu/unicorn-ffi.ts';
import {
  callSlot,
  callWhatSlotReturns,
  hostCallLoop,
  LOAD_AND_STORE,
  LOAD_R0,
  RECURSE_FOREVER,
  RETURN_1,
  RETURN_2,
  SDIV,
  SPIN_FOREVER,
  STRAIGHT_LINE,
  SUM_LOOP,
  tailCallSlot,
  THREE_STORES,
  UDF_AFTER_NOP,
  VADD_F64,
  wordsToBytes,
} from './arm-snippets.ts';
import { armFixture, LAYOUT } from './machine-fixture.ts';

const emuTest = isUnicornAvailable() ? test : test.skip;

function withFixture<T>(
  options: Parameters<typeof armFixture>[0],
  body: (fixture: ReturnType<typeof armFixture>) => T,
): T {
  const fixture = armFixture(options);
  try {
    return body(fixture);
  } finally {
    fixture.machine.close();
  }
}

emuTest('a loop computing a sum returns the right value', (t) => {
  withFixture({}, ({ machine, load }) => {
    const entry = load(SUM_LOOP);
    t.is(machine.call(entry, [100]).ints[0], 5050);
    t.is(machine.call(entry, [1]).ints[0], 1);
  });
});

emuTest('guest and TypeScript share the mapped buffer without copies', (t) => {
  withFixture({}, ({ machine, memory, load }) => {
    const words = new Uint32Array(memory);
    words[16] = 0xdeadbeef;
    const entry = load(LOAD_AND_STORE);
    const result = machine.call(entry, [LAYOUT.data + 64, 0x12345678]);
    t.is(result.ints[0] >>> 0, 0xdeadbeef);
    t.is(words[17], 0x12345678);
    // The stack half of the buffer is the same memory as well.
    const stackWords = new Uint32Array(memory, LAYOUT.dataSize);
    stackWords[0] = 42;
    t.is(machine.call(load(LOAD_R0), [LAYOUT.stack]).ints[0], 42);
  });
});

emuTest('rewriting code at the same address runs the new code', (t) => {
  withFixture({}, ({ machine }) => {
    const address = LAYOUT.code + 0x800;
    const write = (words: readonly number[]): void =>
      machine.writeCode(address, new Uint8Array(new Uint32Array(words).buffer));
    write(RETURN_1);
    t.is(machine.call(address).ints[0], 1);
    write(RETURN_2);
    t.is(machine.call(address).ints[0], 2);
    // Why writeCode removes the cache: a plain write leaves the old translation running.
    machine.writeMemory(address, new Uint8Array(new Uint32Array(RETURN_1).buffer));
    t.is(machine.call(address).ints[0], 2);
    machine.removeTranslationCache(address, address + 8);
    t.is(machine.call(address).ints[0], 1);
  });
});

emuTest('a load from an unmapped address is a bad_pointer trap', (t) => {
  withFixture({}, ({ machine, load }) => {
    const entry = load(LOAD_R0);
    const trap = t.throws(() => machine.call(entry, [0x500004]), { instanceOf: EmuTrap });
    t.is(trap?.kind, 'bad_pointer');
    t.is(trap?.address, 0x500004);
    t.is(trap?.access, 'read');
    // Unicorn reports the start of the faulting translated block.
    t.is(trap?.pc, entry);
    // A null function pointer is a bad pointer too.
    const fetch = t.throws(() => machine.call(0), { instanceOf: EmuTrap });
    t.is(fetch?.kind, 'bad_pointer');
    t.is(fetch?.access, 'fetch');
  });
});

emuTest('a write into the stack guard is a stack_overflow trap', (t) => {
  withFixture({}, ({ machine, load }) => {
    const entry = load(RECURSE_FOREVER);
    const trap = t.throws(() => machine.call(entry), { instanceOf: EmuTrap });
    t.is(trap?.kind, 'stack_overflow');
    t.is(trap?.access, 'write');
    t.is(trap?.address, LAYOUT.stack - 4);
  });
});

emuTest('VFP is enabled: vadd.f64 of d0 and d1', (t) => {
  withFixture({}, ({ machine, load }) => {
    t.is(machine.call(load(VADD_F64), [], [0.1, 0.2]).float, 0.1 + 0.2);
  });
});

emuTest('Cortex-A15 (the default) has sdiv; Cortex-A8 can be selected and has not', (t) => {
  withFixture({}, ({ machine, load }) => {
    t.is(machine.cpuModel, 'cortex-a15');
    t.is(machine.call(load(SDIV), [-100, 7]).ints[0], -14);
  });
  withFixture({ cpuModel: 'cortex-a8' }, ({ machine, load }) => {
    t.is(machine.call(load(VADD_F64), [], [1, 2]).float, 3);
    const entry = load(SDIV);
    const trap = t.throws(() => machine.call(entry, [-100, 7]), { instanceOf: EmuTrap });
    t.is(trap?.kind, 'illegal_instruction');
    t.is(trap?.pc, entry);
  });
  t.throws(() => armFixture({ cpuModel: 'pentium' }), { message: /unknown CPU model 'pentium'/ });
});

emuTest('an undefined instruction is an illegal_instruction trap at its address', (t) => {
  withFixture({}, ({ machine, load }) => {
    const entry = load(UDF_AFTER_NOP);
    const trap = t.throws(() => machine.call(entry), { instanceOf: EmuTrap });
    t.is(trap?.kind, 'illegal_instruction');
    t.is(trap?.pc, entry + 4);
  });
});

emuTest('an instruction budget ends an endless loop with fuel_exhausted', (t) => {
  withFixture({ instructionBudgets: true }, ({ machine, load }) => {
    const spin = load(SPIN_FOREVER);
    const trap = t.throws(() => machine.call(spin, [], [], { instructionBudget: 10_000 }), { instanceOf: EmuTrap });
    t.is(trap?.kind, 'fuel_exhausted');
    t.is(trap?.pc, spin);
    // A budget that suffices changes nothing, and calls without one run unlimited.
    const sum = load(SUM_LOOP);
    t.is(machine.call(sum, [10], [], { instructionBudget: 1000 }).ints[0], 55);
    t.is(machine.call(sum, [100]).ints[0], 5050);
    // Code translated by an earlier run is still held to the budget.
    t.throws(() => machine.call(sum, [1000], [], { instructionBudget: 100 }), {
      instanceOf: EmuTrap,
      message: /fuel_exhausted/,
    });
    t.is(machine.call(sum, [1000]).ints[0], 500500);
  });
});

emuTest('a time limit stops an endless loop with an error naming it; code that ends is not affected', (t) => {
  withFixture({ timeLimitMicros: 50_000 }, ({ machine, load }) => {
    t.throws(() => machine.call(load(SPIN_FOREVER)), { message: /time limit of 50 ms ran out at pc 0x/ });
    t.is(machine.call(load(SUM_LOOP), [100]).ints[0], 5050);
  });
});

emuTest('budgets are refused on a machine created without them', (t) => {
  withFixture({}, ({ machine, load }) => {
    const entry = load(SUM_LOOP);
    t.throws(() => machine.call(entry, [1], [], { instructionBudget: 10 }), { message: /instructionBudgets: true/ });
  });
});

emuTest('instruction counting is exact', (t) => {
  withFixture({ count: { instructions: true } }, ({ machine, load }) => {
    machine.call(load(STRAIGHT_LINE), [5, 9]);
    t.is(machine.counters.instructions, 6);
    machine.resetCounters();
    machine.call(load(SUM_LOOP), [10]);
    t.is(machine.counters.instructions, 1 + 3 * 10 + 2);
  });
});

emuTest('store counting counts each store once', (t) => {
  withFixture({ count: { stores: true } }, ({ machine, load }) => {
    machine.call(load(THREE_STORES), [7, LAYOUT.data]);
    t.is(machine.counters.stores, 3);
    t.is(machine.counters.instructions, 0);
  });
});

emuTest('results are signed 32-bit and both result registers are returned', (t) => {
  withFixture({}, ({ machine, load }) => {
    const entry = load(STRAIGHT_LINE);
    // r0 = ((a + b) - 3) | ((a + b) ^ b), r1 = (a + b) ^ b
    const a = 0x7fffffff;
    const b = 1;
    const sum = (a + b) | 0;
    const r1 = sum ^ b;
    t.deepEqual(machine.call(entry, [a, b]).ints, [(sum - 3) | r1 | 0, r1 | 0]);
  });
});

// Host calls, with the arguments saved by the slot code (Unicorn 2.1) or read from registers (2.0).
for (const mode of ['saved', 'registers'] as const) {
  const argumentsWhere = mode === 'saved' ? 'saved by the slot' : 'in registers';
  emuTest(`a host call round-trips arguments and result, many times over (arguments ${argumentsWhere})`, (t) => {
    withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
      const seen: number[] = [];
      machine.setHostFunction(
        0,
        hostFunction({ ints: 2 }, (acc, i) => {
          seen.push(i);
          return acc + i;
        }),
      );
      const entry = load(hostCallLoop(machine.hostCallAddress(0)));
      t.is(machine.call(entry, [1000]).ints[0], 500500);
      t.is(seen.length, 1000);
      t.deepEqual(seen.slice(0, 3), [1000, 999, 998]);
      t.is(machine.counters.hostCalls, 1000);
      // Callee-saved registers came back through the host call intact, so a second run agrees.
      t.is(machine.call(entry, [10]).ints[0], 55);
    });
  });

  emuTest(`host calls see stack arguments, negative ints and doubles (arguments ${argumentsWhere})`, (t) => {
    withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
      const entry = load(tailCallSlot(machine.hostCallAddress(1)));
      machine.setHostFunction(
        1,
        hostFunction({ ints: 6 }, (...args) => args.reduce((a, b) => a * 10 + b, 0)),
      );
      t.is(machine.call(entry, [1, 2, 3, 4, 5, 6]).ints[0], 123456);
      machine.setHostFunction(
        1,
        hostFunction({ ints: 2 }, (a, b) => a - b),
      );
      t.is(machine.call(entry, [-5, 7]).ints[0], -12);
      machine.setHostFunction(
        1,
        hostFunction({ floats: 2, result: 'float' }, (x, y) => x * y),
      );
      t.is(machine.call(entry, [], [1.5, -2.25]).float, -3.375);
    });
  });

  emuTest(
    `a host function can write code that the guest then runs (lazy compilation) (arguments ${argumentsWhere})`,
    (t) => {
      withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
        const fresh = LAYOUT.code + 0x1000;
        machine.setHostFunction(0, (frame) => {
          machine.writeCode(fresh, wordsToBytes(RETURN_2));
          frame.returnInt(fresh);
        });
        t.is(machine.call(load(callWhatSlotReturns(machine.hostCallAddress(0)))).ints[0], 2);
      });
    },
  );

  emuTest(
    'a host function that throws surfaces as the thrown error, ' +
      `and the machine stays usable (arguments ${argumentsWhere})`,
    (t) => {
      withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
        const entry = load(tailCallSlot(machine.hostCallAddress(1)));
        machine.setHostFunction(1, () => {
          throw new RangeError('boom');
        });
        t.throws(() => machine.call(entry), { instanceOf: RangeError, message: 'boom' });
        machine.setHostFunction(
          1,
          hostFunction({ ints: 1 }, (x) => x + 1),
        );
        t.is(machine.call(entry, [41]).ints[0], 42);
      });
    },
  );

  emuTest(`calling an empty host-call slot is an error (arguments ${argumentsWhere})`, (t) => {
    withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
      t.throws(() => machine.call(load(tailCallSlot(machine.hostCallAddress(1)))), {
        message: /empty host-call slot 1/,
      });
    });
  });

  emuTest(`a host call changes only the result registers its host function sets (arguments ${argumentsWhere})`, (t) => {
    withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
      const entry = load(callSlot(machine.hostCallAddress(3)));
      machine.setHostFunction(3, () => {});
      t.deepEqual(machine.call(entry, [7, -9], [2.5]), { ints: [7, -9], float: 2.5 });
      machine.setHostFunction(3, (frame) => frame.returnInt(1, 1));
      t.deepEqual(machine.call(entry, [7, -9], [2.5]), { ints: [7, 1], float: 2.5 });
      machine.setHostFunction(3, (frame) => frame.returnFloat(-0.5));
      t.deepEqual(machine.call(entry, [7, -9], [2.5]), { ints: [7, -9], float: -0.5 });
      machine.setHostFunction(3, (frame) => {
        frame.returnInt(frame.int(1) * 2);
        frame.returnFloat(frame.float(0) * 2);
      });
      t.deepEqual(machine.call(entry, [7, -9], [2.5]), { ints: [-18, -9], float: 5 });
    });
  });

  emuTest(`a host function sees its caller's return address and stack pointer (arguments ${argumentsWhere})`, (t) => {
    withFixture({ hostCallArguments: mode }, ({ machine, load }) => {
      const entry = load(callSlot(machine.hostCallAddress(0)));
      let seen: [number, number] = [0, 0];
      machine.setHostFunction(0, (frame) => {
        seen = [machine.hostCallReturnAddress(), frame.stackPointer()];
      });
      machine.call(entry);
      // After push {r4, lr} (8 bytes) and the movw, movt, blx: back at the pop.
      t.deepEqual(seen, [entry + 16, LAYOUT.stack + LAYOUT.stackSize - 8]);
    });
  });

  emuTest(
    `counting leaves out the host-call machinery's instructions and stores (arguments ${argumentsWhere})`,
    (t) => {
      withFixture({ hostCallArguments: mode, count: { instructions: true, stores: true } }, ({ machine, load }) => {
        const entry = load(hostCallLoop(machine.hostCallAddress(0)));
        machine.setHostFunction(
          0,
          hostFunction({ ints: 2 }, (acc, i) => acc + i),
        );
        machine.call(entry, [10]);
        // push, two movs; per call: mov, mov, movw, movt, blx, mov, subs, bne; mov, pop.
        t.is(machine.counters.instructions, 3 + 8 * 10 + 2);
        t.is(machine.counters.hostCalls, 10);
        const stores = machine.counters.stores;
        machine.resetCounters();
        machine.call(entry, [1]);
        t.is(machine.counters.stores, stores, 'the push only');
      });
    },
  );
}
