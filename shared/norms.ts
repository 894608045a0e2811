// Group norms: the agreement a peer group lives by (confidentiality, recording, how advice is
// given). Each member accepts them on joining and again every NORMS_VALID_MONTHS months; the
// opening item reminds the room of the confidentiality agreement.
import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** The three parts, as the group wrote them. */
export interface NormsText {
  confidentiality: string;
  recording: string;
  advice: string;
}

export interface GroupNorms extends NormsText {
  groupId: string;
  /** null: the group has not written its own yet; these are the defaults. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The caller's standing with the norms. */
export interface NormsStanding {
  /** Whether the caller's role has to accept them (shared/access mustAcceptNorms). */
  required: boolean;
  /** Their latest acceptance (ISO), null if never. */
  acceptedAt: string | null;
  /** When it runs out (ISO), null if never accepted. */
  dueAt: string | null;
  /** Required and not accepted within the last NORMS_VALID_MONTHS months: the group page waits. */
  mustAccept: boolean;
}

/** GET /api/groups/:id/norms */
export interface NormsAnswer {
  norms: GroupNorms;
  mine: NormsStanding;
}

/** One row of who has (not) accepted, for the coach (group.norms.review). */
export interface NormsAcceptanceRow {
  userId: string;
  name: string;
  role: 'member' | 'observer';
  acceptedAt: string | null;
  dueAt: string | null;
  current: boolean;
}

/** Twelve months: the groups re-affirm their agreement once a year. */
export const NORMS_VALID_MONTHS = 12;

export const DEFAULT_NORMS: NormsText = {
  confidentiality:
    'What is said in this group stays in this group. We do not repeat who said what, or what a member shared about their company, their numbers or their life, to anyone outside the group, during or after our time in it.',
  recording:
    'We do not record our meetings: no audio, video or screenshots of the room or of the shared notes. Notes marked "Stays in the room" are never copied elsewhere.',
  advice:
    'We share experience, not advice: "what I did when this happened to me" before "what you should do". We listen first, ask clarifying questions, and leave the decision with the member in the hot seat.',
};

const part = z.string().trim().min(1).max(LIMITS.normsTextMax);
export const normsBody = z.object({ confidentiality: part, recording: part, advice: part });

/** When an acceptance given at `acceptedAt` runs out: the same day NORMS_VALID_MONTHS months later (UTC). */
export function normsDueAt(acceptedAt: string): string {
  const d = new Date(acceptedAt);
  const due = new Date(d);
  due.setUTCMonth(d.getUTCMonth() + NORMS_VALID_MONTHS);
  // 29 Feb or the 31st: setUTCMonth rolls over into the next month, which is the later, kinder date.
  return due.toISOString();
}

export function normsStanding(required: boolean, acceptedAt: string | null, now: number): NormsStanding {
  const dueAt = acceptedAt ? normsDueAt(acceptedAt) : null;
  const current = dueAt !== null && Date.parse(dueAt) > now;
  return { required, acceptedAt, dueAt, mustAccept: required && !current };
}
