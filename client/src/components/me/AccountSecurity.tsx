// Where I am signed in, with a way to end any other session or all of them at once, and my
// password (changing it signs out everywhere else). Ending a session also closes its meeting
// and notes connections at once, on the server.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { SessionView } from '../../../../shared/sessions.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { accountApi } from '../../api/account.ts';
import { errorMessage } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const others = (n: number) => (n === 1 ? '1 other session was' : `${n} other sessions were`);

export function AccountSecurity() {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // This browser first, then the others as the server orders them (most recently used first).
  const load = useCallback(
    () => accountApi.sessions().then((r) => setSessions([...r.sessions].sort((a, b) => Number(b.current) - Number(a.current))), (e: unknown) => setError(errorMessage(e))),
    [],
  );
  useEffect(() => void load(), [load]);
  const run = async (action: () => Promise<string>) => {
    setError(null);
    setNote(null);
    try {
      setNote(await action());
    } catch (e) {
      setError(errorMessage(e));
    }
    await load();
  };
  const end = (s: SessionView) => run(async () => (await accountApi.endSession(s.id), `${s.device} is signed out.`));
  const endOthers = () => run(async () => `Signed out everywhere else: ${others((await accountApi.endOtherSessions()).ended)} ended.`);
  const otherCount = sessions?.filter((s) => !s.current).length ?? 0;

  return (
    <section className="card section" aria-labelledby="security-h" data-testid="account-security">
      <h2 id="security-h">Sign-in and security</h2>
      <h3>Where you are signed in</h3>
      {!sessions && !error && <p className="loading">Loading your sessions…</p>}
      {sessions && (
        <ul className="session-list" aria-label="Signed-in sessions">
          {sessions.map((s) => (
            <li key={s.id} className="session" aria-current={s.current ? 'true' : undefined}>
              <div className="session-what">
                <strong title={s.userAgent || undefined}>{s.device}</strong> {s.current && <span className="badge badge-live">This browser</span>}
                <div className="muted small">
                  Signed in {when(s.createdAt)} · last seen {when(s.lastSeenAt)}
                </div>
              </div>
              {!s.current && (
                <button type="button" className="btn btn-danger-outline" aria-label={`Sign out ${s.device}, last seen ${when(s.lastSeenAt)}`} onClick={() => void end(s)}>
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-danger" disabled={otherCount === 0} onClick={() => void endOthers()}>
          Sign out everywhere else
        </button>
      </div>
      <p className="muted" role="status">
        {note}
      </p>
      <Alert message={error} onDismiss={() => setError(null)} />
      <ChangePassword onChanged={(n) => run(async () => `Password changed. ${others(n)} signed out.`)} />
    </section>
  );
}

function ChangePassword({ onChanged }: { onChanged: (ended: number) => Promise<void> }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const { ended } = await accountApi.changePassword({ currentPassword, newPassword });
      setCurrent('');
      setNew('');
      await onChanged(ended);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form password-form" aria-labelledby="password-h" onSubmit={(e) => void submit(e)}>
      <h3 id="password-h">Change password</h3>
      <Field label="Current password">
        <input type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field label="New password" hint={`At least ${LIMITS.passwordMinLength} characters. Every other session is signed out.`}>
        <input type="password" autoComplete="new-password" required minLength={LIMITS.passwordMinLength} value={newPassword} onChange={(e) => setNew(e.target.value)} />
      </Field>
      <Alert message={error} onDismiss={() => setError(null)} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
