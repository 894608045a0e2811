// Mail end to end: a real server sends through SMTP to a real SMTP server in this process.
// Invitations, password reset, reminders, the recap, unsubscribing, an SMTP outage and a
// restart between scheduling and sending.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import { ApiClient, joinGroup, seedGroup, startTestServer, tempDataDir } from '../testing/harness.ts';
import { addDays } from '../../shared/calendar/meetingDays.ts';
import { zonedToInstant } from '../../shared/calendar/zoned.ts';
import { createMeeting, heldWithCommitments } from '../testing/records.ts';
import { linkIn, SmtpSink } from '../testing/smtpSink.ts';
import { mailJobRunner, nextDigestSlot, scheduleOverdueDigest } from './jobs.ts';
import { createMailer } from './mailer.ts';

const sink = new SmtpSink();
const dataDir = tempDataDir();
let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const mailEnv = () => ({ SMTP_URL: sink.url, MAIL_FROM: 'Peerboard <noreply@peerboard.test>', MAIL_POLL_MS: '50', MAIL_RETRY_BASE_MS: '50' });

beforeAll(async () => {
  await sink.start();
  srv = await startTestServer(dataDir, mailEnv());
  seed = await seedGroup(srv.url);
});
afterAll(async () => {
  await srv?.close();
  await sink.stop();
});

const tokenOf = (link: string): string => link.split('/').pop()!;
const inDays = (d: number, plusMs = 0): string => new Date(Date.now() + d * 86_400_000 + plusMs).toISOString();
const emailOf = (c: { userId: string }) => srv.storage.getUser(c.userId).then((u) => u!.email);

describe('invitations', () => {
  it('mails each address its own invite with its role; pending list, revoke and re-send', async () => {
    const g = seed.group.id;
    const r = await seed.coach.post(`/api/groups/${g}/invites/bulk`, { invites: [{ email: 'Nina@Example.com', role: 'member' }, { email: 'oscar@example.com', role: 'observer' }] });
    expect(r.status).toBe(201);
    await sink.waitFor(() => sink.to('nina@example.com').length === 1 && sink.to('oscar@example.com').length === 1);
    const nina = sink.to('nina@example.com')[0]!;
    expect(nina.subject).toBe('Invitation to Alpha Group on Peerboard');
    expect(nina.text).toContain('as a member');
    expect(sink.to('oscar@example.com')[0]!.text).toContain('as an observer');
    const ninaToken = tokenOf(linkIn(nina, '/invite/'));
    expect((await new ApiClient(srv.url).get(`/api/invites/${ninaToken}`)).body).toMatchObject({ groupName: 'Alpha Group', role: 'member' });

    const pending = (await seed.coach.get(`/api/groups/${g}/invites`)).body as { id: string; email: string; role: string; createdByName: string }[];
    const ids = Object.fromEntries(pending.map((p) => [p.email, p.id]));
    // One bulk request creates its invites at the same instant: "oldest first" leaves their order open.
    expect(pending.filter((p) => p.email).map((p) => [p.email, p.role, p.createdByName]).sort()).toEqual([
      ['nina@example.com', 'member', 'Cora Coach'],
      ['oscar@example.com', 'observer', 'Cora Coach'],
    ]);
    // Members of a coach-led group do not manage invites, and strangers do not see them.
    expect((await seed.members[0]!.get(`/api/groups/${g}/invites`)).status).toBe(403);

    const oscarToken = tokenOf(linkIn(sink.to('oscar@example.com')[0]!, '/invite/'));
    expect((await seed.coach.del(`/api/groups/${g}/invites/${ids['oscar@example.com']}`)).status).toBe(204);
    expect((await new ApiClient(srv.url).get(`/api/invites/${oscarToken}`)).status).toBe(410);
    expect((await seed.coach.del(`/api/groups/${g}/invites/${ids['oscar@example.com']}`)).status).toBe(409);

    const resent = await seed.coach.post(`/api/groups/${g}/invites/${ids['nina@example.com']}/resend`);
    expect(resent.status).toBe(200);
    await sink.waitFor(() => sink.to('nina@example.com').length === 2);
    const fresh = tokenOf(linkIn(sink.to('nina@example.com')[1]!, '/invite/'));
    expect(fresh).not.toBe(ninaToken);
    expect((await new ApiClient(srv.url).get(`/api/invites/${ninaToken}`)).status).toBe(404);
    const joined = await new ApiClient(srv.url).post(`/api/invites/${fresh}/accept`, { name: 'Nina New', email: 'nina@example.com', password: 'correct horse battery', company: 'Nina AG' });
    expect(joined.status).toBe(200);
    expect((await seed.coach.get(`/api/groups/${g}/invites`)).body.map((p: { email: string }) => p.email)).not.toContain('nina@example.com');
  });

  it('refuses a duplicate address and a bad one with the field named', async () => {
    const g = seed.group.id;
    const dup = await seed.coach.post(`/api/groups/${g}/invites/bulk`, { invites: [{ email: 'a@example.com', role: 'member' }, { email: 'A@example.com', role: 'member' }] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toMatch(/listed twice/);
    const bad = await seed.coach.post(`/api/groups/${g}/invites/bulk`, { invites: [{ email: 'not-an-address', role: 'member' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^invites\.0\.email/);
  });
});

describe('password reset', () => {
  it('mails a single-use link to a known address and answers an unknown one the same way', async () => {
    const anon = new ApiClient(srv.url);
    const unknown = await anon.post('/api/auth/password-reset', { email: 'nobody@example.com' });
    const known = await anon.post('/api/auth/password-reset', { email: 'MAX.ONE@example.com' });
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
    expect(known.status).toBe(202);
    await sink.waitFor(() => sink.to('max.one@example.com').some((m) => m.subject === 'Reset your Peerboard password'));
    const token = tokenOf(linkIn(sink.to('max.one@example.com').find((m) => m.subject.startsWith('Reset'))!, '/reset-password/'));
    // Nothing went to the unknown address (the known one's mail, queued after it, already arrived).
    expect(sink.to('nobody@example.com')).toEqual([]);

    const done = await anon.post('/api/auth/password-reset/confirm', { token, password: 'a brand new passphrase' });
    expect(done.status).toBe(204);
    expect((await anon.post('/api/auth/login', { email: 'max.one@example.com', password: 'a brand new passphrase' })).status).toBe(200);
    // The old session was signed out everywhere.
    expect((await seed.members[0]!.get('/api/me')).status).toBe(401);
    const again = await anon.post('/api/auth/password-reset/confirm', { token, password: 'another passphrase!' });
    expect(again.status).toBe(410);
    await seed.members[0]!.post('/api/auth/login', { email: 'max.one@example.com', password: 'a brand new passphrase' });
  });

  it('refuses an expired link', async () => {
    const user = await srv.storage.getUserByEmail('mia.two@example.com');
    const { hashToken } = await import('../auth/tokens.ts');
    await srv.storage.createPasswordReset({ tokenHash: hashToken('expired-token'), userId: user!.id, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const r = await new ApiClient(srv.url).post('/api/auth/password-reset/confirm', { token: 'expired-token', password: 'a brand new passphrase' });
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('invite_expired');
  });
});

describe('reminders and unsubscribing', () => {
  it('chases members who are not ready, reminds everyone the day before with the call link and .ics, and honours unsubscribe', async () => {
    const g = seed.group.id;
    const meeting = await createMeeting(seed.coach, g, '2027-Q1', inDays(1, 1500));
    await seed.coach.patch(`/api/meetings/${meeting.id}`, { onlineUrl: 'https://call.example.com/alpha' });
    const mia = await emailOf(seed.members[1]!);
    const people = await srv.storage.listMembers(g);
    const companies = people.filter((p) => p.role === 'member').map((p) => p.email);
    const forMeeting = (id: string, subject: string) => sink.mails.filter((m) => m.subject.startsWith(subject) && m.text.includes(`/meetings/${id}`));
    await sink.waitFor(() => forMeeting(meeting.id, 'Prepare for').length === companies.length);
    const prep = sink.to(mia).find((m) => m.subject.startsWith('Prepare for'))!;
    expect(prep.text).toContain(`/groups/${g}/financials`);
    expect(prep.headers.get('list-unsubscribe')).toMatch(/\/unsubscribe\//);
    // The coach and observer have no figures to enter: not chased.
    expect(sink.to(await emailOf(seed.coach)).some((m) => m.subject.startsWith('Prepare for'))).toBe(false);

    await sink.waitFor(() => forMeeting(meeting.id, 'Tomorrow:').length === people.length);
    const tomorrow = sink.to(mia).find((m) => m.subject.startsWith('Tomorrow:'))!;
    expect(tomorrow.text).toContain('Join the call: https://call.example.com/alpha');
    expect(tomorrow.raw).toMatch(/Content-Type: text\/calendar/i);
    // The .ics part is base64: 15 bytes of "BEGIN:VCALENDAR" encode to 20 characters exactly.
    expect(tomorrow.raw).toContain(Buffer.from('BEGIN:VCALENDAR').toString('base64'));

    // Mia stops prep reminders with the link in her mail; the next meeting chases the others only.
    const anon = new ApiClient(srv.url);
    const token = tokenOf(linkIn(prep, '/unsubscribe/'));
    expect((await anon.post('/api/unsubscribe/preview', { token })).body.kind).toBe('prep_reminder');
    expect((await anon.post('/api/unsubscribe', { token })).status).toBe(200);
    expect((await seed.members[1]!.get('/api/me/mail-preferences')).body).toMatchObject({ prep_reminder: false, recap: true });
    const next = await createMeeting(seed.coach, g, '2027-Q2', inDays(5));
    await srv.mail.drain();
    expect(forMeeting(next.id, 'Prepare for').map((m) => m.to[0]).sort()).toEqual(companies.filter((e) => e !== mia).sort());
    expect((await srv.storage.getMailJob(`prep_reminder:${next.id}`))?.doneAt).not.toBeNull();
  });
});

describe('the recap', () => {
  it('goes to everyone once the record is final, my commitments first, never a "stays in the room" one, and only once', async () => {
    const g = seed.group.id;
    const meeting = await createMeeting(seed.coach, g, '2026-Q3', '2026-09-10T08:00:00.000Z');
    const [m1, m2] = seed.members;
    const doc = new Y.Doc();
    const c = (id: string, who: string, what: string, confidential = false) =>
      addCommitment(doc, { id, who, what, due: '2026-12-01', status: 'open', confidential, createdBy: who, createdAt: '2026-09-10T10:00:00.000Z' });
    c('c1', m2!.userId, 'Hire a service manager');
    c('c2', m1!.userId, 'Raise prices by 8 percent');
    c('c3', m1!.userId, 'Talk to the bank about the covenant breach', true);
    await srv.storage.appendDocUpdate(commitmentsDocName(meeting.id), Y.encodeStateAsUpdate(doc));
    await srv.storage.updateMeeting(meeting.id, { status: 'ended' });
    expect((await seed.coach.request('PUT', `/api/meetings/${meeting.id}/recap-final`, { final: true })).status).toBe(200);
    const max = await emailOf(m1!);
    await sink.waitFor(() => sink.to(max).some((m) => m.subject.startsWith('Recap:')));
    const recap = sink.to(max).find((m) => m.subject.startsWith('Recap:'))!;
    expect(recap.text.indexOf('Raise prices by 8 percent')).toBeLessThan(recap.text.indexOf('Hire a service manager'));
    expect(recap.text).toContain('Your commitments');
    expect(recap.text).not.toContain('covenant');
    expect(recap.text).toContain(`/meetings/${meeting.id}/recap`);
    await seed.coach.request('PUT', `/api/meetings/${meeting.id}/recap-final`, { final: false });
    await seed.coach.request('PUT', `/api/meetings/${meeting.id}/recap-final`, { final: true });
    await srv.mail.drain();
    expect(sink.to(max).filter((m) => m.subject.startsWith('Recap:') && m.text.includes(meeting.id))).toHaveLength(1);
    expect(sink.mails.filter((m) => m.subject.startsWith('Recap:')).every((m) => !m.text.includes('covenant'))).toBe(true);
  });
});

describe('the weekly overdue digest', () => {
  it('lists each member their own open commitments past due with group and meeting, never a "stays in the room" one, and honours unsubscribe', async () => {
    // A group of its own, so the earlier tests' commitments do not show up here.
    const beta = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body;
    const join = (name: string, role = 'member') => joinGroup(srv.url, seed.organiser, beta.id, name, role, role === 'member' ? `${name} Co` : undefined);
    const coach = await join('Bob Coach', 'coach');
    const [bea, ben, cal, una] = [await join('Bea Behind'), await join('Ben Ontime'), await join('Cal Confidential'), await join('Una Unsubscribed')];
    const meeting = await createMeeting(coach, beta.id, '2026-Q3', '2026-09-15T08:00:00.000Z');
    const day = (d: number) => inDays(d).slice(0, 10);
    const doc = new Y.Doc();
    const c = (id: string, who: string, what: string, due: string, o: { confidential?: boolean; status?: 'open' | 'done' } = {}) =>
      addCommitment(doc, { id, who, what, due, status: o.status ?? 'open', confidential: o.confidential ?? false, createdBy: who, createdAt: '2026-09-15T10:00:00.000Z' });
    c('b1', bea.userId, 'Sign the new supplier contract', day(-10));
    c('b2', bea.userId, 'Tell the board about the lawsuit', day(-10), { confidential: true });
    c('b3', bea.userId, 'Plan the spring fair', day(30));
    c('n1', ben.userId, 'Open the second branch', day(30));
    c('n2', ben.userId, 'Renew the lease', day(-5), { status: 'done' });
    c('k1', cal.userId, 'Let go of the sales director', day(-3), { confidential: true });
    c('u1', una.userId, 'Cut the travel budget', day(-7));
    await srv.storage.appendDocUpdate(commitmentsDocName(meeting.id), Y.encodeStateAsUpdate(doc));
    await srv.storage.updateMeeting(meeting.id, { status: 'ended' });
    expect((await una.request('PUT', '/api/me/mail-preferences', { overdue: false })).status).toBe(200);

    // The digest is a stored job in the group's weekly slot; the last slot is due now.
    const after = Date.now() - 7 * 86_400_000;
    const runAt = new Date(nextDigestSlot(after)).toISOString();
    await scheduleOverdueDigest(srv.storage, beta.id, after);
    await srv.mail.drain();
    const jobId = `overdue:${beta.id}:${runAt}`;
    expect((await srv.storage.getMailJob(jobId))?.doneAt).not.toBeNull();

    const [beaMail, benMail, calMail, unaMail] = await Promise.all([emailOf(bea), emailOf(ben), emailOf(cal), emailOf(una)]);
    const digests = (to: string) => sink.to(to).filter((m) => m.subject.includes('overdue commitment'));
    await sink.waitFor(() => digests(beaMail).length === 1);
    const mail = digests(beaMail)[0]!;
    expect(mail.subject).toBe('1 overdue commitment on Peerboard');
    expect(mail.text).toContain(`- Sign the new supplier contract (due ${day(-10)}; Beta Group, ${(await srv.storage.getMeeting(meeting.id))!.title})`);
    expect(mail.text).not.toContain('spring fair');
    expect(mail.headers.get('list-unsubscribe')).toMatch(/\/unsubscribe\//);
    // The job queued all its mails in one transaction and drain() sent everything due: nobody else got one.
    for (const to of [benMail, calMail, unaMail]) expect(digests(to)).toEqual([]);
    expect((await srv.storage.listMail({ limit: 500 })).filter((m) => m.kind === 'overdue' && m.groupId === beta.id).map((m) => m.to)).toEqual([beaMail]);
    for (const secret of ['lawsuit', 'sales director']) expect(sink.mails.some((m) => m.text.includes(secret))).toBe(false);
    // The chain goes on: the next week's digest is scheduled, in the future.
    const next = new Date(nextDigestSlot(Date.parse(runAt))).toISOString();
    expect(Date.parse(next)).toBeGreaterThan(Date.now());
    expect((await srv.storage.getMailJob(`overdue:${beta.id}:${next}`))?.doneAt).toBeNull();
  });

  it('sends one digest, not one per missed week, after weeks without a running server', async () => {
    const gamma = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Gamma Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body;
    const coach = await joinGroup(srv.url, seed.organiser, gamma.id, 'Gus Coach', 'coach');
    const gil = await joinGroup(srv.url, seed.organiser, gamma.id, 'Gil Late', 'member', 'Late Co');
    const meeting = await createMeeting(coach, gamma.id, '2026-Q2', '2026-06-15T08:00:00.000Z');
    const doc = new Y.Doc();
    addCommitment(doc, { id: 'g1', who: gil.userId, what: 'Hire a controller', due: inDays(-40).slice(0, 10), status: 'open', confidential: false, createdBy: gil.userId, createdAt: '2026-06-15T10:00:00.000Z' });
    await srv.storage.appendDocUpdate(commitmentsDocName(meeting.id), Y.encodeStateAsUpdate(doc));
    await srv.storage.updateMeeting(meeting.id, { status: 'ended' });
    // The slot three weeks ago is the one still pending (as after a long outage).
    await scheduleOverdueDigest(srv.storage, gamma.id, Date.now() - 28 * 86_400_000);
    await srv.mail.drain();
    const mails = (await srv.storage.listMail({ limit: 500 })).filter((m) => m.kind === 'overdue' && m.groupId === gamma.id);
    expect(mails).toHaveLength(1);
    // The chain resumes with the next slot from now, not from the missed one.
    const next = new Date(nextDigestSlot(Date.now())).toISOString();
    expect((await srv.storage.getMailJob(`overdue:${gamma.id}:${next}`))?.doneAt).toBeNull();
  });
});

describe('the weekly overdue digest in the meeting zone', () => {
  it("lists a New York meeting's commitment from midnight in New York on, not from midnight UTC", async () => {
    const delta = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Delta Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body;
    const coach = await joinGroup(srv.url, seed.organiser, delta.id, 'Dot Coach', 'coach');
    const nia = await joinGroup(srv.url, seed.organiser, delta.id, 'Nia York', 'member', 'York Co');
    // Due a month ahead: each run schedules the next slot after its (injected) now, which then
    // lies weeks ahead, so the server's own worker never runs it during this test.
    const due = inDays(30).slice(0, 10);
    await heldWithCommitments(srv.storage, coach, { groupId: delta.id, timeZone: 'America/New_York', startsAt: inDays(-1), commitments: [{ id: 'y1', who: nia.userId, what: 'Call the bank', due }] });
    const run = mailJobRunner(createMailer({ sending: false, origin: () => srv.url, kick: () => {} }));
    const digestAt = async (date: string, time: string): Promise<string[]> => {
      const at = new Date(zonedToInstant(date, time, 'America/New_York')!);
      const id = `overdue:${delta.id}:test-${at.toISOString()}`;
      await run(srv.storage, { id, kind: 'overdue', runAt: at.toISOString(), payload: { groupId: delta.id }, doneAt: null }, at);
      return (await srv.storage.listMail({ limit: 500 })).filter((m) => m.dedupeKey === `${id}:${nia.userId}`).map((m) => m.subject);
    };
    // 23:59 in New York on the due day is already the next day in UTC: nothing is overdue yet.
    expect(await digestAt(due, '23:59')).toEqual([]);
    expect(await digestAt(addDays(due, 1), '00:00')).toEqual(['1 overdue commitment on Peerboard']);
  });
});

describe('outages and restarts', () => {
  it('delivers every mail queued while SMTP was down exactly once when it is back', async () => {
    await sink.stop();
    const addresses = ['p1@example.com', 'p2@example.com', 'p3@example.com'];
    const r = await seed.coach.post(`/api/groups/${seed.group.id}/invites/bulk`, { invites: addresses.map((email) => ({ email, role: 'member' })) });
    expect(r.status).toBe(201);
    // Wait until a send has failed at least once, then bring SMTP back.
    const failed = async () => (await srv.storage.listMail({ limit: 50 })).filter((m) => addresses.includes(m.to) && m.lastError).length === 3;
    for (let i = 0; !(await failed()); i++) {
      if (i > 300) throw new Error('sends never failed');
      await new Promise((res) => setTimeout(res, 20));
    }
    await sink.start();
    await sink.waitFor(() => addresses.every((a) => sink.to(a).length >= 1));
    await srv.mail.drain();
    expect(addresses.map((a) => sink.to(a).length)).toEqual([1, 1, 1]);
    expect((await srv.storage.countMailByStatus()).pending).toBe(0);
  });

  it('sends a reminder scheduled before a restart once, by the restarted server', async () => {
    const meeting = await createMeeting(seed.coach, seed.group.id, '2027-Q3', inDays(1, 2500));
    const jobId = `meeting_reminder:${meeting.id}`;
    await srv.close();
    expect((await new ApiClient(srv.url).get('/api/health').catch(() => null))?.status).toBeUndefined();
    srv = await startTestServer(dataDir, mailEnv());
    const everyone = (await srv.storage.listMembers(seed.group.id)).map((m) => m.email);
    await sink.waitFor(() => everyone.every((e) => sink.to(e).some((m) => m.subject.startsWith('Tomorrow:') && m.text.includes(meeting.id))));
    expect((await srv.storage.getMailJob(jobId))?.doneAt).not.toBeNull();
    await srv.mail.drain();
    for (const e of everyone) expect(sink.to(e).filter((m) => m.subject.startsWith('Tomorrow:') && m.text.includes(meeting.id))).toHaveLength(1);
  });
});
