// Agenda editing for the facilitator, before and during the meeting.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { AddAgendaItemForm } from './AddAgendaItemForm.tsx';
import { AgendaEditRow } from './AgendaEditRow.tsx';

export function AgendaEditor({ state }: { state: MeetingState }) {
  return (
    <>
      <ol className="agenda-editor">
        {state.agenda.map((item, i) => (
          // Keyed by content too, so a change from elsewhere resets the row's inputs.
          <AgendaEditRow
            key={`${item.id}:${item.title}:${item.durationMs}`}
            item={item}
            index={i}
            count={state.agenda.length}
            isCurrent={state.status === 'live' && i === state.currentIndex}
          />
        ))}
      </ol>
      <AddAgendaItemForm />
    </>
  );
}
