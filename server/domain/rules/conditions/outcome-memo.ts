/**
 * Outcomes remembered per condition and per the one fact they depend on (a sector, a status or
 * year, an as-of date). Conditions are rule data and never change once parsed, so plants that
 * share the fact share the outcome — and its evidence objects, whose text screening then builds
 * once (screening/evidence-texts.ts).
 */
import type { Outcome } from './outcome.ts';

export class OutcomeMemo<Condition extends object, Fact> {
  private readonly byCondition = new WeakMap<Condition, Map<Fact, Outcome>>();

  get(condition: Condition, fact: Fact, decide: () => Outcome): Outcome {
    let byFact = this.byCondition.get(condition);
    if (!byFact) {
      byFact = new Map();
      this.byCondition.set(condition, byFact);
    }
    let outcome = byFact.get(fact);
    if (!outcome) {
      outcome = decide();
      byFact.set(fact, outcome);
    }
    return outcome;
  }
}
