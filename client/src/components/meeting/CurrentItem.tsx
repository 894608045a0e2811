// What the room is on now: the item's title and its timer, or where the meeting stands.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { statusHeadline } from '../../lib/headline.ts';
import { KIND_LABEL } from '../../lib/labels.ts';
import { TimerDisplay } from './TimerDisplay.tsx';

/** `children`: a status line under the title, left of the timer (the console bar's day and schedule). */
export function CurrentItem({ state, children }: { state: MeetingState; children?: ReactNode }) {
  const current = state.status === 'live' ? state.agenda[state.currentIndex] : undefined;
  const next = state.status === 'live' ? state.agenda[state.currentIndex + 1] : state.status === 'scheduled' ? state.agenda[0] : undefined;
  return (
    <div className="now">
      <div className="now-text">
        <p className="eyebrow">
          {current ? `Now · item ${state.currentIndex + 1} of ${state.agenda.length} · ${KIND_LABEL[current.kind]}` : 'Meeting status'}
        </p>
        <h2 className="now-title" data-testid="current-item">
          {statusHeadline(state)}
        </h2>
        {next && <p className="now-next">{state.status === 'scheduled' ? 'First' : 'Next'}: {next.title}</p>}
        {/* In the bar that stays on screen: the page below keeps its scroll when the meeting ends. */}
        {state.status === 'ended' && (
          <p className="now-next">
            <Link to={`/meetings/${state.meetingId}/recap`}>Read the summary</Link>
          </p>
        )}
        {children}
      </div>
      {current && current.kind !== 'day-end' && <TimerDisplay state={state} />}
    </div>
  );
}
