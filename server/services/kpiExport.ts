// The group's KPI table as CSV, with exactly the figures the reader may see (coach-only
// figures only for their owner, the coach and organisers; observers only if the group allows).
import { DomainError } from '../../shared/errors.ts';
import { csvCell } from '../../shared/financials/csv.ts';
import { compareQuarters } from '../../shared/financials/quarters.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { can } from '../../shared/access/index.ts';
import type { Storage } from '../storage/types.ts';
import { visibleTo, withDerived } from './financialsView.ts';
import { listKpis } from './financials.ts';

export async function groupKpiCsv(storage: Storage, userId: string, groupId: string): Promise<string> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'financials.read');
  if (!can('financials.figures', access, group)) throw new DomainError('forbidden', "This group's figures are not shared with observers");
  const [kpis, members, stored] = await Promise.all([listKpis(storage, userId, groupId), storage.listMembers(groupId), storage.listFigures(groupId)]);
  const figures = visibleTo({ userId, seesCoachOnly: can('financials.coachOnly', access, group) }, withDerived(stored));
  const who = new Map(members.map((m) => [m.userId, m]));
  const label = new Map(kpis.map((k) => [k.key, k]));
  const rows = figures
    .filter((f) => label.has(f.kpiKey))
    .sort((a, b) => compareQuarters(a.quarter, b.quarter) || (who.get(a.userId)?.name ?? '').localeCompare(who.get(b.userId)?.name ?? '') || a.kpiKey.localeCompare(b.kpiKey));
  const lines = ['quarter,member,company,kpi,label,unit,value,coach_only'];
  for (const f of rows) {
    const m = who.get(f.userId);
    const k = label.get(f.kpiKey)!;
    lines.push([f.quarter, m?.name ?? 'Former member', m?.company ?? '', f.kpiKey, k.label, k.unit, f.value, f.coachOnly].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
