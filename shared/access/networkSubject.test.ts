// Who a user is in a network, from their groups' roles: the server builds it from storage, the
// client from /api/me or from one group's answer. Rows written out by hand.
import { describe, expect, it } from 'vitest';
import type { Role } from '../domain.ts';
import type { GroupKind } from '../groupKinds.ts';
import { canNetwork, networkSubjectOf, networkSubjectOfRole, type NetworkAction } from './index.ts';

const ROLES: Role[] = ['coach', 'organiser', 'member', 'observer'];
const KINDS: GroupKind[] = ['core', 'companion', 'interest'];
const g = (role: Role, kind: GroupKind = 'core') => ({ group: { kind }, role });

describe('networkSubjectOf: organiser flag x roles in the network', () => {
  it.each([
    ['no group', false, [], { organiser: false, coach: false, member: false, participant: false }],
    ['an organiser without a membership', true, [g('organiser')], { organiser: true, coach: false, member: false, participant: false }],
    ['a coach who organises', true, [g('coach')], { organiser: true, coach: true, member: false, participant: true }],
    ['a member company', false, [g('member')], { organiser: false, coach: false, member: true, participant: true }],
    ['a member of an interest group', false, [g('member', 'interest')], { organiser: false, coach: false, member: true, participant: true }],
    // A companion group's member works for a company; the company's seat is its owner's.
    ['a companion group member', false, [g('member', 'companion')], { organiser: false, coach: false, member: false, participant: false }],
    ['a companion group coach', false, [g('coach', 'companion')], { organiser: false, coach: true, member: false, participant: true }],
    ['an observer', false, [g('observer')], { organiser: false, coach: false, member: false, participant: false }],
    ['an observer here, a member there', false, [g('observer'), g('member')], { organiser: false, coach: false, member: true, participant: true }],
  ] as const)('%s', (_, organiser, groups, subject) => {
    expect(networkSubjectOf('u', organiser, groups)).toEqual({ userId: 'u', ...subject });
  });
});

describe("networkSubjectOfRole: one group's single role", () => {
  it.each(KINDS.flatMap((kind) => ROLES.map((role) => [role, kind] as const)))('%s in a %s group', (role, kind) => {
    const s = networkSubjectOfRole('u', g(role, kind));
    expect(s.organiser).toBe(role === 'organiser');
    expect(s.coach).toBe(role === 'coach');
    expect(s.member).toBe(role === 'member' && kind !== 'companion');
  });

  // Group pages asked these by role strings: the reference-set form (financials page) for
  // 'organiser', the network's company list (group page, proposing a company) for 'coach' or
  // 'organiser'. The server's rules asked this way keep that for every role and group kind.
  const BY_ROLE: [NetworkAction, Role[]][] = [
    ['network.references.manage', ['organiser']],
    ['network.companies.read', ['coach', 'organiser']],
  ];
  it.each(BY_ROLE.flatMap(([action, allowed]) => KINDS.flatMap((kind) => ROLES.map((role) => [action, role, kind, allowed.includes(role)] as const))))(
    '%s: %s in a %s group -> %s',
    (action, role, kind, allowed) => {
      expect(canNetwork(action, networkSubjectOfRole('u', g(role, kind)))).toBe(allowed);
    },
  );
});
