import { expect } from 'vitest';

// A browser's part of a portal session, for tests that sign in over plain fetch: the cookies the
// gateway sets (Set-Cookie), sent back in a Cookie header, and the CSRF token read from its cookie.

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case (httponly, samesite, …) with their values ('' for flags). */
  attributes: Map<string, string>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair, ...rest] = header.split(';');
  const at = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const attribute of rest) {
    const [name, ...value] = attribute.trim().split('=');
    attributes.set(name.toLowerCase(), value.join('='));
  }
  return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim(), attributes };
}

export interface SignInAnswer {
  status: number;
  headers: Headers;
  body: any;
  cookies: SetCookie[];
  /** The Cookie header a browser would send back; empty when no cookie was set. */
  cookie: string;
  /** The value of the (readable) CSRF cookie. */
  csrf: string | undefined;
}

/** POSTs JSON to a gateway route (such as /auth/login) and keeps what a browser would of the answer. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const cookies = response.headers.getSetCookie().map(parseSetCookie);
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
    cookies,
    cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: cookies.find((c) => c.name.endsWith('irm_csrf'))?.value,
  };
}

/** Creates a portal account through the graph with `token` (admin, or the member's office). */
export async function createAccount(
  stack: { query(body: { query: string; variables?: Record<string, unknown> }, token?: string): Promise<any> },
  token: string,
  input: Record<string, unknown>,
) {
  const result = await stack.query({ query: 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', variables: { input } }, token);
  expect(result.errors).toBeUndefined();
}
