// Home: each of my groups' next meeting, when (the meeting's zone and mine) and where, with the
// call link for groups that meet online, and (member companies) my checklist for it.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { overviewApi, type MyGroupOverview } from '../../api/overview.ts';
import { meetingWhen } from '../../lib/meetingTime.ts';
import { CallLink } from '../meeting/CallLink.tsx';
import { MyChecklist } from './MyChecklist.tsx';

export function NextMeetings() {
  const [groups, setGroups] = useState<MyGroupOverview[] | null>(null);
  useEffect(() => {
    overviewApi.mine().then((r) => setGroups(r.groups), () => setGroups([]));
  }, []);
  const next = (groups ?? []).flatMap((g) => (g.nextMeeting ? [{ g, m: g.nextMeeting }] : []));
  if (next.length === 0) return null;
  return (
    <section aria-labelledby="next-meetings" className="section" data-testid="next-meetings">
      <h2 id="next-meetings">Next meetings</h2>
      <ul className="plain-list">
        {next.map(({ g, m }) => (
          <li key={m.id} className="card recap-card">
            <Link to={`/meetings/${m.id}`}>
              {g.group.name}: {m.title}
            </Link>
            {m.status === 'live' && <span className="badge badge-live"> Live now</span>}
            <p className="muted">
              {meetingWhen(m)}
              {m.location && ` · ${m.location}`}
            </p>
            <CallLink url={m.onlineUrl} className="btn btn-small" />
            {g.myReadiness && <MyChecklist groupId={g.group.id} readiness={g.myReadiness} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
