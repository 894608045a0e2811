// Names of the collaborative (Yjs) documents. A name says which meeting a document belongs
// to and what it is, so the server can authorize a connection from the name alone, before
// any lookup. The same functions build names on the client and parse them on the server.

/** Ids inside doc names: the alphabet of our generated ids, and short enough for a URL path. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type ParsedDocName =
  | { kind: 'notes'; meetingId: string; itemId: string }
  | { kind: 'commitments'; meetingId: string }
  | { kind: 'private'; meetingId: string; userId: string };

export type DocKind = ParsedDocName['kind'];

/** Longest valid name: `meeting:` + 64 + `:item:` + 64 + `:notes`. Longer input is refused unread. */
export const DOC_NAME_MAX_LENGTH = 8 + 64 + 6 + 64 + 6;

const isId = (s: string | undefined): s is string => s !== undefined && DOC_ID_PATTERN.test(s);

/** Parses a doc name; null for anything that is not exactly one of the three shapes. */
export function parseDocName(name: string): ParsedDocName | null {
  if (typeof name !== 'string' || name.length > DOC_NAME_MAX_LENGTH) return null;
  const parts = name.split(':');
  if (parts[0] !== 'meeting' || !isId(parts[1])) return null;
  const meetingId = parts[1];
  if (parts.length === 3 && parts[2] === 'commitments') {
    return { kind: 'commitments', meetingId };
  }
  if (parts.length === 4 && parts[2] === 'private' && isId(parts[3])) {
    return { kind: 'private', meetingId, userId: parts[3] };
  }
  if (parts.length === 5 && parts[2] === 'item' && isId(parts[3]) && parts[4] === 'notes') {
    return { kind: 'notes', meetingId, itemId: parts[3] };
  }
  return null;
}

/** Formats a parsed name; throws on an invalid id so a bad name never reaches the wire. */
export function formatDocName(doc: ParsedDocName): string {
  const ids = doc.kind === 'notes' ? [doc.meetingId, doc.itemId] : doc.kind === 'private' ? [doc.meetingId, doc.userId] : [doc.meetingId];
  for (const id of ids) {
    if (!isId(id)) throw new Error(`invalid id in doc name: ${JSON.stringify(id)}`);
  }
  switch (doc.kind) {
    case 'notes':
      return `meeting:${doc.meetingId}:item:${doc.itemId}:notes`;
    case 'commitments':
      return `meeting:${doc.meetingId}:commitments`;
    case 'private':
      return `meeting:${doc.meetingId}:private:${doc.userId}`;
  }
}

export const notesDocName = (meetingId: string, itemId: string): string =>
  formatDocName({ kind: 'notes', meetingId, itemId });
export const commitmentsDocName = (meetingId: string): string => formatDocName({ kind: 'commitments', meetingId });
export const privateDocName = (meetingId: string, userId: string): string =>
  formatDocName({ kind: 'private', meetingId, userId });

/** Prefix of every doc of a meeting, for Storage.listDocNames (exports, search). */
export const meetingDocPrefix = (meetingId: string): string => {
  if (!isId(meetingId)) throw new Error(`invalid meeting id: ${JSON.stringify(meetingId)}`);
  return `meeting:${meetingId}:`;
};

/** Path of the collab endpoint; the client's WebsocketProvider serverUrl is `ws(s)://host` + this. */
export const COLLAB_PATH = '/collab';
