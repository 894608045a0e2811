// Closing: the commitments read back, everyone rates the meeting 1 to 10, the next meeting. The average is shown
// only once the meeting has ended, so early ratings don't steer later ones.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { RatingAggregate } from '../meeting/RatingAggregate.tsx';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { pageAt } from '../../lib/pages.ts';
import { useStore } from '../../store/index.ts';
import { NextMeeting } from './NextMeeting.tsx';
import { useCommitmentList } from './useCommitmentList.ts';

/** How long each page of commitments stays on the wall before the next. */
const WALL_PAGE_MS = 10_000;

/**
 * The commitments read back. On the wall (`pageSize` set) a long list turns page by page,
 * since nobody can scroll a projector; in the meeting view it is one list.
 */
export function CommitmentsReadBack({ meetingId, className, pageSize }: { meetingId: string; className?: string; pageSize?: number }) {
  const { items } = useCommitmentList(meetingId);
  const nameOf = useNames();
  const open = items.filter((c) => c.status !== 'dropped');
  const [turn, setTurn] = useState(0);
  const paged = pageSize !== undefined && open.length > pageSize;
  useEffect(() => {
    if (!paged) return;
    const timer = setInterval(() => setTurn((t) => t + 1), WALL_PAGE_MS);
    return () => clearInterval(timer);
  }, [paged]);
  const slice = pageAt(open.length, paged ? pageSize : open.length, turn);
  const shown = open.slice(slice.start, slice.end);
  return (
    <section className={className ?? 'readback'} aria-labelledby={`readback-${meetingId}`} data-testid="commitments-readback">
      <h3 id={`readback-${meetingId}`}>
        Commitments{paged && <span className="muted" data-testid="readback-page"> {slice.start + 1}–{slice.end} of {open.length}</span>}
      </h3>
      {open.length === 0 ? (
        <p className="muted">No commitments recorded.</p>
      ) : (
        <ul className={`readback-list${shown.length > 4 ? ' is-many' : ''}`}>
          {shown.map((c) => (
            <li key={c.id}>
              <strong>{nameOf(c.who)}</strong>: {c.what}
              {c.due && <span className="muted"> — by {c.due}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ClosingStage({ state, userId, canRate }: { state: MeetingState; userId: string; canRate: boolean }) {
  const sendCommand = useStore((s) => s.sendCommand);
  // The server sends us our own rating only, beside the aggregate (shared/meeting/viewFor.ts).
  const mine = state.ratings[userId] ?? null;
  const ended = state.status === 'ended';
  return (
    <div className="closing">
      <CommitmentsReadBack meetingId={state.meetingId} />
      <div data-testid="rating">
        <h3>How useful was this meeting?</h3>
        {canRate && !ended && (
          <div className="button-row" role="group" aria-label="Rate the meeting">
            {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
              <button key={n} type="button" className="btn btn-small" aria-pressed={mine === n} aria-label={`Rate ${n}`} onClick={() => void sendCommand({ type: 'rating.submit', score: n })}>
                {n}
              </button>
            ))}
          </div>
        )}
        {mine === null && canRate && !ended && <p>Not rated yet. Ratings are anonymous: everyone sees the average, nobody sees who gave what.</p>}
        <RatingAggregate summary={state.ratingSummary} mine={mine} showAverage={ended} />
      </div>
      <NextMeeting meetingId={state.meetingId} />
      {ended && (
        <p>
          <Link to={`/meetings/${state.meetingId}/recap`}>Read the summary of this meeting</Link>
        </p>
      )}
    </div>
  );
}
