import { navigate, paths, signInHref, useRoute } from '../router.ts';
import { signedOut, signOut, useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';

/** The header's corner: who is signed in and a sign-out button, or the link to sign in. */
export function AccountMenu() {
  const { t } = useLocale();
  const { session, setSession } = useSession();
  const route = useRoute();
  // Until /auth/session answers nothing is shown, so the header does not flicker from "sign in" to a name.
  if (!session) return null;
  if (!session.signedIn) {
    if (route.path === paths.signIn) return null;
    return (
      <a class="account-link" href={signInHref(route)}>
        {t.navSignIn}
      </a>
    );
  }
  return (
    <div class="account">
      {(session.role === 'office' || session.role === 'admin') && (
        <>
          <a class="account-link" href={paths.memberNew}>
            {t.memberNewLink}
          </a>
          <a class="account-link" href={paths.accounts}>
            {t.navAccounts}
          </a>
        </>
      )}
      {session.role === 'member' && session.memberId && (
        <a class="account-link" href={paths.myCompany}>
          {t.navMyCompany}
        </a>
      )}
      {session.accountId ? (
        <a class="account-name" href={paths.account}>
          {t.signedInAs(session.name ?? session.email ?? '')}
        </a>
      ) : (
        <span class="account-name">{t.signedInAs(session.name ?? session.email ?? '')}</span>
      )}
      <button
        type="button"
        class="sign-out"
        onClick={async () => {
          await signOut();
          setSession(signedOut);
          navigate(paths.home);
        }}
      >
        {t.signOut}
      </button>
    </div>
  );
}
