// Recap exports read back: Markdown sections, PDF text via pdftotext. What stays in the room is
// in no export by default, whoever asks; the people in the room may ask for it and get it marked.
// Private notes only in their owner's export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName, privateDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import { CORPUS_ROOM_ONLY, CORPUS_TEXT, corpusNodes } from '../../shared/notes/testCorpus.ts';
import { pdfText as readPdf } from '../exports/pdfText.testkit.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { ApiClient, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
const clients: ReturnType<typeof collabClient>[] = [];

function block(name: string, text: string, attrs: Record<string, unknown> = {}) {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  return el;
}

async function pdfText(client: ApiClient, query = ''): Promise<string> {
  const res = await fetch(`${srv.url}/api/meetings/${meetingId}/recap.pdf${query}`, { headers: { cookie: client.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return readPdf(Buffer.from(await res.arrayBuffer()));
}
/** pdftotext breaks long lines; compare on words. */
const squash = (s: string) => s.replace(/\s+/g, ' ');
/** Every text that stays in the room in this meeting: notes blocks, a commitment, a private note. */
const ROOM_ONLY_TEXTS = ['Contoso', 'salesman', 'Only for the room', ...Object.values(CORPUS_ROOM_ONLY)];

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const created = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'Europe/Berlin', location: 'Koblenz' })).body;
  meetingId = created.meeting.id;
  const hotSeat = created.state.agenda.find((i: { kind: string }) => i.kind === 'hotseat');
  const [m0, m1] = seed.members;
  const notes = collabClient(srv.url, m0!.cookie, notesDocName(meetingId, hotSeat.id));
  const commitments = collabClient(srv.url, m0!.cookie, commitmentsDocName(meetingId));
  const mine = collabClient(srv.url, m0!.cookie, privateDocName(meetingId, m0!.userId));
  clients.push(notes, commitments, mine);
  await waitUntil(() => clients.every((c) => c.provider.synced), 'synced');
  notes.doc.getXmlFragment(NOTES_FIELD).insert(0, [
    block('heading', 'Pricing workshop', { level: 2 }),
    block('paragraph', 'Margins are 18 percent; target 25.'),
    block('paragraph', 'Max may sell the company to Contoso.', { confidential: true }),
    ...corpusNodes(),
  ]);
  addCommitment(commitments.doc, { id: 'c1', who: m0!.userId, what: 'Send the new rate card', due: '2026-10-15', status: 'open', confidential: false, createdBy: m0!.userId, createdAt: '2026-09-01T10:00:00Z' });
  addCommitment(commitments.doc, { id: 'c2', who: m1!.userId, what: 'Let the weakest salesman go', due: '', status: 'open', confidential: true, createdBy: m1!.userId, createdAt: '2026-09-01T10:00:00Z' });
  mine.doc.getXmlFragment(NOTES_FIELD).insert(0, [block('paragraph', 'Ask Mia about her bank privately.'), block('paragraph', 'Only for the room: my aside', { confidential: true })]);
  // The quarter this meeting reviews: three companies' figures, Max's headcount for the coach only.
  for (const [i, m] of seed.members.entries()) {
    const figures = [{ kpiKey: 'total_revenue', value: (1 + i) * 1_000_000 }, { kpiKey: 'headcount', value: (i + 1) * 10, coachOnly: i === 0 }];
    expect((await m.request('PUT', `/api/groups/${seed.group.id}/figures/2026-Q2`, { figures })).status).toBe(200);
  }
  const topics = created.state.agenda.find((i: { kind: string }) => i.kind === 'topics');
  expect((await m0!.post(`/api/meetings/${meetingId}/resources`, { itemId: topics.id, title: 'Service desk runbook', url: 'https://wiki.example.com/runbook' })).status).toBe(201);
  const file = { itemId: topics.id, title: 'Onboarding checklist', fileName: 'onboarding.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') };
  expect((await m1!.post(`/api/meetings/${meetingId}/resources`, file)).status).toBe(201);
  await waitUntil(async () => {
    const md: string = (await seed.members[0]!.get(`/api/meetings/${meetingId}/recap.md?roomOnly=include`)).body;
    return md.includes('Let the weakest salesman go') && md.includes('Only for the room') && md.includes(CORPUS_TEXT.deep);
  }, 'docs stored');
});
afterAll(async () => {
  clients.forEach((c) => c.provider.destroy());
  await srv?.close();
});

describe('recap exports', () => {
  it('Markdown has the sections, the notes and the reader\'s own private notes', async () => {
    const r = await seed.members[0]!.get(`/api/meetings/${meetingId}/recap.md`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="peerboard-recap.md"');
    const md: string = r.body;
    expect(md.startsWith('# Alpha Group: Quarterly meeting 2026-Q3')).toBe(true);
    for (const h of ['## Agenda', '## Attendance', '## Notes', '### Hot seat', '##### Pricing workshop', '## Commitments', '## Goal review', '## New goals', '## Rating', '## My private notes']) {
      expect(md).toContain(h);
    }
    expect(md).toContain('Margins are 18 percent');
    expect(md).toContain('- Max One: Send the new rate card (by Thursday 15 October 2026) — open');
    expect(md).toContain('Ask Mia about her bank privately.');
    // Hostile notes come out as text and checked links.
    expect(md).toContain('[50% off](<https://shop.example/sale-50%>)');
    expect(md).toContain('\\<img src=x onerror="window.\\_\\_pwned=1"\\>');
    const other = (await seed.members[1]!.get(`/api/meetings/${meetingId}/recap.md`)).body;
    expect(other).not.toContain('Ask Mia');
    expect(other).not.toContain('My private notes');
  });

  it('holds the financial highlights each reader may see and the resources shared', async () => {
    const mia: string = (await seed.members[1]!.get(`/api/meetings/${meetingId}/recap.md`)).body;
    expect(mia).toContain('## Financial highlights (2026-Q2)');
    expect(mia).toContain('- Total revenue: group median €2M (3 companies)');
    // Max's headcount is for the coach: Mia's median is over the two others only.
    expect(mia).toContain('- Headcount: group median 25 (2 companies)');
    const coach: string = (await seed.coach.get(`/api/meetings/${meetingId}/recap.md`)).body;
    expect(coach).toContain('- Headcount: group median 20 (3 companies)');
    expect(mia).toContain('## Resources shared');
    expect(mia).toContain('- Service desk runbook — https://wiki.example.com/runbook, shared by Max One');
    expect(mia).toContain('- Onboarding checklist — file onboarding.pdf, shared by Mia Two');
    const observer: string = (await seed.observer.get(`/api/meetings/${meetingId}/recap.md`)).body;
    expect(observer).toContain('This group keeps its figures from observers.');
    expect(observer).not.toContain('group median');
  });

  it('by default no export holds room-only text, for any role, in Markdown or PDF', async () => {
    const readers = { organiser: seed.organiser, coach: seed.coach, max: seed.members[0]!, mia: seed.members[1]!, observer: seed.observer };
    for (const [who, reader] of Object.entries(readers)) {
      const md: string = (await reader.get(`/api/meetings/${meetingId}/recap.md`)).body;
      const pdf = squash(await pdfText(reader));
      for (const [format, text] of [['md', md], ['pdf', pdf]] as const) {
        // What may leave the room is there, so the absence below is not an empty export.
        expect(text, `${who} ${format}`).toContain('Margins are 18 percent');
        expect(text, `${who} ${format}`).toContain('Send the new rate card');
        expect(text, `${who} ${format}`).toContain(CORPUS_TEXT.quote);
        for (const secret of ROOM_ONLY_TEXTS) expect(text, `${who} ${format}`).not.toContain(secret);
        expect(text, `${who} ${format}`).not.toContain('Stays in the room');
      }
    }
  });

  it('a member, the coach or an organiser may ask for it in their own download: each block and commitment marked, the file name says so', async () => {
    for (const reader of [seed.members[0]!, seed.coach, seed.organiser]) {
      const r = await reader.get(`/api/meetings/${meetingId}/recap.md?roomOnly=include`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-disposition')).toBe('attachment; filename="peerboard-recap-stays-in-the-room.md"');
      const md: string = r.body;
      expect(md).toContain('This copy holds what stays in the room');
      expect(md).toContain('**\\[Stays in the room\\]** Max may sell the company to Contoso.');
      expect(md).toContain('- **\\[Stays in the room\\]** Mia Two: Let the weakest salesman go — open');
      expect(md).toContain('- **\\[Stays in the room\\]** Anna is leaving her partner');
      expect(md).toContain('##### **\\[Stays in the room\\]** Secret plans');
      expect(md).toContain('> **\\[Stays in the room\\]**\n>\n> The bank said no');
      // One label per room-only block or commitment: five in the shared notes, one commitment, and
      // Max's own room-only private note in his copy.
      const expected = reader === seed.members[0] ? 7 : 6;
      expect(md.match(/\\\[Stays in the room\\\]/g)).toHaveLength(expected);
      if (reader === seed.members[0]) expect(md).toContain('**\\[Stays in the room\\]** Only for the room: my aside');
    }
    const res = await fetch(`${srv.url}/api/meetings/${meetingId}/recap.pdf?roomOnly=include`, { headers: { cookie: seed.coach.cookie } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="peerboard-recap-stays-in-the-room.pdf"');
    const pdf = squash(await pdfText(seed.coach, '?roomOnly=include'));
    expect(pdf).toContain('This copy holds what stays in the room');
    expect(pdf).toContain('[Stays in the room] Max may sell the company to Contoso.');
    expect(pdf).toContain('• [Stays in the room] Mia Two: Let the weakest salesman go — open');
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(pdf).toContain(t);
    expect(pdf.match(/\[Stays in the room\]/g)).toHaveLength(6);
  });

  it('an observer may not ask for it; a wrong value is a bad request', async () => {
    for (const ext of ['md', 'pdf']) {
      const r = await seed.observer.get(`/api/meetings/${meetingId}/recap.${ext}?roomOnly=include`);
      expect(r.status).toBe(403);
      expect(r.body.error).toEqual({ code: 'forbidden', message: 'What stays in the room is only for the people in the room' });
    }
    const bad = await seed.members[0]!.get(`/api/meetings/${meetingId}/recap.md?roomOnly=yes`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.message).toMatch(/^roomOnly: /);
  });

  it('nobody outside the group gets a recap', async () => {
    expect((await new ApiClient(srv.url).get(`/api/meetings/${meetingId}/recap.md`)).status).toBe(401);
    const other = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Gamma', leadership: 'coach-led', format: 'online' })).body;
    const inv = (await seed.organiser.post(`/api/groups/${other.id}/invites`, { role: 'member' })).body;
    const outsider = new ApiClient(srv.url);
    await outsider.post(`/api/invites/${inv.url.split('/').pop()}/accept`, { name: 'Olli Out', email: 'olli@example.com', password: 'correct horse battery', company: 'Olli Co' });
    expect((await outsider.get(`/api/meetings/${meetingId}/recap.md`)).status).toBe(404);
    expect((await outsider.get(`/api/meetings/${meetingId}/recap.pdf`)).status).toBe(404);
  });
});

describe('KPI table as CSV', () => {
  it('has what the reader may see: coach-only figures for their owner and the coach only', async () => {
    const [m0, m1] = seed.members;
    await m0!.request('PUT', `/api/groups/${seed.group.id}/figures/2026-Q2`, { figures: [{ kpiKey: 'total_revenue', value: 1_200_000 }, { kpiKey: 'cash_on_hand', value: 90_000, coachOnly: true }] });
    await m1!.request('PUT', `/api/groups/${seed.group.id}/figures/2026-Q2`, { figures: [{ kpiKey: 'total_revenue', value: 800_000 }] });
    const own = await m0!.get(`/api/groups/${seed.group.id}/kpis.csv`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines: string[] = own.body.trim().split('\r\n');
    expect(lines[0]).toBe('quarter,member,company,kpi,label,unit,value,coach_only');
    expect(lines).toContain('2026-Q2,Max One,One GmbH,total_revenue,Total revenue,currency,1200000,false');
    expect(lines.some((l) => l.includes('cash_on_hand'))).toBe(true);
    const other: string = (await m1!.get(`/api/groups/${seed.group.id}/kpis.csv`)).body;
    expect(other).toContain('2026-Q2,Mia Two,Two Ltd,total_revenue');
    expect(other).not.toContain('cash_on_hand');
    expect((await seed.coach.get(`/api/groups/${seed.group.id}/kpis.csv`)).body).toContain('cash_on_hand');
    expect((await seed.observer.get(`/api/groups/${seed.group.id}/kpis.csv`)).status).toBe(403);
  });
});
