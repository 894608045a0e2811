// How services say "the group's records changed" without knowing about sockets: the meeting
// channel implements this and tells the group's open meetings (records:changed).
import type { RecordsKind } from '../../shared/protocol.ts';
import type { Storage } from '../storage/types.ts';

export interface RecordsNotifier {
  /** Fire and forget: a failed notice must never fail the write that caused it. */
  changed(groupId: string, kind: RecordsKind): void;
}

/** For tools and tests that run services without a transport. */
export const noRecordsNotifier: RecordsNotifier = { changed: () => undefined };

/** What the records services need. */
export interface RecordsDeps {
  storage: Storage;
  records: RecordsNotifier;
}
