// What the interpreter needs from a native backend to tier up (DESIGN.md "Execution and
// the JIT"): compile a hot function, and run a compiled one. The interpreter calls native
// code; native code never calls the interpreter (uncompiled callees go through lazy-compile
// stubs), so each interpreter-to-native call is one uc_emu_start and never nested.

export interface NativeTier {
  /** Calls + loop back-edges before a function is compiled (at least 1). */
  readonly threshold: number;
  /** Compiles function `index` of the module now; it runs natively from its next call.
   *  False when the tier declines (a function too big to be worth compiling): the function
   *  then stays interpreted for the rest of the run. */
  compile(index: number): boolean;
  /** Runs compiled function `index`. Throws GuestException with the exception value when it
   *  raised, a Trap when it trapped. */
  call(index: number, args: number[]): number | undefined;
}
