// Best-practice competitions over the network library: an organiser opens a vote over a period;
// the network's coaches and member companies vote for published entries, one vote each,
// changeable until the end; ballots are anonymous (each viewer gets their own, never anyone
// else's) and the ranked winners show to everyone in the network after the end only.
import { DomainError } from '../../shared/errors.ts';
import { competitionPhase, competitionView, type Competition, type CompetitionBody, type CompetitionView, type VoteBody } from '../../shared/library.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { publishedEntries } from './library.ts';
import { authorizeNetwork } from './networks.ts';

export async function openCompetition(storage: Storage, userId: string, networkId: string, body: CompetitionBody, now = Date.now()): Promise<CompetitionView> {
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.competitions.manage');
  const c = await storage.createCompetition({
    id: newId(),
    networkId,
    title: body.title,
    startsAt: new Date(body.startsAt).toISOString(),
    endsAt: new Date(body.endsAt).toISOString(),
    createdBy: userId,
  });
  return competitionView(c, [], userId, await publishedEntries(storage, networkId, network.name), now);
}

export async function listCompetitions(storage: Storage, userId: string, networkId: string, now = Date.now()): Promise<CompetitionView[]> {
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.library.read');
  const published = await publishedEntries(storage, networkId, network.name);
  const out: CompetitionView[] = [];
  for (const c of await storage.listCompetitions(networkId)) out.push(competitionView(c, await storage.listBallots(c.id), userId, published, now));
  return out;
}

/** Loads a competition for someone of its network; anyone else learns nothing (not_found). */
async function load(storage: Storage, userId: string, competitionId: string, action: 'network.library.read' | 'network.library.vote'): Promise<{ c: Competition; networkName: string }> {
  const c = await storage.getCompetition(competitionId);
  if (!c) throw new DomainError('not_found', 'No such competition');
  const { network } = await authorizeNetwork(storage, userId, c.networkId, action).catch((e: unknown) => {
    throw e instanceof DomainError && e.code === 'not_found' ? new DomainError('not_found', 'No such competition') : e;
  });
  return { c, networkName: network.name };
}

export async function getCompetition(storage: Storage, userId: string, competitionId: string, now = Date.now()): Promise<CompetitionView> {
  const { c, networkName } = await load(storage, userId, competitionId, 'network.library.read');
  return competitionView(c, await storage.listBallots(c.id), userId, await publishedEntries(storage, c.networkId, networkName), now);
}

/** Casts or changes the caller's one vote while the competition is open. */
export async function vote(storage: Storage, userId: string, competitionId: string, body: VoteBody, now = Date.now()): Promise<CompetitionView> {
  const { c, networkName } = await load(storage, userId, competitionId, 'network.library.vote');
  const phase = competitionPhase(c, now);
  if (phase !== 'open') throw new DomainError('conflict', phase === 'upcoming' ? 'This vote has not opened yet' : 'This vote has ended');
  const entry = await storage.getLibraryEntry(body.entryId);
  if (!entry || entry.networkId !== c.networkId || entry.status !== 'published') throw new DomainError('not_found', 'No such published entry in this network');
  await storage.castVote(c.id, userId, entry.id, new Date(now).toISOString());
  return competitionView(c, await storage.listBallots(c.id), userId, await publishedEntries(storage, c.networkId, networkName), now);
}
