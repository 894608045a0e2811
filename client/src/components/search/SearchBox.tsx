// The search field of a group; submits to /groups/:id/search?q=…
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

export function SearchBox({ groupId, initial = '' }: { groupId: string; initial?: string }) {
  const [q, setQ] = useState(initial);
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/groups/${groupId}/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="form form-inline search-box" onSubmit={submit}>
      <label className="grow">
        Search notes, commitments and goals
        <input type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary">
        Search
      </button>
    </form>
  );
}
