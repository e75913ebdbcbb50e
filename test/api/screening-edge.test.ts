import { describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { runScreening } from '../../server/screening/run-screening.ts';
import { screenChanged } from '../../server/screening/screen-changed.ts';
import { memoryDb } from '../helpers/memory-db.ts';

describe('screening edge cases', () => {
  it('zero enterprises: a run with nothing to flag', async () => {
    const db = await memoryDb({ zones: true });
    const s = await runScreening(db, { asOf: '2025-01-01' });
    expect(s).toMatchObject({ enterprises: 0, flags: 0, zoneHits: 0, notes: 0 });
    db.close();
  });

  it('zero zones: zone rules simply do not fire', async () => {
    const db = await Database.open(':memory:');
    await db.run(
      "INSERT INTO enterprises (id, key, name, sector, lon, lat, updated_at) VALUES ('A', 1, 'a', 'C3110', 110, 40, now()::TIMESTAMP)",
    );
    const s = await runScreening(db, { asOf: '2025-01-01' });
    expect(s.enterprises).toBe(1);
    expect(s.zoneHits).toBe(0);
    db.close();
  });

  it('screenChanged does nothing when nothing changed', async () => {
    const db = await memoryDb({ zones: true });
    await runScreening(db, { asOf: '2025-01-01' });
    expect(await screenChanged(db, '2025-01-01')).toBeNull();
    // A new day moves deadlines and seasons: everything is judged again.
    expect((await screenChanged(db, '2025-01-02'))?.scope).toBe('all');
    db.close();
  });
});
