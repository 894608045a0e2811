// Who is in a shared session of a network event is no secret in it: every attendee sees the
// others' names, companies and groups. Their email addresses are: over real HTTP and sockets, an
// attendee reads the addresses of their own groups' people (and their own), organisers all of
// them, and nobody another group's, on every channel that lists the session's people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, MeetingDetail } from '../../shared/api.ts';
import type { ListedMember } from '../../shared/domain.ts';
import type { PresenceEntry } from '../../shared/protocol.ts';
import { nextEvent, seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';
import { joinSession, seedSharedSession, type SharedSessionSeed } from '../testing/sharedSession.ts';
import { dateAhead } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: SharedSessionSeed['beta'];
let sharedId: string;
let hostId: string;
const sockets: ClientSocket[] = [];

const DAY = dateAhead(35);
// joinGroup's addresses: the name, lower-cased, dots for spaces.
const ALPHA_EMAILS = ['cora.coach@example.com', 'max.one@example.com', 'mia.two@example.com', 'moe.three@example.com', 'otto.observer@example.com'];
const BETA_EMAILS = ['bea.coach@example.com', 'ben.beta@example.com'];
const ALPHA = { id: '', name: 'Alpha Group' };
const BETA = { id: '', name: 'Beta Group' };

const emailsIn = (body: unknown) => [...ALPHA_EMAILS, ...BETA_EMAILS].filter((e) => JSON.stringify(body).includes(e));

const joined = (c: ApiClient) => joinSession(srv.url, c, sharedId, sockets);

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  ({ beta, hostId, sharedId } = await seedSharedSession(srv, seed, DAY));
  ALPHA.id = seed.group.id;
  BETA.id = beta.id;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

/** The list as one attendee gets it: each person's address (or null), company and groups, by name. */
const byName = (members: ListedMember[]) => new Map(members.map((m) => [m.name, m]));

/** What a Beta member may and may not read, whichever channel the list came by. */
function expectBetaView(members: ListedMember[]) {
  const people = byName(members);
  // Everyone in the room, with company and group ...
  expect(people.get('Max One')).toMatchObject({ company: 'One GmbH', groups: [ALPHA], email: null });
  expect(people.get('Otto Observer')).toMatchObject({ groups: [ALPHA], email: null });
  expect(people.get('Cora Coach')).toMatchObject({ groups: [ALPHA], email: null });
  // ... and the addresses of Beta's own people only.
  expect(people.get('Ben Beta')).toMatchObject({ company: 'Ben BV', groups: [BETA], email: 'ben.beta@example.com' });
  expect(people.get('Bea Coach')).toMatchObject({ groups: [BETA], email: 'bea.coach@example.com' });
  expect(members.length).toBe(7);
}

describe("a shared session's people over HTTP", () => {
  it("gives a Beta attendee every name, company and group, and no Alpha address, in the meeting and host group answers", async () => {
    for (const c of [beta.member, beta.coach]) {
      const detail = await c.get<MeetingDetail>(`/api/meetings/${sharedId}`);
      expect(detail.status).toBe(200);
      expectBetaView(detail.body.members);
      const group = await c.get<GroupDetail>(`/api/groups/${hostId}`);
      expect(group.status).toBe(200);
      expectBetaView(group.body.members);
      expect(emailsIn(detail.body).concat(emailsIn(group.body)).filter((e) => ALPHA_EMAILS.includes(e))).toEqual([]);
    }
  });

  it("gives Alpha's people (observers too) Alpha's addresses, never Beta's", async () => {
    for (const c of [seed.members[0]!, seed.observer, seed.coach]) {
      const detail = (await c.get<MeetingDetail>(`/api/meetings/${sharedId}`)).body;
      const people = byName(detail.members);
      expect(people.get('Mia Two')).toMatchObject({ email: 'mia.two@example.com', groups: [ALPHA] });
      expect(people.get('Ben Beta')).toMatchObject({ email: null, company: 'Ben BV', groups: [BETA] });
      expect(emailsIn(detail).filter((e) => BETA_EMAILS.includes(e))).toEqual([]);
    }
  });

  it('gives the network organiser every address', async () => {
    const detail = (await seed.organiser.get<MeetingDetail>(`/api/meetings/${sharedId}`)).body;
    expect(emailsIn(detail).sort()).toEqual([...ALPHA_EMAILS, ...BETA_EMAILS].sort());
  });

  it("leaves a group's own page as it was: its people and their addresses, no groups field", async () => {
    const alpha = (await seed.members[0]!.get<GroupDetail>(`/api/groups/${seed.group.id}`)).body;
    expect(byName(alpha.members).get('Mia Two')).toEqual(expect.objectContaining({ email: 'mia.two@example.com' }));
    expect(alpha.members.every((m) => m.groups === undefined)).toBe(true);
  });
});

describe("a shared session's people over sockets", () => {
  it("gives each joiner the same list as the meeting answer: no other group's address, whoever joins", async () => {
    const ben = await joined(beta.member);
    expectBetaView(ben.result.members);
    expect(emailsIn(ben.result).filter((e) => ALPHA_EMAILS.includes(e))).toEqual([]);
    const max = await joined(seed.members[0]!);
    expect(emailsIn(max.result).filter((e) => BETA_EMAILS.includes(e))).toEqual([]);
    expect(byName(max.result.members).get('Max One')?.email).toBe('max.one@example.com');
  });

  it("announces who is here by name only, and the next joiner's list has no other group's address either", async () => {
    const heard: PresenceEntry[][] = [];
    const ben = await joined(beta.member);
    ben.socket.on('room:presence', (p) => heard.push(p.presence));
    const miaAnnounced = nextEvent(ben.socket, 'room:presence', (p) => p.presence.some((e) => e.name === 'Mia Two'));
    const mia = await joined(seed.members[1]!);
    expect(emailsIn(mia.result).filter((e) => BETA_EMAILS.includes(e))).toEqual([]);
    await miaAnnounced;
    expect(heard.length).toBeGreaterThan(0);
    const last = heard.at(-1)!;
    expect(last.map((p) => p.name)).toContain('Mia Two');
    expect(emailsIn(heard)).toEqual([]);
    expect(emailsIn(ben.result.presence)).toEqual([]);
  });
});
