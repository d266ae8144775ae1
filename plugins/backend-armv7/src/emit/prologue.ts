import { PAGE, type FrameLayout } from '#framework';
import { a32, AL } from '../encoder/index.ts';
import { IP, LR, SP } from '../arm-regs.ts';
import { addConst, loadConst, wordAccess, type Buf } from './emit-helpers.ts';

/** Frames up to this size touch the guard page through their own accesses; larger ones probe. */
const UNPROBED_FRAME = 1024;

export function emitArmPrologue(buf: Buf, frame: FrameLayout): void {
  if (frame.size > 0) addConst(buf, SP, SP, -frame.size);
  if (frame.size > UNPROBED_FRAME) {
    // Touch every page of the new frame from the top down, so the guard page below the
    // stack faults before anything lands past it.
    for (let off = frame.size - PAGE; off > 0; off -= PAGE) {
      loadConst(buf, IP, off);
      buf.put32(a32.loadStoreReg('ldr', AL, IP, SP, IP));
    }
    buf.put32(a32.ldrImm(AL, IP, SP, 0));
  }
  if (frame.savesReturnAddress) wordAccess(buf, 'str', LR, SP, frame.returnAddressOffset!);
}
