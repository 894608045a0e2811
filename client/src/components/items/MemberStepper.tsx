// Member by member: the facilitator moves the room's focus; everyone sees whose turn it is.
import type { ListedMember } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';

export function MemberStepper({ state, companies, isFacilitator }: { state: MeetingState; companies: ListedMember[]; isFacilitator: boolean }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const index = companies.findIndex((m) => m.userId === state.focusUserId);
  const focus = (userId: string | null) => void sendCommand({ type: 'focus.set', userId });
  const focused = companies[index];
  return (
    <div className="member-stepper">
      <p className="focus-member" data-testid="focus-member">
        {focused ? (
          <>
            Now: <strong>{focused.name}</strong>
            {focused.company && <span className="muted"> · {focused.company}</span>}
          </>
        ) : (
          'The whole group'
        )}
      </p>
      {isFacilitator && (
        <div className="button-row">
          <button type="button" className="btn" disabled={index <= 0} onClick={() => focus(companies[index - 1]?.userId ?? null)}>
            Previous member
          </button>
          <button type="button" className="btn btn-primary" disabled={index >= companies.length - 1} onClick={() => focus(companies[index + 1]?.userId ?? null)}>
            Next member
          </button>
          <label>
            <span className="visually-hidden">Member in focus</span>
            <select aria-label="Member in focus" value={state.focusUserId ?? ''} onChange={(e) => focus(e.target.value || null)}>
              <option value="">The whole group</option>
              {companies.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
