// A shared session of a network event can never use a financial review, a goal review or new
// goals (its host group refuses the figures and goals they run on), so its agenda holds none. Over
// real HTTP and sockets: scheduling leaves them out of whichever template (a built-in one or a
// group's own), refuses a template that would leave a day empty, and the room refuses adding one
// live with the reason, whoever sends it, telling the session nothing. A session scheduled before
// keeps the items it holds; a group's own meetings of the event keep every kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/api.ts';
import type { AgendaItemKind } from '../../shared/domain.ts';
import type { EventView } from '../../shared/events.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import type { MeetingDelta } from '../../shared/meeting/delta.ts';
import { emitAck, nextEvent, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';
import { dateAhead } from '../testing/records.ts';
import { joinSession, seedSharedSession, type SharedSessionSeed } from '../testing/sharedSession.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: SharedSessionSeed['beta'];
let view: EventView;
let hostId: string;
/** The seeded session: it holds the whole standard agenda, as one scheduled before this rule. */
let earlierId: string;
const sockets: ClientSocket[] = [];

const DAY = dateAhead(35);
const DAYS = [dateAhead(40), dateAhead(41)];
const GROUP_ONLY: AgendaItemKind[] = ['financials', 'goals', 'new-goals'];
const FIGURES = { code: 'forbidden', message: 'A shared session of a network event has no financial review: each group reviews its figures in its own meeting' };
const GOALS = { code: 'forbidden', message: 'A shared session of a network event has no goals: each group sets and reviews its goals in its own meeting' };
const REFUSAL: Record<string, typeof FIGURES> = { financials: FIGURES, goals: GOALS, 'new-goals': GOALS };

const day = (date: string, start = '09:00', end = '17:00') => ({ date, start, end });
const agendaOf = async (meetingId: string) => (await seed.organiser.get<MeetingDetail>(`/api/meetings/${meetingId}`)).body.state.agenda;
const kindsOf = async (meetingId: string) => (await agendaOf(meetingId)).map((i) => i.kind);
const command = (socket: ClientSocket, meetingId: string, c: MeetingCommand) => emitAck(socket, 'meeting:command', { meetingId, command: c });
const item = (kind: AgendaItemKind, id: string) => ({ id, kind, title: `Added ${kind}`, durationMs: 20 * 60_000 });

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  ({ beta, view, hostId, sharedId: earlierId } = await seedSharedSession(srv, seed, DAY));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

describe('scheduling a shared session', () => {
  it('on the standard agenda (POST /api/events/:id/sessions): leaves out its financial review, goal review and new goals, keeps the rest in order', async () => {
    const r = await seed.organiser.post(`/api/events/${view.event.id}/sessions`, { title: 'Pricing, again', templateId: 'standard', days: [day(DAY, '13:00', '17:30')] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await agendaOf(r.body.id)).map((i) => [i.kind, i.title])).toEqual([
      ['opening', 'Opening / check-in'],
      ['hotseat', 'Hot seat'],
      ['topics', 'Topics & best practices'],
      ['closing', 'Closing'],
    ]);
  });

  it("with the event (POST /api/networks/:id/events): the two-day agenda and a participating group's own template lose them too, each day keeps the rest", async () => {
    const template = await beta.coach.post(`/api/groups/${beta.id}/templates`, {
      name: 'Beta quarterly',
      items: [
        { kind: 'opening', title: 'Check-in', durationMs: 20 * 60_000 },
        { kind: 'financials', title: 'Numbers', durationMs: 30 * 60_000 },
        { kind: 'custom', title: 'Guest talk', durationMs: 40 * 60_000 },
        { kind: 'new-goals', title: 'Next quarter', durationMs: 20 * 60_000 },
        { kind: 'closing', title: 'Closing', durationMs: 10 * 60_000 },
      ],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const created = await seed.organiser.post<EventView>(`/api/networks/${seed.networkId}/events`, {
      name: 'Autumn week',
      timeZone: 'Europe/Berlin',
      days: DAYS,
      groupIds: [seed.group.id, beta.id],
      sessions: [
        { title: 'Two days together', templateId: 'two-day', days: [day(DAYS[0]!), day(DAYS[1]!, '08:30', '15:15')] },
        { title: "Beta's way", templateId: template.body.id, days: [day(DAYS[1]!, '16:00', '18:00')] },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [twoDay, betas] = created.body.schedule.map((e) => e.meeting);
    expect(await kindsOf(twoDay!.id)).toEqual(['opening', 'break', 'break', 'hotseat', 'hotseat', 'break', 'topics', 'day-end', 'opening', 'hotseat', 'hotseat', 'break', 'topics', 'break', 'closing']);
    expect(twoDay!.days.map((d) => d.date)).toEqual(DAYS);
    expect((await agendaOf(betas!.id)).map((i) => i.title)).toEqual(['Check-in', 'Guest talk', 'Closing']);
  });

  it('refuses a template that would leave nothing for a day, and leaves no event behind', async () => {
    const template = await beta.coach.post(`/api/groups/${beta.id}/templates`, {
      name: 'Goals only',
      items: [{ kind: 'goals', title: 'Goal review', durationMs: 30 * 60_000 }, { kind: 'new-goals', title: 'New goals', durationMs: 30 * 60_000 }],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const before = (await seed.organiser.get('/api/events')).body.length;
    const body = { title: 'Goals together', templateId: template.body.id, days: [day(DAY, '18:00', '19:00')] };
    const refused = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, { name: 'Goal week', timeZone: 'Europe/Berlin', days: [DAY], groupIds: [seed.group.id, beta.id], sessions: [body] });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/^templateId: a shared session holds no financial review, goal review or new goals/) } });
    expect((await seed.organiser.get('/api/events')).body.length).toBe(before);
    const alone = await seed.organiser.post(`/api/events/${view.event.id}/sessions`, body);
    expect(alone.status).toBe(400);
    expect(alone.body).toEqual(refused.body);
  });

  it("leaves them out of any other meeting of the host group too (POST /api/groups/:hostGroupId/meetings)", async () => {
    const r = await seed.organiser.post(`/api/groups/${hostId}/meetings`, { quarter: view.schedule[0]!.meeting.quarter, startsAt: `${DAY}T06:00:00Z`, timeZone: 'Europe/Berlin' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.state.agenda.map((i: { kind: string }) => i.kind)).toEqual(['opening', 'hotseat', 'topics', 'closing']);
  });

  it("keeps them in a group's own meeting of the event (POST /api/events/:id/meetings)", async () => {
    const r = await seed.organiser.post(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, templateId: 'standard', days: [day(DAY, '08:00', '12:30')] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await kindsOf(r.body.id)).toEqual(expect.arrayContaining(GROUP_ONLY));
  });
});

describe('adding an item to a shared session over the socket', () => {
  it('refuses a financial review, goal review or new goals to its facilitator with the reason; the session hears nothing of it, other items still go in', async () => {
    const before = await agendaOf(earlierId);
    const olga = await joinSession(srv.url, seed.organiser, earlierId, sockets);
    const ben = await joinSession(srv.url, beta.member, earlierId, sockets);
    const deltas: MeetingDelta[] = [];
    ben.socket.on('meeting:applied', (d) => deltas.push(d));
    for (const kind of GROUP_ONLY) {
      // At the end, or before the item the room would reach first: refused alike.
      for (const index of [undefined, 0]) {
        const ack = await command(olga.socket, earlierId, { type: 'agenda.add', item: item(kind, `refused-${kind}-${index ?? 'end'}`), ...(index === undefined ? {} : { index }) });
        expect(ack).toEqual({ ok: false, error: REFUSAL[kind] });
      }
    }
    // Whoever sends it: a participant without the facilitator's right hears the same reason.
    expect(await command(ben.socket, earlierId, { type: 'agenda.add', item: item('financials', 'refused-by-ben') })).toEqual({ ok: false, error: FIGURES });
    // Then an item the session may hold: the first change Ben hears of.
    const heard = nextEvent(ben.socket, 'meeting:applied', (d) => d.steps.some((s) => s.command.type === 'agenda.add'));
    const added = await command(olga.socket, earlierId, { type: 'agenda.add', item: item('custom', 'guest-talk') });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    await heard;
    const adds = deltas.flatMap((d) => d.steps.map((s) => s.command)).filter((c) => c.type === 'agenda.add');
    expect(adds.map((c) => c.type === 'agenda.add' && c.item.id)).toEqual(['guest-talk']);
    // The session scheduled before keeps the items it holds, and nothing refused was stored.
    expect((await agendaOf(earlierId)).map((i) => i.id)).toEqual([...before.map((i) => i.id), 'guest-talk']);
    expect(before.map((i) => i.kind)).toEqual(expect.arrayContaining(GROUP_ONLY));
  });

  it('still runs the items a session scheduled before holds: the room moves onto its financial review', async () => {
    const olga = await joinSession(srv.url, seed.organiser, earlierId, sockets);
    expect((await command(olga.socket, earlierId, { type: 'meeting.start' })).ok).toBe(true);
    expect((await command(olga.socket, earlierId, { type: 'agenda.next' })).ok).toBe(true);
    const state = (await srv.storage.getMeetingState(earlierId))!;
    expect(state.agenda[state.currentIndex]!.kind).toBe('financials');
    // Live, the refusal is the same.
    expect(await command(olga.socket, earlierId, { type: 'agenda.add', item: item('goals', 'refused-live') })).toEqual({ ok: false, error: GOALS });
  });

  it("takes every kind in a group's own meeting", async () => {
    const own = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: view.schedule[0]!.meeting.quarter, startsAt: `${DAY}T05:00:00Z`, timeZone: 'Europe/Berlin' });
    expect(own.status).toBe(201);
    const cora = await joinSession(srv.url, seed.coach, own.body.meeting.id, sockets);
    for (const kind of GROUP_ONLY) expect((await command(cora.socket, own.body.meeting.id, { type: 'agenda.add', item: item(kind, `own-${kind}`) })).ok).toBe(true);
  });
});
