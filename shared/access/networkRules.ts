// What a user may do in a network as a whole (not in one of its groups): one table, deny by
// default. Group actions stay in groupRules.ts; these are the organiser's and the coach's.
import type { Group, Role } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import { hasCompany } from './subject.ts';

/** One user's relation to one network. */
export interface NetworkSubject {
  userId: string;
  /** Organises the network (any of its organisers: they all hold the same rights). */
  organiser: boolean;
  /** Coaches at least one of the network's groups. */
  coach?: boolean;
  /** Takes part in at least one group (coach or member company), so reads the network's shared things. */
  participant?: boolean;
  /**
   * A member company in at least one of the network's core or special-interest groups: has a
   * company profile of its own. A companion group's member is a company's employee, not one.
   */
  member?: boolean;
}

/** One of the user's groups in the network and their role in it (a membership's, or 'organiser'). */
type GroupRoleIn = { group: Pick<Group, 'kind'>; role: Role };

/**
 * Who a user is in a network, from whether they organise it and their roles in its groups: the
 * server reads these from storage, the client from /api/me (its `networks` and `groups`).
 */
export function networkSubjectOf(userId: string, organiser: boolean, groupsInNetwork: readonly GroupRoleIn[]): NetworkSubject {
  const coach = groupsInNetwork.some((g) => g.role === 'coach');
  // A companion group's member works for a company; the company's seat is its owner's.
  const member = groupsInNetwork.some((g) => hasCompany(g.role) && g.group.kind !== 'companion');
  return { userId, organiser, coach, member, participant: coach || member };
}


export const NETWORK_ACTIONS = [
  // name, currency and other network-wide settings
  'network.edit',
  // appointing another organiser, who then may do all the first can
  'network.organisers.invite',
  'network.organisers.read',
  // a member company's own profile in this network
  'network.company.own',
  // the network's company profiles, to find and propose candidates for a group
  'network.companies.read',
  // benchmarks beyond the group: segment cuts and industry reference sets
  'network.benchmarks.read',
  'network.references.manage',
  // network events (super week): creating one, with its shared sessions and groups' meetings
  'network.events.create',
  // the network library's published entries and its search; voting in its competitions;
  // opening a competition
  'network.library.read',
  'network.library.vote',
  'network.competitions.manage',
  // the network's special-interest groups, to ask to join one whose segment matches
  'network.interest.browse',
] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

type NetworkRule = (s: NetworkSubject) => boolean;
const isOrganiser: NetworkRule = (s) => s.organiser;
const isMemberCompany: NetworkRule = (s) => s.member === true;
const isOrganiserOrCoach: NetworkRule = (s) => s.organiser || s.coach === true;

const NETWORK_RULES: Record<NetworkAction, NetworkRule> = {
  'network.edit': isOrganiser,
  'network.organisers.invite': isOrganiser,
  'network.organisers.read': isOrganiser,
  'network.company.own': isMemberCompany,
  'network.companies.read': isOrganiserOrCoach,
  // k-anonymous, yet the network's numbers: for those who take part (never observers) and organisers.
  'network.benchmarks.read': (s) => s.organiser || s.participant === true,
  'network.references.manage': isOrganiser,
  'network.events.create': isOrganiser,
  'network.library.read': (s) => s.organiser || s.participant === true,
  // Network members (coaches and member companies) vote; an organiser runs the vote.
  'network.library.vote': (s) => s.participant === true,
  'network.competitions.manage': isOrganiser,
  'network.interest.browse': (s) => s.organiser || isMemberCompany(s),
};

/** null when allowed; otherwise `forbidden`. */
export function checkNetwork(action: NetworkAction, s: NetworkSubject): ApiError | null {
  const rule = Object.hasOwn(NETWORK_RULES, action) ? NETWORK_RULES[action] : undefined;
  return rule && rule(s) ? null : { code: 'forbidden', message: `Your role may not do this (${action})` };
}

export const canNetwork = (action: NetworkAction, s: NetworkSubject): boolean => checkNetwork(action, s) === null;
