// The words of every mail Peerboard sends: plain text, short, with the one link that matters.
// Nothing here reads storage; the callers pass what each mail needs. "Stays in the room"
// content is never passed in: notes are not mailed at all, confidential commitments are left out.
import type { Commitment } from '../../shared/collab/commitments.ts';
import type { Group, GroupRole, Meeting } from '../../shared/domain.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { MemberReadiness } from '../../shared/readiness.ts';
import { humanCalendarDate, humanDate, humanDateTime } from '../../shared/calendar/humanDate.ts';

export interface ComposedText {
  subject: string;
  text: string;
}

/** The start in the meeting's zone, named; a meeting of several days lists each day's hours. */
const when = (m: Meeting): string => {
  const start = `${humanDateTime(Date.parse(m.startsAt), m.timeZone)} (${m.timeZone})`;
  if (m.days.length < 2) return start;
  return `${start}, over ${m.days.length} days (${m.days.map((d, i) => `day ${i + 1}: ${humanCalendarDate(d.date)} ${d.start}-${d.end}`).join('; ')})`;
};

const ROLE_WORDS: Record<GroupRole, string> = { coach: 'the coach', member: 'a member', observer: 'an observer' };

export function inviteMail(o: { group: Group; networkName: string; role: GroupRole; company?: string | null; inviter: string; url: string; expiresAt: string }): ComposedText {
  // A companion group's invite names the company of the parent group the person joins for.
  const forCompany = o.company ? `, for ${o.company}` : '';
  return {
    subject: `Invitation to ${o.group.name} on Peerboard`,
    text: `${o.inviter} invites you to join ${o.group.name} (${o.networkName}) as ${ROLE_WORDS[o.role]}${forCompany}.

Accept the invitation here: ${o.url}

The link works once and until ${humanDate(Date.parse(o.expiresAt), 'UTC')}. If you did not expect this, ignore this mail.`,
  };
}

export function organiserInviteMail(o: { networkName: string; inviter: string; url: string; expiresAt: string }): ComposedText {
  return {
    subject: `Invitation to organise ${o.networkName} on Peerboard`,
    text: `${o.inviter} invites you to become an organiser of ${o.networkName}: you would run the network's groups with the same rights as every other organiser.

Accept the invitation here: ${o.url}

The link works once and until ${o.expiresAt.slice(0, 10)}. If you did not expect this, ignore this mail.`,
  };
}

export function passwordResetMail(o: { name: string; url: string; validMinutes: number }): ComposedText {
  return {
    subject: 'Reset your Peerboard password',
    text: `Hello ${o.name},

someone (hopefully you) asked to reset your Peerboard password. Choose a new one here:
${o.url}

The link works once, for ${o.validMinutes} minutes. If you did not ask, ignore this mail: your password stays as it is.`,
  };
}

/** `links.figures`/`links.goals`: null where the meeting asks for none (a shared session of a network event). */
export function prepReminderMail(o: { name: string; group: Group; meeting: Meeting; row: MemberReadiness; figuresQuarter: string; links: { figures: string | null; goals: string | null; update: string; meeting: string } }): ComposedText {
  const todo: string[] = [];
  if (o.links.figures && o.row.figures !== 'complete') {
    todo.push(`- Your figures for ${o.figuresQuarter}: ${o.row.figuresEntered} of ${o.row.figuresExpected} entered. Enter them: ${o.links.figures}`);
  }
  if (o.links.goals && o.row.goalsWithProgress < o.row.goalsTotal) {
    todo.push(`- Progress on your goals: ${o.row.goalsWithProgress} of ${o.row.goalsTotal} updated. Update them: ${o.links.goals}`);
  }
  const fallback = o.links.figures || o.links.goals ? '- Check that your figures, goal progress and update are up to date.' : '- Check that your update is up to date.';
  if (!o.row.updateSent) todo.push(`- Your update for the check-in (best, worst, what you need). Write it: ${o.links.update}`);
  return {
    subject: `Prepare for ${o.meeting.title} (${o.group.name})`,
    text: `Hello ${o.name},

${o.group.name} meets on ${when(o.meeting)}. Before then, please:
${todo.join('\n') || fallback}

The meeting: ${o.links.meeting}`,
  };
}

export function meetingReminderMail(o: { name: string; group: Group; meeting: Meeting; meetingUrl: string }): ComposedText {
  const where = [o.meeting.location && `Where: ${o.meeting.location}`, o.meeting.onlineUrl && `Join the call: ${o.meeting.onlineUrl}`].filter(Boolean).join('\n');
  return {
    subject: `Tomorrow: ${o.meeting.title} (${o.group.name})`,
    text: `Hello ${o.name},

${o.group.name} meets on ${when(o.meeting)}.
${where}

Open the meeting in Peerboard: ${o.meetingUrl}
The calendar entry is attached.`,
  };
}

const commitmentLine = (c: Commitment, names: Map<string, string>): string =>
  `- ${names.has(c.who) ? `${names.get(c.who)}: ` : ''}${c.what}${c.due ? ` (by ${humanCalendarDate(c.due)})` : ''}`;

/** The recap: my commitments first, then the group's; confidential ones are never passed in. */
/**
 * `attendance`: each member's `label` (ATTENDANCE_LABEL, shared/attendance.ts), as the recap says it;
 * `next`: the meeting scheduled at the closing, if any; `myGoals`: null where the meeting has no goals (a
 * shared session of a network event).
 */
export function recapMail(o: { name: string; userId: string; group: Group; meeting: Meeting; commitments: Commitment[]; names: Map<string, string>; myGoals: Goal[] | null; attendance: { name: string; label: string }[]; next: Meeting | null; recapUrl: string }): ComposedText {
  const mine = o.commitments.filter((c) => c.who === o.userId);
  const others = o.commitments.filter((c) => c.who !== o.userId);
  const section = (title: string, lines: string[]) => (lines.length ? `\n${title}\n${lines.join('\n')}\n` : '');
  return {
    subject: `Recap: ${o.meeting.title} (${o.group.name})`,
    text: `Hello ${o.name},

the record of ${o.meeting.title} is final.
${section('Your commitments', mine.map((c) => commitmentLine(c, new Map())))}${section(`Your goals for ${o.meeting.quarter}`, (o.myGoals ?? []).map((g) => `- ${g.text}${g.target ? ` (target: ${g.target})` : ''}`))}${section("The group's commitments", others.map((c) => commitmentLine(c, o.names)))}${section('Attendance', o.attendance.map((a) => `- ${a.name}: ${a.label}`))}${o.next ? `\nNext meeting: ${when(o.next)}${o.next.location ? `, ${o.next.location}` : ''}\n` : ''}
The full recap (notes, hot seats${o.myGoals ? ', goal review' : ''}): ${o.recapUrl}`,
  };
}

export function overdueMail(o: { name: string; items: { what: string; due: string; group: string; meetingTitle: string }[]; url: string }): ComposedText {
  return {
    subject: `${o.items.length} overdue commitment${o.items.length === 1 ? '' : 's'} on Peerboard`,
    text: `Hello ${o.name},

these commitments are past their date and still open:
${o.items.map((i) => `- ${i.what} (due ${i.due}; ${i.group}, ${i.meetingTitle})`).join('\n')}

Mark them done or talk to your group: ${o.url}`,
  };
}
