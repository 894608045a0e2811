/*
 * The meeting's commitments list, co-edited as structured Yjs data in the doc
 * `meeting:<id>:commitments`: a Y.Array named 'commitments' of Y.Maps with the fields below.
 * Fields are edited one by one (never by replacing a whole map), so two people changing
 * different fields of one commitment at once both keep their change.
 */
import * as Y from 'yjs';

export const COMMITMENTS_FIELD = 'commitments';
export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export interface Commitment {
  id: string;
  /** userId of the member who commits. */
  who: string;
  what: string;
  /** ISO date (YYYY-MM-DD) or '' for none. */
  due: string;
  status: CommitmentStatus;
  /** "Stays in the room": left out of exports for readers outside it. */
  confidential: boolean;
  createdBy: string;
  createdAt: string;
}

/** The fields a commitment's editors may change; id and provenance are fixed at creation. */
export type CommitmentPatch = Partial<Omit<Commitment, 'id' | 'createdBy' | 'createdAt'>>;

/** Longest commitment text: a sentence or two, readable back on the projector. */
export const COMMITMENT_WHAT_MAX = 500;

const list = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(COMMITMENTS_FIELD);

function read(m: Y.Map<unknown>): Commitment | null {
  const id = m.get('id');
  if (typeof id !== 'string') return null;
  const str = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  const status = m.get('status');
  return {
    id,
    who: str('who'),
    what: str('what'),
    due: /^\d{4}-\d{2}-\d{2}$/.test(str('due')) ? str('due') : '',
    status: COMMITMENT_STATUSES.includes(status as CommitmentStatus) ? (status as CommitmentStatus) : 'open',
    confidential: m.get('confidential') === true,
    createdBy: str('createdBy'),
    createdAt: str('createdAt'),
  };
}

/** Every well-formed commitment, in list order; malformed entries (from a bad client) are skipped. */
export function readCommitments(doc: Y.Doc): Commitment[] {
  return list(doc)
    .toArray()
    .map((m) => (m instanceof Y.Map ? read(m) : null))
    .filter((c): c is Commitment => c !== null);
}

export function addCommitment(doc: Y.Doc, c: Commitment): void {
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries({ ...c, what: c.what.slice(0, COMMITMENT_WHAT_MAX) })) m.set(k, v);
    list(doc).push([m]);
  });
}

export function updateCommitment(doc: Y.Doc, id: string, patch: CommitmentPatch): boolean {
  const m = list(doc)
    .toArray()
    .find((x) => x instanceof Y.Map && x.get('id') === id);
  if (!m) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      m.set(k, k === 'what' ? String(v).slice(0, COMMITMENT_WHAT_MAX) : v);
    }
  });
  return true;
}

export function removeCommitment(doc: Y.Doc, id: string): boolean {
  const i = list(doc)
    .toArray()
    .findIndex((x) => x instanceof Y.Map && x.get('id') === id);
  if (i < 0) return false;
  list(doc).delete(i, 1);
  return true;
}
