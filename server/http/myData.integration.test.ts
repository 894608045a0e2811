// My data: the download holds everything about me (profile, goals, figures, private notes,
// commitments, my ratings) and nothing about anyone else or another group; leaving a group and
// deleting the account (password confirmed) remove private notes and figures, keep shared notes,
// and every record shows "Former member" where the name was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName, privateDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import { ApiClient, connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';
import { otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
let meetingId: string;
let betaMeetingId: string;
let topicsItemId: string;
const PASSWORD = 'correct horse battery';

function paragraph(text: string): Y.XmlElement {
  const el = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  return el;
}

/** Stores a document as the collab endpoint would (one update). */
async function storeDoc(name: string, fill: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  fill(doc);
  await srv.storage.appendDocUpdate(name, Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

const notes = (...texts: string[]) => (doc: Y.Doc) => doc.getXmlFragment(NOTES_FIELD).insert(0, texts.map(paragraph));

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  const [max, mia] = seed.members;
  const created = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body;
  meetingId = created.meeting.id;
  topicsItemId = created.state.agenda.find((i: { kind: string }) => i.kind === 'topics').id;
  betaMeetingId = (await seed.organiser.post(`/api/groups/${beta.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-02T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;

  await storeDoc(privateDocName(meetingId, max!.userId), notes('Max private: ask about the bank loan.'));
  await storeDoc(privateDocName(meetingId, mia!.userId), notes('Mia private: nobody reads this.'));
  await storeDoc(notesDocName(meetingId, topicsItemId), notes('Shared: Max explained his pricing.'));
  await storeDoc(commitmentsDocName(meetingId), (doc) => {
    addCommitment(doc, { id: 'c1', who: max!.userId, what: 'Max sends the rate card', due: '2026-10-15', status: 'open', confidential: false, createdBy: max!.userId, createdAt: '2026-09-01T10:00:00Z' });
    addCommitment(doc, { id: 'c2', who: mia!.userId, what: 'Mia calls her bank', due: '', status: 'open', confidential: true, createdBy: mia!.userId, createdAt: '2026-09-01T10:00:00Z' });
  });
  await storeDoc(privateDocName(betaMeetingId, beta.member.userId), notes('Beta private: other group.'));
  await storeDoc(commitmentsDocName(betaMeetingId), (doc) =>
    addCommitment(doc, { id: 'b1', who: beta.member.userId, what: 'Beta commitment', due: '', status: 'open', confidential: false, createdBy: beta.member.userId, createdAt: '2026-09-02T10:00:00Z' }),
  );

  for (const [c, g, value] of [[max!, seed.group.id, 111_111], [mia!, seed.group.id, 222_222], [beta.member, beta.group.id, 333_333]] as const) {
    expect((await put(c, `/api/groups/${g}/figures/2026-Q2`, { figures: [{ kpiKey: 'total_revenue', value }, { kpiKey: 'headcount', value: 7, coachOnly: true }] })).status).toBe(200);
    expect((await c.post(`/api/groups/${g}/goals`, { quarter: '2026-Q3', text: `${c === max ? 'Max' : c === mia ? 'Mia' : 'Beta'} goal: ten new contracts` })).status).toBe(201);
  }

  // Max and Mia rate the meeting; the export holds Max's own score only.
  const sockets = await Promise.all([seed.coach, max!, mia!].map((c) => connectSocket(srv.url, c.cookie)));
  for (const s of sockets) expect((await emitAck(s, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
  expect((await emitAck(sockets[0]!, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
  expect((await emitAck(sockets[1]!, 'meeting:command', { meetingId, command: { type: 'rating.submit', score: 8 } })).ok).toBe(true);
  expect((await emitAck(sockets[2]!, 'meeting:command', { meetingId, command: { type: 'rating.submit', score: 3 } })).ok).toBe(true);
  sockets.forEach((s) => s.close());
});
afterAll(async () => {
  await srv?.close();
});

describe('my data', () => {
  it('the download holds my profile, goals, figures, private notes, commitments and rating, and nothing of anyone else', async () => {
    const max = seed.members[0]!;
    const res = await fetch(`${srv.url}/api/me/export`, { headers: { cookie: max.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="peerboard-my-data.json"');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ id: max.userId, name: 'Max One', email: 'max.one@example.com' });
    expect(data.profile.passwordHash).toBeUndefined();
    expect(data.memberships).toEqual([{ groupId: seed.group.id, groupName: 'Alpha Group', role: 'member', company: 'One GmbH' }]);
    expect(data.goals.map((g: { text: string }) => g.text)).toEqual(['Max goal: ten new contracts']);
    expect(data.figures.map((f: { kpiKey: string; value: number; coachOnly: boolean }) => [f.kpiKey, f.value, f.coachOnly]).sort()).toEqual([['headcount', 7, true], ['total_revenue', 111_111, false]]);
    expect(data.privateNotes).toMatchObject([{ meetingId, text: 'Max private: ask about the bank loan.' }]);
    expect(data.commitments).toMatchObject([{ id: 'c1', what: 'Max sends the rate card', meetingId }]);
    expect(data.ratings).toEqual([{ meetingId, score: 8 }]);
    expect(data.normsAcceptances.map((a: { groupId: string }) => a.groupId)).toEqual([seed.group.id]);
    // Nothing about Mia, nothing of the other group, no shared notes, no password.
    for (const foreign of ['Mia', '222222', 'Beta', beta.group.id, betaMeetingId, seed.members[1]!.userId, 'Shared: Max explained', 'scrypt']) expect(text).not.toContain(foreign);
  });

  it('the download needs a session', async () => {
    expect((await new ApiClient(srv.url).get('/api/me/export')).status).toBe(401);
  });

  it('leaving a group needs the password; then my private notes and figures go, shared notes stay, my name reads "Former member"', async () => {
    const mia = seed.members[1]!;
    const wrong = await mia.post(`/api/groups/${seed.group.id}/leave`, { password: 'not my password' });
    expect(wrong.status).toBe(403);
    expect((await mia.post(`/api/groups/${seed.group.id}/leave`, {})).status).toBe(400);
    expect((await beta.member.post(`/api/groups/${seed.group.id}/leave`, { password: PASSWORD })).status).toBe(404);
    expect((await mia.get(`/api/groups/${seed.group.id}`)).status).toBe(200);

    expect((await mia.post(`/api/groups/${seed.group.id}/leave`, { password: PASSWORD })).status).toBe(204);
    expect((await mia.get(`/api/groups/${seed.group.id}`)).status).toBe(404);
    expect((await srv.storage.loadDoc(privateDocName(meetingId, mia.userId))).updates).toEqual([]);
    expect((await srv.storage.listFigures(seed.group.id)).filter((f) => f.userId === mia.userId)).toEqual([]);
    // Max's things are untouched; the shared notes and Mia's commitment stay, under "Former member".
    expect((await srv.storage.loadDoc(privateDocName(meetingId, seed.members[0]!.userId))).updates).toHaveLength(1);
    const md: string = (await seed.coach.get(`/api/meetings/${meetingId}/recap.md?roomOnly=include`)).body;
    expect(md).toContain('Shared: Max explained his pricing.');
    expect(md).toContain('Mia calls her bank');
    expect(md).not.toContain('Mia Two');
    expect(md).toContain('Former member');
    const summary = (await seed.coach.get(`/api/meetings/${meetingId}/summary`)).body;
    expect(summary.commitments.find((c: { id: string }) => c.id === 'c2')).toBeTruthy();
    // Her goal stays in the group's record, without her name.
    const goals = (await seed.coach.get(`/api/groups/${seed.group.id}/goals?quarter=2026-Q3`)).body;
    expect(JSON.stringify(goals)).toContain('Mia goal');
    expect(JSON.stringify(goals)).not.toContain('Mia Two');
  });

  it('deleting the account needs the password; then it cannot sign in, its sessions end, and the group reads "Former member"', async () => {
    const max = seed.members[0]!;
    const second = new ApiClient(srv.url);
    expect((await second.post('/api/auth/login', { email: 'max.one@example.com', password: PASSWORD })).status).toBe(200);
    expect((await max.post('/api/me/delete', { password: 'wrong password' })).status).toBe(403);
    const deleted = await max.post('/api/me/delete', { password: PASSWORD });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('set-cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    // Every session ended, the other browser's too; the address and password sign in no more.
    expect((await max.get('/api/me')).status).toBe(401);
    expect((await second.get('/api/me')).status).toBe(401);
    expect((await new ApiClient(srv.url).post('/api/auth/login', { email: 'max.one@example.com', password: PASSWORD })).status).toBe(401);
    // Private notes and figures gone; shared notes and the commitment stay, under "Former member".
    expect((await srv.storage.loadDoc(privateDocName(meetingId, max.userId))).updates).toEqual([]);
    expect((await srv.storage.listFigures(seed.group.id)).filter((f) => f.userId === max.userId)).toEqual([]);
    expect((await srv.storage.getUser(max.userId))?.name).toBe('Former member');
    const md: string = (await seed.coach.get(`/api/meetings/${meetingId}/recap.md`)).body;
    expect(md).toContain('Shared: Max explained his pricing.');
    expect(md).toContain('Max sends the rate card');
    expect(md).not.toContain('Max One');
    const members = (await seed.coach.get(`/api/groups/${seed.group.id}`)).body.members as { name: string }[];
    expect(members.map((m) => m.name)).not.toContain('Max One');
    // The address is free again: a new account may use it.
    expect((await seed.organiser.post(`/api/groups/${seed.group.id}/invites`, { role: 'member' })).status).toBe(201);
  });
});
