// Who is asking: one user's relation to one group, and the single role shown for it.
import type { GroupRole, Role } from '../domain.ts';

/** What one user is in one group: their membership role (if any) and whether they organise its network. */
export interface Subject {
  userId: string;
  groupRole: GroupRole | null;
  organiser: boolean;
  /** Runs the meeting in question (its state's facilitatorId); unset where no meeting is involved. */
  facilitating?: boolean;
  /**
   * The group is a network event's host group: `groupRole` is the event audience's, held by
   * people of several groups (eventRules eventAudienceRole). Unset for any other group.
   */
  eventAudience?: boolean;
}

/**
 * The one role a subject acts and shows as. Rights grow down this list: a coach who also
 * organises the network is the group's coach; an organiser who is a member or observer of
 * the group still has an organiser's (lead) rights, so acts as the organiser.
 */
export const ROLE_RANK: readonly Role[] = ['coach', 'organiser', 'member', 'observer'];

export function roleOf(s: Pick<Subject, 'groupRole' | 'organiser'>): Role {
  const held: Role[] = [...(s.groupRole ? [s.groupRole] : []), ...(s.organiser ? (['organiser'] as const) : [])];
  return ROLE_RANK.find((r) => held.includes(r)) ?? 'observer';
}

/** A subject from a single role (what the client knows about itself from a join). */
export function subjectOf(userId: string, role: Role): Subject {
  return role === 'organiser' ? { userId, groupRole: null, organiser: true } : { userId, groupRole: role, organiser: false };
}

/** A member company: the only role with figures and goals of its own. */
export const hasCompany = (role: Role | null): boolean => role === 'member';

/** Who takes part in the meetings: the group's coach and members (never observers). They may
 * facilitate, hold commitments, and are expected to attend. */
export const takesPart = (role: Role | null): boolean => role === 'coach' || role === 'member';

/** An observer: a read-only guest who follows the meeting but never takes part in it. */
export const isGuest = (role: Role | null): boolean => role === 'observer';
