import { timingSafeEqual } from 'node:crypto';
import type { GitHttpServerAuth } from './GitHttpServer.ts';

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Returns the authenticated user name, or undefined when the request must be refused. */
export function authenticate(
  header: string | undefined,
  auth: GitHttpServerAuth | undefined,
): string | undefined {
  if (!auth) return 'anonymous';
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if ('token' in auth) {
    if (scheme.toLowerCase() === 'bearer') {
      return safeEqual(value, auth.token) ? 'token' : undefined;
    }
    if (scheme.toLowerCase() === 'basic') {
      // Hosts commonly accept a token as the Basic password too.
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const password = decoded.slice(decoded.indexOf(':') + 1);
      return safeEqual(password, auth.token) ? 'token' : undefined;
    }
    return undefined;
  }
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return safeEqual(user, auth.username) && safeEqual(password, auth.password)
    ? user
    : undefined;
}
