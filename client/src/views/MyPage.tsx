// /me: my record across my groups, my calendar, mail, where I am signed in, and my data.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { overviewApi, type MyGroupOverview } from '../api/overview.ts';
import { Alert } from '../components/Alert.tsx';
import { AccountSecurity } from '../components/me/AccountSecurity.tsx';
import { CalendarSection } from '../components/me/CalendarSection.tsx';
import { GroupRecord } from '../components/me/GroupRecord.tsx';
import { MailSettings } from '../components/me/MailSettings.tsx';
import { MyData } from '../components/me/MyData.tsx';
import { useTitle } from '../hooks/useTitle.ts';

export function MyPage() {
  const [groups, setGroups] = useState<MyGroupOverview[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle('My page');
  const load = useCallback(() => overviewApi.mine().then((r) => setGroups(r.groups), (e) => setError(errorMessage(e))), []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="stack">
      <h1>My page</h1>
      <Alert message={error} />
      {!groups && !error && <p className="loading">Loading your record…</p>}
      {groups?.map((g) => <GroupRecord key={g.group.id} g={g} />)}
      <CalendarSection />
      <MailSettings />
      <AccountSecurity />
      <MyData groups={(groups ?? []).map((g) => ({ id: g.group.id, name: g.group.name }))} onLeft={() => void load()} />
    </div>
  );
}
