// Identical subgraph reads that are in flight at the same moment share one
// request: under load many clients ask for the same page, and each extra copy
// would cost the subgraph the same SQL again. The caller builds the key from
// everything that makes two requests the same (subgraph, identity, body), so
// callers only share answers meant for the same identity; it shares reads only.

export interface InFlight<T> {
  /** The answer of the request under `key` already in flight, or of `start()` if there is none. */
  run(key: string, start: () => Promise<T>): Promise<T>;
  /** Requests answered by another's call so far. */
  shared(): number;
}

export function inFlight<T>(): InFlight<T> {
  const pending = new Map<string, Promise<T>>();
  let shared = 0;
  return {
    run(key, start) {
      const running = pending.get(key);
      if (running) {
        shared++;
        return running;
      }
      const started = start().finally(() => pending.delete(key));
      pending.set(key, started);
      return started;
    },
    shared: () => shared,
  };
}
