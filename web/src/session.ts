import { useSyncExternalStore } from 'react';

/**
 * Who is logged in, and the CSRF token the server gave the session: every POST from a logged-in
 * page carries it (x-csrf-token), or the server refuses the write.
 */
export type AccountRole = 'viewer' | 'editor' | 'admin';
export interface SessionUser { name: string; role: AccountRole }
interface SessionState { user: SessionUser | null; csrfToken: string | null; readRequiresLogin: boolean; known: boolean }

let state: SessionState = { user: null, csrfToken: null, readRequiresLogin: false, known: false };
const listeners = new Set<() => void>();

function set(next: Partial<SessionState>): void {
  state = { ...state, ...next, known: true };
  for (const l of listeners) l();
}

export const csrfHeaders = (): Record<string, string> => (state.csrfToken ? { 'x-csrf-token': state.csrfToken } : {});
export const sessionUser = () => state.user;
export const atLeast = (user: SessionUser | null, role: AccountRole) =>
  !!user && ['viewer', 'editor', 'admin'].indexOf(user.role) >= ['viewer', 'editor', 'admin'].indexOf(role);

export async function refreshSession(): Promise<void> {
  try {
    const res = await fetch('/api/auth/me', { cache: 'no-store' });
    const body = (await res.json()) as { user: SessionUser | null; csrfToken: string | null; readRequiresLogin: boolean };
    set({ user: body.user, csrfToken: body.csrfToken, readRequiresLogin: body.readRequiresLogin });
  } catch {
    set({});
  }
}

/** Log in; answers the server's reason when refused (wrong password, too many attempts). */
export async function login(name: string, password: string): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  let res: Response;
  try {
    res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  } catch {
    return { ok: false, code: 'NETWORK', message: 'network' };
  }
  const body = (await res.json().catch(() => ({}))) as { user?: SessionUser; csrfToken?: string; error?: { code: string; message: string } };
  if (!res.ok || !body.user) return { ok: false, code: body.error?.code ?? `HTTP_${res.status}`, message: body.error?.message ?? `HTTP ${res.status}` };
  set({ user: body.user, csrfToken: body.csrfToken ?? null });
  return { ok: true };
}

export async function logout(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', headers: csrfHeaders() }).catch(() => undefined);
  set({ user: null, csrfToken: null });
}

let asked = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!asked) {
    asked = true;
    void refreshSession();
  }
  return () => void listeners.delete(listener);
}

/**
 * The session as a React external store: a component that first renders before the answer to
 * /api/auth/me and subscribes after it still sees it (with useState + useEffect it kept the
 * logged-out state it rendered with: an editor's correction list stayed empty after a reload).
 */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}
