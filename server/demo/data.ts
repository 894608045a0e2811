// The demo network: a coach-led in-person group of 8 IT service companies with four past
// quarterly meetings (run through the real reducer), their figures and goals (records.ts),
// the links and files shared at their topics (resources.ts), notes per item and the hot seat's
// commitments (notes.ts), and one upcoming meeting; plus a peer-led online group with one upcoming meeting.
import type { GroupMember, GroupRole } from '../../shared/domain.ts';
import { dayLengthsMs, daysFromStart } from '../../shared/calendar/meetingDays.ts';
import { apply, createMeetingState } from '../../shared/meeting/reducer.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from '../../shared/meeting/templates.ts';
import { hashPassword } from '../auth/password.ts';
import { newId } from '../auth/tokens.ts';
import { seedDemoParking, seedDemoUpdates } from './between.ts';
import { absenteeCommands } from '../services/meetingEnd.ts';
import type { Storage } from '../storage/types.ts';
import { DEMO_QUARTERS, seedDemoRecords } from './records.ts';
import { seedDemoResources } from './resources.ts';
import { seedDemoNotes } from './notes.ts';

export const DEMO_PASSWORD = 'peerboard-demo';

const COACH_LED = [
  ['Anna Berger', 'anna@demo.peerboard.app', 'Berger IT Services'],
  ['Ben Okafor', 'ben@demo.peerboard.app', 'Okafor Managed Networks'],
  ['Chloé Martin', 'chloe@demo.peerboard.app', 'Martin Cloud Partners'],
  ['David Kim', 'david@demo.peerboard.app', 'Kim Secure Systems'],
  ['Eva Novak', 'eva@demo.peerboard.app', 'Novak Digital'],
  ['Farid Haddad', 'farid@demo.peerboard.app', 'Haddad Tech Support'],
  ['Greta Lind', 'greta@demo.peerboard.app', 'Lind Backup & Recovery'],
  ['Hugo Silva', 'hugo@demo.peerboard.app', 'Silva Office IT'],
] as const;

const PEER_LED = [
  ['Ines Roth', 'ines@demo.peerboard.app', 'Roth Marketing'],
  ['Jonas Weber', 'jonas@demo.peerboard.app', 'Weber Web Studio'],
  ['Kira Patel', 'kira@demo.peerboard.app', 'Patel Growth Co'],
  ['Luca Rossi', 'luca@demo.peerboard.app', 'Rossi Campaigns'],
] as const;

export interface DemoLogin {
  role: string;
  email: string;
}

const TOPICS = ['Should we stop selling hardware?', 'Pricing security add-ons', 'Hiring and keeping technicians', 'When to hire a sales person', 'Moving to a 24/7 service desk', 'Selling the company in five years'];

function runPastMeeting(state: MeetingState, facilitatorId: string, attendees: string[], start: number, members: GroupMember[], k = 0): MeetingState {
  let s = state;
  let t = start;
  const run = (cmd: MeetingCommand, userId = facilitatorId) => {
    const r = apply(s, cmd, { userId, role: 'coach' }, t);
    if (r.ok) s = r.state;
  };
  // Two hot-seat proposals before the meeting; the hot seat takes the first, the other is left.
  const proposals = [0, 1].map((j) => ({ id: `demo-topic-${k}-${j}`, by: attendees[(k + j * 3) % attendees.length]!, title: TOPICS[(k * 2 + j) % TOPICS.length]! }));
  for (const p of proposals) run({ type: 'topic.propose', id: p.id, title: p.title }, p.by);
  run({ type: 'meeting.start' });
  run({ type: 'attendance.join', mode: 'room' }); // the facilitator is in the room
  attendees.forEach((id, i) => run({ type: 'attendance.join', mode: i % 4 === 3 ? 'remote' : 'room' }, id));
  for (const item of s.agenda.slice(1)) {
    t += (s.agenda[s.currentIndex]?.durationMs ?? 0) + 2 * 60_000;
    run({ type: 'agenda.jump', itemId: item.id });
    if (item.kind === 'hotseat' && !s.hotSeats[item.id]?.presenterId) {
      run({ type: 'hotseat.setup', itemId: item.id, presenterId: proposals[0]!.by, topic: proposals[0]!.title, proposalId: proposals[0]!.id });
      for (const stage of ['presentation', 'questions', 'advice', 'commitments'] as const) run({ type: 'hotseat.stage', itemId: item.id, stage });
    }
    // Everyone in the room rates the meeting at the closing.
    if (item.kind === 'closing') attendees.forEach((id, i) => run({ type: 'rating.submit', score: 7 + ((i + k) % 4) }, id));
  }
  t += 10 * 60_000;
  // As the room does on meeting.end: whoever never joined is recorded absent.
  absenteeCommands(s, members).forEach((cmd) => run(cmd));
  run({ type: 'meeting.end' });
  return s;
}

export async function seedDemo(storage: Storage, now = Date.now()): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  const user = async (name: string, email: string, role: string) => {
    const u = await storage.createUser({ id: newId(), email, name, passwordHash });
    logins.push({ role, email });
    return u;
  };
  const network = await storage.createNetwork({ id: newId(), name: 'Demo IT Peer Network' });
  const organiser = await user('Olivia Organiser', 'organiser@demo.peerboard.app', 'organiser');
  await storage.addOrganiser(network.id, organiser.id);
  const coach = await user('Carla Coach', 'coach@demo.peerboard.app', 'coach');
  const observer = await user('Oscar Observer', 'observer@demo.peerboard.app', 'observer');

  const rhine = await storage.createGroup({
    id: newId(),
    networkId: network.id,
    name: 'Rhine Valley MSP Group',
    leadership: 'coach-led',
    format: 'in-person',
    tags: ['IT services'],
  });
  const online = await storage.createGroup({
    id: newId(),
    networkId: network.id,
    name: 'Online Marketing Managers',
    leadership: 'peer-led',
    format: 'online',
    tags: ['marketing managers'],
  });
  const join = (groupId: string, userId: string, role: GroupRole, company: string | null) =>
    storage.upsertMembership({ groupId, userId, role, company });
  await join(rhine.id, coach.id, 'coach', null);
  await join(rhine.id, observer.id, 'observer', null);
  const members: string[] = [];
  for (const [name, email, company] of COACH_LED) {
    const u = await user(name, email, 'member');
    members.push(u.id);
    await join(rhine.id, u.id, 'member', company);
  }
  const peers: string[] = [];
  for (const [name, email, company] of PEER_LED) {
    const u = await user(name, email, 'member');
    peers.push(u.id);
    await join(online.id, u.id, 'member', company);
  }

  const day = 24 * 60 * 60_000;
  const meeting = async (groupId: string, quarter: string, startsAt: number, facilitatorId: string, past: string[] | null, location: string | null, onlineUrl: string | null) => {
    const id = newId();
    const state = createMeetingState(id, agendaFromTemplate(STANDARD_TEMPLATE, newId), facilitatorId);
    const days = daysFromStart(startsAt, 'Europe/Berlin', dayLengthsMs(state.agenda));
    const m = { id, groupId, quarter, title: `Quarterly meeting ${quarter}`, startsAt: new Date(startsAt).toISOString(), timeZone: 'Europe/Berlin', location, onlineUrl, days };
    await storage.createMeeting(m, state);
    // A past meeting is replayed through the real reducer so its record looks like a real one.
    if (past) await storage.saveMeetingState(id, runPastMeeting(state, facilitatorId, past, startsAt, await storage.listMembers(groupId), Object.keys(pastMeetings).length), state.version);
    return { id, startsAt };
  };
  // One meeting a quarter, twelve weeks apart; a different member misses each one.
  const pastMeetings: Record<string, { id: string; startsAt: number }> = {};
  for (const [k, quarter] of DEMO_QUARTERS.entries()) {
    const attendees = members.filter((_, i) => i !== (k * 3 + 7) % members.length);
    const startsAt = now - 84 * (DEMO_QUARTERS.length - k) * day;
    pastMeetings[quarter] = await meeting(rhine.id, quarter, startsAt, coach.id, attendees, 'Hotel Rheinblick, Koblenz', null);
  }
  await seedDemoRecords(storage, rhine.id, members, pastMeetings);
  await seedDemoResources(storage, rhine.id, members, Object.values(pastMeetings));
  await seedDemoUpdates(storage, rhine.id, Object.values(pastMeetings));
  await seedDemoNotes(storage, coach.id, Object.values(pastMeetings));
  const next = await meeting(rhine.id, '2026-Q4', now + 7 * day, coach.id, null, 'Hotel Rheinblick, Koblenz', 'https://meet.example.com/rhine-valley');
  await seedDemoParking(storage, rhine.id, members, Object.values(pastMeetings), next.id);
  await meeting(online.id, '2026-Q4', now + 14 * day, peers[0]!, null, null, 'https://meet.example.com/online-marketing');
  return logins;
}
