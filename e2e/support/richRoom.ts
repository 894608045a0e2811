// A meeting with something on every item: three members' figures over five quarters (one
// figure coach-only), last quarter's goals for each, a hot seat set up, then started. The
// screen-size specs drive it item by item.
import { expect } from 'vitest';
import type { Goal } from '../../shared/goals/types.ts';
import { seedGroup } from '../../server/testing/harness.ts';
import { startE2eServer } from './server.ts';

export const RICH_QUARTER = '2026-Q4';
export const REVIEWED_QUARTER = '2026-Q3';
const QUARTERS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

/** Per member, a base that grows by quarter, so trends differ. */
const BASES = [
  { revenue: 1_000_000, recurring: 0.35, margin: 36, profit: 9, cash: 240_000, ar: 42, heads: 11, won: 4, lost: 1 },
  { revenue: 1_450_000, recurring: 0.52, margin: 31, profit: 7, cash: 410_000, ar: 55, heads: 17, won: 6, lost: 2 },
  { revenue: 820_000, recurring: 0.61, margin: 44, profit: 12, cash: 150_000, ar: 38, heads: 8, won: 2, lost: 0 },
];

function figures(memberIndex: number, q: number) {
  const b = BASES[memberIndex]!;
  const growth = 1 + q * (0.03 + memberIndex * 0.02);
  const revenue = Math.round(b.revenue * growth);
  return [
    { kpiKey: 'total_revenue', value: revenue },
    { kpiKey: 'recurring_revenue', value: Math.round(revenue * b.recurring) },
    { kpiKey: 'gross_margin_pct', value: b.margin + q * 0.8 },
    // The first member's net profit is for the coach's eyes only in the reviewed quarter.
    { kpiKey: 'net_profit_pct', value: b.profit + q * 0.5, ...(memberIndex === 0 && q === QUARTERS.length - 1 ? { coachOnly: true } : {}) },
    { kpiKey: 'cash_on_hand', value: b.cash + q * 20_000 },
    { kpiKey: 'ar_days', value: b.ar - q },
    { kpiKey: 'headcount', value: b.heads + q },
    { kpiKey: 'new_clients', value: b.won + (q % 2) },
    { kpiKey: 'lost_clients', value: b.lost },
  ];
}

const GOALS = [
  ['Hire a dispatcher', 'Raise prices by 5 percent', 'Launch a backup service'],
  ['Sign ten managed-services contracts', 'Cut churn below 3 percent'],
  ['Open a second office', 'Move every client to the new PSA', 'Write the sales playbook'],
];

export async function richRoom() {
  const srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  for (const [i, member] of seed.members.entries()) {
    for (const [q, quarter] of QUARTERS.entries()) {
      const r = await member.request('PUT', `/api/groups/${seed.group.id}/figures/${quarter}`, { figures: figures(i, q) });
      expect(r.status).toBe(200);
    }
  }
  const at = new Date().toISOString();
  for (const [i, texts] of GOALS.entries()) {
    for (const [n, text] of texts.entries()) {
      const goal: Goal = {
        id: `g-${i}-${n}`, groupId: seed.group.id, userId: seed.members[i]!.userId, quarter: REVIEWED_QUARTER, meetingId: null, text, target: '', dueDate: null,
        status: 'open', comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount: n === 0 && i === 0 ? 2 : 0, vague: false, createdAt: at, updatedAt: at,
      };
      await srv.storage.createGoal(goal);
    }
  }
  const meetingId: string = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: RICH_QUARTER, startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  return { srv, seed, meetingId };
}
