// Who is here now, in the room or remote, with their attendance status. In a shared session of a
// network event, whose room holds several groups, each person's company and group too (the list
// from the server names them; it holds no address of another group's people).
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { ATTENDANCE_LABEL, MODE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';

export function PresenceList({ state }: { state: MeetingState }) {
  const presence = useStore((s) => s.presence);
  const members = useStore((s) => s.members);
  const youId = useStore((s) => s.you?.userId);
  const here = [...presence].sort((a, b) => a.name.localeCompare(b.name));
  const listed = new Map(members.map((m) => [m.userId, m]));
  /** "One GmbH · Alpha Group": only where the list names groups (a shared session). */
  const whereFrom = (userId: string) => {
    const m = listed.get(userId);
    if (!m?.groups) return null;
    return [m.company, ...m.groups.map((g) => g.name)].filter(Boolean).join(' · ') || null;
  };
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
                  {whereFrom(p.userId) && <span className="muted small presence-from"> · {whereFrom(p.userId)}</span>}
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
