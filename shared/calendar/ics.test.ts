import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ics.ts';

const event = {
  uid: 'm1@peerboard',
  start: '2026-12-01T08:00:00.000Z',
  durationMs: 4 * 60 * 60_000,
  summary: 'Rhine Valley MSP Group, Quarterly meeting 2026-Q4',
  description: 'Agenda: opening; financials, goals\nBring your numbers',
  location: 'Hotel Rheinblick, Koblenz',
  url: 'https://meet.example.com/rhine',
  stamp: '2026-11-22T10:00:00.000Z',
};

describe('ics', () => {
  it('parses with a real iCalendar parser and round-trips the fields', () => {
    const text = buildCalendar('Peerboard — my meetings', [event]);
    const comp = new ICAL.Component(ICAL.parse(text));
    const vevent = comp.getFirstSubcomponent('vevent')!;
    const e = new ICAL.Event(vevent);
    expect(e.uid).toBe('m1@peerboard');
    expect(e.summary).toBe(event.summary);
    expect(e.description).toBe(event.description);
    expect(e.location).toBe(event.location);
    expect(e.startDate.toJSDate().toISOString()).toBe(event.start);
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(vevent.getFirstPropertyValue('url')).toBe(event.url);
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });

  it('escapes text and folds long lines without splitting characters', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = 'SUMMARY:' + 'ü'.repeat(80);
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });

  it('drops non-http URLs and CR/LF injection cannot add properties', () => {
    const text = buildCalendar('x', [{ ...event, url: 'javascript:alert(1)', summary: 'Hi\r\nATTENDEE:evil' }]);
    expect(text).not.toContain('javascript:');
    expect(text).not.toMatch(/^ATTENDEE/m);
    const e = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(e.summary).toBe('Hi\nATTENDEE:evil');
  });
});
