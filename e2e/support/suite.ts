// The setup most specs share: a fresh server serving the built client, the seeded group
// (organiser, coach, members), one Chromium, optionally one scheduled meeting, and patient
// polls for a loaded machine. Call e2eSuite() at the top of a spec file; it registers the
// beforeAll/afterAll hooks and fills the returned object before the first test runs.
import { afterAll, beforeAll, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedGroup } from '../../server/testing/harness.ts';
import { launchBrowser } from './browser.ts';
import { patientPolls } from './room.ts';
import { startE2eServer } from './server.ts';

export type E2eServer = Awaited<ReturnType<typeof startE2eServer>>;
export type Seed = Awaited<ReturnType<typeof seedGroup>>;

/** The meeting a spec wants scheduled in the seeded group before its tests run. */
export interface SuiteMeeting {
  quarter: string;
  startsAt: string;
  timeZone?: string;
  location?: string;
}

export interface E2eSuite {
  /** Reassignable: a spec that restarts the server on the same data puts the new one here. */
  srv: E2eServer;
  seed: Seed;
  browser: Browser;
  /** The scheduled meeting's id ('' when the spec asked for none). */
  meetingId: string;
}

export interface SuiteOptions {
  meeting?: SuiteMeeting;
  /** Starts the server (default: a fresh one); e.g. a spec that drives the meeting clock. */
  start?: () => Promise<E2eServer>;
  /** Runs after seeding, before the browser starts (extra members, figures, templates). */
  prepare?: (suite: E2eSuite) => Promise<void>;
}

export function e2eSuite(options: SuiteOptions = {}): E2eSuite {
  const suite = { meetingId: '' } as E2eSuite;
  beforeAll(async () => {
    patientPolls();
    suite.srv = await (options.start ?? startE2eServer)();
    suite.seed = await seedGroup(suite.srv.url);
    if (options.meeting) {
      const created = await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/meetings`, { timeZone: 'UTC', ...options.meeting });
      if (created.status !== 201) throw new Error(`scheduling the suite's meeting failed: ${JSON.stringify(created.body)}`);
      suite.meetingId = created.body.meeting.id;
    }
    await options.prepare?.(suite);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    vi.resetConfig();
    await suite.browser?.close();
    await suite.srv?.close();
  });
  return suite;
}
