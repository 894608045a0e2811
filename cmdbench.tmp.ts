import { ApiClient, startTestServer } from './server/testing/harness.ts';
import { MeetingRooms } from './server/services/room.ts';
const srv = await startTestServer();
const org = new ApiClient(srv.url);
const setup = await org.post('/api/setup', { networkName: 'B', name: 'Org', email: 'org@b.test', password: 'bench password 1' });
const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
const me = (await org.get('/api/me')).body;
const userId = me.user?.id ?? me.id;
const rooms = new MeetingRooms(srv.storage, { applied: () => undefined, state: () => undefined });
const ids: string[] = [];
for (let i = 0; i < 100; i++) {
  const m = (await org.post(`/api/groups/${group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  ids.push(m);
}
const rights = await Promise.all(ids.map((id) => rooms.resolveRights(userId, id)));
await Promise.all(ids.map((id, i) => rooms.command(rights[i]!, id, { type: 'meeting.start' })));
const paused = new Map<string, boolean>();
const next = (id: string) => { const p = paused.get(id) ?? false; paused.set(id, !p); return { type: p ? 'timer.resume' : 'timer.pause' } as const; };
const per: number[] = [];
for (let round = 0; round < 10; round++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  let n = 0;
  for (let k = 0; k < 20; k++) for (let i = 0; i < ids.length; i++) { await rooms.command(rights[i]!, ids[i]!, next(ids[i]!)); n++; }
  const c = process.cpuUsage(c0);
  per.push((c.user + c.system) / n);
}
console.log("cpu us/command, median of last 6 rounds:", per.slice(4).sort((a, b) => a - b)[3]!.toFixed(1));
const st = await srv.storage.getMeetingState(ids[0]!); console.log("state bytes", JSON.stringify(st).length, Object.keys(st!).map((k) => k + ":" + JSON.stringify((st as any)[k]).length).join(" "));
await srv.close();
process.exit(0);
