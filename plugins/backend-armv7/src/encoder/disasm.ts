// A32 + VFP disassembly through Debian's libcapstone4 (for `--emit asm` and
// trap reports). Loaded on first use; unavailable means a clear error, not a crash.
import koffi, { type LibraryHandle, type TypeObject } from 'koffi';

const CS_ARCH_ARM = 0;
const CS_MODE_ARM = 0;
const CAPSTONE_LIBRARY = 'libcapstone.so.4';

export interface DisassembledInstruction {
  readonly address: number;
  readonly word: number;
  readonly mnemonic: string;
  readonly operands: string;
  /** `mnemonic operands`, e.g. `vadd.f64 d0, d1, d2`. */
  readonly text: string;
}

interface CapstoneBinding {
  handle: bigint;
  disasm: (handle: bigint, code: Uint8Array, size: number, address: number, count: number, out: [unknown]) => number;
  free: (insns: unknown, count: number) => void;
  insnType: TypeObject;
}

interface RawInsn {
  address: number | bigint;
  size: number;
  mnemonic: string;
  op_str: string;
}

let binding: CapstoneBinding | undefined;

function capstone(): CapstoneBinding {
  if (binding !== undefined) return binding;
  let library: LibraryHandle;
  try {
    library = koffi.load(CAPSTONE_LIBRARY);
  } catch (cause) {
    throw new Error(
      `Cannot load ${CAPSTONE_LIBRARY}: install the Debian package libcapstone4 (apt-get install -y libcapstone4).`,
      {
        cause,
      },
    );
  }
  const insnType = koffi.struct('cs_insn', {
    id: 'uint',
    address: 'uint64',
    size: 'uint16',
    bytes: koffi.array('uint8', 16),
    mnemonic: koffi.array('char', 32, 'String'),
    op_str: koffi.array('char', 160, 'String'),
    detail: 'void *',
  });
  const open = library.func('cs_open', 'int', ['int', 'int', 'void *']);
  const handleOut = new BigUint64Array(1);
  const status = open(CS_ARCH_ARM, CS_MODE_ARM, handleOut) as number;
  if (status !== 0) throw new Error(`cs_open failed with capstone error ${status}`);
  binding = {
    handle: handleOut[0]!,
    disasm: library.func('cs_disasm', 'size_t', [
      'size_t',
      'void *',
      'size_t',
      'uint64',
      'size_t',
      koffi.out(koffi.pointer('void *')),
    ]),
    free: library.func('cs_free', 'void', ['void *', 'size_t']),
    insnType,
  };
  return binding;
}

export function isDisassemblerAvailable(): boolean {
  try {
    capstone();
    return true;
  } catch {
    return false;
  }
}

/**
 * Disassembles A32 words placed at `address`. A word capstone cannot decode
 * (data, or a trap it does not know) is shown as `.word 0x...`.
 */
export function disassembleA32(words: readonly number[] | Uint32Array, address = 0): DisassembledInstruction[] {
  const cs = capstone();
  const result: DisassembledInstruction[] = [];
  const list = Array.from(words, (word) => word >>> 0);
  let index = 0;
  while (index < list.length) {
    const code = new Uint8Array(new Uint32Array(list.slice(index)).buffer);
    const out: [unknown] = [null];
    const count = Number(cs.disasm(cs.handle, code, code.length, address + index * 4, 0, out));
    if (count > 0) {
      const raw = koffi.decode(out[0], cs.insnType, count) as RawInsn[];
      cs.free(out[0], count);
      for (const insn of raw) {
        result.push(instruction(Number(insn.address), list[index]!, insn.mnemonic, insn.op_str));
        index++;
      }
    }
    // capstone stops at the first word it cannot decode: show it as data and go on.
    if (index < list.length) {
      const word = list[index]!;
      result.push(instruction(address + index * 4, word, '.word', `0x${word.toString(16).padStart(8, '0')}`));
      index++;
    }
  }
  return result;
}

function instruction(address: number, word: number, mnemonic: string, operands: string): DisassembledInstruction {
  return { address, word, mnemonic, operands, text: operands === '' ? mnemonic : `${mnemonic} ${operands}` };
}
