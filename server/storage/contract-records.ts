// Storage contract, records part: the group setting for observers, custom KPIs, figures and
// goals. Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { Goal } from '../../shared/goals/types.ts';
import { group, meetingState, member, newMeeting, uid, freshStorage } from './contract-fixtures.ts';
import { UniqueViolationError } from './driver.ts';
import type { FigureInput, Storage } from './types.ts';

const isIso = (t: string): boolean => new Date(t).toISOString() === t;

function goal(groupId: string, userId: string, over: Partial<Goal> = {}): Goal {
  return {
    id: uid('goal'),
    groupId,
    userId,
    quarter: '2026-Q3',
    meetingId: null,
    text: 'Sign 10 managed-services contracts',
    target: '10 signed contracts',
    dueDate: '2026-09-30',
    status: 'open',
    comment: '',
    progress: '',
    progressAt: null,
    carriedFromId: null,
    carriedCount: 0,
    vague: false,
    createdAt: '2026-07-01T09:00:00.000Z',
    updatedAt: '2026-07-01T09:00:00.000Z',
    ...over,
  };
}

async function companyFixture(s: Storage) {
  const { network, group: g } = await group(s);
  const ann = await member(s, g.id, 'member', 'Ann', 'Ann IT');
  const bob = await member(s, g.id, 'member', 'Bob', 'Bob Networks');
  const coach = await member(s, g.id, 'coach', 'Cora');
  return { network, g, ann, bob, coach };
}

const figure = (groupId: string, userId: string, quarter: string, kpiKey: string, value: number, coachOnly = false): FigureInput => ({
  groupId,
  userId,
  quarter,
  kpiKey,
  value,
  coachOnly,
});

/** Registers the suite; make() returns a storage over a fresh, empty database. */
export function runRecordsContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract, records: ${name}`, () => {
    const s = freshStorage(make);

    groupSettingContract(s);
    kpiContract(s);
    figureContract(s);
    goalContract(s);
  });
}

function groupSettingContract(s: () => Storage): void {
  describe('observers and financials setting', () => {
    it('is off unless the group turns it on, and a patch of other fields keeps it', async () => {
      const { group: g } = await group(s());
      expect(g.observersSeeFinancials).toBe(false);
      expect(await s().getGroup(g.id)).toEqual(g);
      const on = await s().updateGroup(g.id, { observersSeeFinancials: true });
      expect(on).toEqual({ ...g, observersSeeFinancials: true });
      expect(await s().updateGroup(g.id, { name: 'Renamed' })).toEqual({ ...g, name: 'Renamed', observersSeeFinancials: true });
      expect((await s().updateGroup(g.id, { observersSeeFinancials: false }))?.observersSeeFinancials).toBe(false);
    });

    it('can be created on', async () => {
      const network = await s().createNetwork({ id: uid('net'), name: 'N' });
      const g = await s().createGroup({ id: uid('g'), networkId: network.id, name: 'Open book', leadership: 'peer-led', format: 'online', tags: [], observersSeeFinancials: true });
      expect((await s().getGroup(g.id))?.observersSeeFinancials).toBe(true);
    });
  });

  describe('observers in the room, observers and hot-seat notes', () => {
    it('are off unless the group turns them on, each on its own, and a patch of other fields keeps them', async () => {
      const { group: g } = await group(s());
      expect([g.observersInRoom, g.observersSeeHotSeat]).toEqual([false, false]);
      expect(await s().getGroup(g.id)).toEqual(g);
      expect(await s().updateGroup(g.id, { observersInRoom: true })).toEqual({ ...g, observersInRoom: true });
      expect(await s().updateGroup(g.id, { observersSeeHotSeat: true, observersInRoom: false })).toEqual({ ...g, observersSeeHotSeat: true });
      expect(await s().updateGroup(g.id, { name: 'Renamed' })).toEqual({ ...g, name: 'Renamed', observersSeeHotSeat: true });
      const network = await s().createNetwork({ id: uid('net'), name: 'N' });
      const open = await s().createGroup({ id: uid('g'), networkId: network.id, name: 'Open', leadership: 'coach-led', format: 'online', tags: [], observersInRoom: true, observersSeeHotSeat: true });
      expect(await s().getGroup(open.id)).toMatchObject({ observersInRoom: true, observersSeeHotSeat: true });
    });
  });
}

function kpiContract(s: () => Storage): void {
  describe('custom KPIs', () => {
    it('lists a group’s own KPIs in the order they were added, and only that group’s', async () => {
      const { network, group: g } = await group(s());
      const { group: other } = await group(s(), { network, name: 'Other' });
      const def = { label: 'Cloud revenue', unit: 'currency', direction: 'higher', decimals: 0, derived: false } as const;
      const a = await s().createCustomKpi({ ...def, key: 'custom_zeta', groupId: g.id });
      const b = await s().createCustomKpi({ ...def, key: 'custom_alpha', label: 'Tickets per tech', unit: 'count', groupId: g.id });
      await s().createCustomKpi({ ...def, key: 'custom_other', groupId: other.id });
      expect(a).toEqual({ ...def, key: 'custom_zeta', groupId: g.id });
      const listed = await s().listCustomKpis(g.id);
      expect(listed.map((k) => k.key).sort()).toEqual(['custom_alpha', 'custom_zeta']);
      expect(listed).toContainEqual(b);
      expect(await s().listCustomKpis('nope')).toEqual([]);
    });

    it('refuses a key the group already has', async () => {
      const { group: g } = await group(s());
      const def = { key: 'custom_x', label: 'X', unit: 'percent', direction: 'lower', decimals: 1, derived: false, groupId: g.id } as const;
      await s().createCustomKpi(def);
      await expect(s().createCustomKpi(def)).rejects.toBeInstanceOf(UniqueViolationError);
    });
  });
}

function figureContract(s: () => Storage): void {
  describe('figures', () => {
    it('inserts, replaces and deletes a member’s figure, keeping fractions and negatives exact', async () => {
      const { g, ann } = await companyFixture(s());
      const written = await s().upsertFigures([
        figure(g.id, ann.id, '2026-Q3', 'total_revenue', 1_250_000.75),
        figure(g.id, ann.id, '2026-Q3', 'net_profit_pct', -3.125, true),
      ]);
      expect(written.every((f) => isIso(f.updatedAt))).toBe(true);
      expect(await s().listFigures(g.id)).toEqual(written.slice().sort((a, b) => (a.kpiKey < b.kpiKey ? -1 : 1)));
      await s().upsertFigures([figure(g.id, ann.id, '2026-Q3', 'net_profit_pct', 4.5, false)]);
      const after = await s().listFigures(g.id);
      expect(after.map((f) => [f.kpiKey, f.value, f.coachOnly])).toEqual([
        ['net_profit_pct', 4.5, false],
        ['total_revenue', 1_250_000.75, false],
      ]);
      expect(await s().deleteFigure(g.id, ann.id, '2026-Q3', 'net_profit_pct')).toBe(true);
      expect(await s().deleteFigure(g.id, ann.id, '2026-Q3', 'net_profit_pct')).toBe(false);
      expect((await s().listFigures(g.id)).map((f) => f.kpiKey)).toEqual(['total_revenue']);
    });

    it('stamps the figures of a range: any write, re-flag or delete in it changes the stamp, nothing else does', async () => {
      const { g, ann, bob } = await companyFixture(s());
      const range = { fromQuarter: '2026-Q2', toQuarter: '2026-Q3' };
      const stamps: string[] = [await s().figuresStamp(g.id, range)];
      const step = async (write: () => Promise<unknown>) => {
        await write();
        stamps.push(await s().figuresStamp(g.id, range));
      };
      await step(() => s().upsertFigures([figure(g.id, ann.id, '2026-Q3', 'headcount', 12)]));
      await step(() => s().upsertFigures([figure(g.id, bob.id, '2026-Q2', 'headcount', 7)]));
      await step(() => s().upsertFigures([figure(g.id, ann.id, '2026-Q3', 'headcount', 13)]));
      await step(() => s().upsertFigures([figure(g.id, ann.id, '2026-Q3', 'headcount', 13, true)]));
      await step(() => s().deleteFigure(g.id, bob.id, '2026-Q2', 'headcount'));
      expect(new Set(stamps).size).toBe(stamps.length);
      // Outside the range, or reading again: unchanged.
      const before = await s().figuresStamp(g.id, range);
      await s().upsertFigures([figure(g.id, ann.id, '2025-Q4', 'headcount', 99)]);
      expect(await s().figuresStamp(g.id, range)).toBe(before);
      expect(await s().figuresStamp(g.id, range)).toBe(before);
      // Another group's figures, or a write rolled back: unchanged too.
      const other = await companyFixture(s());
      await s().upsertFigures([figure(other.g.id, other.ann.id, '2026-Q3', 'headcount', 5)]);
      const rolledBack = s().transaction(async (tx) => {
        await tx.upsertFigures([figure(g.id, ann.id, '2026-Q3', 'headcount', 50)]);
        throw new Error('abort');
      });
      await expect(rolledBack).rejects.toThrow('abort');
      expect(await s().figuresStamp(g.id, range)).toBe(before);
      // A write inside a transaction that commits counts like any other.
      await s().transaction((tx) => tx.upsertFigures([figure(g.id, bob.id, '2026-Q3', 'headcount', 8)]));
      expect(await s().figuresStamp(g.id, range)).not.toBe(before);
    });

    it('writes all figures of a batch or none', async () => {
      const { g, ann } = await companyFixture(s());
      const batch = [figure(g.id, ann.id, '2026-Q3', 'headcount', 12), figure(g.id, 'no-such-user', '2026-Q3', 'headcount', 3)];
      await expect(s().upsertFigures(batch)).rejects.toThrow();
      expect(await s().listFigures(g.id)).toEqual([]);
    });

    it('filters by an inclusive quarter range and by member, ordered by quarter', async () => {
      const { g, ann, bob } = await companyFixture(s());
      const quarters = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
      await s().upsertFigures(quarters.flatMap((q, i) => [figure(g.id, ann.id, q, 'headcount', 10 + i), figure(g.id, bob.id, q, 'headcount', 20 + i)]));
      const range = await s().listFigures(g.id, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2' });
      expect(range.map((f) => f.quarter)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2']);
      expect((await s().listFigures(g.id, { userId: bob.id, fromQuarter: '2026-Q2' })).map((f) => f.value)).toEqual([22, 23]);
      expect(await s().listFigures(g.id, { toQuarter: '2025-Q3' })).toEqual([]);
    });

    it('lists one quarter across the network, members only, with their company', async () => {
      const { network, g, ann, coach } = await companyFixture(s());
      const { group: sister } = await group(s(), { network, name: 'Sister' });
      const cleo = await member(s(), sister.id, 'member', 'Cleo', 'Cleo Cloud');
      const { group: elsewhere } = await group(s(), { name: 'Other network' });
      const zed = await member(s(), elsewhere.id, 'member', 'Zed', 'Zed Ltd');
      await s().upsertFigures([
        figure(g.id, ann.id, '2026-Q3', 'total_revenue', 100),
        figure(g.id, ann.id, '2026-Q2', 'total_revenue', 90),
        figure(g.id, coach.id, '2026-Q3', 'total_revenue', 5),
        figure(sister.id, cleo.id, '2026-Q3', 'total_revenue', 200),
        figure(elsewhere.id, zed.id, '2026-Q3', 'total_revenue', 300),
      ]);
      const listed = await s().listFiguresInNetwork(network.id, '2026-Q3');
      expect(listed.map((f) => [f.company, f.value]).sort()).toEqual([
        ['Ann IT', 100],
        ['Cleo Cloud', 200],
      ]);
    });
  });
}

function goalContract(s: () => Storage): void {
  describe('goals', () => {
    it('round-trips a goal, including null fields and the vague flag', async () => {
      const { g, ann } = await companyFixture(s());
      const m = newMeeting(g.id);
      await s().createMeeting(m, meetingState(m.id, ann.id));
      const created = await s().createGoal(goal(g.id, ann.id, { meetingId: m.id, dueDate: null, vague: true, target: '' }));
      expect(await s().getGoal(created.id)).toEqual(created);
      expect(await s().getGoal('nope')).toBeNull();
    });

    it('patches only the given fields and stamps updatedAt', async () => {
      const { g, ann } = await companyFixture(s());
      const created = await s().createGoal(goal(g.id, ann.id));
      const reviewed = await s().updateGoal(created.id, { status: 'partly', comment: 'closed 7 of 10', dueDate: null, vague: true });
      expect(reviewed).toEqual({ ...created, status: 'partly', comment: 'closed 7 of 10', dueDate: null, vague: true, updatedAt: reviewed!.updatedAt });
      expect(reviewed!.updatedAt > created.updatedAt).toBe(true);
      expect(reviewed!.progressAt).toBeNull();
      expect(await s().updateGoal('nope', { text: 'x' })).toBeNull();
    });

    it('stamps progressAt when the progress note is written, and only then', async () => {
      const { g, ann } = await companyFixture(s());
      const created = await s().createGoal(goal(g.id, ann.id));
      const noted = (await s().updateGoal(created.id, { progress: 'two signed' }))!;
      expect(noted.progress).toBe('two signed');
      expect(isIso(noted.progressAt!)).toBe(true);
      expect(noted.progressAt).toBe(noted.updatedAt);
      const reworded = (await s().updateGoal(created.id, { text: 'Sign 12' }))!;
      expect(reworded.progressAt).toBe(noted.progressAt);
      expect(await s().getGoal(created.id)).toEqual(reworded);
    });

    it('lists a group’s goals by quarter and member, oldest quarter and creation first', async () => {
      const { network, g, ann, bob } = await companyFixture(s());
      const { group: other } = await group(s(), { network, name: 'Other' });
      const late = await s().createGoal(goal(g.id, ann.id, { createdAt: '2026-07-02T09:00:00.000Z' }));
      const early = await s().createGoal(goal(g.id, bob.id, { createdAt: '2026-07-01T08:00:00.000Z' }));
      const q2 = await s().createGoal(goal(g.id, ann.id, { quarter: '2026-Q2' }));
      await s().createGoal(goal(other.id, ann.id));
      expect((await s().listGoals(g.id)).map((x) => x.id)).toEqual([q2.id, early.id, late.id]);
      expect((await s().listGoals(g.id, { quarter: '2026-Q3' })).map((x) => x.id)).toEqual([early.id, late.id]);
      expect((await s().listGoals(g.id, { quarter: '2026-Q3', userId: ann.id })).map((x) => x.id)).toEqual([late.id]);
    });

    it('carries a goal at most once, finds its carry-over, and deletes', async () => {
      const { g, ann } = await companyFixture(s());
      const source = await s().createGoal(goal(g.id, ann.id, { status: 'not_done' }));
      expect(await s().getCarriedGoal(source.id)).toBeNull();
      const copy = await s().createGoal(goal(g.id, ann.id, { quarter: '2026-Q4', carriedFromId: source.id, carriedCount: 1 }));
      await expect(s().createGoal(goal(g.id, ann.id, { quarter: '2026-Q4', carriedFromId: source.id }))).rejects.toBeInstanceOf(UniqueViolationError);
      expect(await s().getCarriedGoal(source.id)).toEqual(copy);
      expect(await s().deleteGoal(copy.id)).toBe(true);
      expect(await s().deleteGoal(copy.id)).toBe(false);
      expect(await s().getCarriedGoal(source.id)).toBeNull();
    });

    it('drops a carried goal once, keeping the reason, who and when; a reviewed goal is not dropped', async () => {
      const { g, ann, coach } = await companyFixture(s());
      const carried = await s().createGoal(goal(g.id, ann.id, { carriedCount: 3 }));
      expect(carried.dropped).toBeUndefined();
      const drop = { reason: 'No longer a priority after the merger', byUserId: coach.id, at: '2026-10-01T09:00:00.000Z' };
      const dropped = (await s().changeCarriedGoal(carried.id, { dropped: drop }))!;
      expect(dropped.dropped).toEqual(drop);
      expect(dropped.status).toBe('open');
      expect(isIso(dropped.updatedAt)).toBe(true);
      expect(await s().getGoal(carried.id)).toEqual(dropped);
      expect(await s().changeCarriedGoal(carried.id, { dropped: { ...drop, reason: 'again' } })).toBeNull();
      expect((await s().getGoal(carried.id))!.dropped!.reason).toBe(drop.reason);
      const reviewed = await s().createGoal(goal(g.id, ann.id, { carriedCount: 1, status: 'partly' }));
      expect(await s().changeCarriedGoal(reviewed.id, { dropped: drop })).toBeNull();
      expect(await s().changeCarriedGoal('nope', { dropped: drop })).toBeNull();
      // A dropped goal round-trips through createGoal too (the demo and tests store them).
      const stored = await s().createGoal(goal(g.id, ann.id, { dropped: drop, carriedCount: 1 }));
      expect(await s().getGoal(stored.id)).toEqual(stored);
    });

    it('rewords a carried goal only from the wording the caller saw, keeping the first wording', async () => {
      const { g, ann } = await companyFixture(s());
      const carried = await s().createGoal(goal(g.id, ann.id, { carriedCount: 1, text: 'Hire a dispatcher' }));
      const reworded = { from: 'Hire a dispatcher', reason: 'No one to hire', byUserId: ann.id, at: '2026-10-01T09:00:00.000Z' };
      const once = (await s().changeCarriedGoal(carried.id, { text: 'Outsource dispatch', previousText: 'Hire a dispatcher', reworded }))!;
      expect(once).toMatchObject({ text: 'Outsource dispatch', reworded });
      expect(await s().listGoals(g.id)).toEqual([once]);
      // Someone else's rewording came first: this one is refused, not mixed in.
      expect(await s().changeCarriedGoal(carried.id, { text: 'Something else', previousText: 'Hire a dispatcher', reworded })).toBeNull();
      expect((await s().getGoal(carried.id))!.text).toBe('Outsource dispatch');
      // Dropped: no more rewording.
      await s().changeCarriedGoal(carried.id, { dropped: { reason: 'x', byUserId: ann.id, at: reworded.at } });
      expect(await s().changeCarriedGoal(carried.id, { text: 'Again', previousText: 'Outsource dispatch', reworded })).toBeNull();
      expect(await s().getGoal(carried.id)).toMatchObject({ text: 'Outsource dispatch', reworded, dropped: { reason: 'x' } });
    });

    it('runs on a transaction handle and rolls back with it', async () => {
      const { g, ann } = await companyFixture(s());
      const failed = s().transaction(async (tx) => {
        await tx.createGoal(goal(g.id, ann.id));
        await tx.upsertFigures([figure(g.id, ann.id, '2026-Q3', 'headcount', 4)]);
        throw new Error('abort');
      });
      await expect(failed).rejects.toThrow('abort');
      expect(await s().listGoals(g.id)).toEqual([]);
      expect(await s().listFigures(g.id)).toEqual([]);
    });
  });
}
