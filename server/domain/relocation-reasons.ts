/**
 * Refusals of the relocation-site suggestions (server/relocation) in Chinese and English. Part of
 * the one reasons catalogue (reasons.ts).
 */
import type { Wording } from './reasons.ts';

export const RELOCATION_WORDING = {
  relocation_not_moving: {
    zh: (p) => `企业“${p.id}”截至 ${p.as_of} 没有须搬迁或退出的问题，无需选择迁入地`,
    en: (p) => `enterprise "${p.id}" has no relocate or withdraw flag as of ${p.as_of}; there is nothing to find a site for`,
  },
  relocation_outside_region: {
    zh: (p) => `企业“${p.id}”位于地区 ${p.region}，不在您负责的地区 ${p.scope} 内`,
    en: (p) => `enterprise "${p.id}" is in region ${p.region}, outside your region ${p.scope}`,
  },
  relocation_park_unknown: {
    zh: (p) => `工业园区“${p.park}”不存在`,
    en: (p) => `park_id: no industrial park "${p.park}"`,
  },
  relocation_area_empty: {
    zh: () => '所画区域太小，无法在其中取点',
    en: (p) => `area: no candidate point falls inside the polygon (bounding box ${p.bbox})`,
  },
} satisfies Record<string, Wording>;
