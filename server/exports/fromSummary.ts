// A meeting summary (already filtered for its reader) as a recap document for Markdown/PDF.
import type { Commitment } from '../../shared/collab/commitments.ts';
import { humanCalendarDate, humanDateTime, humanDays } from '../../shared/calendar/humanDate.ts';
import { formatKpiByKey } from '../../shared/financials/kpis.ts';
import type { Meeting } from '../../shared/domain.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { MeetingSummary, SummaryFinancials } from '../../shared/records.ts';
import type { LibraryResource } from '../../shared/resources.ts';
import type { NoteBlock } from '../../shared/notes/blocks.ts';
import { plainItems, type RecapBlock, type RecapDoc, type RecapSection } from './recapDoc.ts';

const STATUS = { open: 'open', done: 'done', partly: 'partly done', not_done: 'not done' } as const;

/** One goal of the recap; a dropped or reworded carried goal says why (and its first wording). */
export function goalLine(g: Goal, name: (id: string) => string): string {
  const carried = g.carriedCount > 0 ? ` (carried ×${g.carriedCount})` : '';
  const reworded = g.reworded ? ` (reworded from "${g.reworded.from}": ${g.reworded.reason})` : '';
  const status = g.dropped ? `dropped: ${g.dropped.reason}` : STATUS[g.status];
  const comment = g.comment ? ` — ${g.comment}` : '';
  return `${name(g.userId)}: ${g.text}${g.target ? ` [target: ${g.target}]` : ''}${carried}${reworded} — ${status}${comment}`;
}

function commitmentLine(c: Commitment, name: (id: string) => string): string {
  return `${name(c.who)}: ${c.what}${c.due ? ` (by ${humanCalendarDate(c.due)})` : ''} — ${c.status}`;
}

function financialBlocks(f: SummaryFinancials): RecapBlock[] {
  if (!f.canSeeFigures) return [{ kind: 'paragraph', text: 'This group keeps its figures from observers.' }];
  if (f.medians.length === 0) return [{ kind: 'paragraph', text: 'No figures for this quarter.' }];
  return [{ kind: 'list', items: plainItems(f.medians.map((m) => `${m.label}: group median ${formatKpiByKey(m.kpiKey, m.median, f.currency)} (${m.n} companies)`)) }];
}

/** A link with its address; a file by name (its bytes stay behind the group's sign-in). */
function resourceLine(r: LibraryResource): string {
  const what = r.kind === 'link' ? (r.url ?? '') : `file ${r.fileName ?? ''}`;
  return `${r.title} — ${what}, shared by ${r.sharedByName}`;
}

/**
 * `s` and `privateNotes` hold only what this recap may show; `roomOnlyIncluded` says the reader
 * asked for what stays in the room (the recap says so at the top).
 */
/** The aggregate and the reader's own score; never anyone else's (shared/meeting/viewFor.ts). */
function ratingLine(r: MeetingSummary['rating']): string {
  if (r.count === 0 || r.average === null) return 'Not rated.';
  const spread = r.distribution ? ` Scores given: ${r.distribution.flatMap((n, i) => (n ? [`${i + 1}: ${n}`] : [])).join(', ')}.` : '';
  return `${r.average} / 10 from ${r.count} rating${r.count === 1 ? '' : 's'}.${spread}${r.mine !== null ? ` You rated ${r.mine}.` : ''}`;
}

export function summaryToRecap(s: MeetingSummary, privateNotes: NoteBlock[] | null, names: Map<string, string>, roomOnlyIncluded: boolean): RecapDoc {
  const name = (id: string) => names.get(id) ?? 'Former member';
  // Exports say which zone their times are in.
  const when = recapWhen(s);
  const sections: RecapSection[] = [
    ...(s.next ? [{ heading: 'Next meeting', blocks: [{ kind: 'paragraph' as const, text: nextMeetingLine(s.next) }] }] : []),
    {
      heading: 'Agenda',
      blocks: [{ kind: 'table', header: ['Item', 'Planned (min)', 'Actual (min)'], rows: s.agenda.map((a) => [a.title, String(a.plannedMin), String(a.actualMin)]) }],
    },
    ...(s.days.length > 1
      ? [{
          heading: `Days (times in ${s.meeting.timeZone})`,
          blocks: [{
            kind: 'table' as const,
            header: ['Day', 'Started', 'Ended', 'Planned (min)', 'Actual (min)'],
            rows: s.days.map((d) => [String(d.day), zonedStamp(d.startedAt, s.meeting.timeZone), zonedStamp(d.endedAt, s.meeting.timeZone), String(d.plannedMin), String(d.actualMin)]),
          }],
        }]
      : []),
    {
      heading: 'Attendance',
      blocks: s.attendance.length
        ? [{ kind: 'table', header: ['Member', 'Attendance'], rows: s.attendance.map((a) => [a.name, a.label]) }]
        : [{ kind: 'paragraph', text: 'No attendance recorded.' }],
    },
    {
      heading: 'Check-in updates',
      blocks: s.updates.length ? [] : [{ kind: 'paragraph', text: 'No updates were sent.' }],
      sections: s.updates.map((u) => ({
        heading: u.name,
        blocks: [{ kind: 'list', items: plainItems(u.answers.filter((a) => a.text).map((a) => `${a.label}: ${a.text}`)) }],
      })),
    },
    {
      heading: 'Notes',
      blocks: s.notes.length ? [] : [{ kind: 'paragraph', text: 'No notes were taken.' }],
      sections: s.notes.map((n) => ({ heading: n.title, blocks: [{ kind: 'notes', blocks: n.blocks }] })),
    },
    {
      heading: 'Hot seats',
      blocks: s.hotSeats.length ? [{ kind: 'list', items: plainItems(s.hotSeats.map((h) => `${h.title}: ${h.presenter?.name ?? 'no presenter'} — ${h.topic || 'no topic'}`)) }] : [{ kind: 'paragraph', text: 'No hot seat.' }],
    },
    {
      heading: 'Commitments',
      blocks: s.commitments.length ? [{ kind: 'list', items: s.commitments.map((c) => ({ text: commitmentLine(c, name), roomOnly: c.confidential })) }] : [{ kind: 'paragraph', text: 'No commitments.' }],
    },
    ...(s.financials ? [{ heading: `Financial highlights (${s.financials.quarter})`, blocks: financialBlocks(s.financials) }] : []),
    // A shared session has no goals (null): no section, rather than an empty one.
    ...goalSections(s.review, s.newGoals, name),
    {
      heading: 'Resources shared',
      blocks: s.resources.length ? [{ kind: 'list', items: plainItems(s.resources.map(resourceLine)) }] : [{ kind: 'paragraph', text: 'Nothing was shared.' }],
    },
    {
      heading: 'Rating',
      blocks: [{ kind: 'paragraph', text: ratingLine(s.rating) }],
    },
  ];
  if (privateNotes?.length) sections.push({ heading: 'My private notes', blocks: [{ kind: 'notes', blocks: privateNotes }] });
  return { title: `${s.group.name}: ${s.meeting.title}`, roomOnlyIncluded, subtitle: `${s.meeting.quarter} · ${when}${s.meeting.location ? ` · ${s.meeting.location}` : ''}`, sections };
}

function goalSections(review: Goal[] | null, fresh: Goal[] | null, name: (id: string) => string): RecapSection[] {
  if (!review || !fresh) return [];
  return [
    {
      heading: 'Goal review',
      blocks: review.length ? [{ kind: 'list', items: plainItems(review.map((g) => goalLine(g, name))) }] : [{ kind: 'paragraph', text: 'No goals to review.' }],
    },
    {
      heading: 'New goals',
      blocks: fresh.length ? [{ kind: 'list', items: plainItems(fresh.map((g) => goalLine(g, name))) }] : [{ kind: 'paragraph', text: 'No new goals.' }],
    },
  ];
}

/** "Thursday 11 March 2027, 09:00 (Europe/Berlin) · Koblenz · https://…" */
export function nextMeetingLine(m: Meeting): string {
  return [`${humanDateTime(Date.parse(m.startsAt), m.timeZone)} (${m.timeZone})`, m.location, m.onlineUrl].filter(Boolean).join(' · ');
}

/** "Thursday 14 January 2027, 09:02" in the meeting's zone; "–" for a day that never started or ended. */
function zonedStamp(iso: string | null, zone: string): string {
  return iso ? humanDateTime(Date.parse(iso), zone) : '–';
}

/**
 * The day(s) the meeting actually ran ("Ran on 14–15 January 2027"), or its plan if it never
 * ran; exports say which zone their times are in.
 */
function recapWhen(s: MeetingSummary): string {
  const zone = s.meeting.timeZone;
  const ran = s.days.flatMap((d) => (d.startedAt ? [Date.parse(d.startedAt)] : []));
  if (ran.length > 0) return `Ran on ${humanDays(ran, zone)} (${zone})`;
  return `Planned for ${humanDateTime(Date.parse(s.meeting.startsAt), zone)} (${zone})${s.days.length > 1 ? `, ${s.days.length} days` : ''}`;
}
