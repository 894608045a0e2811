// /groups/:id: details, members, invites and meetings of one group.
import { CompanyChecks } from '../components/group/CompanyChecks.tsx';
import { CompanyProfileForm } from '../components/group/CompanyProfileForm.tsx';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { canNetwork } from '../../../shared/access/index.ts';
import { Alert } from '../components/Alert.tsx';
import { GroupDetails } from '../components/group/GroupDetails.tsx';
import { GroupInvites } from '../components/group/GroupInvites.tsx';
import { JoinRequests } from '../components/kinds/JoinRequests.tsx';
import { GroupKindEditor } from '../components/kinds/GroupKindEditor.tsx';
import { ReadinessGrid } from '../components/group/ReadinessGrid.tsx';
import { UpdatePromptsEditor } from '../components/updates/UpdatePromptsEditor.tsx';
import { AttendanceRecord } from '../components/attendance/AttendanceRecord.tsx';
import { MeetingLists } from '../components/group/MeetingLists.tsx';
import { MemberTable } from '../components/group/MemberTable.tsx';
import { NormsGate } from '../components/group/NormsGate.tsx';
import { NormsPanel } from '../components/group/NormsPanel.tsx';
import { ScheduleMeetingForm } from '../components/group/ScheduleMeetingForm.tsx';
import { TemplatesPanel } from '../components/templates/TemplatesPanel.tsx';
import { SearchBox } from '../components/search/SearchBox.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { allows, networkSubjectFromMe } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';

export function GroupPage() {
  const { id = '' } = useParams();
  const detail = useStore((s) => (s.groupDetail?.group.id === id ? s.groupDetail : null));
  const error = useStore((s) => s.groupError);
  const loadGroup = useStore((s) => s.loadGroup);
  const me = useStore((s) => s.me);
  const userId = me?.user.id ?? '';
  useTitle(detail?.group.name ?? 'Group');

  useEffect(() => {
    void loadGroup(id);
  }, [id, loadGroup]);

  if (!detail) {
    return error ? (
      <>
        <h1>Group</h1>
        <Alert message={error} />
      </>
    ) : (
      <p className="loading">Loading group…</p>
    );
  }

  const { group, role, members, meetings, templates } = detail;
  // The server says whether the caller must (re)accept the norms first; the page waits for it.
  if (detail.norms.mustAccept) return <NormsGate groupId={group.id} groupName={group.name} renewal={detail.norms.acceptedAt !== null} />;
  const canManage = allows(detail, 'group.members.manage');
  // Peer-led groups take turns facilitating, so any member may schedule (the server's rule).
  const canSchedule = allows(detail, 'meeting.create');
  const company = allows(detail, 'financials.write');
  // The readiness grid looks at the next scheduled meeting: the whole grid for whoever may read
  // it, a member company's own row (its checklist, through goals.write) otherwise.
  const next = meetings.filter((m) => m.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const seesReadiness = allows(detail, 'readiness.read') || allows(detail, 'goals.write');

  return (
    <>
      <h1>{group.name}</h1>
      {canManage && (
        <p>
          <Link to={`/groups/${group.id}/coach`}>Coach's view: every member's goals, commitments and attendance</Link>
        </p>
      )}
      <nav aria-label="Between meetings" className="group-links">
        <Link to={`/groups/${group.id}/financials`}>Financials{company ? ': enter my figures or import a CSV' : ''}</Link>
        {' · '}
        <Link to={`/groups/${group.id}/goals`}>Goals{company ? ': my progress and the group at a glance' : ' at a glance'}</Link>
        {' · '}
        <Link to={`/groups/${group.id}/resources`}>Resource library</Link>
        {allows(detail, 'parking.read') && (
          <>
            {' · '}
            <Link to={`/groups/${group.id}/parking`}>Parking lot</Link>
          </>
        )}
      </nav>
      <SearchBox groupId={group.id} />
      {next && seesReadiness && <ReadinessGrid meeting={next} groupId={group.id} canRemind={allows(detail, 'readiness.remind')} userId={userId} />}
      <div className="page-grid">
        <div className="stack">
          <MeetingLists meetings={meetings} />
          {canSchedule && <ScheduleMeetingForm groupId={group.id} templates={templates} />}
          {allows(detail, 'group.templates.write') && <TemplatesPanel groupId={group.id} templates={templates} onChanged={() => void loadGroup(group.id)} />}
          {allows(detail, 'updates.prompts') && <UpdatePromptsEditor groupId={group.id} />}
          {(allows(detail, 'attendance.review') || company) && <AttendanceRecord groupId={group.id} canEditRule={allows(detail, 'attendance.rule')} />}
        </div>
        <div className="stack">
          <GroupDetails group={group} role={role} canManage={canManage} networkCurrency={detail.networkCurrency} />
          <NormsPanel groupId={group.id} canEdit={allows(detail, 'group.norms.edit')} canReview={allows(detail, 'group.norms.review')} />
          <MemberTable groupId={group.id} members={members} canManage={canManage} />
          {company && group.kind !== 'companion' && <CompanyProfileForm networkId={group.networkId} />}
          {allows(detail, 'group.kind') && <GroupKindEditor key={`${group.kind}:${group.companionOf ?? ''}`} group={group} onSaved={() => void loadGroup(group.id)} />}
          {allows(detail, 'interest.admit') && <JoinRequests groupId={group.id} onAdmitted={() => void loadGroup(group.id)} />}
          {allows(detail, 'companies.propose') && (
            <CompanyChecks groupId={group.id} networkId={group.networkId} canDecide={allows(detail, 'companies.decide')} canListNetwork={canNetwork('network.companies.read', networkSubjectFromMe(me, group.networkId))} />
          )}
          {allows(detail, 'group.invite') && <GroupInvites groupId={group.id} canInviteCoach={allows(detail, 'group.invite.coach')} companion={group.kind === 'companion'} />}
        </div>
      </div>
    </>
  );
}
