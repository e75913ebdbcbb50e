/**
 * What the planner map's browser downloads, fetched through an app as the page fetches it: the
 * catalogue's prefecture order, the column index and the binary column sets, decoded. Tests that
 * hold the server (exports, the server-side map) to the browser's own filter code start here.
 */
import { decodeColumns, INDICATOR_SCHEMA, PROFILE_SCHEMA, ruleMaskSchema, ruleMaskWords } from '../../server/domain/column-payload.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import type { createApp } from '../../server/http/app.ts';
import type { ColumnIndex, MapData } from '../../web/src/data/map-data.ts';

export interface BrowserColumns {
  prefectureOrder: string[];
  index: ColumnIndex;
  data: MapData;
}

export async function browserColumns(app: ReturnType<typeof createApp>, year: number): Promise<BrowserColumns> {
  const bin = async (path: string) => (await app.request(path)).arrayBuffer();
  const prefectureOrder = ((await (await app.request('/api/catalogue')).json()) as { prefectureOrder: string[] }).prefectureOrder;
  const index = (await (await app.request('/api/enterprises/columns')).json()) as ColumnIndex;
  const words = ruleMaskWords(index.rules.length);
  const data: MapData = {
    points: decodePoints(await bin('/api/enterprises/points')),
    profile: decodeColumns(await bin('/api/enterprises/profile.bin'), PROFILE_SCHEMA),
    indicators: decodeColumns(await bin(`/api/enterprises/indicators.bin?year=${year}`), INDICATOR_SCHEMA),
    rules: { rules: index.rules, words, mask: decodeColumns(await bin('/api/enterprises/rules.bin'), ruleMaskSchema(words)).columns.mask },
  };
  return { prefectureOrder, index, data };
}
