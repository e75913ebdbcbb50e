/**
 * Each flag explained in the chosen language: the rule, the action and deadline, the policy it
 * cites, and every piece of evidence in words (server/domain/explain-flag.ts, shared with exports
 * and the ledger) — the zone and distance, or the value compared against its threshold.
 */
import { ACTION_NAMES, isPositiveAction } from '../../../server/domain/actions.ts';
import { explainEvidence } from '../../../server/domain/explain-flag.ts';
import type { Evidence, Flag } from '../../../server/domain/flag.ts';
import { useZoneNamesEn } from '../data/zone-names.ts';
import { useI18n } from '../i18n/i18n.tsx';
import './flag-list.css';

export function FlagList({ flags }: { flags: Flag[] }) {
  const { t, pick, lang } = useI18n();
  const zoneKinds = flags.flatMap((f) => f.evidence.flatMap((e) => (e.kind === 'zone' ? [e.zone_kind] : [])));
  const namesEn = useZoneNamesEn(lang === 'en' ? zoneKinds : []);
  const localise = (e: Evidence): Evidence =>
    e.kind === 'zone' && lang === 'en' ? { ...e, zone_name: namesEn.get(e.zone_id) ?? e.zone_id } : e;
  if (flags.length === 0) return <p className="muted">{t.noFlags}</p>;
  return (
    <ul className="flags" data-testid="flags">
      {flags.map((f) => (
        <li
          key={`${f.rule_id}-${f.evidence.length}`}
          className={isPositiveAction(f.action) ? 'flag positive' : 'flag'}
          data-testid="flag"
          data-action={f.action}
        >
          <strong>{pick(f.title_zh, f.title_en)}</strong>
          <span className="flag-action">
            {pick(ACTION_NAMES[f.action].zh, ACTION_NAMES[f.action].en)}
            {f.deadline ? ` · ${t.deadline} ${f.deadline}` : ''}
          </span>
          <span className="muted">{`${t.policy}: ${f.policy} · ${pick(f.citation_zh ?? f.citation, f.citation)}`}</span>
          <ul className="evidence" aria-label={t.evidence}>
            {f.evidence.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id and keep their order.
              <li key={i}>{explainEvidence(localise(e), lang)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
