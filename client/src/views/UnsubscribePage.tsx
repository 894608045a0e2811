// The link at the foot of a mail: says which mails it stops, and stops them on a click (a GET
// alone changes nothing, so mail scanners that open links unsubscribe nobody).
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/http.ts';
import { mailApi } from '../api/mail.ts';
import { Alert } from '../components/Alert.tsx';
import { useSubmit } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import type { UnsubscribePreview } from '../../../shared/mail.ts';

export function UnsubscribePage() {
  const { token = '' } = useParams();
  const [preview, setPreview] = useState<UnsubscribePreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  useTitle('Unsubscribe');
  useEffect(() => {
    mailApi.unsubscribePreview(token).then(setPreview, (e: unknown) => setLoadError(errorMessage(e)));
  }, [token]);
  return (
    <div className="narrow">
      <h1>Unsubscribe</h1>
      <Alert message={loadError} />
      {preview && !done && (
        <div className="card form">
          <p>Stop these mails: {preview.label}?</p>
          <Alert message={error} onDismiss={() => setError(null)} />
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(async () => { await mailApi.unsubscribe(token); setDone(true); })}>
            Stop these mails
          </button>
        </div>
      )}
      {done && (
        <p className="card" role="status">
          Done: you will not get these mails any more. Change your mind in <Link to="/me">My page</Link> under Mail.
        </p>
      )}
    </div>
  );
}
