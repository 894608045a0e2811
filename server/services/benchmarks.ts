// Benchmarks beyond the group: the network cut by segment of the company profiles, and industry
// reference sets an organiser loads from a published study (CSV with source and year).
import type { ReferenceSet, ReferenceSetBody, SegmentBenchmarks } from '../../shared/benchmarks.ts';
import { parseReferenceCsv } from '../../shared/benchmarks.ts';
import { DomainError } from '../../shared/errors.ts';
import { parseCsvRecords } from '../../shared/financials/csv.ts';
import { effectiveCurrency } from '../../shared/financials/format.ts';
import { DEFAULT_KPIS } from '../../shared/financials/kpis.ts';
import type { SegmentDimension } from '../../shared/financials/segments.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeNetwork } from './networks.ts';
import { buildSegmentBenchmarks } from './segmentBenchmarks.ts';

export async function segmentBenchmarks(storage: Storage, userId: string, networkId: string, quarter: string, dimension: SegmentDimension): Promise<SegmentBenchmarks> {
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.benchmarks.read');
  const [figures, groups, profiles] = await Promise.all([storage.listFiguresInNetwork(networkId, quarter), storage.listGroupsInNetwork(networkId), storage.listCompaniesInNetwork(networkId)]);
  const inCurrency = new Set(groups.filter((g) => effectiveCurrency(g, network) === network.currency).map((g) => g.id));
  // Network-wide, so only the shared defaults (a group's own KPIs mean nothing elsewhere).
  return buildSegmentBenchmarks(quarter, dimension, DEFAULT_KPIS, figures, profiles, { currency: network.currency, inCurrency });
}

export async function referenceSets(storage: Storage, userId: string, networkId: string): Promise<ReferenceSet[]> {
  await authorizeNetwork(storage, userId, networkId, 'network.benchmarks.read');
  return storage.listReferenceSets(networkId);
}

export async function loadReferenceSet(storage: Storage, userId: string, networkId: string, body: ReferenceSetBody): Promise<ReferenceSet> {
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.references.manage');
  const { values, errors } = parseReferenceCsv(parseCsvRecords(body.csv), new Set(DEFAULT_KPIS.map((k) => k.key)));
  if (errors.length > 0) throw new DomainError('bad_request', errors.map((e) => `Line ${e.line}: ${e.message}`).join('; '), { errors });
  return storage.createReferenceSet({ id: newId(), networkId, source: body.source, year: body.year, currency: body.currency ?? network.currency, values, createdBy: userId });
}

/** An organiser removes a set loaded by mistake or superseded; it leaves every page at once. */
export async function deleteReferenceSet(storage: Storage, userId: string, networkId: string, setId: string): Promise<void> {
  await authorizeNetwork(storage, userId, networkId, 'network.references.manage');
  if (!(await storage.deleteReferenceSet(networkId, setId))) throw new DomainError('not_found', 'No such reference set in this network');
}
