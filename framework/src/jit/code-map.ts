/** Which function a guest code address belongs to, for `Trap.where`. */
export class CodeMap {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly names: string[] = [];

  add(start: number, end: number, name: string): void {
    this.starts.push(start);
    this.ends.push(end);
    this.names.push(name);
  }

  functionAt(address: number): string | undefined {
    const a = address >>> 0;
    for (let i = 0; i < this.starts.length; i++) if (a >= this.starts[i]! && a < this.ends[i]!) return this.names[i];
    return undefined;
  }
}
