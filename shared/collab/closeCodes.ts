// WebSocket close codes of the collab endpoint (/collab/<doc name>). The client may use them to
// decide what to tell the user; the stock y-websocket provider reconnects on every code except
// 4400-4499, which it treats as permanent.
export const COLLAB_CLOSE = {
  /** Server shutting down or restarting; reconnect. */
  goingAway: 1001,
  /** A text frame, or a message type the endpoint does not speak (auth, unknown ids). */
  unsupportedData: 1003,
  /** A malformed message: truncated, bad varint, an update or awareness that fails to decode or apply. */
  invalidPayload: 1007,
  /** Too many messages per second from this connection, or too much sent before its doc loaded. */
  policyViolation: 1008,
  /** A message over the size limit (sent by ws itself from maxPayload). */
  messageTooBig: 1009,
  /** An unexpected server error while handling a message; reconnect. */
  internalError: 1011,
  /** The doc could not be loaded, its storage is behind (write queue full) or the client reads too slowly; reconnect later, nothing is lost. */
  tryAgainLater: 1013,
  /** The session was ended while connected (signed out elsewhere, password changed); do not reconnect. */
  signedOut: 4401,
  /** Access was revoked while connected (e.g. removed from the group); do not reconnect. */
  forbidden: 4403,
} as const;

export type CollabCloseCode = (typeof COLLAB_CLOSE)[keyof typeof COLLAB_CLOSE];
