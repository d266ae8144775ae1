/** Token kinds of mini-Python. `op` covers operators and punctuation; `name` keywords too. */
export type TokenKind = 'name' | 'int' | 'float' | 'str' | 'fstr' | 'op' | 'newline' | 'indent' | 'dedent' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded string contents for `str` tokens. */
  value?: string;
  line: number;
  col: number;
}

export const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
