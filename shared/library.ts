// The network library: resources a group agrees to publish to its whole network, and the
// network's best-practice competitions. Types, request schemas and the pure rules (entry
// states, competition phases, the anonymous tally); docs/API.md documents the same contract.
import { z } from 'zod';
import { seesBallot } from './access/index.ts';
import type { ErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';

/**
 * pending: proposed, waiting for the group's coach; published: in the network library;
 * rejected: the coach said no (with a reason); withdrawn: its author took it back.
 * Only `published` ever leaves the group.
 */
export type LibraryStatus = 'pending' | 'published' | 'rejected' | 'withdrawn';
export type LibraryAction = 'approve' | 'reject' | 'withdraw';

/** From which status each action may move an entry, and where to. */
const TRANSITIONS: Record<LibraryAction, { from: readonly LibraryStatus[]; to: LibraryStatus }> = {
  approve: { from: ['pending'], to: 'published' },
  reject: { from: ['pending'], to: 'rejected' },
  // The author takes it back before or after publication.
  withdraw: { from: ['pending', 'published'], to: 'withdrawn' },
};

/** The status after the action, or why it cannot be taken from this status. Pure. */
export function nextStatus(status: LibraryStatus, action: LibraryAction): { status: LibraryStatus; from: readonly LibraryStatus[] } | { error: { code: ErrorCode; message: string } } {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return { error: { code: 'conflict', message: `This entry is ${status}: it cannot be ${action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'withdrawn'}` } };
  return { status: t.to, from: t.from };
}

/** A proposal as stored, and as the group it came from sees it. */
export interface LibraryEntry {
  id: string;
  networkId: string;
  groupId: string;
  resourceId: string;
  title: string;
  summary: string;
  tags: string[];
  /** Who proposed it; null if that account was deleted. */
  authorId: string | null;
  /** The author agreed to be named (with their group) in the network. */
  showAuthor: boolean;
  status: LibraryStatus;
  /** The coach's reason for a rejection. */
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/groups/:id/library: the group's own proposals in every status, with names. */
export interface GroupLibraryEntry extends LibraryEntry {
  authorName: string;
  decidedByName: string | null;
}

/** One published entry as the whole network sees it: never its group unless the author agreed. */
export interface PublishedEntry {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  /** "Ann Author (Alpha Group)" if the author agreed; otherwise "a member of <network>". */
  author: string;
  publishedAt: string;
  kind: 'link' | 'file';
  /** The link (kind 'link'), else null; a file downloads from GET /api/library/:id/file. */
  url: string | null;
  fileName: string | null;
}

/** How the network names an entry's author. Pure. */
export function authorLine(e: Pick<LibraryEntry, 'showAuthor'>, authorName: string | null, groupName: string | null, networkName: string): string {
  return e.showAuthor && authorName && groupName ? `${authorName} (${groupName})` : `a member of ${networkName}`;
}

const tag = z.string().trim().min(1).max(LIMITS.tagMax, `Tags are at most ${LIMITS.tagMax} characters`);

/** POST /api/groups/:id/library: propose one of the group's resources. */
export const libraryProposalBody = z
  .object({
    resourceId: z.string().min(1).max(64),
    /** Defaults to the resource's title. */
    title: z.string().trim().min(1).max(LIMITS.resourceTitleMax).optional(),
    summary: z.string().trim().min(1, 'Say in a sentence what it is and why it works').max(LIMITS.librarySummaryMax),
    tags: z.array(tag).max(LIMITS.libraryTagsMax, `At most ${LIMITS.libraryTagsMax} tags`).default([]),
    showAuthor: z.boolean(),
  })
  .strict();
export type LibraryProposalBody = z.infer<typeof libraryProposalBody>;

/** POST /api/library/:id/decision: the coach approves, or rejects with a reason. */
export const libraryDecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(LIMITS.librarySummaryMax).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why it is rejected' });
  });
export type LibraryDecisionBody = z.infer<typeof libraryDecisionBody>;

// ---- best-practice competitions ----

export interface Competition {
  id: string;
  networkId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  createdBy: string | null;
  createdAt: string;
}

export type CompetitionPhase = 'upcoming' | 'open' | 'ended';

/** Votes count from the start up to (not including) the end. Pure. */
export function competitionPhase(c: Pick<Competition, 'startsAt' | 'endsAt'>, now: number): CompetitionPhase {
  if (now < Date.parse(c.startsAt)) return 'upcoming';
  return now < Date.parse(c.endsAt) ? 'open' : 'ended';
}

export interface Ballot {
  userId: string;
  entryId: string;
}

export interface RankedEntry {
  entryId: string;
  votes: number;
  /** 1 for the most votes; equal counts share a rank (1, 1, 3). */
  rank: number;
}

/**
 * Counts per entry, most votes first (ties by entry order in `eligible`), only for entries in
 * `eligible` (still published): a withdrawn entry drops out with its votes. Pure.
 */
export function tallyVotes(ballots: readonly Ballot[], eligible: readonly string[]): RankedEntry[] {
  const counts = new Map(eligible.map((id) => [id, 0]));
  for (const b of ballots) if (counts.has(b.entryId)) counts.set(b.entryId, counts.get(b.entryId)! + 1);
  const order = new Map(eligible.map((id, i) => [id, i]));
  const sorted = [...counts].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!);
  return sorted.map(([entryId, votes]) => ({ entryId, votes, rank: 1 + sorted.filter(([, v]) => v > votes).length }));
}

/** A competition as one viewer sees it. */
export interface CompetitionView extends Competition {
  phase: CompetitionPhase;
  /** The viewer's own vote (an entry id), or null: nobody else's ballot is ever sent. */
  myVote: string | null;
  /** Only after the end: the ranked winners, with the published entries themselves. */
  winners: (RankedEntry & { entry: PublishedEntry })[] | null;
}

/**
 * The anonymous-ballot view (as shared/meeting/viewFor.ts does for ratings and topic votes):
 * the viewer's own ballot and, once the vote has ended, counts only. Pure.
 */
export function competitionView(c: Competition, ballots: readonly Ballot[], viewerId: string, published: readonly PublishedEntry[], now: number): CompetitionView {
  const phase = competitionPhase(c, now);
  const mine = ballots.find((b) => seesBallot(viewerId, b.userId));
  const byId = new Map(published.map((e) => [e.id, e]));
  const winners = phase === 'ended' ? tallyVotes(ballots, published.map((e) => e.id)).map((r) => ({ ...r, entry: byId.get(r.entryId)! })) : null;
  return { ...c, phase, myVote: mine && byId.has(mine.entryId) ? mine.entryId : null, winners };
}

/** POST /api/networks/:id/competitions. */
export const competitionBody = z
  .object({
    title: z.string().trim().min(1, 'Give the competition a title').max(LIMITS.competitionTitleMax),
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
  })
  .strict()
  .superRefine((b, ctx) => {
    const span = Date.parse(b.endsAt) - Date.parse(b.startsAt);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must come after the start' });
    else if (span > LIMITS.competitionMaxMs) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'A competition runs at most a year' });
  });
export type CompetitionBody = z.infer<typeof competitionBody>;

/** PUT /api/competitions/:id/vote. */
export const voteBody = z.object({ entryId: z.string().min(1).max(64) }).strict();
export type VoteBody = z.infer<typeof voteBody>;
