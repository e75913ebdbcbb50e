/**
 * The browser's one door to the server: every same-origin call under /api goes through `request`
 * (a Response, for binary payloads and event streams) or `requestJson` (the parsed body). Both send
 * the session cookie, add the CSRF token to every write, and turn a refusal into an ApiRequestError
 * worded in the page's language, so every screen shows refusals the same way.
 */
import { isReason, type Lang, type Reason, wordReason } from '../../../server/domain/reasons.ts';
import { sessionLost, writeHeaders } from './session.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's reason, when it gave one (server/domain/reasons.ts). */
    readonly reason: Reason | null = null,
  ) {
    super(message);
  }
}

/** The page's language, as the I18nProvider set it on <html>. */
const pageLang = (): Lang => (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');

/**
 * A failed response as an error a person can read: the server's reason (`error.reason`, see
 * server/http/errors.ts) worded here when it sent one, else its `error.message`, else the status line.
 */
export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  let message = `${response.status} ${response.statusText}`;
  let why: Reason | null = null;
  try {
    const body = (await response.json()) as { error?: { message?: string; reason?: unknown } };
    if (body.error?.message) message = body.error.message;
    if (isReason(body.error?.reason)) {
      why = body.error.reason;
      message = wordReason(why, pageLang()) ?? message;
    }
  } catch {
    // Not JSON (a proxy's error page, an empty body): keep the status line.
  }
  return new ApiRequestError(response.status, message, why);
}

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  /** Sent as JSON with its content type. */
  json?: unknown;
  /** Sent as it is: FormData for uploads. */
  body?: BodyInit;
}

/** Asking who is signed in, or signing in, answers 401 without a session having been lost. */
const SESSION_PATHS = new Set(['/api/auth/me', '/api/auth/login']);

/** Fetches path and answers the response if it is ok; throws ApiRequestError if not. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const { json, body, ...init } = options;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (method !== 'GET' && method !== 'HEAD') for (const [k, v] of Object.entries(writeHeaders())) headers.set(k, v);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(path, {
    ...init,
    method,
    headers,
    credentials: 'same-origin',
    ...(json !== undefined ? { body: JSON.stringify(json) } : body !== undefined ? { body } : {}),
  });
  if (response.ok) return response;
  const error = await errorFromResponse(response);
  if (response.status === 401 && !SESSION_PATHS.has(path.split('?')[0] ?? path)) sessionLost();
  throw error;
}

/**
 * The parsed JSON body (undefined for 204). T is not checked here: it should be a type inferred
 * from the route's response schema (server/http/schemas/wire.ts), which the server's handlers are
 * typed against; the browser does not validate again.
 */
export async function requestJson<T>(path: string, options?: RequestOptions): Promise<T> {
  const response = await request(path, options);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
