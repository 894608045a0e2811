// A member's own checklist for their group's next meeting: their row of the readiness grid, each
// item with a link to where it is done.
import { Link } from 'react-router';
import type { MyReadiness } from '../../../../shared/readiness.ts';

const RSVP_WORDS = { room: 'In the room', remote: 'Remote', excused: 'Excused' } as const;

export function MyChecklist({ groupId, readiness }: { groupId: string; readiness: MyReadiness }) {
  const { me, figuresQuarter, goalsQuarter, meetingId, expects } = readiness;
  // Only what the meeting asks for: a shared session of a network event asks for no figures,
  // goals or norms (its host group has none), so those rows would only ever read "0 of 0".
  const items = [
    {
      key: 'figures',
      done: me.figures === 'complete',
      text: `Figures for ${figuresQuarter}: ${me.figures === 'complete' ? 'complete' : me.figures === 'partial' ? `partial (${me.figuresEntered} of ${me.figuresExpected})` : 'none yet'}`,
      to: `/groups/${groupId}/financials?quarter=${figuresQuarter}`,
      action: 'Enter figures',
    },
    {
      key: 'goals',
      done: me.goalsWithProgress === me.goalsTotal,
      text: me.goalsTotal === 0 ? `No goals of ${goalsQuarter} to update` : `Goal progress (${goalsQuarter}): ${me.goalsWithProgress} of ${me.goalsTotal} updated`,
      to: `/groups/${groupId}/goals`,
      action: 'Update goals',
    },
    { key: 'update', done: me.updateSent, text: me.updateSent ? 'Pre-meeting update sent' : 'Pre-meeting update not sent', to: `/meetings/${meetingId}/update`, action: 'Write update' },
    { key: 'rsvp', done: me.rsvp !== null, text: me.rsvp ? `RSVP: ${RSVP_WORDS[me.rsvp]}` : 'RSVP: not answered', to: `/meetings/${meetingId}/update`, action: 'Answer' },
    { key: 'norms', done: me.normsCurrent, text: me.normsCurrent ? 'Group norms accepted' : me.normsAcceptedAt ? 'Group norms: acceptance expired' : 'Group norms not accepted', to: `/groups/${groupId}`, action: 'Read norms' },
  ].filter((i) => !(i.key === 'figures' || i.key === 'goals' || i.key === 'norms') || expects[i.key]);
  return (
    <div className="my-checklist" data-testid="my-checklist" data-ready={me.ready}>
      <h3>My checklist{me.ready ? ' · ✓ Ready' : ''}</h3>
      <ul className="plain-list">
        {items.map((i) => (
          <li key={i.key} data-item={i.key} data-done={i.done}>
            <span aria-hidden="true" className={i.done ? 'ready-yes' : 'ready-no'}>
              {i.done ? '✓' : '○'}
            </span>{' '}
            <span className="visually-hidden">{i.done ? 'Done: ' : 'To do: '}</span>
            {i.text}
            {!i.done && (
              <>
                {' · '}
                <Link to={i.to}>{i.action}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
