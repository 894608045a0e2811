// The network library's pure rules: entry states, competition phases, the anonymous tally.
import { describe, expect, it } from 'vitest';
import { authorLine, competitionBody, competitionPhase, competitionView, libraryDecisionBody, nextStatus, tallyVotes, type LibraryAction, type LibraryStatus, type PublishedEntry } from './library.ts';

describe('entry states: status x action', () => {
  // Written out by hand: where each action leads from each status, or null when refused.
  const TABLE: Record<LibraryStatus, Record<LibraryAction, LibraryStatus | null>> = {
    pending: { approve: 'published', reject: 'rejected', withdraw: 'withdrawn' },
    published: { approve: null, reject: null, withdraw: 'withdrawn' },
    rejected: { approve: null, reject: null, withdraw: null },
    withdrawn: { approve: null, reject: null, withdraw: null },
  };
  const rows = (Object.keys(TABLE) as LibraryStatus[]).flatMap((s) => (Object.keys(TABLE[s]) as LibraryAction[]).map((a) => [s, a, TABLE[s][a]] as const));
  it.each(rows)('%s, %s -> %s', (status, action, to) => {
    const r = nextStatus(status, action);
    if (to === null) expect('error' in r && r.error.code).toBe('conflict');
    else expect(r).toMatchObject({ status: to, from: expect.arrayContaining([status]) });
  });
});

describe('competition phases', () => {
  const c = { startsAt: '2026-10-01T00:00:00.000Z', endsAt: '2026-10-08T00:00:00.000Z' };
  it.each([
    ['2026-09-30T23:59:59.999Z', 'upcoming'],
    ['2026-10-01T00:00:00.000Z', 'open'],
    ['2026-10-07T23:59:59.999Z', 'open'],
    // The end itself is past: the vote counts up to, not including, its end.
    ['2026-10-08T00:00:00.000Z', 'ended'],
  ] as const)('at %s: %s', (at, phase) => {
    expect(competitionPhase(c, Date.parse(at))).toBe(phase);
  });

  it('refuses an end before the start and a period over a year', () => {
    expect(competitionBody.safeParse({ title: 'x', startsAt: '2026-10-08T00:00:00Z', endsAt: '2026-10-01T00:00:00Z' }).success).toBe(false);
    expect(competitionBody.safeParse({ title: 'x', startsAt: '2026-01-01T00:00:00Z', endsAt: '2027-06-01T00:00:00Z' }).success).toBe(false);
    expect(competitionBody.safeParse({ title: 'x', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z' }).success).toBe(true);
  });
});

describe('the tally', () => {
  it.each([
    ['no ballots, no winners', [], ['a', 'b'], []],
    ['most votes first', [['u1', 'b'], ['u2', 'b'], ['u3', 'a']], ['a', 'b'], [['b', 2, 1], ['a', 1, 2]]],
    ['ties share a rank; the next rank skips', [['u1', 'a'], ['u2', 'b'], ['u3', 'c'], ['u4', 'c']], ['a', 'b', 'c'], [['c', 2, 1], ['a', 1, 2], ['b', 1, 2]]],
    ['a tie keeps the library order', [['u1', 'b'], ['u2', 'a']], ['b', 'a'], [['b', 1, 1], ['a', 1, 1]]],
    ['votes for an entry no longer published drop out', [['u1', 'gone'], ['u2', 'gone'], ['u3', 'a']], ['a'], [['a', 1, 1]]],
  ] as const)('%s', (_name, ballots, eligible, ranked) => {
    const got = tallyVotes(ballots.map(([userId, entryId]) => ({ userId, entryId })), eligible);
    expect(got.map((r) => [r.entryId, r.votes, r.rank])).toEqual(ranked);
  });
});

describe('what one viewer sees of a competition (anonymous ballots)', () => {
  const c = { id: 'c', networkId: 'n', title: 'Best', startsAt: '2026-10-01T00:00:00.000Z', endsAt: '2026-10-08T00:00:00.000Z', createdBy: 'o', createdAt: '2026-09-01T00:00:00.000Z' };
  const entry = (id: string): PublishedEntry => ({ id, title: id, summary: '', tags: [], author: 'a member of N', publishedAt: '2026-09-01T00:00:00.000Z', kind: 'link', url: 'https://x', fileName: null });
  const ballots = [{ userId: 'u1', entryId: 'a' }, { userId: 'u2', entryId: 'b' }, { userId: 'u3', entryId: 'b' }];
  const open = Date.parse('2026-10-02T00:00:00.000Z');
  const ended = Date.parse('2026-10-08T00:00:00.000Z');

  it('while open: only the viewer own vote, no counts', () => {
    const v = competitionView(c, ballots, 'u1', [entry('a'), entry('b')], open);
    expect(v).toMatchObject({ phase: 'open', myVote: 'a', winners: null });
    expect(JSON.stringify(v)).not.toMatch(/u2|u3/);
    expect(competitionView(c, ballots, 'organiser', [entry('a'), entry('b')], open).myVote).toBeNull();
  });

  it('after the end: ranked counts for everyone, still nobody else ballot', () => {
    const v = competitionView(c, ballots, 'x', [entry('a'), entry('b')], ended);
    expect(v.winners!.map((w) => [w.entryId, w.votes, w.rank, w.entry.title])).toEqual([['b', 2, 1, 'b'], ['a', 1, 2, 'a']]);
    expect(JSON.stringify(v)).not.toMatch(/u1|u2|u3/);
  });

  it('a vote for an entry withdrawn since is no vote of the viewer any more', () => {
    expect(competitionView(c, ballots, 'u1', [entry('b')], open).myVote).toBeNull();
  });
});

describe('author line and the decision body', () => {
  it.each([
    [true, 'Ann', 'Alpha', 'Ann (Alpha)'],
    [false, 'Ann', 'Alpha', 'a member of Net'],
    [true, null, 'Alpha', 'a member of Net'],
  ] as const)('agreed %s, %s, %s: %s', (showAuthor, name, group, line) => {
    expect(authorLine({ showAuthor }, name, group, 'Net')).toBe(line);
  });

  it('a rejection needs a reason; an approval does not', () => {
    expect(libraryDecisionBody.safeParse({ decision: 'reject' }).success).toBe(false);
    expect(libraryDecisionBody.safeParse({ decision: 'reject', reason: '  ' }).success).toBe(false);
    expect(libraryDecisionBody.safeParse({ decision: 'approve' }).success).toBe(true);
  });
});
