/** Each flag explained in the chosen language: the rule, the policy it cites, the action and deadline, and the evidence. */
import { ACTION_NAMES } from '../../../server/domain/actions.ts';
import type { Evidence, Flag } from '../../../server/domain/flag.ts';
import { useI18n } from '../i18n/i18n.tsx';

function EvidenceLine({ e }: { e: Evidence }) {
  const { t, lang } = useI18n();
  if (e.kind === 'zone') {
    const kind = `${t.zoneKinds[e.zone_kind as keyof typeof t.zoneKinds] ?? e.zone_kind}${e.zone_type ? `（${t.zoneTypes[e.zone_type as keyof typeof t.zoneTypes] ?? e.zone_type}）` : ''}`;
    return <li>{e.distance_m === 0 ? t.insideZone(e.zone_name, kind) : t.nearZone(e.zone_name, kind, t.distance(e.distance_m))}</li>;
  }
  const show = (v: unknown) =>
    Array.isArray(v)
      ? v.join(' – ')
      : typeof v === 'boolean'
        ? v
          ? t.yes
          : t.no
        : typeof v === 'number'
          ? v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')
          : String(v ?? '—');
  return (
    <li>
      {`${t.subjects[e.subject] ?? e.subject}${e.year ? ` (${e.year})` : ''}: ${show(e.value)} ${t.operators[e.operator] ?? e.operator} ${show(e.threshold)}${e.unit ? ` ${e.unit}` : ''}`}
    </li>
  );
}

export function FlagList({ flags }: { flags: Flag[] }) {
  const { t, pick } = useI18n();
  if (flags.length === 0) return <p className="muted">{t.noFlags}</p>;
  return (
    <ul className="flags" data-testid="flags">
      {flags.map((f) => (
        <li key={`${f.rule_id}-${f.evidence.length}`} className="flag">
          <strong>{pick(f.title_zh, f.title_en)}</strong>
          <span className="flag-action">
            {pick(ACTION_NAMES[f.action].zh, ACTION_NAMES[f.action].en)}
            {f.deadline ? ` · ${t.deadline} ${f.deadline}` : ''}
          </span>
          <span className="muted">{`${t.policy}: ${f.policy} · ${f.citation}`}</span>
          <ul className="evidence" aria-label={t.evidence}>
            {f.evidence.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id and keep their order.
              <EvidenceLine key={i} e={e} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
