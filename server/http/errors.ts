/**
 * JSON errors: `{"error": {"code", "message"}}`, a 4xx for the caller's mistakes and a 500 without
 * a stack trace for ours. Handlers throw ApiError; validation failures become 400 in the hook.
 */

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { inEnglish, type Reason, reason } from '../domain/reasons.ts';
import { Refusal } from '../domain/refusal.ts';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'internal';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly code: ErrorCode = CODE_OF_STATUS[status] ?? 'internal',
    readonly details?: unknown,
    /** Why, as a key the UI words in its language (domain/reasons.ts); the message is its English. */
    readonly reason?: Reason,
  ) {
    super(message);
  }

  /** A refusal whose message is the reason's English wording. */
  static because(status: ContentfulStatusCode, reason: Reason, details?: unknown): ApiError {
    return new ApiError(status, inEnglish(reason), undefined, details, reason);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown, reason?: Reason) {
  return { error: { code, message, ...(details === undefined ? {} : { details }), ...(reason ? { reason } : {}) } };
}

/** Names the parameter, the value received and what was wrong, for each issue zod found. */
export function describeValidation(error: ZodError, input: Record<string, unknown>): string {
  return error.issues
    .map((issue) => {
      const name = issue.path.join('.') || '(body)';
      const head = issue.path[0];
      const value = head === undefined ? undefined : input[String(head)];
      const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
      return `${name}: ${issue.message}${got}`;
    })
    .join('; ');
}

/** A 400 for what zod refused: the English names every issue, the reason the fields. */
export function invalidRequest(error: ZodError, input: Record<string, unknown>, prefix = ''): ApiError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(body)'))].join(', ');
  return ApiError.because(400, reason('http_invalid_request', { fields, detail: `${prefix}${describeValidation(error, input)}` }));
}

export function onError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details, error.reason), error.status);
  if (error instanceof Refusal) {
    return c.json(errorBody(CODE_OF_STATUS[error.status] ?? 'bad_request', error.message, error.details, error.reason), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(CODE_OF_STATUS[status] ?? 'internal', error.message || 'request failed'), status);
  }
  console.error(`[greenline] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(errorBody('internal', 'internal error; the server log has the details'), 500);
}
