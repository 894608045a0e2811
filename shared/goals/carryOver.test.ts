import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { applyReview, carryOver } from './carryOver.ts';
import { goalCreateSchema, goalReviewSchema, goalUpdateSchema } from './goalBodies.ts';
import type { Goal, GoalStatus } from './types.ts';

const goal = (id: string, status: GoalStatus, over: Partial<Goal> = {}): Goal => ({
  id,
  groupId: 'g1',
  userId: 'ann',
  quarter: '2026-Q2',
  meetingId: 'm-q2',
  text: `Goal ${id}`,
  target: '10 new managed-services contracts',
  dueDate: '2026-09-30',
  status,
  comment: 'review comment',
  progress: 'progress notes',
  progressAt: '2026-05-01T09:00:00.000Z',
  carriedFromId: null,
  carriedCount: 0,
  vague: false,
  createdAt: '2026-06-01T09:00:00Z',
  updatedAt: '2026-09-01T09:00:00Z',
  ...over,
});

const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

describe('carryOver', () => {
  const now = '2026-09-15T10:00:00Z';

  it('carries partly, not done and never-reviewed goals, never done ones', () => {
    const reviewed = [goal('a', 'done'), goal('b', 'partly'), goal('c', 'not_done'), goal('d', 'open')];
    const out = carryOver(reviewed, '2026-Q3', ids('n'), now, []);
    expect(out.map((g) => g.carriedFromId)).toEqual(['b', 'c', 'd']);
    expect(out.map((g) => g.id)).toEqual(['n1', 'n2', 'n3']);
  });

  it('copies what the member wrote and starts the copy fresh', () => {
    const old = goal('b', 'partly', { vague: true, userId: 'bob', groupId: 'g9', dueDate: null });
    const [copy] = carryOver([old], '2026-Q3', ids('n'), now, [], 'm-q3');
    expect(copy).toEqual({
      id: 'n1', groupId: 'g9', userId: 'bob', quarter: '2026-Q3', meetingId: 'm-q3',
      text: old.text, target: old.target, dueDate: null, status: 'open', comment: '', progress: '', progressAt: null,
      carriedFromId: 'b', carriedCount: 1, vague: true, createdAt: now, updatedAt: now,
    });
    expect(carryOver([old], '2026-Q3', ids('n'), now, [])[0]?.meetingId).toBeNull();
  });

  it('counts carries across two quarters', () => {
    const [q3] = carryOver([goal('a', 'not_done')], '2026-Q3', ids('q3-'), now, []);
    expect(q3?.carriedCount).toBe(1);
    const reviewedQ3 = { ...q3!, status: 'partly' as const };
    const [q4] = carryOver([reviewedQ3], '2026-Q4', ids('q4-'), '2026-12-10T10:00:00Z', []);
    expect(q4).toMatchObject({ quarter: '2026-Q4', carriedFromId: 'q3-1', carriedCount: 2, status: 'open' });
  });

  it('never carries the same goal twice', () => {
    const reviewed = [goal('b', 'partly'), goal('c', 'not_done')];
    const first = carryOver(reviewed, '2026-Q3', ids('n'), now, []);
    expect(carryOver(reviewed, '2026-Q3', ids('m'), now, first)).toEqual([]);
    // Only the goal not yet carried comes over when one was.
    expect(carryOver(reviewed, '2026-Q3', ids('m'), now, [first[0]!]).map((g) => g.carriedFromId)).toEqual(['c']);
    // The same goal listed twice in the input is carried once.
    expect(carryOver([goal('b', 'partly'), goal('b', 'partly')], '2026-Q3', ids('n'), now, [])).toHaveLength(1);
  });

  it('a carry into another quarter does not block this one', () => {
    const elsewhere = { ...goal('x', 'open'), quarter: '2026-Q4', carriedFromId: 'b' };
    expect(carryOver([goal('b', 'partly')], '2026-Q3', ids('n'), now, [elsewhere])).toHaveLength(1);
  });

  it('does not carry goals of the new quarter or later into it', () => {
    expect(carryOver([goal('a', 'open', { quarter: '2026-Q3' }), goal('b', 'open', { quarter: '2026-Q4' })], '2026-Q3', ids('n'), now, [])).toEqual([]);
  });

  it('refuses a malformed quarter', () => {
    expect(() => carryOver([], '2026-Q5', ids('n'), now, [])).toThrow(RangeError);
  });
});

describe('goal schemas', () => {
  it('creates with trimmed text and defaults', () => {
    expect(goalCreateSchema.parse({ text: '  Sign 10 MSP contracts ' })).toEqual({ text: 'Sign 10 MSP contracts', target: '', dueDate: null });
  });

  it('bounds text and target lengths', () => {
    expect(goalCreateSchema.safeParse({ text: '   ' }).success).toBe(false);
    expect(goalCreateSchema.safeParse({ text: 'x'.repeat(LIMITS.goalTextMax) }).success).toBe(true);
    expect(goalCreateSchema.safeParse({ text: 'x'.repeat(LIMITS.goalTextMax + 1) }).success).toBe(false);
    expect(goalCreateSchema.safeParse({ text: 'ok', target: 'x'.repeat(300) }).success).toBe(true);
    expect(goalCreateSchema.safeParse({ text: 'ok', target: 'x'.repeat(301) }).success).toBe(false);
  });

  it('takes a real ISO calendar date or null as due date', () => {
    expect(goalCreateSchema.safeParse({ text: 'ok', dueDate: '2028-02-29' }).success).toBe(true);
    expect(goalCreateSchema.safeParse({ text: 'ok', dueDate: null }).success).toBe(true);
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '30.06.2026', '2026-06-30T00:00:00Z', '']) {
      expect(goalCreateSchema.safeParse({ text: 'ok', dueDate: bad }).success, bad).toBe(false);
    }
  });

  it('updates any field but needs at least one', () => {
    expect(goalUpdateSchema.parse({ dueDate: null })).toEqual({ dueDate: null });
    expect(goalUpdateSchema.parse({ target: ' 5 hires ' })).toEqual({ target: '5 hires' });
    expect(goalUpdateSchema.safeParse({}).success).toBe(false);
    expect(goalUpdateSchema.safeParse({ text: '' }).success).toBe(false);
  });

  it('reviews with done, partly or not done and a short comment', () => {
    expect(goalReviewSchema.parse({ status: 'partly' })).toEqual({ status: 'partly', comment: '' });
    expect(goalReviewSchema.safeParse({ status: 'open' }).success).toBe(false);
    expect(goalReviewSchema.safeParse({ status: 'done', comment: 'x'.repeat(500) }).success).toBe(true);
    expect(goalReviewSchema.safeParse({ status: 'done', comment: 'x'.repeat(501) }).success).toBe(false);
  });

  it('applies a review to a goal', () => {
    const reviewed = applyReview(goal('a', 'open'), { status: 'partly', comment: 'closed 7 of 10' }, '2026-09-15T10:00:00Z');
    expect(reviewed).toMatchObject({ id: 'a', status: 'partly', comment: 'closed 7 of 10', updatedAt: '2026-09-15T10:00:00Z' });
  });
});
