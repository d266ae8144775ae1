import { defineProgramSuite } from './program-suite.ts';
import { minipySuite } from './minipy-suite.ts';

// Half of the mini-Python program suite (see program-suite.ts); the other half is the sibling file.
defineProgramSuite(minipySuite, 0, 2);
