// Create an invite link for a role. The server shows the token once, so we show the link once.
import { useState, type FormEvent } from 'react';
import { invitedForCompany } from '../../../../shared/access/index.ts';
import type { GroupRole } from '../../../../shared/domain.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { useWorksFor, WorksForSelect, type CompanionCompanies } from './WorksForSelect.tsx';

/**
 * canInviteCoach: the server's `group.invite.coach` right (a lead's, even in peer-led groups).
 * companion: a companion group's parent companies (loaded once by GroupInvites), whose members are
 * invited for one of them; null in other groups.
 */
export function InviteForm({ groupId, canInviteCoach, companion }: { groupId: string; canInviteCoach: boolean; companion: CompanionCompanies | null }) {
  const createInvite = useStore((s) => s.createInvite);
  const [role, setRole] = useState<GroupRole>('member');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  const { companies, companyId, setCompanyId } = useWorksFor(companion, setError);
  const forCompany = invitedForCompany(companion !== null, role);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    void run(async () => {
      const { url } = await createInvite(groupId, role, forCompany ? companyId : undefined);
      setLink(new URL(url, window.location.origin).href);
    });
  };

  const onCopy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError('Copying was blocked by the browser. Select the link and copy it by hand.');
    }
  };

  return (
    <section aria-labelledby="invite" className="card section">
      <h2 id="invite">Invite</h2>
      <form className="form form-inline" onSubmit={onSubmit}>
        <RoleSelect label="Role" value={role} onChange={setRole} canInviteCoach={canInviteCoach} />
        {forCompany && <WorksForSelect companies={companies} value={companyId} onChange={setCompanyId} hint="A company of the parent group; its owner sees that this person is in the group." />}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Create invite link
        </button>
      </form>
      <Alert message={error} onDismiss={() => setError(null)} />
      {link && (
        <div className="invite-link">
          <Field label="Invite link" hint="Shown only once. It expires in 7 days and works for one person.">
            <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </Field>
          <button type="button" className="btn" onClick={() => void onCopy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
    </section>
  );
}
