// networkSubjectFromMe: the client's view of who the caller is in a network, from /api/me, must be
// what the server builds (shared/access networkSubjectOf over the same facts), including people
// with several hats: a coach who organises the network gets the organiser's rights.
import { describe, expect, it } from 'vitest';
import { canNetwork } from '../../../shared/access/index.ts';
import type { MeResponse } from '../../../shared/api.ts';
import { networkSubjectFromMe } from './rights.ts';

function me(organises: string[], groups: [networkId: string, role: string, kind?: string][]): MeResponse {
  return {
    user: { id: 'u1' },
    networks: organises.map((id) => ({ id })),
    groups: groups.map(([networkId, role, kind = 'core'], i) => ({ group: { id: `g${i}`, networkId, kind }, role })),
  } as unknown as MeResponse;
}

describe('networkSubjectFromMe', () => {
  it('a coach who also organises the network may load reference sets (the server lets them)', () => {
    const s = networkSubjectFromMe(me(['n1'], [['n1', 'coach']]), 'n1');
    expect(s).toEqual({ userId: 'u1', organiser: true, coach: true, member: false, participant: true });
    expect(canNetwork('network.references.manage', s)).toBe(true);
  });

  it("counts only the network's own groups and organisers", () => {
    const s = networkSubjectFromMe(me(['n2'], [['n2', 'coach'], ['n1', 'observer']]), 'n1');
    expect(s).toEqual({ userId: 'u1', organiser: false, coach: false, member: false, participant: false });
    expect(canNetwork('network.companies.read', s)).toBe(false);
  });

  it('a member of a core group takes part; a companion group member does not hold the seat', () => {
    expect(networkSubjectFromMe(me([], [['n1', 'member']]), 'n1').participant).toBe(true);
    expect(networkSubjectFromMe(me([], [['n1', 'member', 'companion']]), 'n1').participant).toBe(false);
  });

  it('signed out (no /api/me yet): no rights', () => {
    const s = networkSubjectFromMe(null, 'n1');
    expect(canNetwork('network.companies.read', s)).toBe(false);
    expect(canNetwork('network.references.manage', s)).toBe(false);
  });
});
