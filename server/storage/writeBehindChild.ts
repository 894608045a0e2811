// Test child of sqliteWriteBehind.integration.test.ts: saves a meeting state (plain SQL), then
// appends doc updates through the write-behind with a flush that never comes, says so, and
// waits to be killed (-9). Arguments: the database file, a meeting id and its facilitator's id.
import { meetingState } from './contract-fixtures.ts';
import { openSqliteStorage } from './sqlite.ts';

const [file, meetingId, facilitatorId] = process.argv.slice(2) as [string, string, string];
const storage = openSqliteStorage(file, { flushMs: 3_600_000 });
// Plain SQL first: any other statement flushes the journal, and the appends below must stay in it.
const saved = [
  await storage.saveMeetingState(meetingId, meetingState(meetingId, facilitatorId, 1, 'live'), 0),
  await storage.saveMeetingState(meetingId, { ...meetingState(meetingId, facilitatorId, 2, 'live'), currentIndex: 1 }, 1),
];
const u = (n: number) => new Uint8Array([n, n, n]);
const seqs = await storage.appendDocBatch([
  { docName: 'doc-a', updates: [u(1), u(2)] },
  { docName: 'doc-b', updates: [u(9)] },
]);
const third = await storage.appendDocUpdates('doc-a', [u(3)]);
process.stdout.write(`${JSON.stringify({ seqs, third, saved })}\n`);
setInterval(() => undefined, 60_000);
