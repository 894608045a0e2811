// The parking lot: a member parks a matter in the hot seat with one action; the meeting ends; the
// group's parking lot holds it with its history; the next meeting, once scheduled, shows it among
// the hot-seat proposals on every laptop.
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, driveRoom, joinMeeting, PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite({ meeting: { quarter: '2027-Q1', startsAt: '2027-01-20T09:00:00Z' } });

describe('parking lot', () => {
  it('an item parked in the hot seat shows up in the next meeting’s proposals', async () => {
    const room = await driveRoom(suite.srv.url, suite.seed.coach.cookie, suite.meetingId);
    await room.command({ type: 'meeting.start' });
    const seat = room.itemId('hotseat');
    await room.command({ type: 'agenda.jump', itemId: seat });
    await room.command({ type: 'hotseat.setup', itemId: seat, presenterId: suite.seed.members[0]!.userId, topic: 'Raising prices' });
    const mia = await joinMeeting(suite.browser, suite.srv.url, suite.meetingId, 'mia.two@example.com', 'Remote');
    await expect.poll(() => currentItem(mia)).toContain('Hot seat');

    await mia.getByPlaceholder('Park for a later meeting…').fill('Who takes over when the founder retires');
    await mia.getByRole('button', { name: 'Park it' }).click();
    await expect.poll(() => mia.getByRole('form', { name: 'Park an item' }).getByRole('status').textContent()).toContain('Parked: Who takes over when the founder retires');
    await screenshot(mia, 'parking-park-in-hotseat');
    expect(await seriousA11yViolations(mia)).toEqual([]);
    await room.command({ type: 'meeting.end' });
    room.close();

    // On the group's parking lot, open, with where it came from.
    const coach = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 900 })).newPage();
    await login(coach, 'cora.coach@example.com', PASSWORD);
    await coach.goto(`/groups/${suite.seed.group.id}`);
    await coach.getByRole('link', { name: 'Parking lot' }).click();
    const open = coach.getByTestId('parking-open');
    await expect.poll(() => open.textContent()).toContain('Who takes over when the founder retires');
    expect(await open.textContent()).toContain('Mia Two');
    await open.getByText('History').click();
    expect(await open.textContent()).toContain('Parked at a meeting by Mia Two');
    await screenshot(coach, 'parking-lot');
    expect(await seriousA11yViolations(coach)).toEqual([]);

    // The next meeting is scheduled: its proposals start from the parking lot.
    const next = (await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/meetings`, { quarter: '2027-Q2', startsAt: '2027-04-20T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    const miaNext = await joinMeeting(suite.browser, suite.srv.url, next, 'mia.two@example.com', 'Remote');
    const proposals = miaNext.getByTestId('topic-proposals');
    await expect.poll(() => proposals.textContent()).toContain('Who takes over when the founder retires');
    expect(await proposals.textContent()).toContain('from the parking lot');
    await coach.reload();
    await expect.poll(() => open.textContent()).toContain('On the next meeting’s proposals');
  });
});
