// Home: the groups I belong to, and for organisers their networks' groups.
import { Link } from 'react-router';
import { hasCompany } from '../../../shared/access/index.ts';
import { GroupSummary } from '../components/home/GroupSummary.tsx';
import { NetworkSection } from '../components/home/NetworkSection.tsx';
import { RecentRecaps } from '../components/home/RecentRecaps.tsx';
import { NextMeetings } from '../components/home/NextMeetings.tsx';
import { InterestGroups } from '../components/kinds/InterestGroups.tsx';
import { MyCompanions } from '../components/kinds/MyCompanions.tsx';
import { MyEvents } from '../components/home/MyEvents.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';

export function HomePage() {
  const me = useStore((s) => s.me);
  useTitle('My groups');
  if (!me) return null;

  return (
    <>
      <h1>My groups</h1>
      {me.groups.some((g) => g.role === 'coach') && (
        <p>
          <Link to="/coaching">Coaching: every group you coach at a glance</Link>
        </p>
      )}
      <NextMeetings />
      <MyCompanions />
      <MyEvents />
      <RecentRecaps />
      <section aria-labelledby="my-groups" className="section">
        <h2 id="my-groups">Groups you belong to</h2>
        {me.groups.length === 0 ? (
          <p className="muted">You are not in a group yet. An invite link from your coach or organiser adds you to one.</p>
        ) : (
          <ul className="plain-list">
            {me.groups.map(({ group, role }) => (
              <GroupSummary key={group.id} group={group} role={role} />
            ))}
          </ul>
        )}
      </section>
      {[...new Set(me.groups.filter((g) => hasCompany(g.role) && g.group.kind !== 'companion').map((g) => g.group.networkId))].map((id) => (
        <InterestGroups key={id} networkId={id} />
      ))}
      {me.networks.map((n) => (
        <NetworkSection key={n.id} network={n} />
      ))}
    </>
  );
}
