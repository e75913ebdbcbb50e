/** The order zone ids take within an enterprise's rows of the zone-hits export; screening stores its hits in the same order. */

/**
 * Each zone's place when zone ids are ordered by `localeCompare`, the order rows have always had
 * within an enterprise; ids that compare equal share a place, so the sort keeps their hit order.
 */
export function zoneRanks(zoneIds: readonly string[]): Uint32Array {
  const byId = Array.from(zoneIds.keys()).sort((a, b) => (zoneIds[a] as string).localeCompare(zoneIds[b] as string));
  const ranks = new Uint32Array(zoneIds.length);
  let rank = 0;
  byId.forEach((z, i) => {
    if (i > 0 && (zoneIds[byId[i - 1] as number] as string).localeCompare(zoneIds[z] as string) !== 0) rank = i;
    ranks[z] = rank;
  });
  return ranks;
}
