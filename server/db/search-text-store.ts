/**
 * Fills `enterprises.search_text` for rows that lack it: those of a database made before the
 * column existed. Imports and the demo write it themselves, so after the first start this finds
 * nothing to do and costs one count; pinyin-pro, whose dictionaries take a tenth of a second to
 * load, is loaded only when there is work.
 */
import { appendRows } from './bulk.ts';
import type { Database } from './database.ts';
import { readColumns } from './read-columns.ts';

const BATCH = 50_000;

export async function fillMissingSearchText(db: Database): Promise<number> {
  const missing = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM enterprises WHERE search_text IS NULL'))?.n ?? 0;
  if (missing === 0) return 0;
  const { enterpriseSearchText } = await import('../domain/search-text.ts');
  await db.transaction(async (tx) => {
    await tx.run('CREATE OR REPLACE TEMP TABLE search_text_fill (id VARCHAR, search_text VARCHAR)');
    const range = await tx.one<{ lo: number; hi: number }>(
      'SELECT min(key) AS lo, max(key) AS hi FROM enterprises WHERE search_text IS NULL',
    );
    // Pages by ranges of key, which rows are stored in order of: the row groups' min/max prune each
    // page to its own few, where ORDER BY … LIMIT would scan the whole table again for every page.
    for (let from = range?.lo ?? 0; from <= (range?.hi ?? -1); from += BATCH) {
      const [ids, names, codes, english] = await readColumns(
        tx,
        `SELECT id, name, credit_code, json_extract_string(attributes, '$.name_en') FROM enterprises
         WHERE search_text IS NULL AND key >= $from AND key < $to`,
        ['text', 'text', 'text', 'text'],
        { from, to: from + BATCH },
      );
      const rows = ids.map((id, i) => {
        const name_en = english[i];
        const text = enterpriseSearchText({
          id: id as string,
          name: names[i] as string,
          credit_code: codes[i] ?? null,
          attributes: name_en ? { name_en } : null,
        });
        return [id, text];
      });
      await appendRows(tx, 'search_text_fill', rows);
    }
    await tx.run('UPDATE enterprises SET search_text = f.search_text FROM search_text_fill f WHERE enterprises.id = f.id');
    await tx.run('DROP TABLE search_text_fill');
  });
  return missing;
}
