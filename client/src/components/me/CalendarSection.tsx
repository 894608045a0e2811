// Upcoming meetings in your calendar: a download, or a feed URL a calendar app subscribes to.
import { useState } from 'react';
import { errorMessage, http } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';

export function CalendarSection() {
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    try {
      setUrl((await http.post<{ url: string }>('/api/me/calendar-feed')).url);
      setNote('Copy this link into your calendar app now: it is shown only once. Creating a new one stops the old.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const revoke = async () => {
    setError(null);
    try {
      await http.del('/api/me/calendar-feed');
      setUrl(null);
      setNote('Your calendar feed is switched off.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="card section" aria-labelledby="cal-h">
      <h2 id="cal-h">Calendar</h2>
      <div className="button-row">
        <a className="btn" href="/api/me/calendar.ics" download>
          Download upcoming meetings (.ics)
        </a>
        <button type="button" className="btn" onClick={() => void create()}>
          Create a calendar feed link
        </button>
        <button type="button" className="btn btn-danger-outline" onClick={() => void revoke()}>
          Turn off the feed
        </button>
      </div>
      {url && (
        <label className="feed-url">
          Calendar feed link
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      {note && <p className="muted">{note}</p>}
      <Alert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
