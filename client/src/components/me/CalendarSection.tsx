// Upcoming meetings in your calendar: a download, or a feed URL a calendar app subscribes to.
// The server keeps only a hash of the feed's token, so the link is shown once, with Copy.
import { useState } from 'react';
import { errorMessage, http } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';

export function CalendarSection() {
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const create = () =>
    run(async () => {
      setUrl((await http.post<{ url: string }>('/api/me/calendar-feed')).url);
      setNote('Copy this link into your calendar app now: it is shown only once. Creating a new one stops the old.');
    });
  const revoke = () =>
    run(async () => {
      await http.del('/api/me/calendar-feed');
      setUrl(null);
      setNote('Your calendar feed is switched off.');
    });
  const copy = () =>
    run(async () => {
      if (!url) return;
      await navigator.clipboard.writeText(url);
      setNote('Copied. Paste it into your calendar app as a subscription (“From URL”).');
    });
  return (
    <section className="card section" aria-labelledby="cal-h" data-testid="calendar">
      <h2 id="cal-h">Calendar</h2>
      <div className="button-row">
        <a className="btn" href="/api/me/calendar.ics" download>
          Download upcoming meetings (.ics)
        </a>
        <button type="button" className="btn" onClick={() => void create()}>
          {url ? 'Create a new feed link' : 'Create a calendar feed link'}
        </button>
        <button type="button" className="btn btn-danger-outline" onClick={() => void revoke()}>
          Turn off the feed
        </button>
      </div>
      {url && (
        <div className="feed-url">
          <label htmlFor="feed-url">Calendar feed link</label>
          <div className="form-row">
            <input id="feed-url" className="grow" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn btn-primary" onClick={() => void copy()}>
              Copy
            </button>
          </div>
        </div>
      )}
      <p className="muted" role="status">
        {note}
      </p>
      <Alert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
