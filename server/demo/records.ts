// The demo group's records: four quarters of figures (2025-Q4 .. 2026-Q3) for the eight
// member companies, and their goals, set at each quarter's meeting and reviewed at the next,
// with unfinished ones carried over by the same carryOver() the server uses. The 2026-Q3
// goals are still open: the upcoming 2026-Q4 meeting reviews them.
import { carryOver } from '../../shared/goals/carryOver.ts';
import type { Goal, GoalStatus } from '../../shared/goals/types.ts';
import { newId } from '../auth/tokens.ts';
import type { FigureInput, Storage } from '../storage/types.ts';

export const DEMO_QUARTERS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'] as const;

/** Per company: revenue per quarter at the start, quarterly growth, recurring share, margins, people. */
const PROFILES = [
  { revenue: 610_000, growth: 0.04, recurring: 0.42, gross: 38, net: 9, cash: 240_000, ar: 38, staff: 14 },
  { revenue: 920_000, growth: 0.06, recurring: 0.61, gross: 44, net: 13, cash: 410_000, ar: 31, staff: 19 },
  { revenue: 380_000, growth: 0.09, recurring: 0.55, gross: 47, net: 11, cash: 150_000, ar: 27, staff: 8 },
  { revenue: 1_350_000, growth: 0.02, recurring: 0.35, gross: 33, net: 6, cash: 520_000, ar: 52, staff: 31 },
  { revenue: 270_000, growth: 0.07, recurring: 0.48, gross: 41, net: 4, cash: 60_000, ar: 45, staff: 6 },
  { revenue: 740_000, growth: -0.02, recurring: 0.29, gross: 29, net: -3, cash: 90_000, ar: 61, staff: 18 },
  { revenue: 510_000, growth: 0.05, recurring: 0.72, gross: 52, net: 16, cash: 300_000, ar: 24, staff: 10 },
  { revenue: 450_000, growth: 0.03, recurring: 0.38, gross: 36, net: 7, cash: 130_000, ar: 41, staff: 11 },
] as const;

/** Figures a member keeps for the coach: a loss-making shop's profit and cash, one member's cash. */
const COACH_ONLY: Readonly<Record<number, readonly string[]>> = { 5: ['net_profit_pct', 'cash_on_hand'], 3: ['cash_on_hand'] };

export function demoFigures(groupId: string, members: readonly string[]): FigureInput[] {
  const out: FigureInput[] = [];
  members.forEach((userId, i) => {
    const p = PROFILES[i % PROFILES.length]!;
    DEMO_QUARTERS.forEach((quarter, k) => {
      // A little wobble per quarter so the charts are not straight lines.
      const wobble = [0, 0.015, -0.01, 0.02][k]!;
      const revenue = Math.round(p.revenue * (1 + p.growth) ** k * (1 + wobble));
      const values: Record<string, number> = {
        total_revenue: revenue,
        recurring_revenue: Math.round(revenue * Math.min(0.95, p.recurring + 0.012 * k)),
        gross_margin_pct: Math.round((p.gross + k * 0.6 + wobble * 40) * 10) / 10,
        net_profit_pct: Math.round((p.net + k * 0.4 - wobble * 30) * 10) / 10,
        cash_on_hand: Math.round(p.cash * (1 + 0.05 * k + wobble)),
        ar_days: Math.max(15, Math.round(p.ar - k * 1.5 + wobble * 100)),
        headcount: p.staff + Math.floor((k * p.growth * p.staff) / 2 + (k === 3 && p.growth > 0 ? 1 : 0)),
        new_clients: 1 + ((i + k * 3) % 5),
        lost_clients: (i * 2 + k) % 3,
      };
      for (const [kpiKey, value] of Object.entries(values)) {
        out.push({ groupId, userId, quarter, kpiKey, value, coachOnly: COACH_ONLY[i]?.includes(kpiKey) ?? false });
      }
    });
  });
  return out;
}

const GOALS: readonly [string, string][] = [
  ['Move five break-fix clients to managed services', '5 signed managed-services contracts'],
  ['Hire a second service-desk technician', 'Technician starts work'],
  ['Raise prices for legacy contracts', 'Price letter sent to all 40 legacy clients'],
  ['Cut receivable days', 'AR days under 35'],
  ['Launch a backup-as-a-service offer', 'Offer live with 3 paying clients'],
  ['Document the onboarding process', 'Checklist used for every new client'],
  ['Build a quarterly business review routine', 'QBRs held with the top 10 clients'],
  ['Get the security certification', 'ISO 27001 audit passed'],
  ['Win one client above 50 seats', 'Contract signed'],
  ['Take two weeks off without the phone', '10 working days away'],
  ['Replace the ticketing system', 'All tickets in the new system'],
  ['Start a monthly newsletter', '3 issues sent'],
];

/** Review outcome of goal j of member i set in quarter k; carried goals tend to get done. */
function outcome(i: number, j: number, k: number, carriedCount: number): Exclude<GoalStatus, 'open'> {
  if (carriedCount >= 2) return 'done';
  const roll = (i * 7 + j * 3 + k * 5) % 10;
  return roll < 5 ? 'done' : roll < 8 ? 'partly' : 'not_done';
}

const COMMENTS: Record<Exclude<GoalStatus, 'open'>, string> = {
  done: 'Done, and it shows in the numbers.',
  partly: 'Half way; the rest slipped behind client work.',
  not_done: 'Not started: the quarter was eaten by a migration project.',
};

/**
 * Goals of every member for the demo quarters. `meetings` maps each quarter to the meeting
 * where its goals were set (and where the previous quarter's were reviewed).
 */
export function demoGoals(groupId: string, members: readonly string[], meetings: Readonly<Record<string, { id: string; startsAt: number }>>): Goal[] {
  const all: Goal[] = [];
  members.forEach((userId, i) => {
    let carried: Goal[] = [];
    DEMO_QUARTERS.forEach((quarter, k) => {
      const meeting = meetings[quarter]!;
      const at = new Date(meeting.startsAt + 60 * 60_000).toISOString();
      const fresh = Array.from({ length: Math.max(1, 3 - carried.length + (i % 2)) }, (_, j): Goal => {
        const [text, target] = GOALS[(i * 5 + k * 3 + j) % GOALS.length]!;
        return {
          id: newId(), groupId, userId, quarter, meetingId: meeting.id, text, target, dueDate: null, status: 'open', comment: '',
          progress: '', progressAt: null, carriedFromId: null, carriedCount: 0, vague: false, createdAt: at, updatedAt: at,
        };
      });
      const set = [...carried, ...fresh];
      const next = DEMO_QUARTERS[k + 1];
      if (!next) {
        all.push(...set); // the last quarter's goals wait for the upcoming meeting's review
        return;
      }
      const reviewedAt = new Date(meetings[next]!.startsAt + 90 * 60_000).toISOString();
      const reviewed = set.map((g, j) => {
        const status = outcome(i, j, k, g.carriedCount);
        return { ...g, status, comment: COMMENTS[status], updatedAt: reviewedAt };
      });
      all.push(...reviewed);
      carried = carryOver(reviewed, next, newId, reviewedAt, [], meetings[next]!.id);
    });
  });
  return all;
}

export async function seedDemoRecords(
  storage: Storage,
  groupId: string,
  members: readonly string[],
  meetings: Readonly<Record<string, { id: string; startsAt: number }>>,
): Promise<void> {
  await storage.upsertFigures(demoFigures(groupId, members));
  // Sources before their carry-overs: carried_from_id references an existing goal.
  for (const goal of demoGoals(groupId, members, meetings)) await storage.createGoal(goal);
}
