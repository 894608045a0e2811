// The demo's past meetings' notes per agenda item and the hot seat's commitments, stored as the
// editor stores them: a Yjs XmlFragment per item (TipTap/y-prosemirror node names, the
// "stays in the room" flag as the `confidential` attribute) and the commitments Y.Array doc,
// each as one stored update, and indexed for search like the live editor's docs.
import * as Y from 'yjs';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import { newId } from '../auth/tokens.ts';
import { indexDoc } from '../services/searchIndex.ts';
import type { Storage } from '../storage/types.ts';

type Child = Y.XmlElement | Y.XmlText;

function el(name: string, attrs: Record<string, unknown>, children: Child[] = []): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
}
function text(s: string, attrs: Record<string, unknown> = {}): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, s, attrs);
  return t;
}
const p = (s: string, attrs: Record<string, unknown> = {}) => el('paragraph', attrs, [text(s)]);
const h = (s: string) => el('heading', { level: 3 }, [text(s)]);
const bullets = (items: string[]) => el('bulletList', {}, items.map((s) => el('listItem', {}, [p(s)])));
const tasks = (items: [string, boolean][]) => el('taskList', {}, items.map(([s, checked]) => el('taskItem', { checked }, [p(s)])));

/** What the room wrote per agenda item kind; `topic` is the hot seat's question, `q` the quarter. */
function notesFor(kind: string, q: string, topic: string, presenter: string): Child[] | null {
  switch (kind) {
    case 'opening':
      return [p(`Round of check-ins for ${q}: most of the group had a steady quarter; two members are short of technicians.`), bullets(['Summer holidays hit the service desks harder than expected', 'Two new managed-services contracts signed in the group', 'Energy prices still squeeze the hosting margins'])];
    case 'financials':
      return [
        h('What the numbers say'),
        p('Recurring revenue keeps growing across the group; receivable days are the weak spot for the larger shops.'),
        bullets(['Median gross margin up about half a point', 'Three members above 45 AR days: invoice on the 1st, chase on the 10th', 'Cash is fine everywhere except one member, who will talk to the bank']),
        p('Farid shared his cash-flow forecast in detail; the group agreed the details stay here.', { confidential: true }),
      ];
    case 'goals':
      return [p('Goal review went quickly: unfinished goals were carried over, each with a smaller first step.'), tasks([['Everyone writes a target that can be checked', true], ['Carried goals get a first step before the next meeting', false]])];
    case 'hotseat':
      return [
        h(topic),
        p(`${presenter} presented the situation: the question is urgent because the next contract renewals are due within two quarters.`),
        h('Advice from the group'),
        bullets(['Start with the ten clients that bring the least margin', 'Put the numbers on one page before deciding', 'Talk to the two members who already made this move']),
        p(`${presenter} will come back to the group with a decision at the next meeting.`),
      ];
    case 'topics':
      return [p('Best practices exchanged: onboarding checklists, quarterly business reviews and a shared price list for backup services.'), bullets(['Greta shares her onboarding checklist (see the resources)', 'Ben explains how he runs QBRs in 30 minutes'])];
    case 'closing':
      return [p('Good energy in the room. Next meeting at the same hotel; the rating was collected.')];
    default:
      return null;
  }
}

const COMMITMENTS = [
  'Put the numbers for the question on one page and share them with the group',
  'Talk to the two members who already made this move',
  'Decide and tell the team before the next meeting',
];

/** Seeds notes and commitments for each past meeting (its state already replayed and saved). */
export async function seedDemoNotes(storage: Storage, coachId: string, meetings: readonly { id: string; startsAt: number }[]): Promise<void> {
  for (const m of meetings) {
    const state = await storage.getMeetingState(m.id);
    if (!state) continue;
    const members = await storage.listMembers((await storage.getMeeting(m.id))!.groupId);
    const nameOf = (id: string | null | undefined) => members.find((x) => x.userId === id)?.name.split(' ')[0] ?? 'The presenter';
    const quarter = (await storage.getMeeting(m.id))!.quarter ?? '';
    const seat = Object.values(state.hotSeats).find((s) => s.presenterId);
    for (const item of state.agenda) {
      const hs = state.hotSeats[item.id];
      const content = notesFor(item.kind, quarter, hs?.topic || 'Hot seat', nameOf(hs?.presenterId));
      if (!content) continue;
      const doc = new Y.Doc();
      doc.getXmlFragment(NOTES_FIELD).insert(0, content);
      const name = notesDocName(m.id, item.id);
      await storage.appendDocUpdate(name, Y.encodeStateAsUpdate(doc));
      await indexDoc(storage, name, doc, new Date(m.startsAt).toISOString());
      doc.destroy();
    }
    if (!seat?.presenterId) continue;
    const doc = new Y.Doc();
    const createdAt = new Date(m.startsAt + 4 * 60 * 60_000).toISOString();
    const due = new Date(m.startsAt + 60 * 24 * 60 * 60_000).toISOString().slice(0, 10);
    COMMITMENTS.forEach((what, i) =>
      addCommitment(doc, { id: newId(), who: seat.presenterId!, what, due: i === 2 ? due : '', status: 'open', confidential: false, createdBy: coachId, createdAt }),
    );
    const name = commitmentsDocName(m.id);
    await storage.appendDocUpdate(name, Y.encodeStateAsUpdate(doc));
    await indexDoc(storage, name, doc, createdAt);
    doc.destroy();
  }
}
