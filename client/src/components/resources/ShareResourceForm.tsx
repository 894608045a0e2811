// Share a link or a small file under an agenda item; checked with the server's own schema
// before sending, so a bad link or an oversize file is named here rather than after upload.
// The schema (and zod with it) loads on the first submit: the form sits on the meeting page,
// whose first render should not wait for a validator most members never use there.
import { useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits.ts';
import type { ResourceBody } from '../../../../shared/resources.ts';
import { resourcesApi } from '../../api/resources.ts';
import { useSubmit, validate } from '../../hooks/useForm.ts';
import { fileToBase64, formatBytes } from '../../lib/files.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

type Kind = 'link' | 'file';

export function ShareResourceForm({ meetingId, itemId, onShared }: { meetingId: string; itemId: string; onShared: () => void }) {
  const [kind, setKind] = useState<Kind>('link');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { busy, error, setError, run } = useSubmit();

  const pick = (f: File | null) => {
    setFile(f);
    setError(null);
    // A file's name is usually a fair first title.
    if (f && !title.trim()) setTitle(f.name.replace(/\.[^.]+$/, ''));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { resourceBody } = await import('../../../../shared/resourceBodies.ts');
      let body: ResourceBody;
      if (kind === 'link') body = validate(resourceBody, { itemId, title, url });
      else {
        if (!file) throw new Error('Choose a file to share');
        if (file.size > LIMITS.resourceFileMaxBytes) throw new Error(`${file.name} is ${formatBytes(file.size)}; files are at most ${LIMITS.resourceFileMaxBytes / (1024 * 1024)} MiB`);
        body = validate(resourceBody, { itemId, title, fileName: file.name, contentType: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) });
      }
      await resourcesApi.share(meetingId, body);
      setTitle('');
      setUrl('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onShared();
    });
  };

  return (
    <form className="form share-resource" onSubmit={submit} aria-label="Share a resource">
      <fieldset>
        <legend>Share with the group</legend>
        {(['link', 'file'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name={`share-kind-${itemId}`} value={k} checked={kind === k} onChange={() => (setKind(k), setError(null))} /> {k === 'link' ? 'A link' : 'A file'}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <Field label="Title" hint="What it is, e.g. “Onboarding checklist”">
          <input value={title} maxLength={LIMITS.resourceTitleMax} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        {kind === 'link' ? (
          <Field label="Link" hint="An http or https address">
            <input type="url" value={url} inputMode="url" placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
          </Field>
        ) : (
          <Field label="File" hint={`A form, procedure or flyer; up to ${LIMITS.resourceFileMaxBytes / (1024 * 1024)} MiB`}>
            <input type="file" ref={fileInput} onChange={(e) => pick(e.target.files?.[0] ?? null)} />
          </Field>
        )}
      </div>
      <Alert message={error} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Sharing…' : 'Share'}
        </button>
      </div>
    </form>
  );
}
