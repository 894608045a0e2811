// Group kinds in the access module: rows written out by hand. Rights come from a membership of
// the group itself, so a companion group's member is a stranger to the core group their company
// sits in and the company's owner a stranger to the companion group; what the owner sees of it
// is the listing alone.
import { describe, expect, it } from 'vitest';
import type { GroupKind } from '../groupKinds.ts';
import { can, checkCompanionInvite, checkCoreInvite, checkInterestJoin, invitedForCompany, seesCompanionListing, type AccessGroup, type GroupAction, type Subject } from './index.ts';

const groupOf = (kind: GroupKind): AccessGroup => ({ leadership: 'coach-led', observersSeeFinancials: false, kind });
const coach: Subject = { userId: 'c', groupRole: 'coach', organiser: false };
const member: Subject = { userId: 'm', groupRole: 'member', organiser: false };
const organiser: Subject = { userId: 'n', groupRole: null, organiser: true };
/** Someone whose membership is in another group of the network (the parent, or a companion). */
const elsewhere: Subject = { userId: 'x', groupRole: null, organiser: false };

describe('kind-specific group actions', () => {
  it.each([
    // action, kind, subject, allowed
    ['interest.admit', 'interest', coach, true],
    ['interest.admit', 'interest', organiser, true],
    ['interest.admit', 'interest', member, false],
    ['interest.admit', 'core', coach, false],
    ['interest.admit', 'companion', organiser, false],
    ['companies.propose', 'core', coach, true],
    ['companies.propose', 'companion', coach, false],
    ['companies.propose', 'companion', organiser, false],
    ['companies.propose', 'interest', coach, false],
    ['group.kind', 'core', organiser, true],
    ['group.kind', 'companion', coach, false],
    ['group.kind', 'interest', member, false],
    // A companion group's member has their own group's rights in full.
    ['meeting.join', 'companion', member, true],
    ['financials.write', 'companion', member, true],
    ['notes.write', 'companion', member, true],
    // The network's benchmarks are the owners' figures: not a companion group's to read.
    ['benchmarks.read', 'companion', member, false],
    ['benchmarks.read', 'companion', coach, false],
    ['benchmarks.read', 'interest', member, true],
  ] as [GroupAction, GroupKind, Subject, boolean][])('%s in a %s group by %o: %s', (action, kind, s, allowed) => {
    expect(can(action, s, groupOf(kind))).toBe(allowed);
  });
});

describe("a companion member in the parent group, an owner in the companion group: no rights at all", () => {
  const CONTENT: GroupAction[] = ['group.read', 'meeting.read', 'meeting.join', 'notes.read', 'financials.read', 'financials.figures', 'goals.read', 'resources.read', 'updates.read', 'parking.read', 'companies.read'];
  it.each(CONTENT.flatMap((a) => (['core', 'companion', 'interest'] as const).map((k) => [a, k] as const)))('%s in a %s group', (action, kind) => {
    expect(can(action, elsewhere, groupOf(kind))).toBe(false);
  });
});

describe('the companion listing: who sees that their person is in a companion group', () => {
  it.each([
    // viewer, the company's owner, viewer holds a member company seat, sees it
    ['owner', 'owner', true, true],
    ['owner', 'owner', false, false],
    ['someone else', 'owner', true, false],
    ['the manager', 'owner', false, false],
  ] as const)('%s (owner %s, member seat %s): %s', (viewer, owner, seat, sees) => {
    expect(seesCompanionListing({ userId: viewer, member: seat }, { ownerId: owner })).toBe(sees);
  });
});

describe("a companion invite names one of the parent group's companies", () => {
  it.each([
    ['member', 'acme', ['acme', 'beta'], null],
    ['member', undefined, ['acme'], 'bad_request'],
    ['member', 'rival', ['acme'], 'bad_request'],
    ['member', 'acme', [], 'bad_request'],
    ['coach', undefined, ['acme'], null],
    ['observer', 'acme', ['acme'], 'bad_request'],
  ] as const)('%s for %s among %o: %s', (role, companyId, parent, code) => {
    expect(checkCompanionInvite(role, companyId, parent)?.code ?? null).toBe(code);
  });
  it.each([
    [true, 'member', true],
    [true, 'coach', false],
    [true, 'observer', false],
    [false, 'member', false],
    [false, 'coach', false],
  ] as const)('the invite forms offer a company: companion %s, %s -> %s', (companion, role, offered) => {
    expect(invitedForCompany(companion, role)).toBe(offered);
    // What the form offers is what the server asks for: a companion member without one is refused.
    if (companion) expect(checkCompanionInvite(role, undefined, ['acme'])?.code ?? null).toBe(offered ? 'bad_request' : null);
  });
  it('a core group invite names no company', () => {
    expect(checkCoreInvite(undefined)).toBeNull();
    expect(checkCoreInvite('acme')?.code).toBe('bad_request');
  });
});

describe('asking to join a special-interest group: segment x company', () => {
  const msp = { sizeBand: '10-24', vertical: 'Healthcare', businessModel: 'managed-services' } as const;
  it.each([
    // member company, company, segment, refusal
    [true, msp, { businessModel: 'managed-services' }, null],
    [true, msp, { vertical: ' healthcare ' }, null],
    [true, msp, { sizeBand: '10-24', vertical: 'Healthcare' }, null],
    [true, msp, { businessModel: 'software' }, 'forbidden'],
    [true, msp, { sizeBand: '10-24', vertical: 'Legal' }, 'forbidden'],
    [true, msp, { sizeBand: '50-99' }, 'forbidden'],
    [true, null, { businessModel: 'managed-services' }, 'forbidden'],
    // A companion group's member (an employee) has no company seat of their own.
    [false, msp, { businessModel: 'managed-services' }, 'forbidden'],
  ] as const)('member %s, %o, segment %o: %s', (isMember, company, segment, code) => {
    expect(checkInterestJoin({ member: isMember }, company, segment)?.code ?? null).toBe(code);
  });
});
