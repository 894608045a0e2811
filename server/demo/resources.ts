// The demo library: what members shared at the topics item of the past meetings — links to
// procedures and a small onboarding checklist file — so the library and recaps have content.
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';

/** [quarter index, member index (one who attended that meeting), title, link or file]. */
const SHARED: readonly [number, number, string, { url: string } | { fileName: string; contentType: string; text: string }][] = [
  [0, 1, 'Managed-services contract template', { url: 'https://example.com/msp/contract-template' }],
  [1, 6, 'New-client onboarding checklist', {
    fileName: 'onboarding-checklist.csv',
    contentType: 'text/csv',
    text: 'step,owner,done by\nKick-off call,Account manager,day 1\nDocumentation of the network,Technician,week 1\nBackup test restore,Technician,week 2\nFirst QBR booked,Account manager,week 4\n',
  }],
  [2, 3, 'Price-increase letter that kept every client', { url: 'https://example.com/msp/price-letter' }],
  [3, 2, 'Backup-as-a-service flyer', { url: 'https://example.com/msp/baas-flyer' }],
  [3, 4, 'QBR agenda we use with the top 10 clients', { url: 'https://example.com/msp/qbr-agenda' }],
];

export async function seedDemoResources(
  storage: Storage,
  groupId: string,
  members: readonly string[],
  meetings: readonly { id: string; startsAt: number }[],
): Promise<void> {
  for (const [k, i, title, what] of SHARED) {
    const meeting = meetings[k]!;
    const topics = (await storage.getMeetingState(meeting.id))?.agenda.find((item) => item.kind === 'topics');
    if (!topics) continue;
    const common = { id: newId(), groupId, meetingId: meeting.id, itemId: topics.id, title, sharedBy: members[i]!, createdAt: new Date(meeting.startsAt + 3 * 60 * 60_000).toISOString() };
    await storage.createResource(
      'url' in what
        ? { ...common, kind: 'link', url: what.url, fileName: null, contentType: null, data: null }
        : { ...common, kind: 'file', url: null, fileName: what.fileName, contentType: what.contentType, data: new TextEncoder().encode(what.text) },
    );
  }
}
