// The wall during the financial review: the member in focus and their key figures, each with
// the change on last quarter and their rank in the group (or the group medians, with no focus).
import { formatKpiChange } from '../../../../shared/financials/format.ts';
import { formatKpiValue } from '../../../../shared/financials/kpis.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { previousQuarter } from '../../../../shared/financials/quarters.ts';
import type { Meeting } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GroupFinancials } from '../../../../shared/records.ts';
import { useRecords } from './useRecords.ts';

/** What the room compares first; the full table is on everyone's laptop. */
const KEY_FIGURES = ['total_revenue', 'recurring_share', 'gross_margin_pct', 'net_profit_pct'];

export function ProjectorFigures({ state, meeting }: { state: MeetingState; meeting: Meeting }) {
  const quarter = previousQuarter(meeting.quarter);
  // The wall is seen by the whole room: coach-only figures stay off it, whoever signed it in.
  const { data } = useRecords<GroupFinancials>(`/api/groups/${meeting.groupId}/financials/${quarter}?audience=room`, 'figures');
  if (!data || !data.canSeeFigures) return null;
  const focus = data.members.find((m) => m.userId === state.focusUserId);
  const locale = viewerLocale();
  const kpis = KEY_FIGURES.map((key) => data.kpis.find((k) => k.key === key)).filter((k) => k !== undefined);
  return (
    <div className="projector-figures" data-testid="projector-figures">
      <p className="projector-figures-who" data-testid="focus-member">{focus ? `${focus.name}${focus.company ? ` · ${focus.company}` : ''} — ${quarter}` : `The group — ${quarter}`}</p>
      <dl className="projector-figure-grid">
        {kpis.map((k) => {
          const v = focus?.views[k.key];
          const s = data.stats[k.key];
          const qoq = v ? formatKpiChange(k, v, 'qoq', locale) : '–';
          return (
            <div key={k.key} className="projector-figure">
              <dt>{k.label}</dt>
              <dd className="projector-figure-value">{formatKpiValue(k, focus ? (v?.value ?? null) : (s?.median ?? null), data.currency, locale, 'compact')}</dd>
              <dd className="projector-figure-context">
                {focus
                  ? [qoq !== '–' && `${qoq} QoQ`, v?.rank ? `rank ${v.rank} of ${v.of}` : null].filter(Boolean).join(' · ') || '–'
                  : `median of ${s?.n ?? 0}`}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
