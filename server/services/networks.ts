// The network as a whole: its settings (name, currency) for its organisers.
import { checkNetwork, networkSubjectOf, type NetworkAction, type NetworkSubject } from '../../shared/access/index.ts';
import type { NetworkPatchBody } from '../../shared/api.ts';
import type { Network } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import type { Storage } from '../storage/types.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

/** Who the user is in the network: organiser, and whether they coach or take part in any of its groups. */
export async function networkSubject(storage: Pick<Storage, 'isOrganiser' | 'listGroupsOfUser'>, userId: string, networkId: string): Promise<NetworkSubject> {
  const [organiser, groups] = await Promise.all([storage.isOrganiser(networkId, userId), storage.listGroupsOfUser(userId)]);
  return networkSubjectOf(userId, organiser, groups.filter((g) => g.group.networkId === networkId));
}

/**
 * Loads the network and checks the action. Anyone with no relation to the network gets
 * not_found (its id reveals nothing); someone in it lacking the right gets forbidden.
 */
export async function authorizeNetwork(
  storage: Pick<Storage, 'getNetwork' | 'isOrganiser' | 'listGroupsOfUser'>,
  userId: string,
  networkId: string,
  action: NetworkAction,
): Promise<{ network: Network; subject: NetworkSubject }> {
  const [network, subject] = await Promise.all([storage.getNetwork(networkId), networkSubject(storage, userId, networkId)]);
  if (!network || (!subject.organiser && !subject.participant && !subject.coach)) throw new DomainError('not_found', 'No such network');
  const denied = checkNetwork(action, subject);
  if (denied) throw new DomainError(denied.code, denied.message);
  return { network, subject };
}

export async function updateNetwork({ storage, records }: RecordsDeps, userId: string, networkId: string, patch: NetworkPatchBody): Promise<Network> {
  const { network: before } = await authorizeNetwork(storage, userId, networkId, 'network.edit');
  const network = await storage.updateNetwork(networkId, patch);
  if (!network) throw new DomainError('not_found', 'No such network');
  // Open financial reviews of groups without their own currency re-read their money in the new one.
  if (network.currency !== before.currency) {
    for (const g of await storage.listGroupsInNetwork(networkId)) if (!g.currency) records.changed(g.id, 'figures');
  }
  return network;
}
