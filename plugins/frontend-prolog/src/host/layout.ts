/** Guest object layout fixed by runtime/core.jir: type ids follow its declaration order. */
export const T_VAR = 1;
export const T_STR = 2;
export const T_FLT = 3;
export const T_BIGINT = 4;
export const T_TRAIL = 7;
export const T_CLAUSE = 8;
export const T_REFS = 9;
export const T_INTS = 10;
export const T_FIDX = 11;
export const T_TEXT = 12;
/** Byte offsets. */
export const VAR_VAL = 4;
export const VAR_SERIAL = 8;
export const FLT_V = 8;
export const ARR_LEN = 4;
export const ARR_ELEMS = 8;
export const CLAUSE_TERM = 4;
export const CLAUSE_NEXT = 8;
export const CLAUSE_KEY = 12;
export const CLAUSE_BORN = 16;
export const CLAUSE_DIED = 20;
export const FIDX_TERMS = 4;
export const FIDX_NEXT = 8;
export const FIDX_KEYS = 12;
export const FIDX_FIRSTS = 16;
export const FIDX_MASK = 20;
export const FIDX_OTHER = 24;
/** Global slot index of @serial in core.jir (globals take 8 bytes each). */
export const GLOBAL_SERIAL = 2;
export const NIL_BITS = 2;
