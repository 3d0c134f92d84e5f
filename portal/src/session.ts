import { useEffect, useState } from 'preact/hooks';

// Who is signed in. The gateway keeps the session in an HttpOnly cookie this code cannot read
// (gateway/sessions.ts); GET /auth/session says whose it is. Every POST the portal sends carries
// the CSRF token from the readable irm_csrf cookie in the x-csrf-token header.

export interface Session {
  signedIn: boolean;
  role: string;
  name?: string;
  email?: string;
  /** The account (acc-…) of a person signed in with e-mail and password; absent for an API key. */
  accountId?: string;
  network?: string;
  memberId?: string;
  /** Signed out because the gateway refused the session (401) while the page was open, not by its own button. */
  ended?: boolean;
}

export const signedOut: Session = { signedIn: false, role: 'anonymous' };

// One session for the whole page, asked for once; every component that shows it follows its changes.
let current: Session | undefined;
let asked = false;
const listeners = new Set<() => void>();

function setSession(session: Session) {
  current = session;
  listeners.forEach((listener) => listener());
}

/**
 * The gateway refused the session while the page was open (401: signed out elsewhere, the account archived,
 * the password changed, the working day over); it has cleared the cookies. Every component that shows the
 * session follows, and the page says why (App's notice).
 */
export function sessionEnded() {
  if (current?.signedIn) setSession({ ...signedOut, ended: true });
}

/** The page holds a session but the browser no longer has its cookies (only the CSRF cookie is readable here). */
export function sessionCookieGone(): boolean {
  return current?.signedIn === true && csrfToken() === undefined;
}

/** The session as known so far (undefined while /auth/session has not answered) and how to replace it after signing in or out. */
export function useSession(): { session: Session | undefined; setSession: (session: Session) => void } {
  const [session, update] = useState(current);
  useEffect(() => {
    const listener = () => update(current);
    listeners.add(listener);
    if (!asked) {
      asked = true;
      loadSession().then(setSession, () => setSession(signedOut));
    }
    listener();
    return () => listeners.delete(listener);
  }, []);
  return { session, setSession };
}

/** The CSRF token of this browser's session; the cookie is named __Host-irm_csrf where the portal is served over https. */
export function csrfToken(): string | undefined {
  return /(?:^|;\s*)(?:__Host-)?irm_csrf=([^;]+)/.exec(document.cookie)?.[1];
}

/** Headers every POST of the portal sends. */
export function csrfHeaders(): Record<string, string> {
  const token = csrfToken();
  return token ? { 'x-csrf-token': token } : {};
}

export async function loadSession(): Promise<Session> {
  const response = await fetch('/auth/session');
  if (response.ok) return (await response.json()) as Session;
  // 401: the cookie held a session the gateway refused (and cleared): say so, as when it ends while the page is open.
  return response.status === 401 ? { ...signedOut, ended: true } : signedOut;
}

export interface SignInRefusal {
  code: string;
  field?: string;
  message: string;
  retryAfter?: number;
}

/** Signs in; the answer is the new session or why not. */
export async function signIn(email: string, password: string): Promise<Session | SignInRefusal> {
  let response: Response;
  try {
    response = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { code: 'UNREACHABLE', message: 'The portal cannot be reached.' };
  }
  const body = (await response.json().catch(() => ({}))) as Session & { errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  if (response.ok) return body;
  const error = body.errors?.[0];
  return {
    code: error?.extensions?.code ?? `HTTP ${response.status}`,
    field: error?.extensions?.field,
    message: error?.message ?? `HTTP ${response.status}`,
    retryAfter: Number(response.headers.get('retry-after')) || undefined,
  };
}

export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', headers: csrfHeaders() });
}
