// Closing: everyone rates the meeting 1 to 10 (the commitments are read back from the notes panel).
import { averageRating } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';

export function ClosingStage({ state, userId, canRate }: { state: MeetingState; userId: string; canRate: boolean }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const mine = state.ratings[userId];
  const avg = averageRating(state);
  return (
    <div data-testid="rating">
      <h3>How useful was this meeting?</h3>
      {canRate && (
        <div className="button-row" role="group" aria-label="Rate the meeting">
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <button key={n} type="button" className="btn btn-small" aria-pressed={mine === n} aria-label={`Rate ${n}`} onClick={() => void sendCommand({ type: 'rating.submit', score: n })}>
              {n}
            </button>
          ))}
        </div>
      )}
      <p>{mine ? `You rated ${mine}.` : canRate ? 'Not rated yet.' : ''} {avg && `${avg.count} rated so far.`}</p>
    </div>
  );
}
