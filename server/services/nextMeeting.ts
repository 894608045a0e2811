// The next meeting, scheduled at the closing of this one by its facilitator or the group's
// leads: proposed one quarter on (shared/meeting/nextMeeting.ts), created in the group like any
// meeting (same agenda template kind, same facilitator, the parking lot's proposals), and linked
// to this one so that scheduling again edits it instead of creating a second. Everyone in the
// group's open meetings hears of it (records:changed 'next'). A network event's shared session
// has no next meeting: the access rule refuses scheduling one, before its status or date is checked.
import { addDays } from '../../shared/calendar/meetingDays.ts';
import { zonedToInstant } from '../../shared/calendar/zoned.ts';
import type { Meeting, MeetingDay } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { takesPart } from '../../shared/access/index.ts';
import { proposeNextMeeting, type NextMeetingBody, type NextMeetingView } from '../../shared/meeting/nextMeeting.ts';
import { requireRight } from '../auth/policy.ts';
import { newId } from '../auth/tokens.ts';
import { UniqueViolationError } from '../storage/driver.ts';
import { applyMeetingPatch, authorizeMeeting, insertMeeting } from './meetings.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

const NO_NEXT_MEETING: NextMeetingView = Object.freeze({ proposal: null, next: null });

/** The proposal and the meeting scheduled from this one (null until then); for everyone who reads the meeting. */
export async function nextMeetingView(storage: RecordsDeps['storage'], userId: string, meetingId: string): Promise<NextMeetingView> {
  const { meeting, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  // A shared session (a meeting of an event's host group) has none to propose, and none can be
  // scheduled from it (shared/access refuses meeting.scheduleNext there).
  if (access.eventAudience === true) return NO_NEXT_MEETING;
  return { proposal: proposeNextMeeting(meeting), next: await linkedNext(storage, meetingId) };
}

async function linkedNext(storage: RecordsDeps['storage'], meetingId: string): Promise<Meeting | null> {
  const id = await storage.getNextMeetingId(meetingId);
  return id ? storage.getMeeting(id) : null;
}

/** A meeting of several days keeps its shape: consecutive days from the new date, each with its hours. */
function daysFrom(meeting: Meeting, date: string, time: string): MeetingDay[] {
  return meeting.days.map((d, i) => ({ date: addDays(date, i), start: i === 0 ? time : d.start, end: d.end }));
}

export async function scheduleNextMeeting({ storage, records }: RecordsDeps, userId: string, meetingId: string, body: NextMeetingBody): Promise<{ meeting: Meeting; created: boolean }> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const state = await storage.getMeetingState(meetingId);
  requireRight('meeting.scheduleNext', { ...access, facilitating: state?.facilitatorId === userId }, group, meeting);
  if (meeting.status === 'scheduled') throw new DomainError('meeting_not_live', 'The next meeting is scheduled at the closing of this one');
  const startMs = zonedToInstant(body.date, body.time, meeting.timeZone);
  if (startMs === null) throw new DomainError('bad_request', `date: no such date and time in ${meeting.timeZone}`);
  const twoDay = meeting.days.length === 2;
  const when = twoDay ? { days: daysFrom(meeting, body.date, body.time) } : { startsAt: new Date(startMs).toISOString() };
  const where = {
    location: body.location === undefined ? meeting.location : body.location,
    onlineUrl: body.onlineUrl === undefined ? meeting.onlineUrl : body.onlineUrl,
  };
  const linked = await storage.reserveNextMeeting(meetingId, newId());
  for (let attempt = 0; ; attempt++) {
    const existing = await storage.getMeeting(linked);
    if (existing) {
      if (existing.status !== 'scheduled') throw new DomainError('conflict', 'The next meeting has already started; change it from its own page');
      const meetingUpdated = await applyMeetingPatch(storage, existing, { ...when, ...where });
      records.changed(group.id, 'next');
      return { meeting: meetingUpdated, created: false };
    }
    // The same facilitator runs it, if they still take part in the group.
    const facilitatorId = state && takesPart((await storage.getMembership(group.id, state.facilitatorId))?.role ?? null) ? state.facilitatorId : userId;
    try {
      const created = await insertMeeting(storage, userId, group, access, {
        quarter: proposeNextMeeting(meeting).quarter,
        timeZone: meeting.timeZone,
        ...when,
        ...where,
        templateId: twoDay ? 'two-day' : undefined,
        facilitatorId,
      }, linked);
      records.changed(group.id, 'next');
      return { meeting: created.meeting, created: true };
    } catch (e) {
      // Another request created it with the linked id a moment ago: edit that one instead.
      if (!(e instanceof UniqueViolationError) || attempt > 0) throw e;
    }
  }
}
