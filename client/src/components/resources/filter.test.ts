import { describe, expect, it } from 'vitest';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { matchesFilter } from './filter.ts';

const r: LibraryResource = {
  id: 'r1', groupId: 'g', meetingId: 'm', itemId: 'i', title: 'Onboarding checklist', kind: 'file', url: null,
  fileName: 'onboarding.pdf', contentType: 'application/pdf', size: 1200, sharedBy: 'u', createdAt: '2026-11-01T09:00:00Z',
  sharedByName: 'Mia Two', meeting: { id: 'm', title: 'Q4 meeting', quarter: '2026-Q4' }, itemTitle: 'Topics & best practices',
};

describe('resource library filter', () => {
  it('matches every word, case-insensitively, across title, file, sharer and meeting', () => {
    expect(matchesFilter(r, '')).toBe(true);
    expect(matchesFilter(r, 'ONBOARDING mia')).toBe(true);
    expect(matchesFilter(r, 'pdf 2026-q4')).toBe(true);
    expect(matchesFilter(r, 'onboarding max')).toBe(false);
  });
});
