// The advice round-robin on the console and the member view: who speaks, their time left, who is
// next; the facilitator starts the round and moves it on. Everyone present speaks in turn, the
// presenter listens (observers are left out: they follow, they do not advise).
import { takesPart } from '../../../../shared/access/index.ts';
import type { ListedMember } from '../../../../shared/domain.ts';
import { defaultSpeakers, roundView } from '../../../../shared/meeting/hotseatTurns.ts';
import type { HotSeatState } from '../../../../shared/meeting/state.ts';
import { formatClock } from '../../../../shared/meeting/timer.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { useStore } from '../../store/index.ts';

interface Props {
  state: MeetingState;
  itemId: string;
  seat: HotSeatState;
  members: ListedMember[];
  isFacilitator: boolean;
}

export function AdviceRound({ state, itemId, seat, members, isFacilitator }: Props) {
  const sendCommand = useStore((s) => s.sendCommand);
  const nameOf = useNames();
  const now = useServerNow();
  const advisers = new Set(members.filter((m) => takesPart(m.role)).map((m) => m.userId));
  const speakers = defaultSpeakers(state, seat.presenterId).filter((id) => advisers.has(id));
  const start = () => void sendCommand({ type: 'hotseat.round.start', itemId, ...(speakers.length > 0 ? { speakerIds: speakers } : {}) });
  const round = seat.round;
  if (!round) {
    return (
      <section className="advice-round" aria-label="Advice round" data-testid="advice-round">
        <p className="muted">
          Round: {speakers.length === 0 ? 'nobody but the presenter is here yet' : speakers.map(nameOf).join(', ')}
        </p>
        {isFacilitator && (
          <button type="button" className="btn btn-primary" onClick={start}>
            Start the round
          </button>
        )}
      </section>
    );
  }
  const view = roundView(round, now);
  return (
    <section className="advice-round" aria-label="Advice round" data-testid="advice-round">
      <p className="round-speaker" data-testid="round-speaker">
        Speaking ({round.index + 1} of {round.speakers.length}): <strong>{view.current ? nameOf(view.current) : ''}</strong>{' '}
        <span className={view.remainingMs === 0 ? 'round-time is-over' : 'round-time'} data-testid="round-time">
          {formatClock(view.remainingMs)} left
        </span>
      </p>
      <p className="muted" data-testid="round-next">Next: {view.next ? nameOf(view.next) : 'the round ends'}</p>
      {isFacilitator && (
        <button type="button" className="btn btn-primary" onClick={() => void sendCommand({ type: 'hotseat.round.next', itemId })}>
          {view.next ? 'Next speaker' : 'End the round'}
        </button>
      )}
    </section>
  );
}
