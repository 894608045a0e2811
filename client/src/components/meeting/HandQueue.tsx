// Raised hands in the order they went up. Everyone raises or lowers their own; the
// facilitator calls on people or clears hands.
import { authorizeCommand } from '../../../../shared/access/index.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { useStore } from '../../store/index.ts';

export function HandQueue({ state, isFacilitator }: { state: MeetingState; isFacilitator: boolean }) {
  const you = useStore((s) => s.you);
  const sendCommand = useStore((s) => s.sendCommand);
  const nameOf = useNames();
  const raised = you ? state.hands.some((h) => h.userId === you.userId) : false;
  const canRaise = you !== null && authorizeCommand(state, 'hand.raise', you) === null && state.status !== 'ended';
  const clear = (userId: string) => void sendCommand({ type: 'hand.clear', userId });

  return (
    <section aria-labelledby="hands-h" className="card section">
      <h2 id="hands-h">Hands</h2>
      {canRaise && (
        <button
          type="button"
          className={`btn ${raised ? '' : 'btn-primary'} btn-block hand-raise`}
          aria-pressed={raised}
          onClick={() => void sendCommand({ type: raised ? 'hand.lower' : 'hand.raise' })}
        >
          {raised ? 'Lower hand' : 'Raise hand'}
        </button>
      )}
      {state.speakerId && (
        <p className="speaker" data-testid="speaker">
          Speaking: <strong>{nameOf(state.speakerId)}</strong>{' '}
          {(isFacilitator || state.speakerId === you?.userId) && (
            <button type="button" className="btn btn-small" onClick={() => void sendCommand({ type: 'speaker.clear' })}>
              Done speaking
            </button>
          )}
        </p>
      )}
      {state.hands.length === 0 ? (
        <p className="muted" data-testid="hand-queue">
          No hands raised.
        </p>
      ) : (
        <ol className="hand-queue" data-testid="hand-queue">
          {state.hands.map((h) => {
            const name = nameOf(h.userId);
            return (
              <li key={h.userId} className="hand-item">
                <span>{name}</span>
                {isFacilitator && (
                  <span className="button-row">
                    <button type="button" className="btn btn-small" onClick={() => void sendCommand({ type: 'hand.call', userId: h.userId })} aria-label={`Call on ${name}`}>
                      Call on
                    </button>
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => clear(h.userId)} aria-label={`Clear ${name}'s hand`}>
                      Clear
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
