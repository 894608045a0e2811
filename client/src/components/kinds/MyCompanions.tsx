// Home, for a company's owner: which companion groups their people are in, and when each next
// meets. Only that: the groups' meetings, notes and figures are their members' alone.
import { useEffect, useState } from 'react';
import type { CompanionListing } from '../../../../shared/groupKinds.ts';
import { groupKindsApi } from '../../api/groupKinds.ts';
import { startWhen } from '../../lib/meetingTime.ts';

export function MyCompanions() {
  const [list, setList] = useState<CompanionListing[] | null>(null);
  useEffect(() => {
    groupKindsApi.myCompanions().then((r) => setList(r.companions), () => setList([]));
  }, []);
  if (!list || list.length === 0) return null;
  return (
    <section aria-labelledby="my-companions" className="section" data-testid="my-companions">
      <h2 id="my-companions">Your people in companion groups</h2>
      <ul className="plain-list">
        {list.map((c) => (
          <li key={`${c.groupId}:${c.userId}`} className="group-summary">
            <strong>{c.groupName}</strong>
            <span>
              {c.personName} <span className="muted">for {c.companyName}</span>
            </span>
            <span className="muted">{c.nextMeeting ? `Next meeting: ${startWhen(c.nextMeeting.startsAt, c.nextMeeting.timeZone)}` : 'No meeting scheduled'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
