// The caller's rights as the server computed them (shared/access): views ask this, never role strings.
import { inPhase, networkSubjectOf, type GroupAction, type NetworkSubject } from '../../../shared/access/index.ts';
import type { MeResponse } from '../../../shared/api.ts';
import type { MeetingStatus } from '../../../shared/domain.ts';

/** Whether a group or meeting answer lets the caller take the action; false while it loads. */
export function allows(detail: { allowed: readonly GroupAction[] } | null | undefined, action: GroupAction): boolean {
  return detail?.allowed.includes(action) ?? false;
}

/** Whether the caller may take the action on this meeting of the group: their role, and its status. */
export function allowsOn(detail: { allowed: readonly GroupAction[] } | null | undefined, action: GroupAction, meeting: { status: MeetingStatus }): boolean {
  return allows(detail, action) && inPhase(action, meeting.status);
}

/** Who the caller is in a network, built as the server builds it, from /api/me's networks and groups. */
export function networkSubjectFromMe(me: MeResponse | null, networkId: string): NetworkSubject {
  const organiser = me?.networks.some((n) => n.id === networkId) ?? false;
  return networkSubjectOf(me?.user.id ?? '', organiser, me?.groups.filter((g) => g.group.networkId === networkId) ?? []);
}
