import type { Operation } from './operations.ts';
import { csrfHeaders, sessionEnded, sessionCookieGone, signOut } from './session.ts';

// The portal's GraphQL client: one POST per operation to the gateway it is served by, naming the
// operation by its hash in the persisted-operation manifest the build registered it in
// (portal/persisted-operations.ts); the gateway loads that manifest and runs the text it holds.

/** Each operation's id (hex SHA-256 of its text) by name, put in by the build (portal/vite.config.ts). */
declare const __PERSISTED_OPERATION_IDS__: Readonly<Record<string, string>>;

export interface GraphQLErrorLike {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; network?: string; [key: string]: unknown };
}

export interface Result<Data> {
  data: Data | null;
  errors: GraphQLErrorLike[];
}

export async function request<Data, Variables>(
  op: Operation<Data, Variables>,
  variables: Variables,
  signal?: AbortSignal,
  retried = false,
): Promise<Result<Data>> {
  const sha256Hash = __PERSISTED_OPERATION_IDS__[op.name];
  if (!sha256Hash) throw new Error(`The portal's build registered no operation ${op.name}: export it from operations.ts and build again.`);
  const write = !op.text.startsWith('query');
  // Signed out in another tab of this browser, or the cookies expired with the working day: no 401 comes, the
  // request simply goes out anonymous. A read turns the page signed out; a write goes out and is refused as
  // anonymous, and its page keeps what was typed, with the error at the form.
  if (sessionCookieGone() && !write) sessionEnded();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ operationName: op.name, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return { data: null, errors: [{ message: 'The graph cannot be reached.', extensions: { code: 'UNREACHABLE' } }] };
  }
  // 401 is the gateway refusing the session cookie (the portal sends no other credentials). Signing out clears
  // the cookies however the gateway refused them (a token of another key is refused but not cleared), so the
  // next request is anonymous. After a read the page turns signed out, and the read runs once more without the
  // session, so a public page still shows its answer and a signed-in one says to sign in rather than showing an
  // error. A write is not sent again (it was meant to be the person's), and its page stays as it is, with what
  // was typed and the error at the form; the page turns signed out with the next read.
  if (response.status === 401 && !retried) {
    await signOut().catch(() => {});
    if (!write) {
      sessionEnded();
      return request(op, variables, signal, true);
    }
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Data | null; errors?: GraphQLErrorLike[] };
  // Cancelled while the body came, the read failed for that, not for an unreadable body: the caller asked for no answer.
  signal?.throwIfAborted();
  // A body over the gateway's limit (1 MiB, shared/http.ts) is refused before GraphQL with its English message and code
  // BAD_REQUEST, which no page words: the portal's own code REQUEST_TOO_LARGE says it in the page's language, and a
  // page that sends a file (the member import) can say what to do with it. A proxy's 413 without JSON is the same.
  if (response.status === 413) {
    const refused = body.errors?.[0];
    return { data: null, errors: [{ message: refused?.message ?? 'HTTP 413', extensions: { ...refused?.extensions, code: 'REQUEST_TOO_LARGE' } }] };
  }
  return { data: body.data ?? null, errors: body.errors ?? (response.ok ? [] : [{ message: `HTTP ${response.status}`, extensions: { code: 'HTTP' } }]) };
}

/** Networks whose part of the answer is missing (NETWORK_UNAVAILABLE); the rest of the answer is still shown. */
export function unavailableNetworks(errors: GraphQLErrorLike[]): string[] {
  return [...new Set(errors.filter((e) => e.extensions?.code === 'NETWORK_UNAVAILABLE').map((e) => e.extensions?.network ?? '?'))];
}

/** Errors other than a missing network: the answer cannot be trusted or is absent. */
export function otherErrors(errors: GraphQLErrorLike[]): GraphQLErrorLike[] {
  return errors.filter((e) => e.extensions?.code !== 'NETWORK_UNAVAILABLE');
}
