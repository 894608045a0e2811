// Operator endpoints: liveness, readiness, Prometheus metrics.
//   GET /api/health  the process answers (no dependency is touched): for "restart if dead".
//   GET /api/ready   every dependency answers within READY_CHECK_TIMEOUT_MS, and the server is
//                    not draining: for "send traffic here". 503 otherwise.
//   GET /metrics     Prometheus text format; with METRICS_TOKEN set, only with
//                    `Authorization: Bearer <token>`; without it, only from this machine
//                    (loopback, and not relayed by a local proxy).
import { timingSafeEqual } from 'node:crypto';
import express, { type Request } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../../log.ts';

/** A dependency that cannot answer a trivial query in 2 s is not serving users either. */
export const READY_CHECK_TIMEOUT_MS = 2_000;

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (or hangs) when it does not. */
  check(): Promise<unknown>;
}

export interface OpsDeps {
  checks: ReadinessCheck[];
  draining(): boolean;
  registry: Registry;
  metricsToken: string | undefined;
  log: Logger;
}

function withTimeout(p: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function mayScrape(req: Request, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  // A local reverse proxy also connects from loopback: what it relays carries a forwarding header.
  const relayed = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && !relayed;
}

/** /api/health and /api/ready, mounted on the API router. */
export function healthRoutes(deps: OpsDeps): express.Router {
  const r = express.Router();
  r.get('/health', (_req, res) => res.json({ ok: true }));
  r.get('/ready', async (_req, res) => {
    if (deps.draining()) {
      res.status(503).json({ error: { code: 'unavailable', message: 'shutting down' }, checks: {} });
      return;
    }
    const results = await Promise.allSettled(deps.checks.map((c) => withTimeout(c.check(), READY_CHECK_TIMEOUT_MS)));
    const checks: Record<string, 'ok' | 'down'> = {};
    results.forEach((r, i) => {
      const name = deps.checks[i]!.name;
      checks[name] = r.status === 'fulfilled' ? 'ok' : 'down';
      if (r.status === 'rejected') deps.log.warn('readiness check failed', { check: name, err: String(r.reason) });
    });
    const down = Object.keys(checks).filter((k) => checks[k] === 'down');
    if (down.length === 0) res.json({ ok: true, checks });
    else res.status(503).json({ error: { code: 'unavailable', message: `unreachable: ${down.join(', ')}` }, checks });
  });
  return r;
}

/** GET /metrics, mounted at the root (where Prometheus looks by default). */
export function metricsRoute(deps: OpsDeps): express.RequestHandler {
  return (req, res, next) => {
    if (!mayScrape(req, deps.metricsToken)) {
      res.status(403).json({ error: { code: 'forbidden', message: deps.metricsToken ? 'metrics need the bearer token' : 'metrics are served to this machine only' } });
      return;
    }
    deps.registry.metrics().then((text) => {
      res.setHeader('Content-Type', deps.registry.contentType);
      res.send(text);
    }, next);
  };
}
