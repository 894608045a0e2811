// /groups/:id/financials: between meetings, members enter last quarter's numbers (form or
// CSV) so the financial review starts from figures, not from typing them in the room.
import { useEffect, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { canNetwork } from '../../../shared/access/index.ts';
import { addQuarters, isQuarter } from '../../../shared/financials/quarters.ts';
import type { GroupFinancials } from '../../../shared/records.ts';
import { errorMessage } from '../api/http.ts';
import { recordsApi } from '../api/records.ts';
import { Alert } from '../components/Alert.tsx';
import { CsvImport } from '../components/financials/CsvImport.tsx';
import { CustomKpiForm } from '../components/financials/CustomKpiForm.tsx';
import { FigureForm } from '../components/financials/FigureForm.tsx';
import { KpiStatsTable } from '../components/financials/KpiStatsTable.tsx';
import { NetworkBenchmarks } from '../components/financials/NetworkBenchmarks.tsx';
import { ReferenceComparison } from '../components/financials/ReferenceComparison.tsx';
import { SegmentBenchmarks } from '../components/financials/SegmentBenchmarks.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { allows, networkSubjectFromMe } from '../lib/rights.ts';
import { currentQuarter } from '../lib/time.ts';
import { useStore } from '../store/index.ts';

/** This quarter on the viewer's calendar and the 7 before; the one that just ended is what the next meeting reviews. */
function quarterChoices(): string[] {
  const now = currentQuarter();
  return [now, ...Array.from({ length: 7 }, (_, i) => addQuarters(now, -(i + 1)))];
}

export function FinancialsPage() {
  const { id = '' } = useParams();
  const detail = useStore((s) => (s.groupDetail?.group.id === id ? s.groupDetail : null));
  const loadGroup = useStore((s) => s.loadGroup);
  const me = useStore((s) => s.me);
  const userId = me?.user.id ?? '';
  const [params] = useSearchParams();
  // ?quarter= (from the meeting's financial review) opens that quarter, offered even if older.
  const asked = params.get('quarter');
  const recent = quarterChoices();
  const choices = asked && isQuarter(asked) && !recent.includes(asked) ? [...recent, asked] : recent;
  const [quarter, setQuarter] = useState(asked && choices.includes(asked) ? asked : (choices[1] ?? choices[0] ?? ''));
  const [data, setData] = useState<GroupFinancials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useTitle(detail ? `${detail.group.name}: financials` : 'Financials');

  useEffect(() => {
    void loadGroup(id);
  }, [id, loadGroup]);
  useEffect(() => {
    let live = true;
    recordsApi.financials(id, quarter).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id, quarter, tick]);

  const reload = () => setTick((t) => t + 1);
  const isMember = allows(detail, 'financials.write');
  const canManageKpis = allows(detail, 'kpis.manage');
  const mine = data?.members.find((m) => m.userId === userId);

  return (
    <div className="stack" data-testid="financials-page">
      <h1>{detail?.group.name ?? 'Group'}: financials</h1>
      <p>
        <Link to={`/groups/${id}`}>Back to the group</Link> · <a href={`/api/groups/${encodeURIComponent(id)}/kpis.csv`}>Download the figures you may see (CSV)</a>
      </p>
      <label className="quarter-pick">
        Quarter{' '}
        <select value={quarter} onChange={(e) => setQuarter(e.target.value)}>
          {choices.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <Alert message={error} />
      {detail && !isMember && <p className="muted">Only member companies enter figures; coaches, organisers and observers read them here and in the meeting.</p>}
      {isMember && data && (
        <section className="card section" aria-labelledby="fig-h">
          <h2 id="fig-h">My figures for {quarter}</h2>
          <FigureForm groupId={id} quarter={quarter} kpis={data.kpis} mine={mine} currency={data.currency} onSaved={reload} />
        </section>
      )}
      {isMember && (
        <section className="card section" aria-labelledby="csv-h">
          <h2 id="csv-h">Import from a spreadsheet</h2>
          <CsvImport groupId={id} quarter={quarter} onImported={reload} />
        </section>
      )}
      {data && (
        <section className="card section" aria-labelledby="grp-h">
          <h2 id="grp-h">The group in {quarter}</h2>
          {!data.canSeeFigures ? (
            <p className="muted">This group keeps its figures from observers.</p>
          ) : (
            <KpiStatsTable
              showMine
              medianLabel="Group median"
              currency={data.currency}
              rows={data.kpis.map((k) => {
                const s = data.stats[k.key];
                return { kpi: k, mine: mine?.views[k.key]?.value, stats: { median: s?.median ?? null, q1: s?.q1 ?? null, q3: s?.q3 ?? null }, companies: s?.n ?? 0 };
              })}
            />
          )}
        </section>
      )}
      {canManageKpis && data && <CustomKpiForm groupId={id} own={data.kpis.filter((k) => k.groupId)} onAdded={reload} />}
      {detail && allows(detail, 'benchmarks.read') && data?.canSeeFigures && (
        <ReferenceComparison networkId={detail.group.networkId} quarter={quarter} group={data.stats} groupCurrency={data.currency} networkCurrency={detail.networkCurrency} canLoad={canNetwork('network.references.manage', networkSubjectFromMe(me, detail.group.networkId))} />
      )}
      {detail && allows(detail, 'benchmarks.read') && data?.canSeeFigures && <SegmentBenchmarks networkId={detail.group.networkId} quarter={quarter} currency={detail.networkCurrency} />}
      {detail && allows(detail, 'benchmarks.read') && data?.canSeeFigures && <NetworkBenchmarks networkId={detail.group.networkId} quarter={quarter} mine={isMember ? mine?.views : undefined} networkCurrency={detail.networkCurrency} groupCurrency={data.currency} />}
    </div>
  );
}

/** The earlier address of this page (/groups/:id/figures) keeps working. */
export function FiguresRedirect() {
  const { id = '' } = useParams();
  return <Navigate to={`/groups/${id}/financials`} replace />;
}
