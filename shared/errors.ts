// Error codes shared by HTTP responses and socket acks: {error:{code,message}}.
export const ERROR_CODES = [
  'bad_request', // payload failed validation
  'unauthenticated', // no or expired session
  'forbidden', // authenticated but not allowed
  'not_found',
  'conflict', // e.g. email already registered, setup already done
  'invalid_credentials',
  'invite_expired',
  'invite_used',
  'group_full', // 13th company
  'rate_limited',
  'protocol_mismatch',
  'unknown_event',
  'illegal_command', // reducer refused: e.g. next past the end
  'not_facilitator',
  'meeting_not_live',
  'meeting_ended',
  'payload_too_large',
  'unsupported_media', // a file that cannot be shown on the wall (not an image or a PDF by its bytes)
  'unavailable', // a dependency (storage, Redis) is unreachable, or the server is shutting down
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable specifics, e.g. {errors:[{line,message}]} for a refused CSV import. */
  details?: Record<string, unknown>;
}

export interface ErrorBody {
  error: ApiError;
}

/** Thrown by services; transports turn it into an HTTP status or an ack. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  invite_expired: 410,
  invite_used: 410,
  group_full: 409,
  rate_limited: 429,
  protocol_mismatch: 400,
  unknown_event: 400,
  illegal_command: 409,
  not_facilitator: 403,
  meeting_not_live: 409,
  meeting_ended: 409,
  payload_too_large: 413,
  unsupported_media: 415,
  unavailable: 503,
  internal: 500,
};
