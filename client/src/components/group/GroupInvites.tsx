// The group page's two invite forms: a link, and by mail. In a companion group both ask which of
// the parent group's companies the person works for; the companies are loaded here, once for both.
import { InviteForm } from './InviteForm.tsx';
import { InvitesByMail } from './InvitesByMail.tsx';
import { useCompanionCompanies } from './WorksForSelect.tsx';

/** canInviteCoach: the server's `group.invite.coach` right. companion: a companion group. */
export function GroupInvites({ groupId, canInviteCoach, companion }: { groupId: string; canInviteCoach: boolean; companion: boolean }) {
  const companies = useCompanionCompanies(groupId, companion);
  return (
    <>
      <InviteForm groupId={groupId} canInviteCoach={canInviteCoach} companion={companies} />
      <InvitesByMail groupId={groupId} canInviteCoach={canInviteCoach} companion={companies} />
    </>
  );
}
