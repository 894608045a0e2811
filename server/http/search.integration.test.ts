// Search on a real server: notes typed through the stock Yjs provider, commitments, goals;
// only the caller's group, observers without "stays in the room" content, hostile input literal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { ApiClient, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
const clients: ReturnType<typeof collabClient>[] = [];

function paragraph(text: string, confidential = false) {
  const p = new Y.XmlElement('paragraph');
  if (confidential) p.setAttribute('confidential', true as unknown as string);
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

const search = (c: ApiClient, q: string, groupId = seed.group.id) => c.get(`/api/groups/${groupId}/search?q=${encodeURIComponent(q)}`);

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const created = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body;
  meetingId = created.meeting.id;
  const hotSeat = created.state.agenda.find((i: { kind: string }) => i.kind === 'hotseat');
  const notes = collabClient(srv.url, seed.members[0]!.cookie, notesDocName(meetingId, hotSeat.id));
  const commitments = collabClient(srv.url, seed.members[0]!.cookie, commitmentsDocName(meetingId));
  clients.push(notes, commitments);
  await waitUntil(() => notes.provider.synced && commitments.provider.synced, 'synced');
  notes.doc.getXmlFragment(NOTES_FIELD).insert(0, [
    paragraph('Max presented his pricing problem: margins of 18 percent'),
    paragraph('Max is selling the company to Contoso', true),
  ]);
  addCommitment(commitments.doc, { id: 'c1', who: seed.members[0]!.userId, what: 'Renegotiate the backup contract', due: '2026-10-31', status: 'open', confidential: false, createdBy: seed.members[0]!.userId, createdAt: '2026-09-01T10:00:00Z' });
  addCommitment(commitments.doc, { id: 'c2', who: seed.members[1]!.userId, what: 'Fire the underperforming salesman', due: '', status: 'open', confidential: true, createdBy: seed.members[1]!.userId, createdAt: '2026-09-01T10:00:00Z' });
  await srv.storage.createGoal({
    id: 'goal-1', groupId: seed.group.id, userId: seed.members[0]!.userId, quarter: '2026-Q3', meetingId, text: 'Raise hourly rates by 10 percent',
    target: 'new rate card sent to all clients', dueDate: null, status: 'open', comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount: 0, vague: false,
    createdAt: '2026-09-01T10:00:00.000Z', updatedAt: '2026-09-01T10:00:00.000Z',
  });
  // The index follows the notes within its debounce delay.
  await waitUntil(async () => (await search(seed.members[1]!, 'Contoso')).body.hits?.length === 1, 'notes indexed');
});
afterAll(async () => {
  clients.forEach((c) => c.provider.destroy());
  await srv?.close();
});

describe('search', () => {
  it('finds notes, commitments and goals, linked to the meeting, with the match marked', async () => {
    const r = await search(seed.members[1]!, 'pricing');
    expect(r.status).toBe(200);
    expect(r.body.hits).toHaveLength(1);
    expect(r.body.hits[0]).toMatchObject({ kind: 'notes', meetingId, title: 'Hot seat', meetingTitle: 'Quarterly meeting 2026-Q3', quarter: '2026-Q3' });
    expect(r.body.hits[0].snippet).toContain('\u0002pricing\u0003');
    expect((await search(seed.members[1]!, 'backup contract')).body.hits.map((h: any) => h.kind)).toEqual(['commitment']);
    expect((await search(seed.members[1]!, 'hourly rates')).body.hits.map((h: any) => h.id)).toEqual(['goal:goal-1']);
  });

  it('observers do not find what stays in the room', async () => {
    expect((await search(seed.observer, 'Contoso')).body.hits).toEqual([]);
    expect((await search(seed.observer, 'salesman')).body.hits).toEqual([]);
    expect((await search(seed.observer, 'pricing')).body.hits).toHaveLength(1);
    expect((await search(seed.coach, 'salesman')).body.hits).toHaveLength(1);
  });

  it('never leaves the caller’s groups', async () => {
    const other = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta', leadership: 'coach-led', format: 'online' })).body;
    const inv = (await seed.organiser.post(`/api/groups/${other.id}/invites`, { role: 'member' })).body;
    const outsider = new ApiClient(srv.url);
    await outsider.post(`/api/invites/${inv.url.split('/').pop()}/accept`, { name: 'Otto Outsider', email: 'otto@example.com', password: 'correct horse battery', company: 'Otto Co' });
    expect((await search(outsider, 'pricing')).status).toBe(404);
    expect((await search(outsider, 'pricing', other.id)).body.hits).toEqual([]);
    expect((await search(new ApiClient(srv.url), 'pricing')).status).toBe(401);
  });

  it('finds the links and files shared at meetings, for observers too; a removed one is gone', async () => {
    const { state } = (await seed.coach.get(`/api/meetings/${meetingId}`)).body;
    const topics = state.agenda.find((i: { kind: string }) => i.kind === 'topics').id;
    const link = await seed.members[0]!.post(`/api/meetings/${meetingId}/resources`, { itemId: topics, title: 'Escalation matrix', url: 'https://wiki.example.com/escalation' });
    expect(link.status).toBe(201);
    const file = { itemId: topics, title: 'Client welcome pack', fileName: 'welcome-pack.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') };
    expect((await seed.members[1]!.post(`/api/meetings/${meetingId}/resources`, file)).status).toBe(201);
    const hits = (await search(seed.members[2]!, 'escalation')).body.hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'resource', meetingId, itemId: topics, title: 'Escalation matrix', meetingTitle: 'Quarterly meeting 2026-Q3' });
    // By its file name and by who shared it, and for an observer, who may read the library.
    expect((await search(seed.observer, 'welcome-pack')).body.hits.map((h: any) => h.title)).toEqual(['Client welcome pack']);
    expect((await search(seed.members[0]!, 'welcome Mia')).body.hits.map((h: any) => h.kind)).toEqual(['resource']);
    expect((await seed.members[0]!.request('DELETE', `/api/resources/${link.body.id}`)).status).toBe(204);
    expect((await search(seed.members[2]!, 'escalation')).body.hits).toEqual([]);
  });

  it('searches hostile input literally', async () => {
    for (const q of ["' OR 1=1 --", '%', '_', '"', '\\', "'; DROP TABLE search_docs; --", '*', 'NEAR(pricing margins)']) {
      const r = await search(seed.members[1]!, q);
      expect(r.status).toBe(200);
      expect(r.body.hits.every((h: any) => h.groupId === seed.group.id)).toBe(true);
    }
    expect((await search(seed.members[1]!, '%')).body.hits).toEqual([]);
    expect((await search(seed.members[1]!, "' OR 1=1 --")).body.hits).toEqual([]);
    // Still intact afterwards.
    expect((await search(seed.members[1]!, 'pricing')).body.hits).toHaveLength(1);
    expect((await search(seed.members[1]!, 'x'.repeat(201))).status).toBe(400);
  });
});
