// The check-in: members sent their pre-meeting updates beforehand; the facilitator steps member
// by member and the wall shows the update of the one in focus (a member without one: said so),
// every laptop the same; the recap keeps the updates afterwards.
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, driveRoom, joinMeeting, openProjector } from './support/room.ts';
import { put } from '../server/testing/records.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite({
  meeting: { quarter: '2027-Q1', startsAt: '2027-01-20T09:00:00Z' },
  prepare: async ({ seed, meetingId }) => {
    const [max, mia] = seed.members;
    const mine = `/api/meetings/${meetingId}/updates/mine`;
    expect((await put(max!, mine, { answers: { best: 'Signed the hospital contract', worst: 'Lost our best technician', need: 'Ideas for retaining technicians' } })).status).toBe(200);
    expect((await put(mia!, mine, { answers: { best: 'Record month for projects', personal: 'Our second child was born' } })).status).toBe(200);
  },
});

describe('check-in', () => {
  it('the facilitator steps member by member and the wall shows each member’s update in turn', async () => {
    const room = await driveRoom(suite.srv.url, suite.seed.coach.cookie, suite.meetingId);
    await room.command({ type: 'meeting.start' });
    const coach = await joinMeeting(suite.browser, suite.srv.url, suite.meetingId, 'cora.coach@example.com', 'In the room', { width: 1366, height: 768 });
    const moe = await joinMeeting(suite.browser, suite.srv.url, suite.meetingId, 'moe.three@example.com', 'Remote');
    const wall = await openProjector(suite.browser, suite.srv.url, suite.meetingId, 'cora.coach@example.com', { width: 1280, height: 720 });
    await expect.poll(() => currentItem(wall)).toContain('Opening');

    // The whole group first: every update sent, on the laptops; the wall waits for a member.
    await expect.poll(() => moe.getByTestId('update-card').count()).toBe(2);
    expect(await wall.getByTestId('projector-update').count()).toBe(0);

    await coach.getByRole('button', { name: 'Next member' }).click();
    await expect.poll(() => wall.getByTestId('focus-member').textContent()).toBe('Now: Max One · One GmbH');
    await expect.poll(() => wall.getByTestId('projector-update').textContent()).toContain('Signed the hospital contract');
    const maxOnWall = await wall.getByTestId('projector-update').textContent();
    expect(maxOnWall).toContain('Worst since last timeLost our best technician');
    expect(maxOnWall).toContain('What I need from the groupIdeas for retaining technicians');
    expect(maxOnWall).not.toContain('Personal news');
    expect(await moe.getByTestId('check-in').textContent()).toContain('Ideas for retaining technicians');
    await screenshot(wall, 'checkin-wall');
    expect(await seriousA11yViolations(wall)).toEqual([]);

    await coach.getByRole('button', { name: 'Next member' }).click();
    await expect.poll(() => wall.getByTestId('projector-update').textContent()).toContain('Our second child was born');
    expect(await wall.getByTestId('projector-update').textContent()).not.toContain('hospital');
    await expect.poll(() => moe.getByTestId('check-in').textContent()).toContain('Record month for projects');

    // Moe sent nothing: the wall says so, and nobody sees someone else's update instead.
    await coach.getByRole('button', { name: 'Next member' }).click();
    await expect.poll(() => wall.getByTestId('projector-update').textContent()).toBe('No update sent');
    await screenshot(coach, 'checkin-console');
    expect(await seriousA11yViolations(coach)).toEqual([]);

    await room.command({ type: 'meeting.end' });
    room.close();
    await moe.goto(`/meetings/${suite.meetingId}/recap`);
    await expect.poll(() => moe.getByTestId('recap-updates').textContent()).toContain('Signed the hospital contract');
    expect(await moe.getByTestId('recap-updates').textContent()).toContain('Our second child was born');
  });
});
