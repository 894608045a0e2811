// Limits and defaults of the collab endpoint, each with the reason for its value.
// CollabOptions (index.ts) may override the tunable ones; tests use that for short timers.

export const COLLAB_LIMITS = {
  /** Largest WebSocket message (ws maxPayload): a pasted page of notes is ~100 KiB; 2 MiB leaves room for images-as-text and refuses floods. */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Bytes a client may send before its doc has loaded (they are kept until then): a provider sends step 1 and its awareness, a few hundred bytes; two full messages leave room for a queued paste. */
  maxBytesWhileLoading: 4 * 1024 * 1024,
  /** Sustained messages per second per connection: fast typing plus cursor moves is ~30/s; more is a runaway client. */
  messagesPerSecond: 60,
  /** Token-bucket burst: a reconnecting client sends step 1, step 2, awareness and queued edits at once. */
  messageBurst: 300,
  /** Frames per second of any kind, echoes included, checked before decoding: a flood guard far above a full room (~40/s). */
  framesPerSecond: 400,
  /** Burst of the frame guard: a reconnect's backlog plus a second of a busy room. */
  frameBurst: 800,
  /** Awareness relays per doc per second: cursors at 20 Hz look live; more only multiplies the providers' echoes. */
  awarenessRelaysPerSecond: 20,
  /** Refusals are logged at most once per connection per this period (with a count), not per message. */
  refusalLogIntervalMs: 60_000,
  /** Keep a doc with no clients in memory this long: a page reload or flaky wifi should not reload it from storage. */
  unloadGraceMs: 30_000,
  /** Compact when the stored log since the last snapshot reaches this many updates: loading stays fast. */
  compactAfterUpdates: 500,
  /** Compact a doc this long after its last stored write: an idle doc loads from one snapshot. */
  idleCompactMs: 10_000,
  /** First retry delay after a failed write; doubles up to writeRetryMaxMs. */
  writeRetryBaseMs: 100,
  /** Longest pause between write retries: a storage outage is retried at least this often. */
  writeRetryMaxMs: 5_000,
  /** Bytes of updates per doc waiting for storage; beyond it new edits are refused (clients keep them and resend). */
  maxPendingBytesPerDoc: 8 * 1024 * 1024,
  /** Bytes queued for one client beyond which it is too slow to follow and is closed with 1013 (it resyncs on reconnect). */
  maxSendBufferBytes: 16 * 1024 * 1024,
  /** Ping period; a connection that misses one pong is terminated, so dead tabs do not keep docs loaded. */
  pingIntervalMs: 30_000,
  /** On shutdown, wait at most this long for storage to take pending writes; clients still hold them. */
  shutdownFlushTimeoutMs: 10_000,
  /** A gap in a doc's seqs (another node's update not relayed yet) is read back from storage after this long: relayed messages normally arrive within a few ms. */
  relayGapWaitMs: 250,
  /** A doc load waits at most this long for Redis to confirm its subscription (so a paused Redis does not block opening notes); it re-reads storage once confirmed. */
  relaySubscribeWaitMs: 500,
  /** Observers' filtered view of a doc follows it at most this often: typing is batched, and a block marked "stays in the room" leaves the view within this time. */
  filteredViewRefreshMs: 50,
  /** Awareness client ids one connection may control: the stock provider uses one; a few allow for reconnect races. */
  maxAwarenessClientsPerConnection: 8,
} as const;

export type CollabLimits = { -readonly [K in keyof typeof COLLAB_LIMITS]: number };
