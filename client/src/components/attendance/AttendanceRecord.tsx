// Attendance against the group's rule: each member company's rate over the window, misses as the
// rule counts them, and who is at risk or over; whoever runs the group changes the rule here.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AttendanceRule, GroupAttendance } from '../../../../shared/attendance.ts';
import { errorMessage } from '../../api/http.ts';
import { attendanceApi } from '../../api/attendance.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';
import { Disclosure } from '../Disclosure.tsx';
import { TableWrap } from '../TableWrap.tsx';

const STANDING = { ok: 'Within the rule', at_risk: 'At risk: one more miss breaks the rule', over: 'Over the rule' } as const;

function RuleForm({ rule, onSave, busy }: { rule: AttendanceRule; onSave: (r: AttendanceRule | null) => void; busy: boolean }) {
  const [draft, setDraft] = useState(rule);
  const num = (k: 'maxMissed' | 'windowMonths' | 'lateAfterMin', label: string) => (
    <label>
      {label}{' '}
      <input type="number" min={0} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: Number(e.target.value) })} style={{ width: '5em' }} />
    </label>
  );
  const save = (e: FormEvent) => {
    e.preventDefault();
    onSave(draft);
  };
  return (
    <form className="form" onSubmit={save}>
      {num('maxMissed', 'Missed meetings allowed')}
      {num('windowMonths', 'in months')}
      {num('lateAfterMin', 'Late after (minutes)')}
      <label>
        <input type="checkbox" checked={draft.excusedCounts} onChange={(e) => setDraft({ ...draft, excusedCounts: e.target.checked })} /> Excused absences count as missed
      </label>
      <div className="button-row">
        <button type="submit" className="btn" disabled={busy}>Save rule</button>
        <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => onSave(null)}>Use the default</button>
      </div>
    </form>
  );
}

export function AttendanceRecord({ groupId, canEditRule }: { groupId: string; canEditRule: boolean }) {
  const [data, setData] = useState<GroupAttendance | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const load = useCallback(() => attendanceApi.record(groupId).then(setData, (e: unknown) => setError(errorMessage(e))), [groupId, setError]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return <Alert message={error} />;
  const { rule } = data;
  const saveRule = (r: AttendanceRule | null) =>
    void run(async () => {
      await attendanceApi.setRule(groupId, r);
      await load();
    });
  return (
    <section className="card section" aria-labelledby="attendance-h" data-testid="attendance-record">
      <h2 id="attendance-h">Attendance</h2>
      <p className="muted">
        Rule{data.defaultRule ? ' (default)' : ''}: at most {rule.maxMissed} missed in {rule.windowMonths} months; late after {rule.lateAfterMin} min; excused absences{' '}
        {rule.excusedCounts ? 'count' : 'do not count'}.
      </p>
      <TableWrap label="Attendance">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Attended</th>
              <th scope="col">Missed</th>
              <th scope="col">Excused</th>
              <th scope="col">Late</th>
              <th scope="col">Standing</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.userId} data-standing={m.standing}>
                <th scope="row">{m.name}</th>
                <td>{m.held === 0 ? 'No meetings yet' : `${m.attended} of ${m.held} (${Math.round((m.rate ?? 0) * 100)} %)`}</td>
                <td>{m.missed}</td>
                <td>{m.excused}</td>
                <td>{m.late}</td>
                <td className={`standing-${m.standing}`}>{STANDING[m.standing]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {canEditRule && (
        <Disclosure summary="Change the rule">
          <RuleForm rule={rule} onSave={saveRule} busy={busy} />
        </Disclosure>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
