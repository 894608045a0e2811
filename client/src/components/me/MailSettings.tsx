// Which mails I get. Invitations and password resets always go; the rest are mine to choose.
import { useEffect, useState } from 'react';
import { MAIL_KIND_LABELS, OPTIONAL_MAIL_KINDS, type MailPreferences } from '../../../../shared/mail.ts';
import { errorMessage } from '../../api/http.ts';
import { mailApi } from '../../api/mail.ts';
import { Alert } from '../Alert.tsx';

export function MailSettings() {
  const [prefs, setPrefs] = useState<MailPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    mailApi.preferences().then(setPrefs, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const toggle = (kind: keyof MailPreferences, on: boolean) =>
    mailApi.setPreferences({ [kind]: on }).then(setPrefs, (e: unknown) => setError(errorMessage(e)));
  return (
    <section aria-labelledby="mail-settings" className="card section" id="mail">
      <h2 id="mail-settings">Mail</h2>
      <Alert message={error} onDismiss={() => setError(null)} />
      {prefs && (
        <fieldset className="form">
          <legend>Send me</legend>
          {OPTIONAL_MAIL_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="checkbox" checked={prefs[k]} onChange={(e) => void toggle(k, e.target.checked)} /> {MAIL_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
