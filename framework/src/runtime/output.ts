import type { OutputSink } from './host.ts';

/** Collects guest output; flushes to `write` in chunks so huge outputs stream. */
export class BufferedOutput implements OutputSink {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink?: (text: string) => void, private readonly chunk = 1 << 16) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.sink && this.size >= this.chunk) this.flush();
  }

  flush(): void {
    if (!this.sink || this.parts.length === 0) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  /** Everything written so far and not flushed. */
  text(): string {
    return this.parts.join('');
  }
}
