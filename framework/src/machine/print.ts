import type { FinalCode } from './final-code.ts';
import { formatSource } from './location.ts';
import type { MachFunction } from './machine-function.ts';
import type { MachineTarget } from './target.ts';

/** Allocated code as text: one instruction per line, inserted moves marked with their purpose. */
export function formatFinalCode<D, K>(target: MachineTarget<D, K>, code: FinalCode<D>): string {
  const lines: string[] = [];
  for (const fb of code.blocks) {
    const params = fb.block.params.map((p) => `v${p}`).join(', ');
    lines.push(`${fb.block.name}(${params}):`);
    for (const fi of fb.insts) {
      const text = target.format ? target.format(fi.inst) : JSON.stringify(fi.inst.data);
      const n = fi.note;
      const why =
        n.kind === 'inst'
          ? `#${n.index}`
          : n.kind === 'copy'
            ? `${formatSource(n.dst)} ← ${formatSource(n.src)}`
            : `remat v${n.vreg}`;
      const map = fi.refSlots.length > 0 ? `  refs: ${fi.refSlots.map((s) => `s${s.id}`).join(' ')}` : '';
      lines.push(`  ${text.padEnd(40)} ; ${why}${map}`);
    }
  }
  return lines.join('\n');
}

/** A machine function before allocation (virtual registers), for debugging lowering. */
export function formatMachFunction<D, K>(target: MachineTarget<D, K>, mf: MachFunction<D>): string {
  const lines: string[] = [];
  for (const b of mf.blocks) {
    lines.push(`${b.name}(${b.params.map((p) => `v${p}`).join(', ')}):`);
    for (const inst of b.insts) lines.push(`  ${target.format ? target.format(inst) : JSON.stringify(inst.data)}`);
  }
  return lines.join('\n');
}
