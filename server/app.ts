// Wires config -> storage -> services -> transports onto one HTTP server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultOrigins, type Config } from './config.ts';
import { createHttpApp } from './http/app.ts';
import type { DestinationStream } from 'pino';
import { createLogger, type Logger } from './log.ts';
import type { ReadinessCheck } from './http/routes/ops.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { parseMeetingRoom } from '../shared/protocol.ts';
import { attachCollab } from './collab/index.ts';
import { attachMeetingChannel } from './realtime/meetingChannel.ts';
import { signedInFromCookieHeader } from './auth/sessions.ts';
import { sessionSockets, type SessionSockets } from './realtime/sessionSockets.ts';
import { onMeetingEnded } from './services/meetingEnd.ts';
import { authorizeDoc } from './services/notesAccess.ts';
import { docIndexer } from './services/searchIndex.ts';
import { createLiveAccess, type LiveAccess } from './services/liveAccess.ts';
import { noRecordsNotifier, type RecordsNotifier } from './services/recordsNotifier.ts';
import { mailJobRunner } from './mail/jobs.ts';
import { createMailer } from './mail/mailer.ts';
import { createMailQueue, kickOnSchedule, type MailQueue } from './mail/queue.ts';
import { smtpTransport } from './mail/transport.ts';
import { openStorage } from './storage/index.ts';
import type { Storage } from './storage/types.ts';
import { trackUnusedConnections } from './http/unusedConnections.ts';

export interface RunningServer {
  server: http.Server;
  storage: Storage;
  port: number;
  origin: string;
  log: Logger;
  metrics: Metrics;
  /** The mail worker: stop() drains nothing new and waits for the send in flight; counts() for metrics. */
  mail: MailQueue;
  /** Live access (services/liveAccess.ts): applies a rights change or a kick to open connections on every node. */
  live: LiveAccess;
  /** Stops accepting, flushes pending writes, closes storage. */
  close(): Promise<void>;
}

/** In-process options, for tests only. */
export interface ServerOptions {
  /** The clock of login throttling (tests move it instead of waiting). */
  now?: () => number;
  /** The clock the meeting reducer is given, so a test can run a meeting over two days. */
  meetingClock?: () => number;
  /** Where log lines go instead of stdout (tests read them). */
  logTo?: DestinationStream;
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const log = createLogger(config.logLevel, options.logTo);
  const metrics = createMetrics();
  // Scheduling a mail job wakes the mail worker (it sleeps until the next due time).
  let mailQueue: MailQueue | null = null;
  const storage = kickOnSchedule(
    metrics.instrument(await openStorage({ databaseUrl: config.databaseUrl, sqliteFile: `${config.dataDir}/peerboard.sqlite`, log: (msg, fields) => log.warn(msg, fields) })),
    () => mailQueue?.kick(),
  );
  let draining = false;
  // Readiness: storage answers a trivial query (Redis is pushed below when configured).
  const checks: ReadinessCheck[] = [{ name: 'storage', check: () => storage.countUsers() }];
  const ops = { checks, draining: () => draining, registry: metrics.registry, metricsToken: config.metricsToken, log };
  const server = http.createServer();
  const connections = trackUnusedConnections(server);
  // Origins are known only once the port is (port 0 in tests), so the list is filled after listen.
  const allowedOrigins: string[] = [...config.publicOrigins];
  const secureCookies = config.publicOrigins.some((o) => o.startsWith('https:'));
  // Scale-out (REDIS_URL): the socket.io adapter and the collab relay share these connections.
  // Loaded only when configured: a single node does not carry the Redis client (about 20 MB).
  const redis = config.redisUrl ? await (await import('./redis.ts')).connectRedis(config.redisUrl, log) : null;
  const relay = redis ? (await import('./collab/redisRelay.ts')).redisDocRelay(redis.pub, redis.relaySub, (msg, meta) => log.warn(msg, meta)) : undefined;

  // socket.io must attach after the HTTP app's request handler (it wraps it), so the app's
  // records notices go through a forwarder that points at the channel once it exists.
  // The public origin is known after listen (port 0 in tests); links in mails are built later.
  let publicOrigin = config.publicOrigins[0] ?? `http://localhost:${config.port}`;
  const mailer = createMailer({ sending: Boolean(config.smtpUrl), origin: () => publicOrigin, kick: () => mailQueue?.kick() });
  mailQueue = createMailQueue({
    storage,
    transport: config.smtpUrl ? await smtpTransport(config.smtpUrl, config.mailFrom) : null,
    log,
    runJob: mailJobRunner(mailer),
    // One node hears of every job it schedules; several must also look for each other's.
    fallbackMs: redis ? config.mailPollMs : null,
    retryBaseMs: config.mailRetryBaseMs,
  });
  const mail = mailQueue;

  let notifier: RecordsNotifier = noRecordsNotifier;
  const records: RecordsNotifier = { changed: (groupId, kind) => notifier.changed(groupId, kind) };
  // Rights changes reach open connections on every node (the access channel rides on relaySub).
  const live = createLiveAccess(log, redis ? { pub: redis.pub, sub: redis.relaySub } : undefined);
  // Like records: the sockets to close when sessions end exist only once the channel does.
  let closer: SessionSockets | null = null;
  const endedSessions: SessionSockets = { ended: (ids) => closer?.ended(ids) };
  const app = createHttpApp({ storage, records, mailer, live, allowedOrigins, secureCookies, log, ops, sessionSockets: endedSessions, now: options.now, clientDir: config.serveClient ? config.clientDir : null });
  server.on('request', app);
  const channel = attachMeetingChannel(server, {
    storage,
    allowedOrigins,
    log,
    onCommand: metrics.command,
    clustered: redis !== null,
    commandSaveDelayMs: config.testCommandSaveDelayMs,
    now: options.meetingClock,
  });
  const { io } = channel;
  notifier = channel.records;
  const meetingEnded = onMeetingEnded({ storage, records });
  channel.rooms.onEnded((meetingId) =>
    meetingEnded(meetingId).catch((e: unknown) => log.error('end-of-meeting carry-over failed', { meetingId, err: String(e) })),
  );
  const indexer = docIndexer(storage, (msg, meta) => log.warn(msg, meta));
  const collab = attachCollab(server, {
    onStored: indexer.onStored,
    storage,
    allowedOrigins,
    authenticate: async (req) => {
      const signedIn = await signedInFromCookieHeader(storage, req.headers.cookie);
      return signedIn && { userId: signedIn.user.id, sessionId: signedIn.session.id };
    },
    authorizeDoc: (userId, doc) => authorizeDoc(storage, userId, doc),
    log: (msg, meta) => log.warn(msg, meta),
    onRefused: metrics.refused,
  }, {
    limits: config.collabLimits,
    relay,
  });
  live.attach({ recheckUser: (userId) => collab.recheck(userId), kickUser: (userId) => collab.kick(userId) });
  live.attach(channel.access);
  closer = sessionSockets(io, collab, Boolean(redis));
  metrics.setMailCounts(() => mail.counts());
  metrics.setLive({
    meetingRooms: () => [...io.of('/').adapter.rooms.keys()].filter((r) => parseMeetingRoom(r) !== null).length,
    meetingSockets: () => io.engine.clientsCount,
    collabSockets: () => collab.connectionCount(),
    docsLoaded: () => collab.docCount(),
  });

  const closers: (() => Promise<void>)[] = [];
  if (redis) {
    const { createAdapter } = await import('@socket.io/redis-adapter');
    io.adapter(createAdapter(redis.pub, redis.sub));
    checks.push({ name: 'redis', check: () => redis.pub.ping() });
    closers.push(async () => {
      relay?.stop();
      await redis.close();
    });
    log.info('redis on: socket.io adapter and collab relay');
  }

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  if (config.publicOrigins.length === 0) allowedOrigins.push(...defaultOrigins(port));
  const origin = config.publicOrigins[0] ?? `http://localhost:${port}`;
  publicOrigin = origin;
  mail.start();
  // pino's base fields already carry the pid.
  log.info('peerboard listening', { port, origin, storage: config.databaseUrl ? 'postgres' : 'sqlite' });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      draining = true;
      // Stop accepting first: the listener closes, idle keep-alive and never-used connections go.
      server.close();
      server.closeIdleConnections();
      connections.closeUnused();
      io.disconnectSockets(true);
      await mail.stop();
      // Collab first: it flushes every pending document write to storage before we close it.
      await collab.close();
      await indexer.flush();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      for (const c of closers) await c();
      server.closeAllConnections();
      await storage.close();
    })());
  return { server, storage, port, origin, log, metrics, mail, live, close };
}
