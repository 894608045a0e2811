// The invite mail names the company a companion group's invite is for, and nothing otherwise.
import { describe, expect, it } from 'vitest';
import type { Group } from '../../shared/domain.ts';
import { inviteMail } from './compose.ts';

const group = { id: 'g1', name: 'Alpha Marketing', networkId: 'n1' } as Group;
const base = { group, networkName: 'Test Network', role: 'member' as const, inviter: 'Olga', url: 'https://pb.example/invite/t', expiresAt: '2026-12-10T12:00:00.000Z' };

describe('inviteMail', () => {
  it("names the parent group's company a companion invite is for", () => {
    expect(inviteMail({ ...base, company: 'Two Ltd' }).text).toContain('Olga invites you to join Alpha Marketing (Test Network) as a member, for Two Ltd.');
  });
  it('names no company for an ordinary invite', () => {
    const text = inviteMail({ ...base, company: null }).text;
    expect(text).toContain('Olga invites you to join Alpha Marketing (Test Network) as a member.');
    expect(text).not.toContain(', for ');
  });
});
