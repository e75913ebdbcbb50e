/**
 * The ledger once logged in: filters, then the case table (with bulk update), counts by region and
 * status, or the map coloured by case status; a case opens in a drawer beside them. Officials and
 * admins also get the audit log.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { roleAtLeast } from '../../../server/domain/roles.ts';
import { api, type Catalogue } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AuditLog } from './AuditLog.tsx';
import { BulkBar } from './BulkBar.tsx';
import { CaseCountsTable } from './CaseCountsTable.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseMap } from './CaseMap.tsx';
import type { PickedPlace, PickMode } from './CaseRelocation.tsx';
import { CaseTable } from './CaseTable.tsx';
import { type AuditQuery, type CaseQuery, ledgerApi, type Me, type SitePlace } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
import { LEDGER_TABS, type LedgerTab, ledgerSearch, parseLedgerView } from './ledger-url.ts';

const PAGE = 50;

export function LedgerPage({ me, onLogout }: { me: Me; onLogout: () => void }) {
  const text = useLedgerText();
  const { pick } = useI18n();
  const [catalogue] = useQuery(api.catalogue, []);
  const cat = catalogue.status === 'ready' ? catalogue.value : null;
  // The view starts from the address bar and is written back to it (replaceState: filtering is not
  // navigation), so a reload or a shared link shows the same cases.
  const [initial] = useState(() => parseLedgerView(window.location.search));
  // GET /api/audit is for officials and admins (server/http/auth/access-policy.ts).
  const canAudit = roleAtLeast(me.user.role, 'official');
  const tabs = LEDGER_TABS.filter((t) => t !== 'audit' || canAudit);
  const [tab, setTab] = useState<LedgerTab>(tabs.includes(initial.tab) ? initial.tab : 'table');
  const [query, setQuery] = useState<CaseQuery>(initial.query);
  const [offset, setOffset] = useState(initial.offset);
  const [sort, setSort] = useState<{ sort: string; order: 'asc' | 'desc' }>({ sort: initial.sort, order: initial.order });
  const [openId, setOpenId] = useState<number | null>(initial.open);
  const [audit, setAudit] = useState<AuditQuery>(initial.audit);
  const [auditOffset, setAuditOffset] = useState(initial.auditOffset);
  useEffect(() => {
    const search = ledgerSearch({ query, tab, offset, open: openId, ...sort, audit, auditOffset }, window.location.search);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [query, tab, offset, openId, sort, audit, auditOffset]);
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const canEdit = roleAtLeast(me.user.role, 'official');
  // The drawer's relocation section asks for a site on the map: the map tab shows, a click or a
  // drawn area answers, and the answer goes back to the case that asked.
  const [pickMode, setPickMode] = useState<PickMode | null>(null);
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const askPlace = useCallback((mode: PickMode) => {
    setPickMode(mode);
    setTab('map');
  }, []);
  const placePicked = (place: SitePlace) => {
    setPickMode(null);
    if (openId !== null) setPicked((p) => ({ caseId: openId, place, seq: (p?.seq ?? 0) + 1 }));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a choice asked for one case ends when another opens or the drawer closes.
  useEffect(() => setPickMode(null), [openId]);
  useEffect(() => {
    if (tab !== 'map') setPickMode(null);
  }, [tab]);

  const regionName = useMemo(() => regionNamer(cat, pick), [cat, pick]);
  const focus = useMemo(() => {
    const scope = me.user.region;
    const region = scope
      ? (cat?.regions.find((r) => r.code === scope) ?? cat?.regions.find((r) => r.code === `${scope.slice(0, 4)}00`))
      : undefined;
    return region ? region.centre : null;
  }, [cat, me.user.region]);

  const applyQuery = (q: CaseQuery) => {
    setQuery(q);
    setOffset(0);
    setSelected(new Map());
  };

  return (
    <main className="ledger">
      <div className="ledger-bar">
        <h2>{text.title}</h2>
        <nav className="ledger-tabs" aria-label={text.title}>
          {tabs.map((t) => (
            <button key={t} type="button" className={tab === t ? 'active' : ''} onClick={() => setTab(t)} data-testid={`tab-${t}`}>
              {text.tabs[t]}
            </button>
          ))}
        </nav>
        <div className="ledger-user">
          <span data-testid="signed-in-as">
            {text.signedInAs(me.user.username, text.roles[me.user.role], me.user.region ? regionName(me.user.region) : null)}
          </span>
          <a href={ledgerApi.exportUrl(query, 'xlsx')} download data-testid="export-xlsx">
            {text.exportXlsx}
          </a>
          <a href={ledgerApi.exportUrl(query, 'csv')} download data-testid="export-csv">
            {text.exportCsv}
          </a>
          <button type="button" onClick={onLogout} data-testid="logout">
            {text.logout}
          </button>
        </div>
      </div>
      {tab !== 'audit' && <CaseFilters catalogue={cat} scope={me.user.region} value={query} onApply={applyQuery} regionName={regionName} />}
      {!canEdit && <p className="muted ledger-banner">{text.readOnly}</p>}
      <div className="ledger-body">
        <section className="ledger-main">
          {tab === 'table' && (
            <>
              {canEdit && selected.size > 0 && (
                <BulkBar
                  selected={selected}
                  onDone={() => {
                    setSelected(new Map());
                    refresh();
                  }}
                />
              )}
              <CaseTable
                query={query}
                offset={offset}
                pageSize={PAGE}
                sort={sort}
                revision={revision}
                regionName={regionName}
                actionName={(id) => actionName(cat, id, pick)}
                selectable={canEdit}
                selected={selected}
                onSelect={setSelected}
                onOpen={setOpenId}
                onPage={setOffset}
                onSort={setSort}
                openId={openId}
              />
            </>
          )}
          {tab === 'counts' && <CaseCountsTable query={query} revision={revision} regionName={regionName} />}
          {tab === 'map' && (
            <CaseMap
              query={query}
              revision={revision}
              focus={focus}
              onOpen={setOpenId}
              pickMode={pickMode}
              onPicked={placePicked}
              onCancelPick={() => setPickMode(null)}
            />
          )}
          {tab === 'audit' && (
            <AuditLog
              admin={me.user.role === 'admin'}
              query={audit}
              offset={auditOffset}
              onQuery={(q) => {
                setAudit(q);
                setAuditOffset(0);
              }}
              onPage={setAuditOffset}
            />
          )}
        </section>
        {openId !== null && (
          <CaseDrawer
            caseId={openId}
            canEdit={canEdit}
            username={me.user.username}
            regionName={regionName}
            actionName={(id) => actionName(cat, id, pick)}
            onClose={() => setOpenId(null)}
            onChanged={refresh}
            picked={picked}
            onPick={askPlace}
          />
        )}
      </div>
    </main>
  );
}

export type RegionNamer = (code: string | null) => string;

function regionNamer(cat: Catalogue | null, pick: (zh: string, en: string | null | undefined) => string): RegionNamer {
  const byCode = new Map((cat?.regions ?? []).map((r) => [r.code, pick(r.zh, r.en)]));
  return (code) => {
    if (!code) return '—';
    return byCode.get(code) ?? byCode.get(`${code.slice(0, 4)}00`) ?? code;
  };
}

function actionName(cat: Catalogue | null, id: string, pick: (zh: string, en: string | null | undefined) => string): string {
  const a = cat?.actions.find((x) => x.id === id);
  return a ? pick(a.zh, a.en) : id;
}
