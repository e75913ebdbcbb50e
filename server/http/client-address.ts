/**
 * Who is asking, as an address: the connecting socket's, or — when that socket belongs to a proxy
 * the operator trusts (GREENLINE_TRUSTED_PROXIES) — the client the proxy names in
 * X-Forwarded-For, read from the right and skipping further trusted proxies. A header from anyone
 * else is ignored: a client cannot choose its own address to dodge a limit or frame another.
 */
import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type TrustedProxies = (address: string) => boolean;

/** "127.0.0.1, 10.0.0.0/8, ::1": exact addresses and IPv4 CIDR blocks. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const entries = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const exact = new Set<string>();
  const blocks: { base: number; mask: number }[] = [];
  for (const entry of entries) {
    const [ip, bits] = entry.split('/');
    if (bits === undefined) {
      exact.add(normalise(entry));
      continue;
    }
    const base = ipv4(ip ?? '');
    const n = Number(bits);
    if (base === null || !Number.isInteger(n) || n < 0 || n > 32) {
      throw new Error(`GREENLINE_TRUSTED_PROXIES: "${entry}" is neither an address nor an IPv4 CIDR block such as 10.0.0.0/8`);
    }
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    blocks.push({ base: (base & mask) >>> 0, mask });
  }
  return (address) => {
    const a = normalise(address);
    if (exact.has(a)) return true;
    const v4 = ipv4(a);
    return v4 !== null && blocks.some((b) => (v4 & b.mask) >>> 0 === b.base);
  };
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function ipv4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

export function socketAddress(c: Context): string {
  try {
    return normalise(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // Requests made with app.request() in tests have no socket.
    return 'unknown';
  }
}

export function clientAddress(c: Context, trusted: TrustedProxies): string {
  return forwardedClient(socketAddress(c), c.req.header('x-forwarded-for'), trusted);
}

/** The same, from a Node request (the server's frozen-file lane answers before Hono sees it). */
export function nodeClientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  const forwarded = req.headers['x-forwarded-for'];
  return forwardedClient(
    normalise(req.socket.remoteAddress ?? 'unknown'),
    Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trusted,
  );
}

function forwardedClient(socket: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let address = socket;
  if (!trusted(address)) return address;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((s) => normalise(s.trim()))
    .filter(Boolean);
  while (forwarded.length > 0 && trusted(address)) address = forwarded.pop() as string;
  return address;
}

/** Whether the request reached us over HTTPS: directly, or through a trusted proxy that says so. */
export function isHttps(
  request: { url: string; forwardedProto: string | undefined; socket: string },
  trusted: TrustedProxies,
  configured: boolean,
): boolean {
  if (configured || request.url.startsWith('https:')) return true;
  return request.forwardedProto === 'https' && trusted(request.socket);
}
