import { roleAtLeast, type Role } from '../../accounts/accounts';
import type { AuthContext, Principal } from '../../http/auth';
import { forbidden, unauthenticated } from '../errors';
import type { Budget } from '../../graph/budget';
import { readsProgress } from '../../graph/dependencies';

/** The context of the domains that check who asks (accounts, documents, corrections, audit). */
export interface GuardedContext { auth?: AuthContext; keepAnswer?: () => void }

export function authOf(ctx: GuardedContext): AuthContext {
  if (!ctx.auth) throw new Error('the request has no auth context (server/http/auth.ts is not installed)');
  return ctx.auth;
}

/**
 * The progress services, once the request has been told that its answer reads the progress
 * records (graph/dependencies.ts): a kept answer is forgotten at the next record.
 */
export function progressOf(ctx: GuardedContext & { budget?: Budget }): Pick<AuthContext['services'], 'progress' | 'documentProgress'> {
  readsProgress(ctx.budget);
  return authOf(ctx).services;
}

/**
 * The principal when it may do what needs `role`; else UNAUTHENTICATED (nobody) or FORBIDDEN
 * (a role too low, or a cookie session without its CSRF token). Marks the answer personal: it is
 * never kept for the next asker.
 */
export function requireRole(ctx: GuardedContext, role: Role): Principal {
  personal(ctx);
  const { principal, csrfOk } = authOf(ctx);
  if (!principal) throw unauthenticated(`this needs an ${role} account: log in, or send Authorization: Bearer <INGEST_TOKEN>`);
  if (principal.via === 'session' && !csrfOk) {
    throw forbidden('the CSRF token is missing or wrong: send the token from GET /api/auth/me in the x-csrf-token header (reload the page if it is open in another tab)');
  }
  if (!roleAtLeast(principal.role, role)) throw forbidden(`${principal.name} has the role ${principal.role}; this needs ${role}: ask an admin`);
  return principal;
}

/** An answer that depends on who asks is not kept for the next asker (api/response-cache.ts). */
export function personal(ctx: GuardedContext): void {
  ctx.keepAnswer = undefined;
}
