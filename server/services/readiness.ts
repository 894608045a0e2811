// Who has prepared for a meeting: figures of the reviewed quarter and progress on the goals
// under review. Used by the coach's grid, a member's own checklist and the reminder mails.
import { hasCompany } from '../../shared/access/index.ts';
import type { Meeting } from '../../shared/domain.ts';
import { isQuarter, previousQuarter } from '../../shared/financials/quarters.ts';
import type { MeetingReadiness, MemberReadiness } from '../../shared/readiness.ts';
import type { Storage } from '../storage/types.ts';
import { kpisOf } from './financials.ts';
import { reviewContext } from './goals.ts';

export async function meetingReadiness(storage: Storage, meeting: Meeting): Promise<MeetingReadiness> {
  const figuresQuarter = isQuarter(meeting.quarter) ? previousQuarter(meeting.quarter) : meeting.quarter;
  const [{ reviewQuarter }, members, figures, kpis] = await Promise.all([
    reviewContext(storage, meeting),
    storage.listMembers(meeting.groupId),
    storage.listFigures(meeting.groupId, { fromQuarter: figuresQuarter, toQuarter: figuresQuarter }),
    kpisOf(storage, meeting.groupId),
  ]);
  const goals = await storage.listGoals(meeting.groupId, { quarter: reviewQuarter });
  const enterable = new Set(kpis.filter((k) => !k.derived).map((k) => k.key));
  const rows = members
    .filter((m) => hasCompany(m.role))
    .map((m): MemberReadiness => {
      const entered = new Set(figures.filter((f) => f.userId === m.userId && enterable.has(f.kpiKey)).map((f) => f.kpiKey)).size;
      const mine = goals.filter((g) => g.userId === m.userId);
      const withProgress = mine.filter((g) => g.progress.trim() !== '').length;
      const figuresState = entered === 0 ? 'none' : entered >= enterable.size ? 'complete' : 'partial';
      return {
        userId: m.userId,
        name: m.name,
        company: m.company,
        figures: figuresState,
        figuresEntered: entered,
        figuresExpected: enterable.size,
        goalsTotal: mine.length,
        goalsWithProgress: withProgress,
        ready: figuresState === 'complete' && withProgress === mine.length,
      };
    });
  return { meetingId: meeting.id, figuresQuarter, goalsQuarter: reviewQuarter, members: rows };
}
