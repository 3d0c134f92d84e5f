import type { ComponentChildren } from 'preact';
import { signInHref, useRoute } from '../router.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';

/**
 * What a signed-in area (/geschaeftsstelle, /mein-unternehmen) shows instead of its page: not found for a
 * path it does not have, loading while the session is asked for, and to a visitor who may not use it why,
 * with a sign-in link that comes back to this page. `session` when the page may be shown.
 */
export function useAreaGate<S extends Session>(
  heading: string | undefined,
  session: Session | undefined,
  allowed: (session: Session) => session is S,
  text: { notAllowed: string; signInFirst: string },
): { page: ComponentChildren } | { session: S } {
  const { t } = useLocale();
  const route = useRoute();
  if (!heading)
    return {
      page: (
        <>
          <h1>{t.notFoundHeading}</h1>
          <p>{t.notFoundText}</p>
        </>
      ),
    };
  if (!session)
    return {
      page: (
        <>
          <h1>{heading}</h1>
          <p aria-busy="true">{t.loading}</p>
        </>
      ),
    };
  if (session.signedIn && allowed(session)) return { session };
  return {
    page: (
      <>
        <h1>{heading}</h1>
        <p>{session.signedIn ? text.notAllowed : text.signInFirst}</p>
        {!session.signedIn && (
          <p>
            <a href={signInHref(route)}>{t.navSignIn}</a>
          </p>
        )}
      </>
    ),
  };
}
