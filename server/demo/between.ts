// The demo's life between meetings: each past meeting's pre-meeting updates, the parking lot the
// meetings left (unused proposals, parked matters, a need and a lead, one resolved), and RSVPs
// and the next meeting's proposals drawn from the lot.
import type { ParkingItem } from '../../shared/parking.ts';
import { DEFAULT_UPDATE_PROMPTS } from '../../shared/updates.ts';
import { newId } from '../auth/tokens.ts';
import { parkAfterMeeting, seedProposals } from '../services/parking.ts';
import type { Storage } from '../storage/types.ts';

const BEST = ['Signed our largest managed-services contract', 'Second technician started', 'Record month for projects', 'Price increase accepted by all but one client', 'Backup offer has its first three clients'];
const WORST = ['Lost a long-time client to a bigger MSP', 'Two weeks of overtime after a ransomware incident', 'Receivables crept up again', 'A hire left after six weeks', 'Cash was tight in August'];
const NEED = ['How do you price security add-ons?', 'An introduction to a good bank contact', 'Ideas to retain technicians', 'A second opinion on our new contract template', ''];
const PERSONAL = ['Ran my first half marathon', '', 'Our daughter started school', '', 'Two weeks of holiday without a laptop'];

/** Updates for each past meeting from those who attended it (the absent one sent none). */
export async function seedDemoUpdates(storage: Storage, groupId: string, meetings: readonly { id: string; startsAt: number }[]): Promise<void> {
  for (const [k, m] of meetings.entries()) {
    const state = await storage.getMeetingState(m.id);
    const members = (await storage.listMembers(groupId)).filter((x) => x.role === 'member');
    for (const [i, member] of members.entries()) {
      if (state?.attendance[member.userId]?.status === 'absent') continue;
      const pick = (list: readonly string[]) => list[(i + k) % list.length]!;
      const texts: Record<string, string> = { best: pick(BEST), worst: pick(WORST), need: pick(NEED), personal: pick(PERSONAL) };
      await storage.putMemberUpdate({
        meetingId: m.id,
        groupId,
        userId: member.userId,
        answers: DEFAULT_UPDATE_PROMPTS.map((p) => ({ key: p.key, label: p.label, text: texts[p.key] ?? '' })),
        updatedAt: new Date(m.startsAt - (3 + i) * 86_400_000).toISOString(),
      });
    }
  }
}

/** The parking lot as the past meetings left it, then the next meeting's proposals from it. */
export async function seedDemoParking(storage: Storage, groupId: string, members: readonly string[], past: readonly { id: string; startsAt: number }[], nextId: string): Promise<void> {
  for (const m of past) await parkAfterMeeting(storage, m.id);
  const at = (t: number) => new Date(t).toISOString();
  const last = past.at(-1)!;
  const item = (over: Partial<ParkingItem> & Pick<ParkingItem, 'kind' | 'title'>): ParkingItem => ({
    id: newId(), groupId, detail: '', status: 'open', createdBy: members[0]!, sourceMeetingId: last.id, sourceItemId: null, scheduledMeetingId: null,
    history: [{ at: at(last.startsAt + 3_600_000), by: over.createdBy ?? members[0]!, action: 'parked', meetingId: last.id, note: '' }],
    createdAt: at(last.startsAt + 3_600_000), updatedAt: at(last.startsAt + 3_600_000), ...over,
  });
  await storage.createParkingItem(item({ kind: 'parked', title: 'Succession: who runs the company if the founder is ill for three months?', createdBy: members[3]! }));
  await storage.createParkingItem(item({ kind: 'need', title: 'A reliable subcontractor for cabling jobs in Mainz', createdBy: members[1]!, history: [{ at: at(last.startsAt + 86_400_000), by: members[1]!, action: 'added', meetingId: null, note: '' }] }));
  await storage.createParkingItem(item({ kind: 'lead', title: 'The Koblenz hospital tenders its IT support in spring', detail: 'Ask Jonas for the buyer’s name', createdBy: members[2]!, history: [{ at: at(last.startsAt + 2 * 86_400_000), by: members[2]!, action: 'added', meetingId: null, note: '' }] }));
  const done = item({ kind: 'need', title: 'A template for a data-processing agreement', createdBy: members[4]!, status: 'resolved' });
  done.history = [
    { at: at(past[0]!.startsAt + 86_400_000), by: members[4]!, action: 'added', meetingId: null, note: '' },
    { at: at(past[1]!.startsAt), by: members[0]!, action: 'resolved', meetingId: null, note: 'Shared the template in the resource library' },
  ];
  await storage.createParkingItem(done);
  await seedProposals(storage, nextId);
  // Two members have answered for the next meeting; one is excused.
  await storage.putRsvp({ meetingId: nextId, groupId, userId: members[0]!, response: 'room', reason: '' });
  await storage.putRsvp({ meetingId: nextId, groupId, userId: members[1]!, response: 'remote', reason: '' });
  await storage.putRsvp({ meetingId: nextId, groupId, userId: members[5]!, response: 'excused', reason: 'Trade fair in Hanover' });
}
