// One shared session of an event: title, day, hours and agenda template.
import type { MeetingDay } from '../../../../shared/domain.ts';
import { SESSION_TEMPLATE_ID } from '../../../../shared/events.ts';
import { Field } from '../Field.tsx';
import { dateLabel } from './eventDates.ts';

export interface SessionDraft {
  title: string;
  date: string;
  start: string;
  end: string;
  templateId: string;
}

export const SESSION_TEMPLATES: { id: string; name: string }[] = [
  { id: SESSION_TEMPLATE_ID, name: 'Shared session (welcome, keynote, discussion, closing)' },
  // A shared session holds no financial review, goal review or new goals: the server leaves them out.
  { id: 'standard', name: 'Standard quarterly meeting, without figures and goals' },
];

export const sessionDay = (s: SessionDraft): MeetingDay => ({ date: s.date, start: s.start, end: s.end });

/** `n` numbers the session in labels ("Session 1 title") when a form holds several. */
export function SessionFields({ draft, days, onChange, n }: { draft: SessionDraft; days: string[]; onChange: (d: SessionDraft) => void; n?: number }) {
  const label = (what: string) => (n === undefined ? what : `Session ${n} ${what.toLowerCase()}`);
  const set = (patch: Partial<SessionDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      <div className="form-row">
        <Field label={label('Title')}>
          <input required value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label={label('Day')}>
          <select value={draft.date} onChange={(e) => set({ date: e.target.value })}>
            {days.map((d) => (
              <option key={d} value={d}>
                {dateLabel(d)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={label('Starts')}>
          <input type="time" required value={draft.start} onChange={(e) => set({ start: e.target.value })} />
        </Field>
        <Field label={label('Ends')}>
          <input type="time" required value={draft.end} onChange={(e) => set({ end: e.target.value })} />
        </Field>
        <Field label={label('Agenda')}>
          <select value={draft.templateId} onChange={(e) => set({ templateId: e.target.value })}>
            {SESSION_TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
