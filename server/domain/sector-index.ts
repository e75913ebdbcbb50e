/**
 * The sector byte of the profile column set: 1 + the index in SECTORS of the most detailed
 * catalogue code an enterprise's code falls under (C3219 → C321), 0 when none does. Filtering by a
 * catalogue node then means "the byte is that node or one of its descendants", which is exact for
 * every node of the tree the filter panel offers.
 */
import { lookupSector, SECTORS } from './sectors.ts';

const INDEX = new Map(SECTORS.map((s, i) => [s.code, i + 1]));

export function sectorByte(code: string): number {
  const found = lookupSector(code);
  if (found) return INDEX.get(found.code) ?? 0;
  return INDEX.get(code.charAt(0)) ?? 0;
}

/** Bytes of a catalogue code and everything below it. */
export function sectorBytesUnder(prefix: string): number[] {
  const out: number[] = [];
  SECTORS.forEach((s, i) => {
    if (s.code.startsWith(prefix)) out.push(i + 1);
  });
  return out;
}
