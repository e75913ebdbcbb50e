/**
 * Flags' evidence as JSON texts, each distinct text kept once. A million-plant run has about
 * twelve flags per distinct text — every steel plant in one built-up area cites the same zone and
 * the same sector list — so texts are looked up by the identity of their parts rather than by
 * serialising every flag's evidence and hashing a few hundred characters each time. Conditions
 * share the evidence objects that repeat (a sector list, the zone a plant lies in); a part seen
 * for the first time is serialised once. The text is exactly JSON.stringify(evidence).
 */
import type { Evidence } from '../flag.ts';

export class EvidenceTexts {
  /** Each distinct text once, in the order first seen. */
  readonly texts: string[] = [];
  private readonly partOf = new WeakMap<Evidence, number>();
  private readonly partByJson = new Map<string, number>();
  private readonly partJson: string[] = [];
  private readonly textByParts = new Map<string, number>();

  /** The index in `texts` of this evidence's text, added if new. */
  indexOf(evidence: readonly Evidence[]): number {
    let key = '';
    for (let i = 0; i < evidence.length; i++) key += `${this.part(evidence[i] as Evidence)},`;
    let index = this.textByParts.get(key);
    if (index === undefined) {
      const parts: string[] = [];
      for (const e of evidence) parts.push(this.partJson[this.part(e)] as string);
      index = this.texts.push(`[${parts.join(',')}]`) - 1;
      this.textByParts.set(key, index);
    }
    return index;
  }

  private part(e: Evidence): number {
    let id = this.partOf.get(e);
    if (id === undefined) {
      const json = JSON.stringify(e);
      id = this.partByJson.get(json);
      if (id === undefined) {
        id = this.partJson.push(json) - 1;
        this.partByJson.set(json, id);
      }
      this.partOf.set(e, id);
    }
    return id;
  }
}
