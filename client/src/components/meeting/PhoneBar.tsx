// On a phone the hand queue is far down the page: Raise hand (and, for a remote member of a
// meeting with a call, Join the call) sit in a bar fixed to the foot of the screen. Shown by
// CSS only on narrow screens; on wider ones HandQueue's own button does the job.
import { authorizeCommand } from '../../../../shared/access/index.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import { safeCallUrl } from './CallLink.tsx';

export function PhoneBar({ state, remote }: { state: MeetingState; remote: boolean }) {
  const you = useStore((s) => s.you);
  const meeting = useStore((s) => s.meeting);
  const sendCommand = useStore((s) => s.sendCommand);
  if (state.status === 'ended') return null;
  const raised = you ? state.hands.some((h) => h.userId === you.userId) : false;
  const canRaise = you !== null && authorizeCommand(state, 'hand.raise', you) === null;
  // Checked like CallLink (https only); its own test id, as the page's CallLink is there too.
  const call = remote ? safeCallUrl(meeting?.onlineUrl) : null;
  if (!canRaise && !call) return null;
  return (
    <div className="phone-bar" data-testid="phone-bar">
      {canRaise && (
        <button type="button" className={`btn ${raised ? '' : 'btn-primary'}`} aria-pressed={raised} onClick={() => void sendCommand({ type: raised ? 'hand.lower' : 'hand.raise' })}>
          {raised ? 'Lower hand' : 'Raise hand'}
        </button>
      )}
      {call && (
        <a className="btn call-link" href={call} target="_blank" rel="noopener noreferrer" data-testid="phone-call-link">
          Join the call
        </a>
      )}
    </div>
  );
}
