/** What a plugin's tests share with the conformance suites (`#conformance`): random
 *  programs (recipes) with their IR, the reference interpreter as the oracle, and big and
 *  deep generated source programs with the output they must print. */
export { recipeArbitraries, DEFAULT_SIZES, type RecipeSizes } from './gen/arbitrary.ts';
export { lowerRecipe } from './gen/lower-recipe.ts';
export { entryArguments, entryName, type Recipe } from './gen/recipe.ts';
export { CHECKED_OPS, DIVISION_OPS, NUMBER_OPS } from './gen/recipe-ops.ts';
export { compareTransformed, ReferenceExhausted, type DifferentialOptions } from './oracle/differential.ts';
export { outcomeDifference, describe as describeOutcome, type Outcome } from './oracle/outcome.ts';
export { runOnInterpreter, type InterpRunOptions } from './oracle/run-interp.ts';
export {
  checkBackendAgainstInterpreter,
  checkBackendsAgainstInterpreter,
  type BackendDifferentialCase,
  type BackendsDifferentialCase,
} from './suites/backend-differential.ts';
export { allocates, FILETEST_DIR, fileTestSuite } from './suites/file-tests.ts';
export {
  nativeBackendSuite,
  type NativeBackendSuiteOptions,
  type SuiteCollector,
} from './suites/native-backend-suite.ts';
export {
  nativeDifferentialSuite,
  selectedBackends,
  type NativeDifferentialOptions,
} from './suites/native-differential-suite.ts';
export {
  prologFactClausesFor,
  prologFactTable,
  prologLongList,
  prologNestedTerm,
  prologRules,
  pythonAssignments,
  pythonFunctions,
  pythonLinesFor,
  pythonNestedParens,
  type GeneratedProgram,
} from './programs/big-programs.ts';
export { cellName, matrixCells, type Cell, type CollectorChoice, type StressMode } from './matrix/cells.ts';
export {
  caseSeed,
  runConformance,
  summaryLine,
  type ConformanceOptions,
  type ConformanceReport,
  type Mismatch,
} from './matrix/conformance-run.ts';
export { conformanceFromRegistry, freshSeed, type RegistryConformanceOptions } from './matrix/from-registry.ts';
export { defineGcSuite, type GcSuiteOptions } from './suites/gc-suite.ts';
