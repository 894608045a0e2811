// The event audience and event rights: every combination of roles held in the participating groups.
import { describe, expect, it } from 'vitest';
import type { GroupRole } from '../domain.ts';
import { allowedActions, attendingGroups, can, check, mustAcceptNorms, seesEmailInSession, checkEvent, eventAudienceRole, EVENT_ACTIONS, SHARED_SESSION_FIGURES, SHARED_SESSION_GOALS, SHARED_SESSION_NEXT_MEETING, type EventAction, type EventSubject } from './index.ts';

const shared = { leadership: 'coach-led', observersSeeFinancials: false } as const;

/** Everyone a shared session gathers: its audience by the roles held in the participating groups, and organisers. */
const AUDIENCE = [
  ['a member of one group', { userId: 'm', groupRole: eventAudienceRole(['member']), organiser: false, eventAudience: true }],
  ['a coach of one group', { userId: 'c', groupRole: eventAudienceRole(['coach']), organiser: false, eventAudience: true }],
  ['an observer', { userId: 'g', groupRole: eventAudienceRole(['observer']), organiser: false, eventAudience: true }],
  ['an organiser', { userId: 'o', groupRole: null, organiser: true, eventAudience: true }],
] as const;
const FACILITATOR = ['the facilitator of the session', { userId: 'f', groupRole: eventAudienceRole(['member']), organiser: false, eventAudience: true, facilitating: true }] as const;
const ORGANISER_FACILITATING = ['an organiser facilitating it', { userId: 'o', groupRole: null, organiser: true, eventAudience: true, facilitating: true }] as const;

describe('event audience: roles in the participating groups -> role in the shared sessions', () => {
  it.each([
    [[], null],
    [['member'], 'member'],
    // A coach of one group is a participant of the shared room, not its lead.
    [['coach'], 'member'],
    [['observer'], 'observer'],
    [['observer', 'member'], 'member'],
    [['coach', 'observer'], 'member'],
  ] as [GroupRole[], GroupRole | null][])('%j -> %s', (roles, role) => {
    expect(eventAudienceRole(roles)).toBe(role);
  });

  it('an attendee joins, writes notes and shares resources in a shared session; a coach there cannot edit the host group', () => {
    const attendee = { userId: 'c', groupRole: eventAudienceRole(['coach']), organiser: false };
    for (const a of ['meeting.join', 'notes.write', 'resources.share'] as const) expect(can(a, attendee, shared)).toBe(true);
    for (const a of ['group.edit', 'group.invite', 'meeting.create', 'meeting.edit'] as const) expect(can(a, attendee, shared)).toBe(false);
    // Nobody outside the audience reads anything of it.
    expect(can('meeting.read', { userId: 's', groupRole: eventAudienceRole([]), organiser: false }, shared)).toBe(false);
  });
});

describe("a shared session's figures: each group reviews its own, so the host group has none", () => {
  const FIGURES = ['financials.read', 'financials.figures', 'financials.coachOnly', 'financials.write', 'kpis.manage', 'benchmarks.read'] as const;
  const open = { ...shared, observersSeeFinancials: true };
  it.each(AUDIENCE)('%s reads, enters and benchmarks no figures there, with the reason', (_name, s) => {
    for (const a of FIGURES) {
      expect(check(a, s, open)).toEqual(SHARED_SESSION_FIGURES);
      expect(allowedActions(s, open)).not.toContain(a);
    }
    // The room itself stays open to them.
    expect(can('meeting.join', s, open)).toBe(true);
  });

  it("the same roles in a group of people's own keep its review", () => {
    for (const s of [{ userId: 'm', groupRole: 'member', organiser: false }, { userId: 'o', groupRole: null, organiser: true }] as const) {
      for (const a of ['financials.read', 'financials.figures'] as const) expect(can(a, s, shared)).toBe(true);
    }
  });
});

describe("a shared session's goals: each company's commitments stay in its own group", () => {
  const GOALS = ['goals.read', 'goals.write', 'goals.assign', 'goals.review', 'goals.flag', 'goals.carry'] as const;
  it.each([...AUDIENCE, FACILITATOR])('%s reads, sets, reviews and carries no goals there, with the reason', (_name, s) => {
    for (const a of GOALS) {
      expect(check(a, s, shared)).toEqual(SHARED_SESSION_GOALS);
      expect(allowedActions(s, shared)).not.toContain(a);
    }
    // The figures keep their own reason; the room and its notes stay open.
    expect(check('financials.read', s, shared)).toEqual(SHARED_SESSION_FIGURES);
    expect(can('meeting.join', s, shared)).toBe(true);
    expect(can('notes.read', s, shared)).toBe(true);
  });

  it('the same roles in a group of their own keep its goals', () => {
    expect(can('goals.read', { userId: 'm', groupRole: 'member', organiser: false }, shared)).toBe(true);
    expect(can('goals.write', { userId: 'm', groupRole: 'member', organiser: false }, shared)).toBe(true);
    expect(can('goals.review', { userId: 'o', groupRole: null, organiser: true }, shared)).toBe(true);
  });
});

describe("a shared session's next meeting: each group schedules its own, the organisers the event's sessions", () => {
  it.each([...AUDIENCE, FACILITATOR, ORGANISER_FACILITATING])('%s schedules no next meeting there, with the reason, in any status', (_name, s) => {
    for (const meeting of [undefined, { status: 'scheduled' }, { status: 'live' }, { status: 'ended' }] as const) {
      expect(check('meeting.scheduleNext', s, shared, meeting)).toEqual(SHARED_SESSION_NEXT_MEETING);
      expect(allowedActions(s, shared, meeting)).not.toContain('meeting.scheduleNext');
    }
    // The session itself stays open to them.
    expect(can('meeting.read', s, shared)).toBe(true);
  });

  it("the same roles in a group of their own schedule its next meeting as before", () => {
    expect(can('meeting.scheduleNext', { userId: 'o', groupRole: null, organiser: true }, shared)).toBe(true);
    expect(can('meeting.scheduleNext', { userId: 'c', groupRole: 'coach', organiser: false }, shared)).toBe(true);
    expect(can('meeting.scheduleNext', { userId: 'f', groupRole: 'member', organiser: false, facilitating: true }, shared)).toBe(true);
    expect(can('meeting.scheduleNext', { userId: 'm', groupRole: 'member', organiser: false }, shared)).toBe(false);
  });
});

describe("a shared session's norms: each attendee's own group's bind them, the host group has none to accept", () => {
  it.each([
    ['a member of one group', { userId: 'm', groupRole: eventAudienceRole(['member']), organiser: false, eventAudience: true }, false],
    ['an observer', { userId: 'g', groupRole: eventAudienceRole(['observer']), organiser: false, eventAudience: true }, false],
    ['a member of a group of their own', { userId: 'm', groupRole: 'member', organiser: false }, true],
  ] as const)('%s: must accept %s', (_name, s, must) => {
    expect(mustAcceptNorms(s)).toBe(must);
  });
});

describe("a shared session's people: everyone sees who is there, addresses stay within each group", () => {
  const ben = { userId: 'ben', groupIds: ['beta'] };
  it.each([
    ['a member of another group', { userId: 'max', organiser: false, groupIds: ['alpha'] }, false],
    ['an observer of another group', { userId: 'otto', organiser: false, groupIds: ['alpha'] }, false],
    ['someone in no participating group (an organiser of the network)', { userId: 'olga', organiser: true, groupIds: [] }, true],
    ['a group-mate (any role in the same group)', { userId: 'bea', organiser: false, groupIds: ['beta'] }, true],
    ['someone sharing one of several groups', { userId: 'sam', organiser: false, groupIds: ['alpha', 'beta'] }, true],
    ['the person themselves', { userId: 'ben', organiser: false, groupIds: ['beta'] }, true],
    ['a stranger to every group', { userId: 'x', organiser: false, groupIds: [] }, false],
  ] as const)("%s: reads Ben's address %s", (_name, viewer, sees) => {
    expect(seesEmailInSession(viewer, ben)).toBe(sees);
  });

  it('someone in no participating group shares a group with nobody', () => {
    expect(seesEmailInSession({ userId: 'max', organiser: false, groupIds: ['alpha'] }, { userId: 'guest', groupIds: [] })).toBe(false);
  });
});

describe('the groups someone attends an event through (where what they park in a shared session goes)', () => {
  const groups = ['a', 'b', 'c'];
  it.each([
    ['a member of b', { b: 'member' }, false, ['b']],
    ['a coach of a', { a: 'coach' }, false, ['a']],
    ['a member of a and c, in the event order', { c: 'member', a: 'member' }, false, ['a', 'c']],
    ['an observer of b, member of c', { b: 'observer', c: 'member' }, false, ['c']],
    ['an observer only', { b: 'observer' }, false, []],
    ['a member of a group outside the event', { x: 'member' }, false, []],
    ['an organiser in none of the groups: all of them', {}, true, ['a', 'b', 'c']],
    ['an organiser who coaches b: b', { b: 'coach' }, true, ['b']],
    ['an organiser who observes b: all of them', { b: 'observer' }, true, ['a', 'b', 'c']],
  ] as [string, Record<string, GroupRole>, boolean, string[]][])('%s', (_name, roles, organiser, expected) => {
    expect(attendingGroups(groups, new Map(Object.entries(roles)), organiser)).toEqual(expected);
  });
});

describe('event actions: every event persona x action', () => {
  const P = {
    organiser: { userId: 'o', organiser: true, audienceRole: null },
    attendee: { userId: 'm', organiser: false, audienceRole: 'member' },
    guest: { userId: 'g', organiser: false, audienceRole: 'observer' },
    stranger: { userId: 's', organiser: false, audienceRole: null },
  } satisfies Record<string, EventSubject>;
  type Persona = keyof typeof P;
  const TABLE: Record<EventAction, Persona[]> = {
    'event.read': ['organiser', 'attendee', 'guest'],
    'event.manage': ['organiser'],
  };
  it('the table names every event action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...EVENT_ACTIONS].sort());
  });
  it.each(EVENT_ACTIONS.flatMap((a) => (Object.keys(P) as Persona[]).map((p) => [a, p] as const)))('%s by %s', (action, persona) => {
    expect(checkEvent(action, P[persona])?.code ?? null).toBe(TABLE[action].includes(persona) ? null : 'forbidden');
  });
  it('an unknown event action is denied', () => {
    expect(checkEvent('event.delete' as EventAction, P.organiser)?.code).toBe('forbidden');
  });
});
