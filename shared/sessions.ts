// Account security over HTTP: the sessions on the account page, changing the password.
// docs/API.md "Sessions and password" documents the same contract.
import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(LIMITS.passwordMinLength, `Password must be at least ${LIMITS.passwordMinLength} characters`).max(200),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** One signed-in browser as the account page lists it. */
export interface SessionView {
  /** Public id: DELETE /api/auth/sessions/:id ends it. */
  id: string;
  /** "Firefox on Linux", from the User-Agent it signed in with ("Unknown browser" when none). */
  device: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  /** The session this request came with. */
  current: boolean;
}

export interface SessionsResponse {
  sessions: SessionView[];
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** A short, human name for a User-Agent: enough to tell one's laptop from one's phone. */
export function deviceLabel(userAgent: string): string {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? (userAgent.trim() ? userAgent.slice(0, 60) : 'Unknown browser');
}
