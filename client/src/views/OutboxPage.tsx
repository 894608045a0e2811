// The organiser's outbox: every mail of the network, as sent or (without SMTP) as it would
// have been, links included, so invitations and reminders work before mail is set up.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../api/http.ts';
import { mailApi } from '../api/mail.ts';
import { Alert } from '../components/Alert.tsx';
import { Disclosure } from '../components/Disclosure.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import type { MailStatus, OutboxEntry } from '../../../shared/mail.ts';
import { MAIL_KIND_LABELS } from '../../../shared/mail.ts';

const STATUS_WORDS: Record<MailStatus, string> = {
  held: 'Not sent (no SMTP configured)',
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

export function OutboxPage() {
  const { id = '' } = useParams();
  const [mails, setMails] = useState<OutboxEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle('Outbox');
  useEffect(() => {
    mailApi.outbox(id).then(setMails, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  return (
    <div>
      <h1>Outbox</h1>
      <p className="muted">Every mail Peerboard sent, or would have sent, for this network; newest first.</p>
      <Alert message={error} />
      {mails && mails.length === 0 && <p>No mail yet.</p>}
      {mails && mails.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">To</th>
              <th scope="col">Kind</th>
              <th scope="col">Subject and text</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{new Date(m.createdAt).toLocaleString()}</td>
                <td>{m.to}</td>
                <td>{MAIL_KIND_LABELS[m.kind]}</td>
                <td>
                  {m.text ? (
                    <Disclosure summary={m.subject}>
                      <pre className="mail-text">{m.text}</pre>
                    </Disclosure>
                  ) : (
                    m.subject
                  )}
                </td>
                <td>
                  {STATUS_WORDS[m.status]}
                  {m.lastError && m.status !== 'sent' ? ` (${m.attempts} attempts: ${m.lastError})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
