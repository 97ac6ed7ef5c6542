import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * Writes `.jsonl` records (interchange §2.2) with back-pressure, in large pieces: one
 * `write` per record would spend more time in stream bookkeeping than in JSON.stringify.
 */
export class JsonlWriter {
  private readonly out: WriteStream;
  private lines: string[] = [];
  private size = 0;
  count = 0;

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }

  async write(record: unknown): Promise<void> {
    const line = JSON.stringify(record);
    this.lines.push(line);
    this.size += line.length + 1;
    this.count++;
    if (this.size > 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }

  private async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const text = this.lines.join('\n') + '\n';
    this.lines = [];
    this.size = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
