// My data on My page: download everything Peerboard holds about me (JSON), leave a group, or
// delete my account. Leaving or deleting asks for my password; my private notes and figures go,
// what I wrote with the group stays under "Former member".
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/http.ts';
import { myDataApi } from '../../api/myData.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

export function MyData({ groups, onLeft }: { groups: { id: string; name: string }[]; onLeft: () => void }) {
  const logout = useStore((s) => s.logout);
  const navigate = useNavigate();
  const [groupId, setGroupId] = useState('');
  const [leavePassword, setLeavePassword] = useState('');
  const [deletePassword, setDeletePassword] = useState('');
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const leave = async (e: FormEvent) => {
    e.preventDefault();
    const group = groups.find((g) => g.id === groupId);
    if (!group) return;
    setBusy(true);
    setError(null);
    try {
      await myDataApi.leaveGroup(group.id, leavePassword);
      setNote(`You left ${group.name}. Your private notes and figures there are deleted.`);
      setGroupId('');
      setLeavePassword('');
      onLeft();
    } catch (err) {
      setError(errorMessage(err));
    }
    setBusy(false);
  };

  const remove = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await myDataApi.deleteAccount(deletePassword);
      // The server ended every session; forget ours here too.
      await logout().catch(() => undefined);
      navigate('/login', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <section className="card section my-data" aria-labelledby="mydata-h" data-testid="my-data">
      <h2 id="mydata-h">My data</h2>
      <p>
        <a className="btn" href={myDataApi.exportUrl} download>
          Download my data (JSON)
        </a>{' '}
        <span className="muted">Your profile, goals, figures, private notes, commitments and ratings: nothing about anyone else.</span>
      </p>
      <Alert message={error} onDismiss={() => setError(null)} />
      {note && <p role="status">{note}</p>}
      {groups.length > 0 && (
        <form className="form" aria-label="Leave a group" onSubmit={(e) => void leave(e)}>
          <h3>Leave a group</h3>
          <p className="muted">Your private notes and figures in that group are deleted. Shared notes, commitments and goals stay in its record under "Former member".</p>
          <Field label="Group">
            <select value={groupId} onChange={(e) => setGroupId(e.target.value)} required>
              <option value="">Choose a group</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Your password (to confirm leaving)">
            <input type="password" autoComplete="current-password" value={leavePassword} onChange={(e) => setLeavePassword(e.target.value)} required />
          </Field>
          <button type="submit" className="btn" disabled={busy || !groupId || !leavePassword}>
            Leave the group
          </button>
        </form>
      )}
      <form className="form" aria-label="Delete my account" onSubmit={(e) => void remove(e)}>
        <h3>Delete my account</h3>
        <p className="muted">
          You leave every group and are signed out everywhere. Your private notes and figures are deleted; what you wrote with your groups stays under "Former
          member". This cannot be undone.
        </p>
        <Field label="Your password (to confirm deleting)">
          <input type="password" autoComplete="current-password" value={deletePassword} onChange={(e) => setDeletePassword(e.target.value)} required />
        </Field>
        <label className="check">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I want to delete my account for good
        </label>
        <button type="submit" className="btn btn-danger" disabled={busy || !sure || !deletePassword}>
          Delete my account
        </button>
      </form>
    </section>
  );
}
