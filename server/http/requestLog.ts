// One log line per HTTP request, with a request id that is also returned as X-Request-Id (and
// taken from a proxy's X-Request-Id when it looks like one), so a user's report, the proxy's log
// and ours meet. The path is the route's pattern, never the raw URL: invite tokens and
// calendar-feed secrets live in URLs and must not reach the log.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log.ts';

/**
 * Probes a balancer or a scraper repeats every few seconds (HAProxy checks each node every
 * second: 86,400 lines a day per node). Answered with a success they are logged at debug, so the
 * log at info holds what people did; a failed probe is logged at info like any request.
 */
const PROBE_ROUTES: ReadonlySet<string> = new Set(['/api/health', '/api/ready', '/metrics']);

/** A proxy's id is reused only when it is short and plain: it is echoed into headers and logs. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** What the line names: the matched route's pattern, or the kind of thing that was served. */
function routeOf(req: Request, res: Response): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string') return req.baseUrl + pattern;
  if (pattern !== undefined) return '(app shell)'; // the client-routes fallback: its path may hold an invite token
  if (!req.originalUrl.startsWith('/api/')) return '(static file)';
  // Refused before any route matched: a body that is not JSON or too large, a foreign origin.
  return res.statusCode === 404 ? '(no such endpoint)' : '(refused before routing)';
}

export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers['x-request-id'];
    const reqId = typeof header === 'string' && FORWARDED_ID.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', reqId);
    const reqLog = log.child({ reqId });
    res.locals.log = reqLog;
    const started = performance.now();
    res.on('finish', () => {
      const user = res.locals.user as { id: string } | null | undefined;
      const route = routeOf(req, res);
      const quiet = PROBE_ROUTES.has(route) && res.statusCode < 400;
      reqLog[quiet ? 'debug' : 'info']('request', {
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(user ? { userId: user.id } : {}),
      });
    });
    next();
  };
}

/** The request's logger (with its id), for handlers and the error handler. */
export const logOf = (res: Response, fallback: Logger): Logger => (res.locals.log as Logger | undefined) ?? fallback;
