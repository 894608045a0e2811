// Agenda editing for the facilitator, before and during the meeting. A removed item can be put
// back where it was (same id, so its notes come back with it; a hot seat's presenter and topic too),
// unless it is of a kind the meeting may no longer take (a shared session's financial review or
// goals, scheduled before they were left out: shared/access agendaKinds).
import { useState } from 'react';
import { checkAgendaKind } from '../../../../shared/access/index.ts';
import type { AgendaItem } from '../../../../shared/domain.ts';
import type { HotSeatState, MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import { AddAgendaItemForm } from './AddAgendaItemForm.tsx';
import { AgendaEditRow } from './AgendaEditRow.tsx';

interface Removed {
  item: AgendaItem;
  index: number;
  seat: HotSeatState | undefined;
}

export function AgendaEditor({ state }: { state: MeetingState }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const inSharedSession = useStore((s) => s.sharedSession !== null);
  const [removed, setRemoved] = useState<Removed | null>(null);

  const remove = (item: AgendaItem, index: number) => {
    const seat = state.hotSeats[item.id];
    void sendCommand({ type: 'agenda.remove', itemId: item.id }).then((ack) => ack.ok && setRemoved({ item, index, seat }));
  };
  const undo = async () => {
    if (!removed) return;
    const { item, index, seat } = removed;
    const at = Math.min(index, state.agenda.length);
    if (!(await sendCommand({ type: 'agenda.add', item: { id: item.id, kind: item.kind, title: item.title, durationMs: item.durationMs }, index: at })).ok) return;
    if (seat?.presenterId) {
      await sendCommand({ type: 'hotseat.setup', itemId: item.id, presenterId: seat.presenterId, topic: seat.topic, ...(seat.proposalId ? { proposalId: seat.proposalId } : {}) });
    }
    setRemoved(null);
  };

  return (
    <>
      {removed && (
        <p className="undo-bar" role="status">
          Removed “{removed.item.title}”.{' '}
          {checkAgendaKind(removed.item.kind, { eventAudience: inSharedSession }) === null && (
            <>
              <button type="button" className="btn btn-small" onClick={() => void undo()}>
                Undo
              </button>{' '}
            </>
          )}
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setRemoved(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      <ol className="agenda-editor">
        {state.agenda.map((item, i) => (
          // Keyed by content too, so a change from elsewhere resets the row's inputs.
          <AgendaEditRow
            key={`${item.id}:${item.title}:${item.durationMs}`}
            item={item}
            index={i}
            count={state.agenda.length}
            isCurrent={state.status === 'live' && i === state.currentIndex}
            onRemove={remove}
          />
        ))}
      </ol>
      <AddAgendaItemForm />
    </>
  );
}
