// The group's prompts for pre-meeting updates, one per line; the coach (peer-led: any member)
// changes them, and "Use the defaults" goes back to best / worst / need / personal news.
import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits.ts';
import type { UpdatePrompt } from '../../../../shared/updates.ts';
import { errorMessage } from '../../api/http.ts';
import { updatesApi } from '../../api/updates.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';

/** A key from a label ("Who I am hiring" -> "who-i-am-hiring"), kept for prompts that stay. */
function keyFor(label: string, taken: Set<string>, old: UpdatePrompt[]): string {
  const same = old.find((p) => p.label === label);
  if (same && !taken.has(same.key)) return same.key;
  const base = `p-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || 'prompt'}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

export function UpdatePromptsEditor({ groupId }: { groupId: string }) {
  const [prompts, setPrompts] = useState<UpdatePrompt[] | null>(null);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    updatesApi.prompts(groupId).then(
      (p) => (setPrompts(p.prompts), setText(p.prompts.map((x) => x.label).join('\n'))),
      (e) => setError(errorMessage(e)),
    );
  }, [groupId, setError]);
  const apply = (next: UpdatePrompt[] | null) =>
    void run(async () => {
      const saved = await updatesApi.setPrompts(groupId, next);
      setPrompts(saved.prompts);
      setText(saved.prompts.map((x) => x.label).join('\n'));
      setNotice(saved.defaultPrompts ? 'Back to the default prompts.' : 'Prompts saved.');
    });
  const save = (e: FormEvent) => {
    e.preventDefault();
    const labels = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const taken = new Set<string>();
    apply(labels.map((label) => {
      const key = keyFor(label, taken, prompts ?? []);
      taken.add(key);
      return { key, label };
    }));
  };
  return (
    <section className="card section" aria-labelledby="update-prompts-h">
      <h2 id="update-prompts-h">Update prompts</h2>
      <form className="form" onSubmit={save}>
        <label htmlFor="update-prompts">What members answer before each meeting (one prompt per line, at most {LIMITS.updatePromptsMax})</label>
        <textarea id="update-prompts" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="btn" disabled={busy || prompts === null}>
            Save prompts
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => apply(null)}>
            Use the defaults
          </button>
        </div>
      </form>
      <Alert message={error} onDismiss={() => setError(null)} />
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
