/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages never
 * send it), Secure over https or when the operator says so, and scoped to the whole origin.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'greenline_session';

const secure = (c: Context, always: boolean) => always || new URL(c.req.url).protocol === 'https:';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date, alwaysSecure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(c, alwaysSecure),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, alwaysSecure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: secure(c, alwaysSecure) });
}
