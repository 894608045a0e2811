// Shared steps of the phase specs: people join a live meeting in their own browser context,
// the wall opens the projector view, and the facilitator drives the room over a socket when a
// test needs to get somewhere fast (e.g. jump straight to an agenda item).
import { expect, vi } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AgendaItemKind } from '../../shared/domain.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { connectSocket, emitAck, type ClientSocket } from '../../server/testing/harness.ts';
import { login, newContext } from './browser.ts';

export const PASSWORD = 'correct horse battery';

/**
 * Polls that give a loaded machine (two cores, other suites running) up to 5 s to show a
 * change; they still return as soon as it shows. Undo with vi.resetConfig() in afterAll.
 */
export function patientPolls(): void {
  vi.setConfig({ expect: { poll: { timeout: 5_000, interval: 50 } } });
}

/** Signs in as `email` in a fresh context and joins the meeting from the room or remotely. */
export async function joinMeeting(
  browser: Browser,
  baseURL: string,
  meetingId: string,
  email: string,
  mode: 'In the room' | 'Remote',
  viewport = { width: 1280, height: 1000 },
): Promise<Page> {
  const page = await (await newContext(browser, baseURL, viewport)).newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/meetings/${meetingId}`);
  await page.getByRole('button', { name: mode }).click();
  await expect.poll(() => page.getByTestId('connection-status').first().textContent()).toMatch(/online/i);
  return page;
}

/** The wall: the projector view, signed in as `email` (the facilitator's laptop). */
export async function openProjector(browser: Browser, baseURL: string, meetingId: string, email: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await (await newContext(browser, baseURL, viewport)).newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/meetings/${meetingId}/projector`);
  await expect.poll(() => page.getByTestId('connection-status').first().textContent()).toMatch(/online/i);
  return page;
}

export interface RoomDriver {
  socket: ClientSocket;
  /** The latest state the server sent this socket. */
  state: () => MeetingState;
  /** Sends a command; throws with the server's message if it is refused. */
  command: (command: MeetingCommand) => Promise<void>;
  /** The id of the first agenda item of that kind. */
  itemId: (kind: AgendaItemKind) => string;
  close: () => void;
}

/** A facilitator's socket in the room (joins `mode`, which records their attendance). */
export async function driveRoom(url: string, cookie: string, meetingId: string, mode: 'room' | 'remote' = 'room'): Promise<RoomDriver> {
  const socket = await connectSocket(url, cookie);
  const joined = await emitAck(socket, 'room:join', { meetingId, mode });
  if (!joined.ok) throw new Error(`room:join: ${JSON.stringify(joined.error)}`);
  let state: MeetingState = joined.state;
  socket.on('meeting:state', (p) => {
    if (p.meetingId === meetingId && p.state.version >= state.version) state = p.state;
  });
  return {
    socket,
    state: () => state,
    async command(command) {
      const res = await emitAck(socket, 'meeting:command', { meetingId, command });
      if (!res.ok) throw new Error(`${command.type}: ${JSON.stringify(res.error)}`);
    },
    itemId(kind) {
      const item = state.agenda.find((i) => i.kind === kind);
      if (!item) throw new Error(`no ${kind} item on the agenda`);
      return item.id;
    },
    close: () => socket.close(),
  };
}

/** The title of the item the page shows as current. */
export const currentItem = (p: Page) => p.getByTestId('current-item').textContent();

/** Texts of a list's items, in order. */
export const itemsOf = (l: Locator) => l.locator('li').allInnerTexts();

/** "12:05" / "-1:30" / "1:02:03" back to seconds. */
export function clockSeconds(text: string | null): number {
  const t = (text ?? '').trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const parts = t.replace(/^-/, '').split(':').map(Number);
  if (parts.length < 2 || parts.some((n) => !Number.isFinite(n))) throw new Error(`not a clock: "${t}"`);
  return sign * parts.reduce((acc, n) => acc * 60 + n, 0);
}
