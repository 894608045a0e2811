// Who is here now, in the room or remote, with their attendance status.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { ATTENDANCE_LABEL, MODE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';

export function PresenceList({ state }: { state: MeetingState }) {
  const presence = useStore((s) => s.presence);
  const members = useStore((s) => s.members);
  const youId = useStore((s) => s.you?.userId);
  const here = [...presence].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="presence-h" className="card section">
      <h2 id="presence-h">
        Here now <span className="count">({here.length} of {members.length})</span>
      </h2>
      {here.length === 0 ? (
        <p className="muted" data-testid="presence">
          Nobody has joined yet.
        </p>
      ) : (
        <ul className="presence" data-testid="presence">
          {here.map((p) => {
            const status = state.attendance[p.userId]?.status;
            return (
              <li key={p.userId} className={`presence-item mode-${p.mode}`}>
                <span className="presence-name">
                  {p.name}
                  {p.userId === youId && <span className="muted"> (you)</span>}
                </span>
                <span className="presence-meta">
                  <span className={`pill pill-${p.mode}`}>{MODE_LABEL[p.mode]}</span>
                  {/* "Remote" twice says nothing; a status that differs from the mode does. */}
                  {status && ATTENDANCE_LABEL[status] !== MODE_LABEL[p.mode] && <span className="pill">{ATTENDANCE_LABEL[status]}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
