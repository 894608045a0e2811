import { describe, expect, it } from 'vitest';
import { groupPageLink } from './groupPageLink.ts';

describe('the "Group page" link of a meeting', () => {
  const event = { id: 'ev', name: 'Super week' };
  const meeting = { groupId: 'host' };
  it.each([
    ['a group’s own meeting: its group', null, { to: '/groups/host', label: 'Group page' }],
    ['a shared session, attended through one group: that group, not the host group', { event, groups: [{ id: 'b', name: 'Beta' }] }, { to: '/groups/b', label: 'Group page' }],
    ['a shared session, attended through several groups: the event', { event, groups: [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }] }, { to: '/events/ev', label: 'Event page' }],
    ['a shared session, followed as an observer: the event', { event, groups: [] }, { to: '/events/ev', label: 'Event page' }],
  ] as const)('%s', (_name, shared, link) => {
    expect(groupPageLink(meeting, shared ? { event: shared.event, groups: [...shared.groups] } : null)).toEqual(link);
  });
});
