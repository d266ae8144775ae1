import type { DeferredProgram } from '../frontend.ts';
import { Func, type Module } from '../ir/module.ts';
import { DeferredBodyReader, parseModule } from '../ir/text/parser.ts';
import { isBareName, printFunc, printModule } from '../ir/text/printer.ts';
import { isHugeFunction } from '../opt/huge-functions.ts';
import type { ImageCache } from './image-cache.ts';
import { declarationsOf, imageOf, type PreparedImage } from './prepared-image.ts';
import { textHash } from './text-hash.ts';

/** Cache entries of programs kept on disk; older ones are removed as new ones are written. */
const KEPT_PROGRAMS = 64;
const NAME = 'program';

/** What an entry records beside the texts. */
interface ProgramMeta {
  /** Functions the lowering left as they were (huge ones, which the backend interprets). */
  unlowered: string[];
}

/**
 * A program's prepared functions (verified, optimized, maybe lowered), kept by the
 * program's text, so that running an unchanged program again skips the optimizer: for a
 * Python benchmark of 50 lines that is over a third of start-up (docs/decisions.md, "The
 * prepared-program cache"). The key is the text the frontend produced (declarations and
 * the program's own functions) with everything else that shapes the result: the jitc build,
 * the optimization level, the lowering. A frontend that can tell that its program depends
 * on the source alone leaves it uncompiled (DeferredProgram): the entry is then found by the
 * source text, and the frontend's work on the program is skipped too.
 */
export class ProgramCache {
  constructor(
    private readonly images: ImageCache,
    private readonly buildId: string,
  ) {}

  /**
   * Gives the module's own functions (those not in `prepared`) their prepared bodies from the
   * cache, or runs `prepare` (which prepares the module in place) and keeps the result.
   * With `deferred`, the program is not in the module yet: the entry is found by its source
   * (DeferredProgram.sourceKey) and adds the functions, else the program is compiled first.
   * Returns whether the cache answered. A program whose functions are not all read yet, or
   * whose preparation adds or removes functions, is prepared and not kept; so is one with a
   * huge function, which the optimizer leaves as it is (printing it would cost more).
   */
  prepare(
    module: Module,
    prepared: ReadonlySet<Func>,
    setting: string,
    prepare: () => void,
    deferred?: DeferredProgram,
  ): boolean {
    let key: string | undefined;
    if (deferred) {
      key = `${this.buildId} ${setting} source ${textHash(deferred.sourceKey)}`;
      if (this.answer(module, null, key)) return true;
      deferred.compile();
    }
    const own = module.funcs.filter((f) => !prepared.has(f));
    if (own.some((f) => !f.hasBody || isHugeFunction(f))) {
      prepare();
      return false;
    }
    if (key === undefined) {
      const text = printModule(declarationsOf(module)) + own.map((f) => printFunc(module, f)).join('\n');
      key = `${this.buildId} ${setting} ${textHash(text)}`;
      if (this.answer(module, own, key)) return true;
    }
    const count = module.funcs.length;
    prepare();
    const sameFuncs = module.funcs.length === count && own.every((f, i) => module.funcs[count - own.length + i] === f);
    if (sameFuncs && typesPrintBack(module)) this.images.put(NAME, key, programImage(module, own), KEPT_PROGRAMS);
    return false;
  }

  /** Whether the entry under `key` fits the module and now gives it its program (`own`'s
   *  bodies, or with null new functions). */
  private answer(module: Module, own: readonly Func[] | null, key: string): boolean {
    const cached = this.images.get(NAME, key, () => {
      throw new DamagedEntry();
    });
    if (!cached || !applyImage(module, own, cached)) return false;
    this.images.touch(NAME, key);
    return true;
  }
}

class DamagedEntry extends Error {}

/** Whether type and field names read back from the text (symbols always do: they print
 *  quoted when they must); a program whose do not is prepared every time. */
function typesPrintBack(module: Module): boolean {
  return module.types.every(
    (t) => isBareName(t.name) && (t.kind !== 'struct' || t.fields.every((f) => isBareName(f.name))),
  );
}

function programImage(module: Module, own: readonly Func[]): PreparedImage {
  const meta: ProgramMeta = { unlowered: own.filter((f) => f.unlowered).map((f) => f.name) };
  const declarations = declarationsOf(module);
  declarations.funcs = [...own];
  return imageOf(declarations, meta);
}

/**
 * Puts a cached entry's declarations and bodies into the module, if the entry fits it: the
 * module's declarations must be the start of the entry's (preparing only appends), and its
 * functions the entry's, in order (`ownFuncs` null: the entry's functions are added). Every
 * text is checked before anything changes, so an entry that does not fit or is damaged
 * leaves the module as it was.
 */
function applyImage(module: Module, ownFuncs: readonly Func[] | null, image: PreparedImage): boolean {
  const meta = image.meta as Partial<ProgramMeta> | null;
  if (!meta || !Array.isArray(meta.unlowered)) return false;
  // A deferred program has no functions yet: the entry's are made.
  const made = ownFuncs === null;
  const own = ownFuncs ?? image.funcs.map((e) => new Func(e.name, { params: e.params, result: e.result }));
  if (image.funcs.length !== own.length) return false;
  let texts: string[];
  let decls: Module;
  try {
    texts = image.funcs.map((entry, i) => {
      if (entry.name !== own[i]!.name) throw new DamagedEntry();
      return entry.text();
    });
    decls = parseModule(image.decls, `<cached ${NAME}>`);
  } catch {
    return false;
  }
  const fits =
    isStartOf(module.types, decls.types) &&
    isStartOf(module.globals, decls.globals) &&
    isStartOf(module.consts, decls.consts) &&
    isStartOf(module.externs, decls.externs);
  if (!fits) return false;
  module.types.push(...decls.types.slice(module.types.length));
  module.globals.push(...decls.globals.slice(module.globals.length));
  module.consts.push(...decls.consts.slice(module.consts.length));
  module.externs.push(...decls.externs.slice(module.externs.length));
  module.lowered = decls.lowered;
  if (made) {
    own.forEach((f, i) => (f.replaceable = image.funcs[i]!.replaceable));
    module.funcs.push(...own);
  }
  const unlowered = new Set(meta.unlowered);
  const reader = new DeferredBodyReader(module);
  own.forEach((f, i) => {
    f.blocks = [];
    f.values = [];
    f.unlowered = unlowered.has(f.name);
    const text = texts[i]!;
    f.deferBody(
      (g) => reader.read(g, text, `<cached ${NAME}>: @${f.name}`),
      () => text,
      true,
    );
  });
  return true;
}

function isStartOf(now: readonly { name: string }[], then: readonly { name: string }[]): boolean {
  return now.length <= then.length && now.every((d, i) => d.name === then[i]!.name);
}
