// Built financial reviews, kept per group, quarter and audience: building one (visibility,
// derived KPIs, stats, ranks, history) and serializing it cost several times a bare server's
// answer. An entry is reused only while its inputs are unchanged: the KPIs, the member
// companies (their names are in the review) and the storage's stamp of the figures, so a
// figure written on any node, a KPI added or a member joining or leaving rebuilds it.
import { createHash } from 'node:crypto';
import type { GroupFinancials } from '../../shared/records.ts';
import type { Storage } from '../storage/types.ts';

/** Entries per server: a network's groups x two quarters x a dozen audiences; oldest go first
 *  (an entry holds a review, ~66 KiB of JSON bytes for 12 companies x 8 quarters, and its object). */
export const FINANCIALS_CACHE_MAX = 200;

export interface BuiltReview {
  readonly value: GroupFinancials;
  /** The serialized review as UTF-8 bytes, made on first use and kept with it: a hit sends them as they are. */
  body(): Buffer;
  /**
   * A strong ETag, a hash of body(): equal reviews share it on every node, any change of the
   * bytes gives a new one, and it is hashed once per entry instead of on every answer.
   */
  etag(): string;
}

function builtReview(value: GroupFinancials): BuiltReview {
  let body: Buffer | null = null;
  let etag: string | null = null;
  const bytes = () => (body ??= Buffer.from(JSON.stringify(value)));
  return { value, body: bytes, etag: () => (etag ??= `"${createHash('sha256').update(bytes()).digest('base64url').slice(0, 32)}"`) };
}

class FinancialsCache {
  private readonly entries = new Map<string, { fingerprint: string; built: BuiltReview }>();

  async getOrBuild(key: string, fingerprint: string, build: () => Promise<GroupFinancials>): Promise<BuiltReview> {
    const hit = this.entries.get(key);
    if (hit && hit.fingerprint === fingerprint) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.built;
    }
    const built = builtReview(await build());
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, built });
    while (this.entries.size > FINANCIALS_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    return built;
  }
}

/** One cache per storage (servers in one process, tests included, never share entries). */
const caches = new WeakMap<Storage, FinancialsCache>();
export function financialsCache(storage: Storage): FinancialsCache {
  let cache = caches.get(storage);
  if (!cache) caches.set(storage, (cache = new FinancialsCache()));
  return cache;
}
