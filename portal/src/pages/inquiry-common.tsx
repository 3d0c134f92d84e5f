import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../graphql.ts';
import type { Operation } from '../operations.ts';
import { paths, useRoute } from '../router.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import type { QueryState } from '../use-query.ts';
import { useInquiryText } from './inquiry-messages.ts';

// What the inquiry pages share: a query that can run again, who may create inquiries, and the sign-in hint.

/** Runs an operation as useQuery does, and again when `reload` is called (after an upload, say). */
export function useReloadable<Data, Variables>(op: Operation<Data, Variables>, variables: Variables | undefined): QueryState<Data> & { reload: () => void } {
  const key = variables === undefined ? undefined : JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<QueryState<Data>>({ loading: key !== undefined, data: null, errors: [] });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round runs the operation again (reload)
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    request(op, JSON.parse(key) as Variables, controller.signal).then(
      (result) => setState({ ...result, loading: false }),
      (error: Error) => error.name !== 'AbortError' && setState({ loading: false, data: null, errors: [{ message: error.message }] }),
    );
    return () => controller.abort();
  }, [op, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

/** Who makes inquiries in the portal: customers (role partner), members and offices for their customers, admin. */
export const mayCreateInquiry = (session: Session) => ['partner', 'member', 'office', 'admin'].includes(session.role);

/** What a signed-out visitor sees on an inquiry page: the heading and a way to sign in that returns here. */
export function SignInFirst({ heading }: { heading: string }) {
  const text = useInquiryText();
  const { t } = useLocale();
  const route = useRoute();
  return (
    <>
      <h1>{heading}</h1>
      <p>{text.signInFirst}</p>
      <p>
        <a href={`${paths.signIn}?weiter=${encodeURIComponent(route.path)}`}>{t.navSignIn}</a>
      </p>
    </>
  );
}
