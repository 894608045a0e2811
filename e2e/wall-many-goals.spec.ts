// The whole group's goal review on the wall when the group brought many goals (28 here, as a
// real group does): too many to list at a size the back row reads, so the wall shows each
// member's progress and only the goals flagged for the group (carried three quarters), says
// how many goals there are, and keeps every label at 3.3 % of the height, inside the screen,
// at 1920x1080 and 1280x720. With the member in focus, their goals show one by one.
import { describe, expect, it } from 'vitest';
import type { Goal } from '../shared/goals/types.ts';
import { screenshot } from './support/browser.ts';
import { driveRoom, openProjector, type RoomDriver } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';
import { labelSizes, outside } from './support/wall.ts';

const REVIEWED = '2026-Q3';
const SIZES = [
  { width: 1920, height: 1080, min: 36 },
  { width: 1280, height: 720, min: 24 },
];
const FLAGGED = 'Replace the ticket system';

let driver: RoomDriver;
const suite = e2eSuite({
  meeting: { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z' },
  prepare: async ({ srv, seed, meetingId }) => {
    const at = new Date().toISOString();
    const goal = (n: number, userId: string, text: string, carriedCount = 0): Goal => ({
      id: `g${n}`, groupId: seed.group.id, userId, quarter: REVIEWED, meetingId: null, text, target: '', dueDate: null, status: 'open',
      comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount, vague: false, createdAt: at, updatedAt: at,
    });
    // 10 + 9 + 9 goals; one carried for the third time.
    const counts = [10, 9, 9];
    let n = 0;
    for (const [i, member] of seed.members.slice(0, 3).entries()) {
      for (let k = 0; k < counts[i]!; k++) {
        n++;
        await srv.storage.createGoal(n === 5 ? goal(n, member.userId, FLAGGED, 3) : goal(n, member.userId, `Goal number ${n} of the quarter`));
      }
    }
    driver = await driveRoom(srv.url, seed.coach.cookie, meetingId);
    await driver.command({ type: 'meeting.start' });
    await driver.command({ type: 'agenda.jump', itemId: driver.itemId('goals') });
  },
});

describe('the wall with many goals', () => {
  for (const size of SIZES) {
    it(`shows every member's progress and the flagged goal, legible, at ${size.width}x${size.height}`, async () => {
      if (driver.state().focusUserId !== null) await driver.command({ type: 'focus.set', userId: null });
      const wall = await openProjector(suite.browser, suite.srv.url, suite.meetingId, 'cora.coach@example.com', { width: size.width, height: size.height });
      const goals = wall.getByTestId('projector-goals');
      await expect.poll(() => wall.getByTestId('wall-goal-summary').textContent()).toBe('28 goals: each member’s goals show when they are in focus');
      // Every member with goals, with their progress; of the goals, only the flagged one.
      expect(await goals.locator('section h2').allTextContents()).toEqual(['Max One', 'Mia Two', 'Moe Three']);
      expect(await goals.locator('.wall-goal-progress').count()).toBe(3);
      expect(await goals.locator('li').allTextContents()).toEqual([expect.stringContaining(FLAGGED)]);
      expect(await goals.locator('li').textContent()).toContain('carried 3 quarters — discuss');
      await screenshot(wall, `wall-${size.width}-many-goals`);
      expect((await labelSizes(wall)).filter((l) => l.size < size.min)).toEqual([]);
      expect(await outside(wall, ['[data-testid="current-item"]', '[data-testid="wall-data"]', '[data-testid="projector-goals"]', '[data-testid="timer"]'])).toEqual([]);

      // The member in focus: their ten goals, one by one.
      await driver.command({ type: 'focus.set', userId: suite.seed.members[0]!.userId });
      await expect.poll(() => goals.locator('li').count()).toBe(10);
      expect(await wall.getByTestId('wall-goal-summary').count()).toBe(0);
      await driver.command({ type: 'focus.set', userId: null });
      await wall.context().close();
    });
  }
});
