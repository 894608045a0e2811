// The access table: every role x action x meeting status, written out by hand so a change of
// rule shows up here as a changed row (never recomputed from the rules under test).
import { describe, expect, it } from 'vitest';
import type { MeetingStatus } from '../domain.ts';
import {
  actorOf,
  allowedActions,
  authorizeCommand,
  mayRecordCommitment,
  hasCompany,
  isGuest,
  takesPart,
  can,
  canInviteRole,
  check,
  COMMAND_RIGHTS,
  docRight,
  GROUP_ACTIONS,
  inPhase,
  roleOf,
  searchVisibilities,
  checkNetwork,
  NETWORK_ACTIONS,
  type NetworkAction,
  type NetworkSubject,
  mustAcceptNorms,
  seesBallot,
  showsRatingDistribution,
  type AccessGroup,
  type DocTarget,
  type GroupAction,
  type Subject,
} from './index.ts';

const PERSONAS = {
  coach: { userId: 'c', groupRole: 'coach', organiser: false },
  member: { userId: 'm', groupRole: 'member', organiser: false },
  // A member who facilitates the meeting in question (peer-led rotation, or a hand-off).
  facilitator: { userId: 'f', groupRole: 'member', organiser: false, facilitating: true },
  observer: { userId: 'o', groupRole: 'observer', organiser: false },
  // An observer who was handed the facilitator seat by mistake still gets no lead rights.
  observerFacilitating: { userId: 'of', groupRole: 'observer', organiser: false, facilitating: true },
  organiser: { userId: 'n', groupRole: null, organiser: true },
  stranger: { userId: 's', groupRole: null, organiser: false },
} satisfies Record<string, Subject>;
type Persona = keyof typeof PERSONAS;

const coachLed: AccessGroup = { leadership: 'coach-led', observersSeeFinancials: false };
const peerLed: AccessGroup = { leadership: 'peer-led', observersSeeFinancials: false };

const ALL: Persona[] = ['coach', 'member', 'facilitator', 'observer', 'observerFacilitating', 'organiser'];
const PARTICIPANTS: Persona[] = ['coach', 'member', 'facilitator', 'organiser'];
const LEADS: Persona[] = ['coach', 'organiser'];
const LEADS_OR_FACILITATOR: Persona[] = ['coach', 'facilitator', 'organiser'];
const COMPANIES: Persona[] = ['member', 'facilitator'];
/** Everyone holding a membership of the group (not an organiser who only runs the network). */
const MEMBERSHIPS: Persona[] = ['coach', 'member', 'facilitator', 'observer', 'observerFacilitating'];

/** action -> who may, in a coach-led group and in a peer-led one (peers run their own group). */
const TABLE: Record<GroupAction, { coachLed: Persona[]; peerLed: Persona[] }> = {
  'group.read': { coachLed: ALL, peerLed: ALL },
  'group.edit': { coachLed: LEADS, peerLed: LEADS },
  'group.invite': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'group.invite.coach': { coachLed: LEADS, peerLed: LEADS },
  'group.members.manage': { coachLed: LEADS, peerLed: LEADS },
  'group.templates.write': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'group.norms.edit': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'group.norms.review': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'group.leave': { coachLed: MEMBERSHIPS, peerLed: MEMBERSHIPS },
  'meeting.create': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'meeting.read': { coachLed: ALL, peerLed: ALL },
  'meeting.edit': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'meeting.join': { coachLed: ALL, peerLed: ALL },
  'recap.finalize': { coachLed: LEADS_OR_FACILITATOR, peerLed: LEADS_OR_FACILITATOR },
  'meeting.scheduleNext': { coachLed: LEADS_OR_FACILITATOR, peerLed: LEADS_OR_FACILITATOR },
  'notes.read': { coachLed: ALL, peerLed: ALL },
  'notes.write': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'notes.roomOnly': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'notes.hotSeat': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'financials.read': { coachLed: ALL, peerLed: ALL },
  'financials.figures': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'financials.coachOnly': { coachLed: LEADS, peerLed: LEADS },
  'financials.write': { coachLed: COMPANIES, peerLed: COMPANIES },
  'kpis.manage': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'benchmarks.read': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'goals.read': { coachLed: ALL, peerLed: ALL },
  'goals.write': { coachLed: COMPANIES, peerLed: COMPANIES },
  'goals.assign': { coachLed: LEADS_OR_FACILITATOR, peerLed: LEADS_OR_FACILITATOR },
  'goals.review': { coachLed: LEADS_OR_FACILITATOR, peerLed: LEADS_OR_FACILITATOR },
  'goals.flag': { coachLed: LEADS_OR_FACILITATOR, peerLed: LEADS_OR_FACILITATOR },
  'goals.carry': { coachLed: LEADS_OR_FACILITATOR, peerLed: LEADS_OR_FACILITATOR },
  'resources.read': { coachLed: ALL, peerLed: ALL },
  'resources.share': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'resources.manage': { coachLed: LEADS, peerLed: LEADS },
  'readiness.read': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'readiness.remind': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'updates.read': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'updates.write': { coachLed: COMPANIES, peerLed: COMPANIES },
  'updates.prompts': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'group.coaching': { coachLed: LEADS, peerLed: LEADS },
  'companies.read': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'companies.propose': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'companies.decide': { coachLed: LEADS, peerLed: LEADS },
  'parking.read': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'parking.add': { coachLed: PARTICIPANTS, peerLed: PARTICIPANTS },
  'parking.manage': { coachLed: LEADS_OR_FACILITATOR, peerLed: PARTICIPANTS },
  'rsvp.write': { coachLed: COMPANIES, peerLed: COMPANIES },
  'attendance.rule': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'attendance.review': { coachLed: LEADS, peerLed: PARTICIPANTS },
  'library.propose': { coachLed: ['coach', 'member', 'facilitator'], peerLed: ['coach', 'member', 'facilitator'] },
  'library.decide': { coachLed: LEADS, peerLed: LEADS },
  'group.kind': { coachLed: ['organiser'], peerLed: ['organiser'] },
  // Only in a special-interest group (groupKinds.test.ts); these are core groups.
  'interest.admit': { coachLed: [], peerLed: [] },
};

/** Actions tied to the meeting's phase: the statuses in which the role rule applies at all. */
const PHASES: Partial<Record<GroupAction, { statuses: MeetingStatus[]; code: string }>> = {
  'recap.finalize': { statuses: ['ended'], code: 'meeting_not_live' },
  'meeting.edit': { statuses: ['scheduled', 'live'], code: 'meeting_ended' },
  'updates.write': { statuses: ['scheduled', 'live'], code: 'meeting_ended' },
  'rsvp.write': { statuses: ['scheduled', 'live'], code: 'meeting_ended' },
};

const STATUSES: (MeetingStatus | undefined)[] = [undefined, 'scheduled', 'live', 'ended'];

describe('group actions: every role x action x meeting status', () => {
  it('the table names every action the module knows', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...GROUP_ACTIONS].sort());
  });

  const rows: [GroupAction, 'coachLed' | 'peerLed', Persona, MeetingStatus | undefined][] = [];
  for (const action of GROUP_ACTIONS)
    for (const lead of ['coachLed', 'peerLed'] as const)
      for (const persona of [...ALL, 'stranger'] as Persona[]) for (const status of STATUSES) rows.push([action, lead, persona, status]);

  it.each(rows)('%s in a %s group, %s, meeting %s', (action, lead, persona, status) => {
    const group = lead === 'coachLed' ? coachLed : peerLed;
    const byRole = TABLE[action][lead].includes(persona);
    const phase = PHASES[action];
    const inPhase = !phase || status === undefined || phase.statuses.includes(status);
    const result = check(action, PERSONAS[persona], group, status ? { status } : undefined);
    if (!byRole) expect(result?.code).toBe('forbidden');
    else if (!inPhase) expect(result?.code).toBe(phase?.code);
    else expect(result).toBeNull();
  });

  it.each(GROUP_ACTIONS.flatMap((a) => (['scheduled', 'live', 'ended'] as const).map((st) => [a, st] as const)))('%s in a %s meeting: inPhase as the phase table says', (action, status) => {
    expect(inPhase(action, status)).toBe(PHASES[action]?.statuses.includes(status) ?? true);
  });

  it('group settings open room-only content and figures to observers, and nothing else', () => {
    const open: AccessGroup = { ...coachLed, observersInRoom: true, observersSeeFinancials: true };
    const o = PERSONAS.observer;
    expect([can('notes.roomOnly', o, coachLed), can('notes.roomOnly', o, open)]).toEqual([false, true]);
    expect([can('notes.hotSeat', o, open), can('notes.hotSeat', o, { ...coachLed, observersSeeHotSeat: true })]).toEqual([false, true]);
    expect([can('financials.figures', o, coachLed), can('financials.figures', o, open)]).toEqual([false, true]);
    expect(can('notes.write', o, open)).toBe(false);
    expect(can('benchmarks.read', o, open)).toBe(false);
    expect([can('updates.read', o, coachLed), can('updates.read', o, open)]).toEqual([false, true]);
  });

  it('allowedActions lists exactly the allowed rows (what the client is sent)', () => {
    expect(allowedActions(PERSONAS.observer, coachLed, { status: 'live' })).toEqual([
      'group.read', 'group.leave', 'meeting.read', 'meeting.join', 'notes.read', 'financials.read', 'goals.read', 'resources.read',
    ]);
    expect(allowedActions(PERSONAS.stranger, peerLed)).toEqual([]);
  });

  it('an unknown action is denied', () => {
    expect(check('group.delete' as GroupAction, PERSONAS.coach, coachLed)?.code).toBe('forbidden');
  });
});

describe('one role per subject: the same ranking for display and for meeting commands', () => {
  it.each([
    [{ groupRole: 'coach', organiser: true }, 'coach'],
    [{ groupRole: 'member', organiser: true }, 'organiser'],
    [{ groupRole: 'observer', organiser: true }, 'organiser'],
    [{ groupRole: null, organiser: true }, 'organiser'],
    [{ groupRole: 'member', organiser: false }, 'member'],
    [{ groupRole: 'observer', organiser: false }, 'observer'],
  ] as const)('%o acts as %s', (s, role) => {
    expect(roleOf(s)).toBe(role);
    expect(actorOf({ userId: 'u', ...s }).role).toBe(role);
  });
});

describe('taking part: each role (advisers in a round, hand-off candidates)', () => {
  it.each([
    ['coach', true, false, false],
    ['member', true, true, false],
    ['observer', false, false, true],
    ['organiser', false, false, false],
  ] as const)('%s: takes part %s, a company %s, a guest %s', (role, part, company, guest) => {
    expect([takesPart(role), hasCompany(role), isGuest(role)]).toEqual([part, company, guest]);
  });
});

describe('inviting: a coach only by a lead, even in a peer-led group', () => {
  it.each([
    ['coach', peerLed, 'coach', true],
    ['organiser', peerLed, 'coach', true],
    ['member', peerLed, 'coach', false],
    ['member', peerLed, 'member', true],
    ['member', peerLed, 'observer', true],
    ['member', coachLed, 'member', false],
    ['observer', peerLed, 'observer', false],
  ] as const)('%s in %o invites a %s: %s', (persona, group, role, ok) => {
    expect(canInviteRole(PERSONAS[persona], group, role)).toBe(ok);
  });
});

describe('doc rights: role x doc x group settings', () => {
  const general: DocTarget = { kind: 'notes', itemKind: 'topics' };
  const hotseat: DocTarget = { kind: 'notes', itemKind: 'hotseat' };
  const commitments: DocTarget = { kind: 'commitments' };
  const ownPrivate = (p: Persona): DocTarget => ({ kind: 'private', ownerId: PERSONAS[p].userId });
  const othersPrivate: DocTarget = { kind: 'private', ownerId: 'someone-else' };
  const withHotSeat: AccessGroup = { ...coachLed, observersSeeHotSeat: true };
  const inRoom: AccessGroup = { ...coachLed, observersInRoom: true, observersSeeHotSeat: true };

  it.each([
    // persona, group, doc, right
    ['coach', coachLed, general, 'write'],
    ['member', coachLed, hotseat, 'write'],
    ['organiser', coachLed, commitments, 'write'],
    ['observer', coachLed, general, 'read-filtered'],
    ['observer', coachLed, commitments, 'read-filtered'],
    ['observer', coachLed, hotseat, 'none'],
    ['observer', withHotSeat, hotseat, 'read-filtered'],
    ['observer', inRoom, general, 'read'],
    ['observer', inRoom, hotseat, 'read'],
    ['stranger', inRoom, general, 'none'],
    ['stranger', coachLed, commitments, 'none'],
    ['coach', coachLed, othersPrivate, 'none'],
    ['organiser', coachLed, othersPrivate, 'none'],
    ['stranger', coachLed, { kind: 'private', ownerId: 's' }, 'none'],
  ] as const)('%s, %o, %o: %s', (persona, group, doc, right) => {
    expect(docRight(PERSONAS[persona], group, doc)).toBe(right);
  });

  it.each(['coach', 'member', 'observer', 'organiser'] as const)("a private doc is its owner's to write: %s", (p) => {
    expect(docRight(PERSONAS[p], coachLed, ownPrivate(p))).toBe('write');
  });

  it('search visibilities follow who is in the room', () => {
    expect(searchVisibilities(PERSONAS.member, coachLed)).toEqual(['members', 'all']);
    expect(searchVisibilities(PERSONAS.organiser, coachLed)).toEqual(['members', 'all']);
    expect(searchVisibilities(PERSONAS.observer, coachLed)).toEqual(['observers', 'all']);
    expect(searchVisibilities(PERSONAS.observer, { ...coachLed, observersInRoom: true })).toEqual(['members', 'all']);
  });
});

describe('meeting commands: role x command', () => {
  /** Written out: commands only whoever runs the room may send. */
  const RUN_THE_ROOM = [
    'meeting.start', 'meeting.end', 'agenda.next', 'agenda.back', 'agenda.jump', 'agenda.add', 'agenda.remove',
    'agenda.move', 'agenda.update', 'agenda.rebalance', 'agenda.rebalance.undo', 'agenda.borrow', 'timer.start', 'timer.pause', 'timer.resume', 'timer.extend', 'timer.reset',
    'facilitator.handoff', 'hand.clear', 'attendance.set', 'focus.set', 'hand.call', 'hotseat.setup', 'hotseat.stage',
    'wall.show', 'wall.hide',
    'hotseat.presenters', 'hotseat.round.start', 'hotseat.round.next',
  ];
  const ANYONE = ['attendance.join'];
  const state = { facilitatorId: 'f' };
  const actors = {
    coach: { userId: 'c', role: 'coach' },
    organiser: { userId: 'n', role: 'organiser' },
    facilitator: { userId: 'f', role: 'member' },
    member: { userId: 'm', role: 'member' },
    observer: { userId: 'o', role: 'observer' },
    observerFacilitating: { userId: 'f', role: 'observer' },
  } as const;
  const rows = Object.keys(COMMAND_RIGHTS).flatMap((type) => Object.keys(actors).map((a) => [type, a] as [string, keyof typeof actors]));

  it.each(rows)('%s by %s', (type, who) => {
    const code = authorizeCommand(state, type, actors[who])?.code ?? null;
    if (ANYONE.includes(type)) expect(code).toBeNull();
    else if (who === 'observer' || who === 'observerFacilitating') expect(code).toBe('forbidden');
    else if (RUN_THE_ROOM.includes(type) && who === 'member') expect(code).toBe('not_facilitator');
    else expect(code).toBeNull();
  });

  it('an unknown command is denied to everyone', () => {
    expect(authorizeCommand(state, 'meeting.delete', actors.coach)?.code).toBe('forbidden');
  });

  // The presenter writes their own commitments; the facilitator (or a coach) on their behalf.
  it.each([
    ['the presenter', { userId: 'm', role: 'member' }, 'm', true],
    ['the facilitator, for the presenter', actors.facilitator, 'm', true],
    ['a coach, for the presenter', actors.coach, 'm', true],
    ['an organiser, for the presenter', actors.organiser, 'm', true],
    ['another member', { userId: 'x', role: 'member' }, 'm', false],
    ['an observer who presents', { userId: 'o', role: 'observer' }, 'o', false],
    ['the facilitator, with no presenter', actors.facilitator, null, false],
  ] as const)('commitments: %s (%j, presenter %s) -> %s', (_name, actor, presenterId, allowed) => {
    expect(mayRecordCommitment(state, actor, presenterId)).toBe(allowed);
  });
});

describe('network actions: every network role x action', () => {
  const NET = {
    organiser: { userId: 'n', organiser: true },
    // Appointed by the first: holds exactly the same rights.
    secondOrganiser: { userId: 'n2', organiser: true },
    coach: { userId: 'c', organiser: false, coach: true, participant: true },
    member: { userId: 'm', organiser: false, participant: true, member: true },
    stranger: { userId: 's', organiser: false },
  } satisfies Record<string, NetworkSubject>;
  type NetPersona = keyof typeof NET;
  const ORGANISERS: NetPersona[] = ['organiser', 'secondOrganiser'];
  const NETWORK_TABLE: Record<NetworkAction, NetPersona[]> = {
    'network.edit': ORGANISERS,
    'network.organisers.invite': ORGANISERS,
    'network.organisers.read': ORGANISERS,
    'network.company.own': ['member'],
    'network.companies.read': [...ORGANISERS, 'coach'],
    'network.benchmarks.read': [...ORGANISERS, 'coach', 'member'],
    'network.references.manage': ORGANISERS,
    'network.events.create': ORGANISERS,
    'network.library.read': [...ORGANISERS, 'coach', 'member'],
    'network.library.vote': ['coach', 'member'],
    'network.competitions.manage': ORGANISERS,
    'network.interest.browse': [...ORGANISERS, 'member'],
  };
  it('the table names every network action', () => {
    expect(Object.keys(NETWORK_TABLE).sort()).toEqual([...NETWORK_ACTIONS].sort());
  });
  const rows = NETWORK_ACTIONS.flatMap((a) => (Object.keys(NET) as NetPersona[]).map((p) => [a, p] as const));
  it.each(rows)('%s by %s', (action, persona) => {
    const code = checkNetwork(action, NET[persona])?.code ?? null;
    expect(code).toBe(NETWORK_TABLE[action].includes(persona) ? null : 'forbidden');
  });
  it('an unknown network action is denied to everyone', () => {
    expect(checkNetwork('network.delete' as NetworkAction, NET.organiser)?.code).toBe('forbidden');
  });
});

describe('anonymous ballots (ratings, topic votes): viewer x caster', () => {
  it.each([
    // viewer, caster, sees it
    ['m', 'm', true],
    ['m', 'x', false],
    // Coach, organiser and facilitator read aggregates only, like everyone else.
    ['c', 'm', false],
    ['n', 'm', false],
    ['f', 'm', false],
    ['o', 'm', false],
    ['s', 'm', false],
    // A copy for nobody (a projector-only screen) holds no ballot.
    [null, 'm', false],
  ] as const)('%s reads the ballot of %s: %s', (viewer, caster, sees) => {
    expect(seesBallot(viewer, caster)).toBe(sees);
  });

  it.each([[0, false], [1, false], [2, false], [3, true], [12, true]] as const)('the spread of %i ratings shows: %s', (n, shows) => {
    expect(showsRatingDistribution(n)).toBe(shows);
  });
});

describe('group norms: who must accept them', () => {
  it.each([
    ['member', true],
    ['facilitator', true],
    ['observer', true],
    ['observerFacilitating', true],
    // The group's leads write them; an organiser who is not in the group has nothing to accept.
    ['coach', false],
    ['organiser', false],
    ['stranger', false],
  ] as const)('%s: %s', (persona, must) => {
    expect(mustAcceptNorms(PERSONAS[persona])).toBe(must);
  });

  it('an organiser who is also a member of the group accepts as a member', () => {
    expect(mustAcceptNorms({ userId: 'nm', groupRole: 'member', organiser: true })).toBe(true);
  });
});
