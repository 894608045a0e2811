// Who a user is in a network, from their groups' roles: the server builds it from storage, the
// client from /api/me (client/src/lib/rights.ts). Rows written out by hand.
import { describe, expect, it } from 'vitest';
import type { Role } from '../domain.ts';
import type { GroupKind } from '../groupKinds.ts';
import { networkSubjectOf } from './index.ts';

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
