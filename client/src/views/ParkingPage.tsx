// /groups/:id/parking: the group's parking lot. Open items (proposals the last meeting left,
// what the room parked, needs, leads) with Resolve / Drop / Schedule and their history; closed
// ones below with Reopen; a form for needs and leads between meetings.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { LIMITS } from '../../../shared/limits.ts';
import { PARKING_KIND_LABEL, type ParkingItem } from '../../../shared/parking.ts';
import { errorMessage } from '../api/http.ts';
import { parkingApi } from '../api/parking.ts';
import { Alert } from '../components/Alert.tsx';
import { ParkingRow } from '../components/parking/ParkingRow.tsx';
import { useSubmit } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { allows } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';

export function ParkingPage() {
  const { id = '' } = useParams();
  const detail = useStore((s) => (s.groupDetail?.group.id === id ? s.groupDetail : null));
  const loadGroup = useStore((s) => s.loadGroup);
  const userId = useStore((s) => s.me?.user.id ?? '');
  const [items, setItems] = useState<ParkingItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [kind, setKind] = useState<'need' | 'lead' | 'parked'>('need');
  const [title, setTitle] = useState('');
  const [detailText, setDetailText] = useState('');
  const { busy, error, setError, run } = useSubmit();
  useTitle(detail ? `${detail.group.name}: parking lot` : 'Parking lot');

  useEffect(() => {
    void loadGroup(id);
  }, [id, loadGroup]);
  const load = useCallback(() => parkingApi.list(id, true).then(setItems, (e) => setLoadError(errorMessage(e))), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await parkingApi.add(id, { kind, title: title.trim(), detail: detailText.trim() });
      setTitle('');
      setDetailText('');
      await load();
    });
  };
  const act = (item: ParkingItem, action: 'resolve' | 'drop' | 'reopen' | 'schedule') =>
    void run(async () => {
      await parkingApi.act(item.id, { action });
      await load();
    });
  const names = new Map((detail?.members ?? []).map((m) => [m.userId, m.name]));
  const manages = allows(detail, 'parking.manage');
  const open = (items ?? []).filter((i) => i.status === 'open' || i.status === 'scheduled');
  const closed = (items ?? []).filter((i) => i.status === 'resolved' || i.status === 'dropped');
  const row = (i: ParkingItem) => (
    <ParkingRow key={i.id} item={i} names={names} mayAct={manages || i.createdBy === userId} busy={busy} onAct={(a) => act(i, a)} />
  );
  return (
    <div className="stack" data-testid="parking-page">
      <h1>{detail?.group.name ?? 'Group'}: parking lot</h1>
      <p>
        <Link to={`/groups/${id}`}>Back to the group</Link>
      </p>
      <p className="muted">
        What the group has not dealt with yet. Open hot-seat proposals and parked items become proposals of the next meeting when it is
        scheduled; proposals a meeting leaves come back here.
      </p>
      <Alert message={loadError ?? error} onDismiss={() => setError(null)} />
      <section className="card section" aria-labelledby="parking-open-h">
        <h2 id="parking-open-h">Open ({open.length})</h2>
        {items && open.length === 0 && <p className="muted">Nothing parked.</p>}
        <ul className="parking-list" data-testid="parking-open">{open.map(row)}</ul>
      </section>
      {allows(detail, 'parking.add') && (
        <section className="card section" aria-labelledby="parking-add-h">
          <h2 id="parking-add-h">Add to the parking lot</h2>
          <form className="form" onSubmit={add}>
            <label htmlFor="parking-kind">Kind</label>
            <select id="parking-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="need">{PARKING_KIND_LABEL.need}: something I need from the group</option>
              <option value="lead">{PARKING_KIND_LABEL.lead}: a lead for someone</option>
              <option value="parked">{PARKING_KIND_LABEL.parked}: a matter for a later meeting</option>
            </select>
            <label htmlFor="parking-title">What</label>
            <input id="parking-title" value={title} maxLength={LIMITS.parkingTitleMax} onChange={(e) => setTitle(e.target.value)} required />
            <label htmlFor="parking-detail">Detail (optional)</label>
            <textarea id="parking-detail" rows={2} value={detailText} maxLength={LIMITS.parkingDetailMax} onChange={(e) => setDetailText(e.target.value)} />
            <button type="submit" className="btn btn-primary" disabled={busy || !title.trim()}>
              Add
            </button>
          </form>
        </section>
      )}
      {closed.length > 0 && (
        <section className="card section" aria-labelledby="parking-closed-h">
          <h2 id="parking-closed-h">Resolved and dropped ({closed.length})</h2>
          <ul className="parking-list">{closed.map(row)}</ul>
        </section>
      )}
    </div>
  );
}
