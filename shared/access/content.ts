// Who sees which content: collaborative docs, room-only blocks, search visibilities.
import type { AgendaItemKind, GroupRole } from '../domain.ts';
import { LIMITS } from '../limits.ts';
import { can, type AccessGroup } from './groupRules.ts';
import type { Subject } from './subject.ts';

/**
 * A subject's right on a collaborative doc:
 * - write: edit it (coach, members, organisers; a private doc's owner);
 * - read: receive it whole, edits dropped (observers the group lets into the room);
 * - read-filtered: receive it without its "stays in the room" blocks, edits dropped (observers);
 * - none: not at all (strangers, someone else's private doc, hot-seat notes for observers
 *   unless the group opens them).
 */
export type DocRight = 'none' | 'read' | 'read-filtered' | 'write';

/** What the access rules need to know about a doc (from its name, plus the agenda item's kind). */
export type DocTarget =
  | { kind: 'notes'; itemKind: AgendaItemKind | null }
  | { kind: 'commitments' }
  | { kind: 'private'; ownerId: string };

export function docRight(s: Subject, g: AccessGroup, doc: DocTarget): DocRight {
  if (!can('notes.read', s, g)) return 'none';
  // A private doc belongs to its owner alone, whatever their role.
  if (doc.kind === 'private') return doc.ownerId === s.userId ? 'write' : 'none';
  if (can('notes.write', s, g)) return 'write';
  if (doc.kind === 'notes' && doc.itemKind === 'hotseat' && !can('notes.hotSeat', s, g)) return 'none';
  return can('notes.roomOnly', s, g) ? 'read' : 'read-filtered';
}

/** Whether a right lets the doc's content through unfiltered. */
export const sendsRoomOnly = (right: DocRight): boolean => right === 'write' || right === 'read';

/** Search index entries: 'members' hold room-only text, 'observers' are the filtered copies, 'all' has none. */
export type SearchVisibility = 'members' | 'observers' | 'all';

export function searchVisibilities(s: Subject, g: AccessGroup): readonly SearchVisibility[] {
  return can('notes.roomOnly', s, g) ? ['members', 'all'] : ['observers', 'all'];
}

/** Whether the subject may invite someone with this role (a coach only by a lead). */
export function canInviteRole(s: Subject, g: AccessGroup, role: GroupRole): boolean {
  return can(role === 'coach' ? 'group.invite.coach' : 'group.invite', s, g);
}

/**
 * Anonymous ballots (meeting ratings, topic votes): one ballot is its caster's alone to read;
 * coach, organiser and facilitator included, everyone else reads counts and averages only.
 */
export const seesBallot = (viewerId: string | null, casterId: string): boolean => viewerId !== null && viewerId === casterId;

/** The spread of ratings shows only from LIMITS.ratingDistributionMinRaters raters up. */
export const showsRatingDistribution = (raters: number): boolean => raters >= LIMITS.ratingDistributionMinRaters;

/**
 * Who must accept the group's norms (on joining, then every 12 months): the members and the
 * observers, who hear what is said in the room. The coach and organisers write them (peer-led
 * groups: members write and accept them). Nobody accepts an event's host group's: its people
 * are every participating group's, each bound by their own group's norms, and its shared
 * sessions state their own confidentiality at the opening (shared/sessionConfidentiality.ts).
 */
export const mustAcceptNorms = (s: Subject): boolean => s.eventAudience !== true && (s.groupRole === 'member' || s.groupRole === 'observer');
