// Types of build-dist.mjs, for the tests that import it.
export declare const PROJECT_ROOT: string;
/** Every input file of the build, relative to `root`, sorted. */
export declare function buildInputs(root?: string): string[];
/** 16 hex digits naming the current state of the build inputs. */
export declare function fingerprint(root?: string): string;
export declare function distDir(root?: string): string;
/** The build directory for the current sources, or null when there is none. */
export declare function currentBuild(root?: string): string | null;
export declare function cliEntry(buildDir: string): string;
/** Builds unless current; returns the build directory. */
export declare function ensureBuilt(root?: string, log?: (message: string) => void): string;
