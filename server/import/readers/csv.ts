/** CSV through csv-parse, streamed so that a million-row file never sits in memory whole. */

import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { RawRecord, Source } from './record.ts';

export async function readCsv(path: string): Promise<Source> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, columns: false, skip_empty_lines: true, relax_column_count: true, trim: true }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next();
  const headers = first.done ? [] : first.value.map((h) => h.trim());
  async function* records(): AsyncGenerator<RawRecord> {
    let row = 1;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      row++;
      const values: Record<string, unknown> = {};
      next.value.forEach((cell, i) => {
        const header = headers[i];
        if (header !== undefined && header !== '') values[header] = cell === '' ? null : cell;
      });
      yield { row, values };
    }
  }
  return { info: { format: 'csv', encoding: 'utf-8', headers }, records: records() };
}
