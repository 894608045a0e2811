import { describe, expect, it } from 'vitest';
import { carryOver } from './carryOver.ts';
import { carriedChangeRefusal, droppedGoal, isFlagged, rewordedGoal } from './carriedChanges.ts';
import { goalDropSchema, goalRewordSchema } from './goalBodies.ts';
import { completionRate } from './completion.ts';
import { goalsByMember, toReview } from './grouping.ts';
import type { Goal, GoalStatus } from './types.ts';

const goal = (id: string, status: GoalStatus, over: Partial<Goal> = {}): Goal => ({
  id, groupId: 'g1', userId: 'ann', quarter: '2026-Q3', meetingId: null, text: `Goal ${id}`, target: '', dueDate: null, status,
  comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount: 0, vague: false,
  createdAt: '2026-07-01T09:00:00Z', updatedAt: '2026-07-01T09:00:00Z', ...over,
});
const AT = '2026-10-01T09:00:00.000Z';
let n = 0;
const newId = () => `new-${++n}`;

describe('carry-over counts', () => {
  it('counts one more quarter on each carry and flags the third', () => {
    let g = goal('a', 'not_done');
    const counts: number[] = [];
    const flags: boolean[] = [];
    for (const q of ['2026-Q4', '2027-Q1', '2027-Q2']) {
      g = carryOver([{ ...g, status: 'not_done' }], q, newId, AT, [])[0]!;
      counts.push(g.carriedCount);
      flags.push(isFlagged(g));
    }
    expect(counts).toEqual([1, 2, 3]);
    expect(flags).toEqual([false, false, true]);
  });

  it('does not carry a dropped goal, and a dropped goal is not flagged', () => {
    const gone = droppedGoal(goal('a', 'open', { carriedCount: 3 }), { reason: 'No longer a priority' }, 'ann', AT);
    expect(carryOver([gone], '2026-Q4', newId, AT, [])).toEqual([]);
    expect(isFlagged(gone)).toBe(false);
    expect(isFlagged(goal('b', 'open', { carriedCount: 4 }))).toBe(true);
  });

  it('carries the reworded text, without the rewording record (the copy is a new goal)', () => {
    const reworded = rewordedGoal(goal('a', 'open', { carriedCount: 1 }), { text: 'Outsource dispatch', reason: 'No one to hire' }, 'ann', AT);
    const [copy] = carryOver([{ ...reworded, status: 'partly' }], '2026-Q4', newId, AT, []);
    expect(copy).toMatchObject({ text: 'Outsource dispatch', carriedCount: 2, carriedFromId: 'a' });
    expect(copy!.reworded).toBeUndefined();
  });
});

describe('dropping and rewording a carried goal', () => {
  const carried = goal('c', 'open', { carriedCount: 1, carriedFromId: 'p', text: 'Hire a dispatcher' });
  it.each<[string, Goal, { kind: 'drop' } | { kind: 'reword'; text: string }, string | null]>([
    ['an open carried goal may be dropped', carried, { kind: 'drop' }, null],
    ['an open carried goal may be reworded', carried, { kind: 'reword', text: 'Outsource dispatch' }, null],
    ['a goal set this quarter is withdrawn, not dropped', goal('n', 'open'), { kind: 'drop' }, 'Only a carried goal is dropped or reworded with a reason'],
    ['a reviewed goal keeps its words', { ...carried, status: 'partly' }, { kind: 'reword', text: 'x' }, 'This goal has been reviewed: it stays on the record as it was'],
    ['a reviewed goal is not dropped', { ...carried, status: 'done' }, { kind: 'drop' }, 'This goal has been reviewed: it stays on the record as it was'],
    ['a dropped goal is not dropped again', droppedGoal(carried, { reason: 'x' }, 'ann', AT), { kind: 'drop' }, 'This goal was dropped already'],
    ['a dropped goal is not reworded', droppedGoal(carried, { reason: 'x' }, 'ann', AT), { kind: 'reword', text: 'y' }, 'This goal was dropped already'],
    ['the same words are no rewording', carried, { kind: 'reword', text: 'Hire a dispatcher' }, 'The new wording is the same as the old one'],
  ])('%s', (_name, g, change, refusal) => {
    expect(carriedChangeRefusal(g, change)).toBe(refusal);
  });

  it('keeps the reason, who and when; a second rewording keeps the first wording', () => {
    const once = rewordedGoal(carried, { text: 'Outsource dispatch', reason: 'No one to hire' }, 'ann', AT);
    expect(once.reworded).toEqual({ from: 'Hire a dispatcher', reason: 'No one to hire', byUserId: 'ann', at: AT });
    const twice = rewordedGoal(once, { text: 'Outsource dispatch to a partner', reason: 'Partner found' }, 'coach', AT);
    expect(twice.text).toBe('Outsource dispatch to a partner');
    expect(twice.reworded).toMatchObject({ from: 'Hire a dispatcher', reason: 'Partner found', byUserId: 'coach' });
    expect(droppedGoal(carried, { reason: 'Merged into the pricing goal' }, 'coach', AT).dropped).toEqual({ reason: 'Merged into the pricing goal', byUserId: 'coach', at: AT });
  });

  it('asks for a reason and a wording within limits', () => {
    expect(goalDropSchema.safeParse({ reason: '   ' }).success).toBe(false);
    expect(goalDropSchema.parse({ reason: ' not a priority ' })).toEqual({ reason: 'not a priority' });
    expect(goalRewordSchema.safeParse({ text: 'New words' }).success).toBe(false);
    expect(goalRewordSchema.safeParse({ text: '', reason: 'x' }).success).toBe(false);
    expect(goalDropSchema.safeParse({ reason: 'x'.repeat(301) }).success).toBe(false);
  });
});

describe('the goal review grouped by member', () => {
  const goals = [
    goal('m1', 'done', { userId: 'mia' }),
    goal('a1', 'done'),
    goal('a2', 'partly'),
    goal('a3', 'not_done'),
    goal('a4', 'open'),
    goal('a5', 'open', { carriedCount: 1, dropped: { reason: 'x', byUserId: 'ann', at: AT } }),
    goal('x1', 'open', { userId: 'left' }),
  ];
  it('groups in the group order, leaves out members without goals, keeps goals of someone who left last', () => {
    const blocks = goalsByMember(goals, ['ann', 'bob', 'mia'], '2026-Q3');
    expect(blocks.map((b) => [b.userId, b.goals.map((g) => g.id)])).toEqual([
      ['ann', ['a1', 'a2', 'a3', 'a4', 'a5']],
      ['mia', ['m1']],
      ['left', ['x1']],
    ]);
  });
  it('counts each member’s progress, a dropped goal neither reviewed nor to review', () => {
    const [ann] = goalsByMember(goals, ['ann'], '2026-Q3');
    expect(ann!.progress).toMatchObject({ total: 4, done: 1, partly: 1, notDone: 1, rate: 0.5 });
    expect(toReview(ann!.progress)).toBe(1);
    expect(completionRate(goals.slice(5, 6), 'ann', '2026-Q3')).toMatchObject({ total: 0, rate: null });
  });
});
