import { useCallback, useEffect, useState } from 'preact/hooks';
import { request, type Result } from './graphql.ts';
import type { Operation } from './operations.ts';

export interface QueryState<Data> extends Result<Data> {
  loading: boolean;
}

/**
 * Runs an operation whenever its variables change (compared as JSON) and cancels the one before, so a
 * quick second search never shows the first one's late answer. `variables` undefined runs nothing.
 */
export function useQuery<Data, Variables>(op: Operation<Data, Variables>, variables: Variables | undefined): QueryState<Data> {
  return useReloadable(op, variables);
}

/**
 * Runs an operation as useQuery does, and again when `reload` is called (after a write or an upload).
 * A reload that brings no data (the graph unreachable, a timeout) keeps the answer before it beside its
 * errors: the page the user just acted on stays, with the place of the keyboard, instead of going blank.
 */
export function useReloadable<Data, Variables>(op: Operation<Data, Variables>, variables: Variables | undefined): QueryState<Data> & { reload: () => void } {
  const key = variables === undefined ? undefined : JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<QueryState<Data> & { key?: string }>({ loading: key !== undefined, data: null, errors: [] });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round runs the operation again (reload)
  useEffect(() => {
    if (key === undefined) return setState({ loading: false, data: null, errors: [] });
    const controller = new AbortController();
    const settle = (result: Result<Data>) =>
      setState((previous) => ({ ...result, data: result.data ?? (previous.key === key ? previous.data : null), loading: false, key }));
    setState((previous) => ({ ...previous, loading: true }));
    request(op, JSON.parse(key) as Variables, controller.signal).then(
      settle,
      (error: Error) => error.name !== 'AbortError' && settle({ data: null, errors: [{ message: error.message }] }),
    );
    return () => controller.abort();
  }, [op, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { loading: state.loading, data: state.data, errors: state.errors, reload };
}
