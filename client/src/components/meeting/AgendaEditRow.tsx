// One agenda item in the editor: rename, re-time, move, remove (asked first; the editor offers
// an undo afterwards).
import { useState, type FormEvent } from 'react';
import type { AgendaItem } from '../../../../shared/domain.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { useStore } from '../../store/index.ts';

interface Props {
  item: AgendaItem;
  index: number;
  count: number;
  isCurrent: boolean;
  onRemove: (item: AgendaItem, index: number) => void;
}

export function AgendaEditRow({ item, index, count, isCurrent, onRemove }: Props) {
  const sendCommand = useStore((s) => s.sendCommand);
  const [title, setTitle] = useState(item.title);
  const [minutes, setMinutes] = useState(String(item.durationMs / 60_000));
  const [confirming, setConfirming] = useState(false);
  const durationMs = Math.round(Number(minutes) * 60_000);
  const changed = title.trim() !== item.title || durationMs !== item.durationMs;

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    if (!changed) return;
    void sendCommand({
      type: 'agenda.update',
      itemId: item.id,
      title: title.trim() !== item.title ? title.trim() : undefined,
      durationMs: durationMs !== item.durationMs ? durationMs : undefined,
    });
  };
  const toggleFixed = () => void sendCommand({ type: 'agenda.update', itemId: item.id, fixed: !item.fixed });
  const move = (toIndex: number) => void sendCommand({ type: 'agenda.move', itemId: item.id, toIndex });

  return (
    <li className={`agenda-edit ${isCurrent ? 'is-current' : ''}`}>
      <form className="agenda-edit-form" onSubmit={onSave}>
        <input aria-label={`Title of item ${index + 1}`} value={title} maxLength={LIMITS.agendaTitleMax} required onChange={(e) => setTitle(e.target.value)} />
        <input
          aria-label={`Minutes for item ${index + 1}`}
          type="number"
          min={LIMITS.agendaItemMinMs / 60_000}
          max={LIMITS.agendaItemMaxMs / 60_000}
          step={1}
          required
          className="input-minutes"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        {item.kind !== 'day-end' && item.kind !== 'break' && (
          <label className="inline-check" title="A fixed item keeps its time when the day is re-balanced">
            <input type="checkbox" checked={item.fixed === true} onChange={toggleFixed} aria-label={`${item.title} is fixed`} /> Fixed
          </label>
        )}
        <button type="submit" className="btn btn-small" disabled={!changed} aria-label={`Save item ${index + 1}`}>
          Save
        </button>
        <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => move(index - 1)} aria-label={`Move ${item.title} up`}>
          ↑ Up
        </button>
        <button type="button" className="btn btn-small" disabled={index === count - 1} onClick={() => move(index + 1)} aria-label={`Move ${item.title} down`}>
          ↓ Down
        </button>
        {confirming ? (
          <span className="confirm" role="group" aria-label={`Confirm removing ${item.title}`}>
            <span>Remove this item?</span>
            <button type="button" className="btn btn-small btn-danger" onClick={() => onRemove(item, index)}>
              Yes, remove
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="btn btn-small btn-danger-outline" disabled={isCurrent} title={isCurrent ? 'The room is on this item' : undefined} onClick={() => setConfirming(true)} aria-label={`Remove ${item.title}`}>
            Remove
          </button>
        )}
      </form>
    </li>
  );
}
