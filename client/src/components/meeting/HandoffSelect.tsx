// Hand facilitation to a coach or member (peer-led groups rotate the facilitator).
import { useState, type FormEvent } from 'react';
import { takesPart } from '../../../../shared/access/index.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { ROLE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';
import { Field } from '../Field.tsx';

export function HandoffSelect({ state }: { state: MeetingState }) {
  const members = useStore((s) => s.members);
  const sendCommand = useStore((s) => s.sendCommand);
  const nameOf = useNames();
  const candidates = members.filter((m) => takesPart(m.role) && m.userId !== state.facilitatorId);
  const [userId, setUserId] = useState('');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!userId) return;
    const ack = await sendCommand({ type: 'facilitator.handoff', userId });
    if (ack.ok) setUserId('');
  };

  return (
    <form className="form form-inline" onSubmit={onSubmit}>
      <p className="muted">Facilitator now: {nameOf(state.facilitatorId)}</p>
      <Field label="Hand facilitation to…">
        <select value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">Choose a person</option>
          {candidates.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name} ({ROLE_LABEL[m.role]})
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="btn" disabled={!userId}>
        Hand over
      </button>
    </form>
  );
}
