import { describe, expect, it } from 'vitest';
import { isTimeZone } from './api.ts';

describe('isTimeZone', () => {
  it('accepts IANA zones, also when asked again (kept), and refuses anything else every time', () => {
    for (let i = 0; i < 2; i++) {
      expect(isTimeZone('Europe/Paris')).toBe(true);
      expect(isTimeZone('UTC')).toBe(true);
      expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
      expect(isTimeZone('')).toBe(false);
      expect(isTimeZone('Europe/Paris; DROP TABLE')).toBe(false);
    }
  });
});
