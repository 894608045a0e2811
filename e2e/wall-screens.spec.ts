// The wall for every item kind, at 1920x1080 and 1280x720: every data label at least 3.3 % of
// the screen's height (36 px / 24 px), the title, the item's data and the notes inside the
// viewport with nothing cut off; screenshots of each in e2e/screenshots.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.ts';
import { richRoom } from './support/richRoom.ts';
import { labelSizes, outside } from './support/wall.ts';
import { driveRoom, joinMeeting, openProjector, patientPolls, type RoomDriver } from './support/room.ts';

let room: Awaited<ReturnType<typeof richRoom>>;
let browser: Browser;
let driver: RoomDriver;
let moe: RoomDriver | undefined;
const COACH = 'cora.coach@example.com';

beforeAll(async () => {
  patientPolls();
  room = await richRoom();
  driver = await driveRoom(room.srv.url, room.seed.coach.cookie, room.meetingId);
  await driver.command({ type: 'hotseat.setup', itemId: driver.itemId('hotseat'), presenterId: room.seed.members[1]!.userId, topic: 'Hiring a second technician' });
  await driver.command({ type: 'meeting.start' });
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  driver?.close();
  moe?.close();
  await browser?.close();
  await room?.srv.close();
});

const SIZES = [
  { width: 1920, height: 1080, min: 36 },
  { width: 1280, height: 720, min: 24 },
];

type Step = { kind: 'opening' | 'financials' | 'goals' | 'hotseat' | 'topics' | 'new-goals' | 'closing'; name: string; focus: number | null; ready: string; setup?: () => Promise<void> };
const STEPS: Step[] = [
  { kind: 'opening', name: 'opening', focus: 0, ready: 'Now: Max One' },
  { kind: 'financials', name: 'financials-member', focus: 0, ready: 'Middle half' },
  { kind: 'financials', name: 'financials-group', focus: null, ready: 'Median' },
  { kind: 'goals', name: 'goals-member', focus: 0, ready: 'Hire a dispatcher' },
  { kind: 'goals', name: 'goals-group', focus: null, ready: 'Write the sales playbook' },
  {
    kind: 'hotseat', name: 'hotseat', focus: null, ready: 'Waiting: Moe Three',
    // Moe stays in the room with a hand up (leaving would take it down); the stage may already be set.
    setup: async () => {
      moe ??= await driveRoom(room.srv.url, room.seed.members[2]!.cookie, room.meetingId);
      if (driver.state().hotSeats[driver.itemId('hotseat')]?.stage !== 'questions') await driver.command({ type: 'hotseat.stage', itemId: driver.itemId('hotseat'), stage: 'questions' });
      if (!driver.state().hands.length) await moe.command({ type: 'hand.raise' });
    },
  },
  { kind: 'topics', name: 'topics', focus: null, ready: 'Share a procedure' },
  { kind: 'new-goals', name: 'new-goals', focus: null, ready: 'No goals for' },
  { kind: 'closing', name: 'closing', focus: null, ready: 'Commitments' },
];

describe('the wall, every item kind', () => {
  for (const size of SIZES) {
    it(`is legible at ${size.width}x${size.height}`, async () => {
      const wall = await openProjector(browser, room.srv.url, room.meetingId, COACH, { width: size.width, height: size.height });
      for (const step of STEPS) {
        await driver.command({ type: 'agenda.jump', itemId: driver.itemId(step.kind) }).catch(() => undefined);
        await step.setup?.();
        const focus = step.focus === null ? null : room.seed.members[step.focus]!.userId;
        if (driver.state().focusUserId !== focus) await driver.command({ type: 'focus.set', userId: focus });
        await expect.poll(() => wall.getByTestId('wall-data').textContent(), { timeout: 15_000 }).toContain(step.ready);
        await screenshot(wall, `wall-${size.width}-${step.name}`);
        const small = (await labelSizes(wall)).filter((l) => l.size < size.min);
        expect(small, `${step.name}: labels under ${size.min}px`).toEqual([]);
        expect(await outside(wall, ['[data-testid="current-item"]', '[data-testid="wall-data"]', '[data-testid="timer"]', '.projector-next', '.projector-stage'])).toEqual([]);
        // At least one whole line of the title shows.
        expect(await wall.getByTestId('current-item').evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))).toBeGreaterThan(0.95);
      }
      await wall.context().close();
    });
  }
});

describe('the wall with notes (?notes=1)', () => {
  it('shows nothing for empty notes, then fits the notes and the title at both sizes', async () => {
    await driver.command({ type: 'agenda.jump', itemId: driver.itemId('hotseat') }).catch(() => undefined);
    const walls: Page[] = [];
    for (const size of SIZES) {
      const wall = await openProjector(browser, room.srv.url, room.meetingId, COACH, { width: size.width, height: size.height });
      await wall.goto(`/meetings/${room.meetingId}/projector?notes=1`);
      await wall.getByTestId('projector-notes').waitFor({ state: 'attached' });
      walls.push(wall);
    }
    // Empty: no frame, nothing on the wall.
    for (const wall of walls) expect(await wall.locator('.projector-notes').isVisible()).toBe(false);

    const coach = await joinMeeting(browser, room.srv.url, room.meetingId, COACH, 'In the room');
    await coach.getByTestId('notes-editor').locator('.ProseMirror').click();
    for (let i = 1; i <= 12; i++) await coach.keyboard.type(`Line ${i}: what the group asked Mia about the second technician.\n`);
    await coach.keyboard.type('Last line: she will hire by March.');
    for (const [i, wall] of walls.entries()) {
      const size = SIZES[i]!;
      await expect.poll(() => wall.getByTestId('projector-notes').innerText(), { timeout: 15_000 }).toContain('Last line: she will hire by March.');
      await expect.poll(() => wall.locator('.projector-notes').isVisible()).toBe(true);
      await screenshot(wall, `wall-${size.width}-notes`);
      expect(await outside(wall, ['[data-testid="current-item"]', '[data-testid="wall-data"]', '.projector-stage'])).toEqual([]);
      // The notes box itself lies in the viewport; its newest line is in view (older ones scroll off the top).
      const box = (await wall.locator('.projector-notes').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      const last = (await wall.getByText('Last line: she will hire by March.').boundingBox())!;
      expect(last.y + last.height).toBeLessThanOrEqual(box.y + box.height + 1);
      expect(last.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(await wall.getByTestId('current-item').evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))).toBeGreaterThan(0.95);
      const sizes = await wall.locator('.projector-notes p').evaluateAll((ps) => ps.map((p) => parseFloat(getComputedStyle(p).fontSize)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(size.min);
    }
    for (const p of [...walls, coach]) await p.context().close();
  });
});
