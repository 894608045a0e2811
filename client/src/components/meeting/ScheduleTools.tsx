// The facilitator's answer to a late day: the projected end against the day's planned end, one
// action that proposes shorter boxes for the rest of the day (before and after shown; fixed
// items and breaks keep theirs), its undo, and "take 10 minutes from the next item". Each is
// one meeting command; the proposal is shared/meeting/timer.ts rebalance(), which the server
// runs again at its clock when the command arrives. The console bar places the pieces: the
// planned end in its status line, the buttons on its row, the proposal under the bar.
import { LIMITS } from '../../../../shared/limits.ts';
import { currentDay, dayRange, isAdjourned, isWorkItem } from '../../../../shared/meeting/days.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { projectedDayEnd, rebalance, runningLate } from '../../../../shared/meeting/timer.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { formatMinutes } from '../../lib/time.ts';
import { dualTime, localTimeZone } from '../../lib/meetingTime.ts';
import { useStore } from '../../store/index.ts';

const BORROW_MS = LIMITS.borrowDefaultMs;

/** "The day was planned to end at 17:00 Berlin." while the day runs a minute or more late. */
export function PlannedDayEnd({ state }: { state: MeetingState }) {
  const now = useServerNow();
  const meeting = useStore((s) => s.meeting);
  if (state.status !== 'live' || isAdjourned(state)) return null;
  const late = runningLate(state, now);
  const run = state.dayRuns[late.day];
  const plannedEnd = run ? run.startedAt + late.plannedMs : null;
  if (projectedDayEnd(state, now) === null || plannedEnd === null || late.lateByMs < 60_000) return null;
  return (
    <p className="schedule-projection">
      The day was planned to end at {dualTime(plannedEnd, meeting?.timeZone ?? localTimeZone(), localTimeZone())}.
    </p>
  );
}

/** Re-balance (opens the proposal), its undo, and borrowing from the next item. */
export function ScheduleTools({ state, previewing, onPreview }: { state: MeetingState; previewing: boolean; onPreview: () => void }) {
  const now = useServerNow();
  const sendCommand = useStore((s) => s.sendCommand);
  if (state.status !== 'live' || isAdjourned(state)) return null;
  const proposal = rebalance(state, now);
  const { to } = dayRange(state.agenda, currentDay(state));
  const next = state.currentIndex + 1 < to ? state.agenda[state.currentIndex + 1] : undefined;
  const canBorrow = next !== undefined && isWorkItem(next) && !next.fixed && next.durationMs - BORROW_MS >= LIMITS.rebalanceMinMs;
  return (
    <div className="schedule-tools button-row" data-testid="schedule-tools">
      {proposal.length > 0 && !previewing && (
        <button type="button" className="btn" onClick={onPreview}>
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
  );
}

/** The proposed boxes, before and after, to apply to everyone or cancel; closes itself once nothing is left to propose. */
export function RebalancePreview({ state, onClose }: { state: MeetingState; onClose: () => void }) {
  const now = useServerNow();
  const sendCommand = useStore((s) => s.sendCommand);
  if (state.status !== 'live' || isAdjourned(state)) return null;
  const proposal = rebalance(state, now);
  if (proposal.length === 0) return null;
  const byId = new Map(state.agenda.map((item) => [item.id, item]));
  return (
    <section className="card rebalance-preview" role="group" aria-label="Proposed boxes">
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
        <button type="button" className="btn btn-primary" onClick={() => void sendCommand({ type: 'agenda.rebalance' }).then(onClose)}>
          Apply to everyone
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}
