import { useRef } from 'preact/hooks';
import type { GraphQLErrorLike } from './graphql.ts';

/**
 * Whether a write's answer leaves it possibly applied: the portal could not reach the graph, or the server could not
 * confirm it (extensions.writeOutcome UNKNOWN, README "Retrying a write").
 */
export function mayHaveBeenApplied(errors: readonly GraphQLErrorLike[]): boolean {
  return errors.some((e) => e.extensions?.code === 'UNREACHABLE' || e.extensions?.writeOutcome === 'UNKNOWN');
}

/**
 * The idempotency keys of a page's writes, one per write (a form, or a button of a list's item): a press after an
 * answer that leaves the write possibly applied sends the same key again, and the server applies it once; after any
 * other answer the next press is a new write with a new key. With a new key on every press, an office that pressed
 * again after NIWE's timeout created the member twice.
 */
export function useIdempotencyKeys() {
  const keys = useRef(new Map<string, string>());
  return {
    /** The key to send for this write. */
    of(write = 'form'): string {
      let key = keys.current.get(write);
      if (!key) {
        key = crypto.randomUUID();
        keys.current.set(write, key);
      }
      return key;
    },
    /** After the answer: the key stays for a retry while the write may have been applied, else the next press gets a new one. */
    settle(write: string, errors: readonly GraphQLErrorLike[]) {
      if (!mayHaveBeenApplied(errors)) keys.current.delete(write);
    },
  };
}
