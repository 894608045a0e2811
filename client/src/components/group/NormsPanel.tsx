// The group's norms on the group page: read by everyone (with when I accepted them), edited by
// whoever may (coach or organiser; peer-led groups: members), and for the coach the list of who
// has not accepted them in the last twelve months.
import { useEffect, useState, type FormEvent } from 'react';
import type { NormsAcceptanceRow, NormsAnswer, NormsText as Norms } from '../../../../shared/norms.ts';
import { errorMessage } from '../../api/http.ts';
import { normsApi } from '../../api/norms.ts';
import { Alert } from '../Alert.tsx';
import { Disclosure } from '../Disclosure.tsx';
import { Field } from '../Field.tsx';
import { NORMS_PARTS, NormsText } from './NormsText.tsx';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

export function NormsPanel({ groupId, canEdit, canReview }: { groupId: string; canEdit: boolean; canReview: boolean }) {
  const [answer, setAnswer] = useState<NormsAnswer | null>(null);
  const [draft, setDraft] = useState<Norms | null>(null);
  const [pending, setPending] = useState<NormsAcceptanceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    normsApi.read(groupId).then(setAnswer, (e: unknown) => setError(errorMessage(e)));
    if (canReview) normsApi.acceptances(groupId).then((r) => setPending(r.members.filter((m) => !m.current)), (e: unknown) => setError(errorMessage(e)));
  }, [groupId, canReview]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    try {
      setAnswer(await normsApi.save(groupId, draft));
      setDraft(null);
      setNotice('Norms saved.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!answer) return <Alert message={error} />;
  const { norms, mine } = answer;
  return (
    <section className="card section" aria-labelledby="norms-h" data-testid="norms-panel">
      <h2 id="norms-h">Group norms</h2>
      <p className="muted">
        {norms.updatedAt ? `Last changed ${day(norms.updatedAt)}.` : 'The default norms: the group has not written its own yet.'}
        {mine.acceptedAt && ` You accepted them on ${day(mine.acceptedAt)}; again by ${day(mine.dueAt!)}.`}
      </p>
      {canReview && pending && (
        <p data-testid="norms-pending">
          {pending.length === 0 ? 'Everyone has accepted the norms.' : `Not accepted in the last twelve months: ${pending.map((m) => m.name).join(', ')}.`}
        </p>
      )}
      <Disclosure summary="Read the norms">
        <NormsText norms={norms} />
      </Disclosure>
      {canEdit && !draft && (
        <button type="button" className="btn" onClick={() => setDraft({ confidentiality: norms.confidentiality, recording: norms.recording, advice: norms.advice })}>
          Edit the norms
        </button>
      )}
      {draft && (
        <form className="form" onSubmit={(e) => void save(e)}>
          {NORMS_PARTS.map((p) => (
            <Field key={p.key} label={p.title}>
              <textarea rows={4} value={draft[p.key]} onChange={(e) => setDraft({ ...draft, [p.key]: e.target.value })} />
            </Field>
          ))}
          <div className="button-row">
            <button type="submit" className="btn btn-primary">Save norms</button>
            <button type="button" className="btn btn-quiet" onClick={() => setDraft(null)}>Cancel</button>
          </div>
        </form>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
