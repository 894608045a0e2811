// zod schemas for socket payloads (protocol.ts holds the types).
import { z } from 'zod';
import { meetingCommandSchema } from './meeting/commands.ts';

const meetingId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a meeting id');

export const joinPayloadSchema = z.object({
  meetingId,
  mode: z.enum(['room', 'remote']),
  projector: z.boolean().optional(),
});
export const leavePayloadSchema = z.object({ meetingId });
export const syncPayloadSchema = z.object({ meetingId });
export const commandPayloadSchema = z.object({ meetingId, command: meetingCommandSchema });
