// Storage contract for network events: the event, its groups, its meetings, and the audience
// of its host group. Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { NetworkEvent } from '../../shared/events.ts';
import { freshStorage, group, meetingState, member, newMeeting, uid } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runEventsContract(name: string, make: () => Promise<Storage>): void {
  describe(`network events storage contract: ${name}`, () => {
    const s = freshStorage(make);

    async function fixture() {
      const { network, group: a } = await group(s(), { name: 'Alpha' });
      const { group: b } = await group(s(), { network, name: 'Beta' });
      const { group: c } = await group(s(), { network, name: 'Gamma' });
      const { group: host } = await group(s(), { network, name: 'Super week' });
      const event: NetworkEvent = {
        id: uid('event'),
        networkId: network.id,
        hostGroupId: host.id,
        name: 'Super week',
        timeZone: 'Europe/Berlin',
        days: ['2026-03-02', '2026-03-03', '2026-03-04'],
        // Not in name order: the organiser's order is kept.
        groupIds: [b.id, a.id],
        createdBy: null,
        createdAt: '2026-01-10T09:00:00.000Z',
      };
      await s().createNetworkEvent(event);
      return { network, a, b, c, host, event };
    }

    it('writes an event and reads it back as written, by id, by network and by group', async () => {
      const { network, a, c, event } = await fixture();
      expect(await s().getNetworkEvent(event.id)).toEqual(event);
      expect(await s().getNetworkEvent('nope')).toBeNull();
      const later = { ...event, id: uid('event'), hostGroupId: (await group(s(), { network })).group.id, name: 'Autumn week', days: ['2026-10-05'], groupIds: [c.id] };
      await s().createNetworkEvent(later);
      expect((await s().listNetworkEvents(network.id)).map((e) => e.name)).toEqual(['Super week', 'Autumn week']);
      expect((await s().listEventsOfGroup(a.id)).map((e) => e.id)).toEqual([event.id]);
      expect((await s().listEventsOfGroup(c.id)).map((e) => e.id)).toEqual([later.id]);
      expect(await s().listNetworkEvents('elsewhere')).toEqual([]);
    });

    it("the host group's audience: roles held in the participating groups; null for any other group", async () => {
      const { a, b, c, host } = await fixture();
      const ann = await member(s(), a.id, 'member', 'Ann');
      await s().upsertMembership({ groupId: b.id, userId: ann.id, role: 'observer', company: null });
      const cy = await member(s(), c.id, 'member', 'Cy');
      expect((await s().eventAudienceRoles(host.id, ann.id))?.sort()).toEqual(['member', 'observer']);
      expect(await s().eventAudienceRoles(host.id, cy.id)).toEqual([]);
      expect(await s().eventAudienceRoles(a.id, ann.id)).toBeNull();
    });

    it("lists the host group's members as the event's audience, each once, with their role in the shared sessions", async () => {
      const { a, b, c, host } = await fixture();
      const ann = await member(s(), a.id, 'member', 'Ann', 'Ann IT');
      // Observer in Beta, member in Alpha: a participant, with the company Alpha knows.
      await s().upsertMembership({ groupId: b.id, userId: ann.id, role: 'observer', company: null });
      const cora = await member(s(), b.id, 'coach', 'Cora');
      const otto = await member(s(), b.id, 'observer', 'Otto');
      await member(s(), c.id, 'member', 'Cy');
      expect((await s().listMembers(host.id)).map((m) => [m.name, m.role, m.company])).toEqual([
        ['Ann', 'member', 'Ann IT'],
        ['Cora', 'member', null],
        ['Otto', 'observer', null],
      ]);
      expect(await s().listEventAudience(a.id)).toBeNull();
      // A group's own list is untouched.
      expect((await s().listMembers(b.id)).map((m) => m.userId).sort()).toEqual([ann.id, cora.id, otto.id].sort());
    });

    it('links a meeting to one event only, and finds the event of a meeting', async () => {
      const { a, host, event } = await fixture();
      const ann = await member(s(), a.id, 'member', 'Ann');
      const own = newMeeting(a.id);
      const shared = newMeeting(host.id);
      await s().createMeeting(own, meetingState(own.id, ann.id));
      await s().createMeeting(shared, meetingState(shared.id, ann.id));
      expect(await s().linkEventMeeting(event.id, own.id)).toBe(true);
      expect(await s().linkEventMeeting(event.id, shared.id)).toBe(true);
      expect(await s().linkEventMeeting(event.id, own.id)).toBe(false);
      expect((await s().listEventMeetingIds(event.id)).sort()).toEqual([own.id, shared.id].sort());
      expect(await s().eventOfMeeting(own.id)).toBe(event.id);
      expect(await s().eventOfMeeting('nope')).toBeNull();
    });

    it('reads the events of many meetings at once, by meeting id, leaving out meetings of no event', async () => {
      const { network, a, c, event } = await fixture();
      const later: NetworkEvent = { ...event, id: uid('event'), hostGroupId: (await group(s(), { network })).group.id, name: 'Autumn week', groupIds: [c.id] };
      await s().createNetworkEvent(later);
      const ann = await member(s(), a.id, 'member', 'Ann');
      const [own, second, plain, gammas] = [newMeeting(a.id), newMeeting(a.id), newMeeting(a.id), newMeeting(c.id)];
      for (const m of [own, second, plain, gammas]) await s().createMeeting(m, meetingState(m.id, ann.id));
      await s().linkEventMeeting(event.id, own.id);
      await s().linkEventMeeting(event.id, second.id);
      await s().linkEventMeeting(later.id, gammas.id);
      const head = (e: NetworkEvent) => ({ id: e.id, networkId: e.networkId, hostGroupId: e.hostGroupId, name: e.name });
      expect(await s().eventsOfMeetings([own.id, second.id, plain.id, gammas.id, 'nope'])).toEqual(
        new Map([
          [own.id, head(event)],
          [second.id, head(event)],
          [gammas.id, head(later)],
        ]),
      );
      expect(await s().eventsOfMeetings([])).toEqual(new Map());
      // More ids than one query binds: every one is still looked up.
      const many = [...Array.from({ length: 1200 }, (_, i) => `unknown-${i}`), gammas.id];
      expect(await s().eventsOfMeetings(many)).toEqual(new Map([[gammas.id, head(later)]]));
    });

    it("an event's host group is not listed among the network's groups", async () => {
      const { network, host } = await fixture();
      const names = (await s().listGroupsInNetwork(network.id)).map((g) => g.name);
      expect(names).toEqual(['Alpha', 'Beta', 'Gamma']);
      expect(await s().getGroup(host.id)).not.toBeNull();
    });
  });
}
