// The invite link's body and the bulk invitation's take an invite's company by the one rule.
import { describe, expect, it } from 'vitest';
import { createInviteBody } from './api.ts';
import { bulkInviteBody } from './mailBodies.ts';

const link = (companyId?: string) => createInviteBody.safeParse({ role: 'member', companyId }).success;
const bulk = (companyId?: string) => bulkInviteBody.safeParse({ invites: [{ email: 'a@example.com', role: 'member', companyId }] }).success;

describe('companyId in invite bodies', () => {
  it.each([
    ['absent', undefined, true],
    ['an id', 'c1', true],
    ['64 characters', 'x'.repeat(64), true],
    ['empty', '', false],
    ['65 characters', 'x'.repeat(65), false],
  ] as const)('%s: %s', (_, companyId, ok) => {
    expect(link(companyId)).toBe(ok);
    expect(bulk(companyId)).toBe(ok);
  });
});
