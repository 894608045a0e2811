// Invitations by mail: a list of addresses (one per line, a role for the batch and, for a
// companion group's members, the company they work for), and the pending invites with who, role
// and expiry, each revocable and re-sendable.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { invitedForCompany } from '../../../../shared/access/index.ts';
import type { GroupRole } from '../../../../shared/domain.ts';
import type { PendingInvite } from '../../../../shared/mail.ts';
import { BULK_INVITE_MAX } from '../../../../shared/mail.ts';
import { errorMessage } from '../../api/http.ts';
import { mailApi } from '../../api/mail.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { ROLE_LABEL } from '../../lib/labels.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { useWorksFor, WorksForSelect, type CompanionCompanies } from './WorksForSelect.tsx';

/**
 * canInviteCoach: the server's `group.invite.coach` right, as for the invite link.
 * companion: a companion group's parent companies (loaded once by GroupInvites), whose members are
 * invited for one of them; null in other groups.
 */
export function InvitesByMail({ groupId, canInviteCoach, companion }: { groupId: string; canInviteCoach: boolean; companion: CompanionCompanies | null }) {
  const [pending, setPending] = useState<PendingInvite[] | null>(null);
  const [addresses, setAddresses] = useState('');
  const [role, setRole] = useState<GroupRole>('member');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const { companies, companyId, setCompanyId } = useWorksFor(companion, setError);
  const forCompany = invitedForCompany(companion !== null, role);
  const reload = useCallback(() => mailApi.pendingInvites(groupId).then(setPending, (e: unknown) => setError(errorMessage(e))), [groupId, setError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const emails = addresses.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean);
    void run(async () => {
      if (emails.length === 0) throw new Error('Enter at least one address.');
      if (emails.length > BULK_INVITE_MAX) throw new Error(`At most ${BULK_INVITE_MAX} addresses at once.`);
      const r = await mailApi.bulkInvite(groupId, { invites: emails.map((email) => ({ email, role, ...(forCompany && { companyId }) })) });
      setNotice(`Invitation mailed to ${r.invites.map((i) => i.email).join(', ')}.`);
      setAddresses('');
      await reload();
    });
  };

  const act = (label: string, fn: () => Promise<unknown>) =>
    void run(async () => {
      await fn();
      setNotice(label);
      await reload();
    });

  return (
    <section aria-labelledby="invite-mail" className="card section">
      <h2 id="invite-mail">Invite by mail</h2>
      <form className="form" onSubmit={onSubmit}>
        <Field label="Email addresses" hint="One per line (or separated by commas); each gets their own link, valid 7 days.">
          <textarea rows={3} value={addresses} onChange={(e) => setAddresses(e.target.value)} />
        </Field>
        <RoleSelect label="Role of everyone listed" value={role} onChange={setRole} canInviteCoach={canInviteCoach} />
        {forCompany && <WorksForSelect companies={companies} value={companyId} onChange={setCompanyId} hint="A company of the parent group that everyone listed works for; its owner sees that they are in the group." />}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Send invitations
        </button>
      </form>
      <Alert message={error} onDismiss={() => setError(null)} />
      {notice && <p role="status">{notice}</p>}
      <h3>Pending invitations</h3>
      {pending?.length === 0 && <p className="muted">None pending.</p>}
      {pending && pending.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((p) => (
              <tr key={p.id}>
                <td>{p.email ?? 'Link handed over'} <span className="muted">(by {p.createdByName})</span></td>
                <td>
                  {ROLE_LABEL[p.role]}
                  {p.companyName && <span className="muted"> for {p.companyName}</span>}
                </td>
                <td>{p.expiresAt.slice(0, 10)}</td>
                <td>
                  {p.email && (
                    <button type="button" className="btn" disabled={busy} onClick={() => act(`Sent again to ${p.email}.`, () => mailApi.resendInvite(groupId, p.id))}>
                      Re-send
                    </button>
                  )}{' '}
                  <button type="button" className="btn" disabled={busy} onClick={() => act('Invitation revoked: its link no longer works.', () => mailApi.revokeInvite(groupId, p.id))}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
