// /me: my record across my groups, my calendar, mail, and where I am signed in.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { overviewApi, type MyGroupOverview } from '../api/overview.ts';
import { Alert } from '../components/Alert.tsx';
import { AccountSecurity } from '../components/me/AccountSecurity.tsx';
import { CalendarSection } from '../components/me/CalendarSection.tsx';
import { GroupRecord } from '../components/me/GroupRecord.tsx';
import { MailSettings } from '../components/me/MailSettings.tsx';
import { useTitle } from '../hooks/useTitle.ts';

export function MyPage() {
  const [groups, setGroups] = useState<MyGroupOverview[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle('My page');
  useEffect(() => {
    overviewApi.mine().then((r) => setGroups(r.groups), (e) => setError(errorMessage(e)));
  }, []);
  return (
    <div className="stack">
      <h1>My page</h1>
      <Alert message={error} />
      {!groups && !error && <p className="loading">Loading your record…</p>}
      {groups?.map((g) => <GroupRecord key={g.group.id} g={g} />)}
      <CalendarSection />
      <MailSettings />
      <AccountSecurity />
    </div>
  );
}
