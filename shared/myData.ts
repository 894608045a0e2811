// "My data": everything Peerboard holds about one person, as they download it (JSON), and the
// bodies of leaving a group and deleting the account (both confirmed with the password).
import { z } from 'zod';
import type { Commitment } from './collab/commitments.ts';
import type { GroupRole } from './domain.ts';
import type { KpiFigure } from './financials/types.ts';
import type { Goal } from './goals/types.ts';
import type { NoteBlock } from './notes/blocks.ts';

export interface MyDataExport {
  /** When the file was made (ISO). */
  exportedAt: string;
  profile: { id: string; name: string; email: string; createdAt: string };
  /** The groups the person belongs to now, with their role and company there. */
  memberships: { groupId: string; groupName: string; role: GroupRole; company: string | null }[];
  /** Their own goals, in every group they belong to. */
  goals: Goal[];
  /** Their own figures (coach-only ones included: they are theirs). */
  figures: KpiFigure[];
  /** Their private notes, per meeting, as block trees (shared/notes). */
  privateNotes: { meetingId: string; meetingTitle: string; groupId: string; blocks: NoteBlock[]; text: string }[];
  /** Commitments they made, from each meeting's shared list; other people's are not here. */
  commitments: (Commitment & { meetingId: string; meetingTitle: string; groupId: string })[];
  /** Their own rating of each meeting they rated (nobody else's). */
  ratings: { meetingId: string; score: number }[];
  /** When they accepted each group's norms. */
  normsAcceptances: { groupId: string; acceptedAt: string }[];
}

/** Leaving a group or deleting the account is confirmed with the account's password. */
export const confirmPasswordBody = z.object({ password: z.string().min(1).max(200) });
export type ConfirmPasswordBody = z.infer<typeof confirmPasswordBody>;
