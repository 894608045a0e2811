// Endpoints of the meeting's records used between meetings: figures (form and CSV), goals.
import type { CustomKpiInput } from '../../../shared/financials/kpis.ts';
import type { KpiDefinition, KpiFigure, NetworkBenchmark } from '../../../shared/financials/types.ts';
import type { Goal } from '../../../shared/goals/types.ts';
import type { z } from 'zod';
import type { FiguresBody, goalBody, goalPatchBody, GoalsOverview, GroupFinancials } from '../../../shared/records.ts';
import { http, HttpError } from './http.ts';

const enc = encodeURIComponent;
/** Request shapes as sent (defaults filled in by the server). */
type GoalBody = z.input<typeof goalBody>;
type GoalPatchBody = z.input<typeof goalPatchBody>;

/** http.ts speaks JSON only; the import sends the file's text as text/csv. */
async function importCsv(groupId: string, quarter: string, csv: string): Promise<{ imported: number }> {
  let res: Response;
  try {
    res = await fetch(`/api/groups/${enc(groupId)}/figures/${enc(quarter)}/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'text/csv' },
      body: csv,
    });
  } catch {
    throw new HttpError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  const data = (await res.json().catch(() => null)) as { imported?: number; error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
  if (!res.ok) {
    const err = data?.error;
    throw new HttpError(res.status, err?.code ?? 'internal', err?.message ?? `Import failed (${res.status}).`, err?.details);
  }
  return { imported: data?.imported ?? 0 };
}

export const recordsApi = {
  kpis: (groupId: string) => http.get<KpiDefinition[]>(`/api/groups/${enc(groupId)}/kpis`),
  addKpi: (groupId: string, body: CustomKpiInput) => http.post<KpiDefinition>(`/api/groups/${enc(groupId)}/kpis`, body),
  financials: (groupId: string, quarter: string) => http.get<GroupFinancials>(`/api/groups/${enc(groupId)}/financials/${enc(quarter)}`),
  benchmarks: (networkId: string, quarter: string) => http.get<NetworkBenchmark[]>(`/api/networks/${enc(networkId)}/benchmarks?quarter=${enc(quarter)}`),
  saveFigures: (groupId: string, quarter: string, body: FiguresBody) => http.put<{ figures: KpiFigure[] }>(`/api/groups/${enc(groupId)}/figures/${enc(quarter)}`, body),
  importCsv,
  goals: (groupId: string, q: { quarter?: string; userId?: string }) => {
    const qs = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
    return http.get<Goal[]>(`/api/groups/${enc(groupId)}/goals${qs ? `?${qs}` : ''}`);
  },
  goalsOverview: (groupId: string) => http.get<GoalsOverview>(`/api/groups/${enc(groupId)}/goals/overview`),
  addGoal: (groupId: string, body: GoalBody) => http.post<Goal>(`/api/groups/${enc(groupId)}/goals`, body),
  patchGoal: (id: string, body: GoalPatchBody) => http.patch<Goal>(`/api/goals/${enc(id)}`, body),
  deleteGoal: (id: string) => http.del(`/api/goals/${enc(id)}`),
};
