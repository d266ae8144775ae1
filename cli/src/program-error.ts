/** A failure of the user's program that is reported by a message alone (exit status 1),
 *  such as a missing entry function. */
export class ProgramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgramError';
  }
}
