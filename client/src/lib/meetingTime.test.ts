import { describe, expect, it } from 'vitest';
import { startWhen } from './meetingTime.ts';

describe('startWhen (lists: archive, coaching, recap plan)', () => {
  const iso = '2026-10-24T07:00:00.000Z'; // 09:00 in Berlin (CEST)
  it.each([
    ['a viewer in the meeting zone sees the meeting time only', 'Europe/Berlin', 'Sat 24 Oct 2026 · 09:00 Berlin'],
    ['a viewer elsewhere sees their own time beside it', 'America/Chicago', 'Sat 24 Oct 2026 · 09:00 Berlin · 02:00 your time'],
    ['a viewer on another calendar day is told which', 'Pacific/Honolulu', 'Sat 24 Oct 2026 · 09:00 Berlin · 21:00 Fri your time'],
  ])('%s', (_, viewer, text) => {
    expect(startWhen(iso, 'Europe/Berlin', viewer)).toBe(text);
  });
  it('gives back an unreadable value as it came', () => {
    expect(startWhen('soon', 'Europe/Berlin', 'UTC')).toBe('soon');
  });
});
