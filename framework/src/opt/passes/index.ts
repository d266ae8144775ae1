import type { Pass } from '../pass.ts';
import { constfold } from './constfold.ts';
import { copyprop } from './copyprop.ts';
import { dce } from './dce.ts';
import { simplifycfg } from './simplifycfg.ts';

export { constfold, copyprop, dce, simplifycfg };

/** The passes the -O1/-O2 pipelines name. */
export function corePasses(): Pass[] {
  return [constfold, copyprop, dce, simplifycfg];
}
