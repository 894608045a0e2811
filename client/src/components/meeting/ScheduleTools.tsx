// The facilitator's answer to a late day: the projected end against the day's planned end, one
// action that proposes shorter boxes for the rest of the day (before and after shown; fixed
// items and breaks keep theirs), its undo, and "take 10 minutes from the next item". Each is
// one meeting command; the proposal is shared/meeting/timer.ts rebalance(), which the server
// runs again at its clock when the command arrives.
import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits.ts';
import { currentDay, dayRange, isAdjourned, isWorkItem } from '../../../../shared/meeting/days.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { projectedDayEnd, rebalance, runningLate } from '../../../../shared/meeting/timer.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { formatMinutes } from '../../lib/time.ts';
import { dualTime, localTimeZone } from '../../lib/meetingTime.ts';
import { useStore } from '../../store/index.ts';

const BORROW_MS = LIMITS.borrowDefaultMs;

export function ScheduleTools({ state }: { state: MeetingState }) {
  const now = useServerNow();
  const sendCommand = useStore((s) => s.sendCommand);
  const meeting = useStore((s) => s.meeting);
  const [previewing, setPreviewing] = useState(false);
  if (state.status !== 'live' || isAdjourned(state)) return null;

  const zone = meeting?.timeZone ?? localTimeZone();
  const late = runningLate(state, now);
  const run = state.dayRuns[late.day];
  const projected = projectedDayEnd(state, now);
  const plannedEnd = run ? run.startedAt + late.plannedMs : null;
  const proposal = rebalance(state, now);
  const { to } = dayRange(state.agenda, currentDay(state));
  const next = state.currentIndex + 1 < to ? state.agenda[state.currentIndex + 1] : undefined;
  const canBorrow = next !== undefined && isWorkItem(next) && !next.fixed && next.durationMs - BORROW_MS >= LIMITS.rebalanceMinMs;
  const byId = new Map(state.agenda.map((item) => [item.id, item]));

  return (
    <div className="schedule-tools" data-testid="schedule-tools">
      {projected !== null && plannedEnd !== null && late.lateByMs >= 60_000 && (
        <p className="schedule-projection">
          The day was planned to end at {dualTime(plannedEnd, zone, localTimeZone())}.
        </p>
      )}
      <div className="button-row">
        {proposal.length > 0 && !previewing && (
          <button type="button" className="btn" onClick={() => setPreviewing(true)}>
            Re-balance the rest of the day…
          </button>
        )}
        {state.rebalanceUndo && (
          <button type="button" className="btn btn-quiet" onClick={() => void sendCommand({ type: 'agenda.rebalance.undo' })}>
            Undo re-balance
          </button>
        )}
        <button
          type="button"
          className="btn btn-quiet"
          disabled={!canBorrow}
          title={canBorrow ? undefined : 'The next item is fixed, a break, the end of the day or too short to give 10 minutes'}
          onClick={() => void sendCommand({ type: 'agenda.borrow', ms: BORROW_MS })}
        >
          Take 10 min from next item
        </button>
      </div>
      {previewing && proposal.length > 0 && (
        <div className="rebalance-preview" role="group" aria-label="Proposed boxes">
          <table className="table" data-testid="rebalance-preview">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Now</th>
                <th scope="col">Proposed</th>
              </tr>
            </thead>
            <tbody>
              {proposal.map((p) => (
                <tr key={p.itemId}>
                  <td>{byId.get(p.itemId)?.title}</td>
                  <td>{formatMinutes(byId.get(p.itemId)?.durationMs ?? 0)}</td>
                  <td>{formatMinutes(p.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Fixed items and breaks keep their time; no box goes below {LIMITS.rebalanceMinMs / 60_000} min.</p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void sendCommand({ type: 'agenda.rebalance' }).then(() => setPreviewing(false))}>
              Apply to everyone
            </button>
            <button type="button" className="btn" onClick={() => setPreviewing(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
