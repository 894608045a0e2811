// The next meeting, at the closing: everyone sees "Next meeting: <day, time>" as soon as it is
// scheduled (records:changed 'next'); the facilitator (or the coach) schedules it from a form
// that starts one quarter on (GET /api/meetings/:id/next), and saving again moves the same one.
// A network event's shared session has none (the server refuses it): each group schedules its
// own, so the closing and the wall say so instead, and ask the server for nothing.
import { useState, type FormEvent } from 'react';
import { humanDateTime } from '../../../../shared/calendar/humanDate.ts';
import { instantToZoned, zoneCity } from '../../../../shared/calendar/zoned.ts';
import type { Meeting } from '../../../../shared/domain.ts';
import type { NextMeetingProposal, NextMeetingView } from '../../../../shared/meeting/nextMeeting.ts';
import { http } from '../../api/http.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { allows } from '../../lib/rights.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';
import { SharedSessionElsewhere } from './SharedSessionElsewhere.tsx';
import { useRecords } from './useRecords.ts';

/** "Thursday 11 March 2027, 09:00 Berlin · Koblenz", in the viewer's locale and the meeting's zone. */
export function nextMeetingText(next: Meeting, locale = viewerLocale()): string {
  return [`${humanDateTime(Date.parse(next.startsAt), next.timeZone, locale)} ${zoneCity(next.timeZone)}`, next.location].filter(Boolean).join(' · ');
}

export function useNextMeeting(meetingId: string): NextMeetingView | null {
  return useRecords<NextMeetingView>(`/api/meetings/${encodeURIComponent(meetingId)}/next`, 'next').data;
}

/** One line for every view (console, member, wall); nothing until a next meeting exists. */
export function NextMeetingLine({ view, className }: { view: NextMeetingView | null; className?: string }) {
  if (!view?.next) return null;
  return (
    <p className={className ?? 'next-meeting'} data-testid="next-meeting" role="status">
      <strong>Next meeting:</strong> {nextMeetingText(view.next)}
    </p>
  );
}

function NextMeetingForm({ meetingId, next, proposal }: { meetingId: string; next: Meeting | null; proposal: NextMeetingProposal }) {
  const from = next ? { ...instantToZoned(Date.parse(next.startsAt), next.timeZone), location: next.location, onlineUrl: next.onlineUrl } : proposal;
  const [date, setDate] = useState(from.date);
  const [time, setTime] = useState(from.time);
  const [location, setLocation] = useState(from.location ?? '');
  const [onlineUrl, setOnlineUrl] = useState(from.onlineUrl ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const m = await http.put<Meeting>(`/api/meetings/${encodeURIComponent(meetingId)}/next`, { date, time, location: location.trim() || null, onlineUrl: onlineUrl.trim() || null });
      setSaved(`Saved: ${nextMeetingText(m)}`);
    });
  };
  return (
    <form className="form next-meeting-form" onSubmit={submit} aria-label="Schedule the next meeting">
      <h3>{next ? 'Move the next meeting' : 'Schedule the next meeting'}</h3>
      {!next && <p className="muted">Proposed one quarter on: same weekday and time, 13 weeks later ({proposal.quarter}).</p>}
      <div className="form-grid">
        <Field label={`Date (${zoneCity(proposal.timeZone)})`}>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="Start">
          <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
        </Field>
        <Field label="Place">
          <input value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} />
        </Field>
        <Field label="Call link (https)">
          <input type="url" value={onlineUrl} maxLength={500} onChange={(e) => setOnlineUrl(e.target.value)} placeholder="https://" />
        </Field>
      </div>
      <button type="submit" className="btn" disabled={busy || !date || !time}>
        {next ? 'Save the next meeting' : 'Schedule the next meeting'}
      </button>
      {saved && <span className="muted"> {saved}</span>}
      <Alert message={error} onDismiss={() => setError(null)} />
    </form>
  );
}

/** A group's meeting: the line for all, the form for whoever may schedule. */
function GroupNextMeeting({ meetingId }: { meetingId: string }) {
  const view = useNextMeeting(meetingId);
  const maySchedule = useStore((s) => allows(s, 'meeting.scheduleNext'));
  return (
    <section className="next-meeting-section" aria-label="Next meeting">
      <NextMeetingLine view={view} />
      {/* Keyed by the saved meeting: a move from elsewhere refills the form. */}
      {view?.proposal && maySchedule && <NextMeetingForm key={view.next ? `${view.next.id}:${view.next.startsAt}` : 'new'} meetingId={meetingId} next={view.next} proposal={view.proposal} />}
    </section>
  );
}

/** The closing's part; a shared session's says that each group schedules its own instead. */
export function NextMeeting({ meetingId }: { meetingId: string }) {
  const sharedSession = useStore((s) => s.sharedSession);
  if (!sharedSession) return <GroupNextMeeting meetingId={meetingId} />;
  return (
    <section className="next-meeting-section" aria-label="Next meeting">
      <SharedSessionElsewhere what="next-meeting" session={sharedSession} />
    </section>
  );
}

function GroupWallNextMeeting({ meetingId }: { meetingId: string }) {
  return <NextMeetingLine view={useNextMeeting(meetingId)} className="wall-line wall-next-meeting" />;
}

/** The wall's line, at the wall's type size; a shared session's says that each group schedules its own. */
export function WallNextMeeting({ meetingId }: { meetingId: string }) {
  const sharedSession = useStore((s) => s.sharedSession);
  return sharedSession ? <SharedSessionElsewhere what="next-meeting" session={sharedSession} wall /> : <GroupWallNextMeeting meetingId={meetingId} />;
}
