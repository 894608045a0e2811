import { describe, expect, it } from 'vitest';
import { profilesOverlap } from './companies.ts';
import { companyProfileBody } from './companyBodies.ts';

describe('profilesOverlap: same vertical and territory compete', () => {
  it.each([
    [{ vertical: 'Healthcare', territory: 'Zurich' }, { vertical: 'healthcare', territory: ' zurich ' }, true],
    [{ vertical: 'Healthcare', territory: 'Zurich' }, { vertical: 'Healthcare', territory: 'Basel' }, false],
    [{ vertical: 'Healthcare', territory: 'Zurich' }, { vertical: 'Legal', territory: 'Zurich' }, false],
    [{ vertical: 'Public  sector', territory: 'DACH' }, { vertical: 'public sector', territory: 'dach' }, true],
  ])('%o vs %o -> %s', (a, b, expected) => {
    expect(profilesOverlap(a, b)).toBe(expected);
  });
});

describe('companyProfileBody', () => {
  it('takes a full profile and defaults tools to none', () => {
    const p = companyProfileBody.parse({ name: 'One GmbH', sizeBand: '10-24', revenueBand: '1-3M', vertical: 'Healthcare', businessModel: 'managed-services', territory: 'Zurich' });
    expect(p.tools).toEqual([]);
  });
  it('refuses an unknown band', () => {
    expect(companyProfileBody.safeParse({ name: 'X', sizeBand: 'huge', revenueBand: '1-3M', vertical: 'a', businessModel: 'other', territory: 'b' }).success).toBe(false);
  });
});
