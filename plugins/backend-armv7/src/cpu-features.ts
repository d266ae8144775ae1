// What code generation must know about the CPU model chosen with --cpu.

/** Models with the ARMv7VE integer divide (sdiv/udiv in A32). Cortex-A8 and A9 lack it:
 *  there sdiv is an illegal instruction. */
const HARDWARE_DIVIDE = new Set(['cortex-a15', 'cortex-a7']);

/** Unset means GuestMachine's default model, cortex-a15. */
export function hasHardwareDivide(cpu: string | undefined): boolean {
  return HARDWARE_DIVIDE.has(cpu ?? 'cortex-a15');
}
