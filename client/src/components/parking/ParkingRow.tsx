// One parking-lot item: kind, title, who and where from, status, the actions open to the viewer,
// and its history on demand.
import { PARKING_KIND_LABEL, type ParkingAction, type ParkingItem } from '../../../../shared/parking.ts';
import { formatDay } from '../../lib/time.ts';
import './parking.css';

const ACTION_WORDS: Record<ParkingAction, string> = {
  added: 'Added',
  parked: 'Parked at a meeting',
  scheduled: 'Scheduled as a hot-seat proposal',
  taken: 'Taken in a hot seat',
  carried: 'Back on the lot after a meeting',
  resolved: 'Resolved',
  dropped: 'Dropped',
  reopened: 'Reopened',
};
const STATUS_WORDS = { open: 'Open', scheduled: 'On the next meeting’s proposals', resolved: 'Resolved', dropped: 'Dropped' } as const;

interface Props {
  item: ParkingItem;
  names: Map<string, string>;
  mayAct: boolean;
  busy: boolean;
  onAct: (action: 'resolve' | 'drop' | 'reopen' | 'schedule') => void;
}

export function ParkingRow({ item, names, mayAct, busy, onAct }: Props) {
  const who = (id: string | null) => (id ? (names.get(id) ?? 'Former member') : 'the meeting');
  const closed = item.status === 'resolved' || item.status === 'dropped';
  const button = (action: 'resolve' | 'drop' | 'reopen' | 'schedule', label: string) => (
    <button type="button" className="btn btn-small" disabled={busy} onClick={() => onAct(action)} aria-label={`${label}: ${item.title}`}>
      {label}
    </button>
  );
  return (
    <li className={`parking-item parking-${item.status}`}>
      <div>
        <span className="badge">{PARKING_KIND_LABEL[item.kind]}</span> <strong>{item.title}</strong>
        <span className="muted">
          {' '}
          — {who(item.createdBy)}, {formatDay(item.createdAt)} · {STATUS_WORDS[item.status]}
        </span>
        {item.detail && <div>{item.detail}</div>}
      </div>
      {mayAct && (
        <div className="button-row">
          {!closed && button('resolve', 'Resolve')}
          {!closed && button('drop', 'Drop')}
          {item.status === 'open' && button('schedule', 'Schedule')}
          {closed && button('reopen', 'Reopen')}
        </div>
      )}
      <details>
        <summary>History</summary>
        <ol className="parking-history">
          {item.history.map((h, i) => (
            <li key={i}>
              {formatDay(h.at)}: {ACTION_WORDS[h.action]}
              {h.by && ` by ${who(h.by)}`}
              {h.note && ` — ${h.note}`}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
