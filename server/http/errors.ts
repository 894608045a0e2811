// One error handler: every failure leaves as {error:{code,message}} with the right status.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, HTTP_STATUS, type ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../log.ts';
import { sourceStack } from '../sourceStack.ts';
import { logOf } from './requestLog.ts';

export const notFoundApi: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `No such endpoint: ${req.method} ${req.path}` } });
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let code: ErrorCode = 'internal';
    let message = 'Something went wrong on our side';
    let details: Record<string, unknown> | undefined;
    if (err instanceof DomainError) {
      code = err.code;
      message = err.message;
      details = err.details;
    } else if (err?.type === 'entity.too.large') {
      code = 'payload_too_large';
      message = 'Request body too large';
    } else if (err?.type === 'entity.parse.failed' || err?.type === 'encoding.unsupported' || err?.status === 400) {
      code = 'bad_request';
      message = 'Body is not valid JSON';
    } else {
      logOf(res, log).error('request failed', { method: req.method, err: sourceStack(err) });
    }
    if (res.headersSent) return;
    // A throttled request says when to come back (login throttling, server/auth/loginThrottle.ts).
    if (code === 'rate_limited' && typeof details?.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(details.retryAfterSeconds));
    res.status(HTTP_STATUS[code]).json({ error: { code, message, ...(details ? { details } : {}) } });
  };
}
