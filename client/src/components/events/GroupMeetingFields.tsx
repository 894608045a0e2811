// A participating group's own meeting of the event: on which of the event's days, and its hours.
// One day is the standard meeting, two the two-day meeting; none: the group meets only in the
// shared sessions. A form that picks the agenda itself says what fits instead (`hint`).
import type { ReactNode } from 'react';
import { groupTemplateFor } from '../../../../shared/events.ts';
import { Field } from '../Field.tsx';
import { dateLabel } from './eventDates.ts';
import './events.css';

export interface GroupMeetingDraft {
  dates: string[];
  start: string;
  end: string;
}

export function GroupMeetingFields({
  name,
  draft,
  days,
  onChange,
  hint,
}: {
  name: string;
  draft: GroupMeetingDraft;
  days: string[];
  onChange: (d: GroupMeetingDraft) => void;
  hint?: ReactNode;
}) {
  const toggle = (date: string, on: boolean) => onChange({ ...draft, dates: days.filter((d) => (d === date ? on : draft.dates.includes(d))) });
  const template = groupTemplateFor(draft.dates.length);
  return (
    <fieldset data-testid="group-meeting">
      <legend>{name}: own meeting</legend>
      <div className="event-days">
        {days.map((d) => (
          <label key={d} className="check">
            <input type="checkbox" checked={draft.dates.includes(d)} onChange={(e) => toggle(d, e.target.checked)} /> {name} meets on {dateLabel(d)}
          </label>
        ))}
      </div>
      <div className="form-row">
        <Field label={`${name} starts`}>
          <input type="time" required value={draft.start} onChange={(e) => onChange({ ...draft, start: e.target.value })} />
        </Field>
        <Field label={`${name} ends`}>
          <input type="time" required value={draft.end} onChange={(e) => onChange({ ...draft, end: e.target.value })} />
        </Field>
      </div>
      <p className="muted small">
        {hint ?? (draft.dates.length === 0
          ? 'No meeting of its own: the group joins the shared sessions only.'
          : template
            ? `${template === 'two-day' ? 'Two-day meeting' : 'One-day meeting'}, private to ${name}.`
            : 'Pick one or two days: a group meeting runs one or two days.')}
      </p>
    </fieldset>
  );
}
