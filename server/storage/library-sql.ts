// The network library in SQL: proposals and published entries, competitions and their votes.
// Status changes are compare-and-set on the status they start from, so an approval racing a
// withdrawal lands one of the two, never both.
import type { Ballot, Competition, LibraryEntry, LibraryStatus } from '../../shared/library.ts';
import { oneRow, type SqlAccess } from './access.ts';

interface EntryRow {
  id: string;
  network_id: string;
  group_id: string;
  resource_id: string;
  title: string;
  summary: string;
  tags: string;
  author_id: string | null;
  show_author: number | string;
  status: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

const toEntry = (r: EntryRow): LibraryEntry => ({
  id: r.id,
  networkId: r.network_id,
  groupId: r.group_id,
  resourceId: r.resource_id,
  title: r.title,
  summary: r.summary,
  tags: JSON.parse(r.tags) as string[],
  authorId: r.author_id,
  showAuthor: Number(r.show_author) === 1,
  status: r.status as LibraryStatus,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  publishedAt: r.published_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface CompetitionRow {
  id: string;
  network_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
}
const toCompetition = (r: CompetitionRow): Competition => ({
  id: r.id,
  networkId: r.network_id,
  title: r.title,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Where to look: one group's proposals, or the network's entries; only these statuses if given. */
export type LibraryScope = ({ groupId: string } | { networkId: string } | { resourceId: string }) & { statuses?: readonly LibraryStatus[] };

/** A status change: only from the listed statuses; decision fields set when given. */
export interface LibraryTransition {
  from: readonly LibraryStatus[];
  to: LibraryStatus;
  at: string;
  reason?: string | null;
  decidedBy?: string | null;
}

export interface LibraryStore {
  createLibraryEntry(e: Omit<LibraryEntry, 'updatedAt'>): Promise<LibraryEntry>;
  getLibraryEntry(id: string): Promise<LibraryEntry | null>;
  /** Newest first (published entries by publication, the rest by proposal). */
  listLibraryEntries(scope: LibraryScope): Promise<LibraryEntry[]>;
  /** The entry after the change, or null when its status was not one of `from` (nothing written). */
  transitionLibraryEntry(id: string, t: LibraryTransition): Promise<LibraryEntry | null>;
  createCompetition(c: Omit<Competition, 'createdAt'>): Promise<Competition>;
  getCompetition(id: string): Promise<Competition | null>;
  /** Latest end first. */
  listCompetitions(networkId: string): Promise<Competition[]>;
  /** Casts or changes the user's one vote in the competition. */
  castVote(competitionId: string, userId: string, entryId: string, at: string): Promise<void>;
  /** Every ballot of the competition (services reduce them to the viewer's own and counts). */
  listBallots(competitionId: string): Promise<Ballot[]>;
}

export class LibrarySql implements LibraryStore {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async createLibraryEntry(e: Omit<LibraryEntry, 'updatedAt'>): Promise<LibraryEntry> {
    await this.q.run(
      `INSERT INTO library_entries (id, network_id, group_id, resource_id, title, summary, tags, author_id, show_author, status, reason,
         decided_by, decided_at, published_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.networkId, e.groupId, e.resourceId, e.title, e.summary, JSON.stringify(e.tags), e.authorId, e.showAuthor ? 1 : 0, e.status, e.reason, e.decidedBy, e.decidedAt, e.publishedAt, e.createdAt, e.createdAt],
    );
    return { ...e, updatedAt: e.createdAt };
  }

  async getLibraryEntry(id: string): Promise<LibraryEntry | null> {
    const r = await oneRow<EntryRow>(this.q, 'SELECT * FROM library_entries WHERE id = ?', [id]);
    return r && toEntry(r);
  }

  async listLibraryEntries(scope: LibraryScope): Promise<LibraryEntry[]> {
    const [column, value] = 'groupId' in scope ? ['group_id', scope.groupId] : 'networkId' in scope ? ['network_id', scope.networkId] : ['resource_id', scope.resourceId];
    const statuses = scope.statuses ?? [];
    const filter = statuses.length > 0 ? ` AND status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = await this.q.all<EntryRow>(
      `SELECT * FROM library_entries WHERE ${column} = ?${filter} ORDER BY COALESCE(published_at, created_at) DESC, id`,
      [value, ...statuses],
    );
    return rows.map(toEntry);
  }

  async transitionLibraryEntry(id: string, t: LibraryTransition): Promise<LibraryEntry | null> {
    const sets = ['status = ?', 'updated_at = ?'];
    const params: (string | null)[] = [t.to, t.at];
    const set = (column: string, value: string | null) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (t.to === 'published') set('published_at', t.at);
    if (t.decidedBy !== undefined) {
      set('decided_by', t.decidedBy);
      set('decided_at', t.at);
    }
    if (t.reason !== undefined) set('reason', t.reason);
    const n = await this.q.run(
      `UPDATE library_entries SET ${sets.join(', ')} WHERE id = ? AND status IN (${t.from.map(() => '?').join(', ')})`,
      [...params, id, ...t.from],
    );
    return n === 1 ? this.getLibraryEntry(id) : null;
  }

  async createCompetition(c: Omit<Competition, 'createdAt'>): Promise<Competition> {
    const createdAt = this.now();
    await this.q.run(
      'INSERT INTO library_competitions (id, network_id, title, starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [c.id, c.networkId, c.title, c.startsAt, c.endsAt, c.createdBy, createdAt],
    );
    return { ...c, createdAt };
  }

  async getCompetition(id: string): Promise<Competition | null> {
    const r = await oneRow<CompetitionRow>(this.q, 'SELECT * FROM library_competitions WHERE id = ?', [id]);
    return r && toCompetition(r);
  }

  async listCompetitions(networkId: string): Promise<Competition[]> {
    const rows = await this.q.all<CompetitionRow>('SELECT * FROM library_competitions WHERE network_id = ? ORDER BY ends_at DESC, id', [networkId]);
    return rows.map(toCompetition);
  }

  async castVote(competitionId: string, userId: string, entryId: string, at: string): Promise<void> {
    await this.q.run(
      `INSERT INTO library_votes (competition_id, user_id, entry_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (competition_id, user_id) DO UPDATE SET entry_id = excluded.entry_id, updated_at = excluded.updated_at`,
      [competitionId, userId, entryId, at],
    );
  }

  async listBallots(competitionId: string): Promise<Ballot[]> {
    const rows = await this.q.all<{ user_id: string; entry_id: string }>('SELECT user_id, entry_id FROM library_votes WHERE competition_id = ? ORDER BY user_id', [competitionId]);
    return rows.map((r) => ({ userId: r.user_id, entryId: r.entry_id }));
  }
}
