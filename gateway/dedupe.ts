import { identityHeader } from '../shared/identity.ts';
import type { SignedFetchInit } from '../shared/signature.ts';

// Identical subgraph reads that are in flight at the same moment share one
// request: under load many clients ask for the same page, and each extra copy
// would cost the subgraph the same SQL again. The key includes the identity
// header, so callers only share answers meant for the same identity; writes
// are never shared.

type Fetch = (url: string, init: SignedFetchInit) => Promise<Response>;

interface Settled {
  status: number;
  headers: [string, string][];
  body: string;
}

function isRead(body: string | undefined): boolean {
  if (!body) return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && !/^\s*(mutation|subscription)\b/.test(query);
  } catch {
    return false;
  }
}

export function deduplicating(fetcher: Fetch): Fetch & { shared: () => number } {
  const inFlight = new Map<string, Promise<Settled>>();
  let shared = 0;
  const fetchOnce: Fetch = async (url, init) => {
    if (!isRead(init.body)) return fetcher(url, init);
    const identity = Object.entries(init.headers ?? {}).find(([name]) => name.toLowerCase() === identityHeader)?.[1] ?? '';
    const key = `${url}\n${identity}\n${init.body}`;
    let pending = inFlight.get(key);
    if (pending) shared++;
    else {
      pending = fetcher(url, init)
        .then(async (response) => ({ status: response.status, headers: [...response.headers], body: await response.text() }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const settled = await pending;
    return new Response(settled.body, { status: settled.status, headers: settled.headers });
  };
  return Object.assign(fetchOnce, { shared: () => shared });
}
