import { defineProgramSuite } from './program-suite.ts';
import { prologSuite } from './prolog-suite.ts';

// Half of the Prolog program suite (see program-suite.ts); the other half is the sibling file.
defineProgramSuite(prologSuite, 0, 2);
