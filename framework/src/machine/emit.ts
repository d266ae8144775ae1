import { CodeBuffer, type Label } from './code-buffer.ts';
import { isNoOpMove, type FinalCode } from './final-code.ts';
import type { FrameLayout } from './frame-layout.ts';
import type { MachBlock } from './machine-function.ts';
import type { FrameDescriptor } from './stack-maps.ts';
import type { EmitContext, MachineTarget } from './target.ts';

export interface EmittedCode<K> {
  readonly buffer: CodeBuffer<K>;
  /** One per call, with function-relative return offsets. */
  readonly stackMaps: FrameDescriptor[];
  /** Where each laid-out block starts (function-relative), for listings (`--emit asm`). */
  readonly blockOffsets: ReadonlyMap<MachBlock, number>;
}

/**
 * Encodes allocated code: the prologue, then every block at its label. A jump to the block
 * laid out next is dropped; everything else goes to the target's encoder. Each call's
 * return address is the offset right after its encoding, which keys its frame descriptor.
 */
export function emitCode<D, K>(
  target: MachineTarget<D, K>,
  code: FinalCode<D>,
  frame: FrameLayout,
  buf: CodeBuffer<K> = new CodeBuffer<K>(),
): EmittedCode<K> {
  const labels = new Map<MachBlock, Label>();
  for (const fb of code.blocks) labels.set(fb.block, buf.newLabel());
  const stackMaps: FrameDescriptor[] = [];
  target.emitPrologue(buf, frame);
  code.blocks.forEach((fb, k) => {
    buf.bind(labels.get(fb.block)!);
    const nextBlock = code.blocks[k + 1]?.block ?? null;
    const ctx: EmitContext = {
      frame,
      nextBlock,
      labelOf: (b) => {
        const l = labels.get(b);
        if (l === undefined) throw new Error(`block ${b.name} is not laid out`);
        return l;
      },
    };
    for (const fi of fb.insts) {
      if (fi.inst.jump && fi.inst.targets[0]!.block === nextBlock) continue;
      if (fi.inst.move && isNoOpMove(fi.inst.operands)) continue;
      target.emit(buf, fi.inst, ctx);
      if (!fi.inst.call) continue;
      if (frame.returnAddressOffset === null) throw new Error('a call in a function without a saved return address');
      stackMaps.push({
        returnOffset: buf.offset,
        frameSize: frame.size,
        returnAddressOffset: frame.returnAddressOffset,
        callerSpOffset: frame.callerSpOffset,
        refSlots: fi.refSlots.map((s) => frame.offsetOf(s)).sort((a, b) => a - b),
      });
    }
  });
  const blockOffsets = new Map<MachBlock, number>();
  for (const [block, label] of labels) blockOffsets.set(block, buf.labelOffset(label));
  return { buffer: buf, stackMaps, blockOffsets };
}
