// Financial review: a group's KPIs, members entering their own figures (form or CSV), the
// group view under its visibility rules (financialsView.ts) and network benchmarks.
import { DomainError } from '../../shared/errors.ts';
import { parseCsvRecords, parseFiguresCsv, type CsvError } from '../../shared/financials/csv.ts';
import { kpiValueSchema } from '../../shared/financials/kpiBodies.ts';
import { customKpiDefinition, DEFAULT_KPIS, type CustomKpiInput } from '../../shared/financials/kpis.ts';
import type { KpiDefinition, KpiFigure, NetworkBenchmark } from '../../shared/financials/types.ts';
import { LIMITS } from '../../shared/limits.ts';
import { DEFAULT_CURRENCY, effectiveCurrency } from '../../shared/financials/format.ts';
import type { FiguresBody, GroupFinancials } from '../../shared/records.ts';
import { authorizeGroup, resolveAccess } from '../auth/policy.ts';
import { can, hasCompany } from '../../shared/access/index.ts';
import type { FigureInput, Storage } from '../storage/types.ts';
import { financialsCache, type BuiltReview } from './financialsCache.ts';
import { buildFinancials, buildNetworkBenchmarks, historyStart } from './financialsView.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

/** The network defaults followed by the group's own KPIs. */
export async function kpisOf(storage: Storage, groupId: string): Promise<KpiDefinition[]> {
  return [...DEFAULT_KPIS, ...(await storage.listCustomKpis(groupId))];
}

export async function listKpis(storage: Storage, userId: string, groupId: string): Promise<KpiDefinition[]> {
  await authorizeGroup(storage, userId, groupId, 'financials.read');
  return kpisOf(storage, groupId);
}

export async function createKpi({ storage, records }: RecordsDeps, userId: string, groupId: string, input: CustomKpiInput): Promise<KpiDefinition> {
  await authorizeGroup(storage, userId, groupId, 'kpis.manage');
  const custom = await storage.listCustomKpis(groupId);
  if (custom.length >= LIMITS.customKpisMax) {
    throw new DomainError('conflict', `This group already has ${LIMITS.customKpisMax} KPIs of its own, the most it may add`);
  }
  const all = [...DEFAULT_KPIS, ...custom];
  // Two KPIs with one name would be told apart only by their hidden keys.
  if (all.some((k) => k.label.toLowerCase() === input.label.toLowerCase())) {
    throw new DomainError('conflict', `There is already a KPI called "${input.label}"`);
  }
  const def = customKpiDefinition(input, groupId, all.map((k) => k.key));
  const created = await storage.createCustomKpi({ ...def, groupId });
  records.changed(groupId, 'figures');
  return created;
}

/** Rows to write; a figure keeps its coach-only flag unless the caller sets it (never unhidden by omission). */
function toWrites(groupId: string, userId: string, quarter: string, rows: { kpiKey: string; value: number; coachOnly?: boolean }[], existing: KpiFigure[]): FigureInput[] {
  const flag = new Map(existing.map((f) => [f.kpiKey, f.coachOnly]));
  return rows.map((r) => ({ groupId, userId, quarter, kpiKey: r.kpiKey, value: r.value, coachOnly: r.coachOnly ?? flag.get(r.kpiKey) ?? false }));
}

/** The caller's own figures for one quarter; value null removes a figure. */
export async function putFigures(
  { storage, records }: RecordsDeps,
  userId: string,
  groupId: string,
  quarter: string,
  items: FiguresBody['figures'],
): Promise<{ figures: KpiFigure[] }> {
  await authorizeGroup(storage, userId, groupId, 'financials.write');
  const byKey = new Map((await kpisOf(storage, groupId)).map((k) => [k.key, k]));
  const seen = new Set<string>();
  const upserts: { kpiKey: string; value: number; coachOnly?: boolean }[] = [];
  const removals: string[] = [];
  items.forEach((f, i) => {
    const fail = (field: string, message: string) => new DomainError('bad_request', `figures.${i}.${field}: ${message}`);
    const def = byKey.get(f.kpiKey);
    if (!def) throw fail('kpiKey', `unknown KPI "${f.kpiKey}"`);
    if (def.derived) throw fail('kpiKey', `${def.label} is computed from other KPIs and can't be entered`);
    if (seen.has(f.kpiKey)) throw fail('kpiKey', `${f.kpiKey} appears twice`);
    seen.add(f.kpiKey);
    if (f.value === null) return void removals.push(f.kpiKey);
    const checked = kpiValueSchema(def).safeParse(f.value);
    if (!checked.success) throw fail('value', checked.error.issues[0]?.message ?? 'invalid');
    upserts.push({ kpiKey: f.kpiKey, value: f.value, coachOnly: f.coachOnly });
  });
  const mine = { fromQuarter: quarter, toQuarter: quarter, userId };
  await storage.transaction(async (tx) => {
    await tx.upsertFigures(toWrites(groupId, userId, quarter, upserts, await tx.listFigures(groupId, mine)));
    for (const kpiKey of removals) await tx.deleteFigure(groupId, userId, quarter, kpiKey);
  });
  records.changed(groupId, 'figures');
  return { figures: await storage.listFigures(groupId, mine) };
}

/** Removes one of the caller's own figures; not_found when there is none. */
export async function deleteFigure({ storage, records }: RecordsDeps, userId: string, groupId: string, quarter: string, kpiKey: string): Promise<void> {
  await authorizeGroup(storage, userId, groupId, 'financials.write');
  if (!(await storage.deleteFigure(groupId, userId, quarter, kpiKey))) throw new DomainError('not_found', 'No such figure');
  records.changed(groupId, 'figures');
}

function csvRefused(errors: CsvError[]): DomainError {
  const first = errors[0];
  const where = first && first.line > 0 ? `line ${first.line}: ` : '';
  return new DomainError('bad_request', `Nothing was imported (${errors.length} problem${errors.length === 1 ? '' : 's'}; ${where}${first?.message ?? ''})`, { errors });
}

/** All or nothing: one bad row and nothing is written, with every bad row named by its line. */
export async function importFigures(
  { storage, records }: RecordsDeps,
  userId: string,
  groupId: string,
  quarter: string,
  csv: string,
): Promise<{ imported: number }> {
  await authorizeGroup(storage, userId, groupId, 'financials.write');
  const parsed = parseFiguresCsv(csv, await kpisOf(storage, groupId), quarter);
  if (!parsed.ok) throw csvRefused(parsed.errors);
  const [header] = parseCsvRecords(csv);
  const setsFlag = header?.cells.some((c) => c.trim().toLowerCase() === 'coach_only') ?? false;
  const rows = parsed.rows.map((r) => ({ kpiKey: r.kpiKey, value: r.value, coachOnly: setsFlag ? r.coachOnly : undefined }));
  const mine = { fromQuarter: quarter, toQuarter: quarter, userId };
  await storage.transaction(async (tx) => tx.upsertFigures(toWrites(groupId, userId, quarter, rows, await tx.listFigures(groupId, mine))));
  if (rows.length > 0) records.changed(groupId, 'figures');
  return { imported: rows.length };
}

/**
 * The group's figures as this user may see them; `forRoom`: as everyone in the room may (the
 * projector), so no coach-only figure, not even the caller's own or one the coach may see.
 * Authorization runs on every call; the built review is reused (financialsCache.ts).
 */
export async function builtGroupFinancials(storage: Storage, userId: string, groupId: string, quarter: string, forRoom = false): Promise<BuiltReview> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'financials.read');
  const from = historyStart(quarter);
  const [custom, members, stamp, network] = await Promise.all([
    storage.listCustomKpis(groupId),
    storage.listMembers(groupId),
    storage.figuresStamp(groupId, { fromQuarter: from, toQuarter: quarter }),
    storage.getNetwork(group.networkId),
  ]);
  const currency = effectiveCurrency(group, network);
  const companies = members.filter((m) => hasCompany(m.role));
  const seesFigures = can('financials.figures', access, group);
  const seesCoachOnly = !forRoom && can('financials.coachOnly', access, group);
  // Who the review is built for: what differs between readers is only which coach-only figures show.
  const audience = !seesFigures ? 'none' : forRoom ? 'room' : seesCoachOnly ? 'coach' : `member:${userId}`;
  const showsBenchmarks = group.reviewShowsBenchmarks;
  const kpis = [...DEFAULT_KPIS, ...custom];
  // DEFAULT_KPIS are this process's constants: only the group's own KPIs can change under an entry.
  const fingerprint = JSON.stringify([stamp, custom, companies.map((m) => [m.userId, m.name, m.company]), currency, showsBenchmarks]);
  return financialsCache(storage).getOrBuild(`${groupId}|${quarter}|${audience}`, fingerprint, async () => {
    if (!seesFigures) {
      const blank = companies.map((m) => ({ userId: m.userId, name: m.name, company: m.company, views: {}, coachOnlyKeys: [] }));
      return { quarter, kpis, members: blank, stats: {}, history: {}, medians: {}, canSeeFigures: false, currency, showsBenchmarks };
    }
    const stored = await storage.listFigures(groupId, { fromQuarter: from, toQuarter: quarter });
    return { ...buildFinancials(quarter, kpis, companies, stored, forRoom ? { userId: '', seesCoachOnly: false } : { userId, seesCoachOnly }), currency, showsBenchmarks };
  });
}

export async function groupFinancials(storage: Storage, userId: string, groupId: string, quarter: string, forRoom = false): Promise<GroupFinancials> {
  return (await builtGroupFinancials(storage, userId, groupId, quarter, forRoom)).value;
}

/** Organisers, and coaches and members of any of the network's groups; others learn nothing. */
async function authorizeNetworkBenchmarks(storage: Storage, userId: string, networkId: string): Promise<void> {
  if (await storage.isOrganiser(networkId, userId)) return;
  for (const { group } of await storage.listGroupsOfUser(userId)) {
    if (group.networkId === networkId && can('benchmarks.read', await resolveAccess(storage, userId, group), group)) return;
  }
  throw new DomainError('not_found', 'No such network');
}

export async function networkBenchmarks(storage: Storage, userId: string, networkId: string, quarter: string): Promise<NetworkBenchmark[]> {
  await authorizeNetworkBenchmarks(storage, userId, networkId);
  // Network-wide, so only the shared defaults: a group's own KPIs mean nothing elsewhere.
  const [figures, network, groups] = await Promise.all([storage.listFiguresInNetwork(networkId, quarter), storage.getNetwork(networkId), storage.listGroupsInNetwork(networkId)]);
  const currency = network?.currency ?? DEFAULT_CURRENCY;
  const inCurrency = new Set(groups.filter((g) => effectiveCurrency(g, network) === currency).map((g) => g.id));
  return buildNetworkBenchmarks(quarter, DEFAULT_KPIS, figures, { currency, inCurrency });
}
