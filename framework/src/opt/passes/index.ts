import type { Pass } from '../pass.ts';
import { branchfold } from './branchfold.ts';
import { constfold } from './constfold.ts';
import { copyprop } from './copyprop.ts';
import { dce } from './dce.ts';
import { globalloads } from './global-loads.ts';
import { gvn } from './gvn.ts';
import { inline } from './inline.ts';
import { knownbits } from './known-bits-fold.ts';
import { licm } from './licm.ts';
import { simplifycfg } from './simplifycfg.ts';
import { sinkconditions } from './sink-conditions.ts';

export { branchfold, constfold, copyprop, dce, globalloads, gvn, inline, knownbits, licm, simplifycfg, sinkconditions };

/** The passes the -O1/-O2 pipelines name. */
export function corePasses(): Pass[] {
  return [constfold, copyprop, dce, simplifycfg, inline, gvn, globalloads, knownbits, branchfold, licm, sinkconditions];
}
