// Whether a recap, as this reader got it, holds anything that stays in the room. The server
// sends such parts only to people in the room, so this also says the reader may download them.
import { hasRoomOnly } from '../../../../shared/notes/blocks.ts';
import type { MeetingSummary } from '../../../../shared/records.ts';

export const holdsRoomOnly = (s: MeetingSummary): boolean => s.commitments.some((c) => c.confidential) || s.notes.some((n) => hasRoomOnly(n.blocks));
