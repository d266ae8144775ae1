/** A program beyond one of jitc's fixed capacities (the function table's slots): the
 *  program's error, reported with its file, never an internal one. */
export class LimitError extends Error {
  override name = 'LimitError';
}
