// x86-64 disassembly through Debian's libcapstone4 (for `--emit asm`). Loaded on first
// use; unavailable means a clear error, not a crash.
import koffi, { type TypeObject } from 'koffi';

const CS_ARCH_X86 = 3;
const CS_MODE_64 = 1 << 3;
const CS_OPT_SYNTAX = 1;
const CS_OPT_SYNTAX_INTEL = 1;
const CAPSTONE_LIBRARY = 'libcapstone.so.4';

export interface DisassembledInstruction {
  readonly address: number;
  readonly bytes: Uint8Array;
  /** `mnemonic operands`, e.g. `addsd xmm0, xmm1`. */
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
  let library: ReturnType<typeof koffi.load>;
  try {
    library = koffi.load(CAPSTONE_LIBRARY);
  } catch (cause) {
    throw new Error(`Cannot load ${CAPSTONE_LIBRARY}: install the Debian package libcapstone4.`, { cause });
  }
  const insnType = koffi.struct('cs_insn_x86', {
    id: 'uint',
    address: 'uint64',
    size: 'uint16',
    bytes: koffi.array('uint8', 16),
    mnemonic: koffi.array('char', 32, 'String'),
    op_str: koffi.array('char', 160, 'String'),
    detail: 'void *',
  });
  const handleOut = new BigUint64Array(1);
  const status = library.func('cs_open', 'int', ['int', 'int', 'void *'])(CS_ARCH_X86, CS_MODE_64, handleOut) as number;
  if (status !== 0) throw new Error(`cs_open failed with capstone error ${status}`);
  library.func('cs_option', 'int', ['size_t', 'int', 'size_t'])(handleOut[0]!, CS_OPT_SYNTAX, CS_OPT_SYNTAX_INTEL);
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

/** Disassembles code placed at `address`; a byte capstone cannot decode is shown as `.byte`. */
export function disassembleX64(code: Uint8Array, address = 0): DisassembledInstruction[] {
  const cs = capstone();
  const result: DisassembledInstruction[] = [];
  let at = 0;
  while (at < code.length) {
    const rest = code.slice(at);
    const out: [unknown] = [null];
    const count = Number(cs.disasm(cs.handle, rest, rest.length, address + at, 0, out));
    if (count > 0) {
      const raw = koffi.decode(out[0], cs.insnType, count) as RawInsn[];
      cs.free(out[0], count);
      for (const insn of raw) {
        const text = insn.op_str === '' ? insn.mnemonic : `${insn.mnemonic} ${insn.op_str}`;
        result.push({ address: Number(insn.address), bytes: code.slice(at, at + insn.size), text });
        at += insn.size;
      }
    }
    if (at < code.length) {
      result.push({ address: address + at, bytes: code.slice(at, at + 1), text: `.byte 0x${code[at]!.toString(16)}` });
      at++;
    }
  }
  return result;
}
