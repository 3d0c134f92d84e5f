import { useRef, useState } from 'preact/hooks';
import { request } from '../graphql.ts';
import { myPasswordState, networkOffices } from '../operations.ts';
import { navigate, paths } from '../router.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import { pathAfterSignIn } from '../sign-in-path.ts';
import { signIn, useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';

type Field = 'email' | 'password';
type Errors = Partial<Record<Field | 'form', Said>>;

/**
 * E-mail and password; each error stands at its field, linked to it for screen readers, and the first field in error gets the focus.
 * Below, whom to ask for a forgotten password: the portal sends no e-mail, so the network offices reset it (named with their
 * addresses, public as on the start page; the page cannot know whose office before sign-in). A one-time password signs in to
 * "Mein Zugang", to be replaced first.
 */
export function SignInPage({ params }: { params: URLSearchParams }) {
  const { t } = useLocale();
  const { session, setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const offices = useQuery(networkOffices, session?.signedIn ? undefined : {}).data?.networks ?? [];

  if (session?.signedIn) {
    return (
      <>
        <h1>{t.signInHeading}</h1>
        <p>{t.signedInAs(session.name ?? session.email ?? '')}</p>
        <p>
          <a href={paths.home}>{t.navHome}</a>
        </p>
      </>
    );
  }

  /** Shows the errors, and moves the focus to the first field in error, whose message its screen reader then reads. */
  const fail = (next: Errors) => {
    setErrors(next);
    const first = (['email', 'password'] as const).find((f) => next[f]);
    if (first) inputs[first].current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: Errors = {};
    if (!email.trim()) missing.email = say(({ t }) => t.signInEmailMissing);
    if (!password) missing.password = say(({ t }) => t.signInPasswordMissing);
    if (missing.email || missing.password) return fail(missing);
    setBusy(true);
    const answer = await signIn(email, password);
    if ('signedIn' in answer) {
      // Asked before the session is shown, so the page after it is the right one: a one-time password is replaced first.
      // Busy until then: a second press meanwhile would send the sign-in again.
      const mustChange = (await request(myPasswordState, {})).data?.myAccount?.mustChangePassword;
      setBusy(false);
      setErrors({});
      setSession(answer);
      return navigate(mustChange ? paths.account : pathAfterSignIn(params.get('weiter'), location.origin, paths.home));
    }
    setBusy(false);
    if (answer.code === 'UNAUTHENTICATED') return fail({ password: say(({ t }) => t.signInWrong) });
    if (answer.code === 'RATE_LIMITED') return fail({ form: say(({ t }) => t.signInLimited(answer.retryAfter ?? 60)) });
    if (answer.field === 'email' || answer.field === 'password') return fail({ [answer.field]: say(() => answer.message) });
    fail({ form: sayFailure([{ message: answer.message, extensions: { code: answer.code } }]) });
  };

  const fieldProps = (field: Field) => ({
    id: `sign-in-${field}`,
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': errors[field] ? `sign-in-${field}-error` : undefined,
  });
  const fieldError = (field: Field) =>
    errors[field] && (
      <p class="field-error" id={`sign-in-${field}-error`}>
        {errors[field]}
      </p>
    );

  return (
    <>
      <h1 id="sign-in-heading">{t.signInHeading}</h1>
      <p class="lead">{t.signInIntro}</p>
      <form class="sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        <div class="field">
          <label for="sign-in-email">{t.emailLabel}</label>
          <input
            ref={inputs.email}
            {...fieldProps('email')}
            type="email"
            name="email"
            autocomplete="username"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {fieldError('email')}
        </div>
        <div class="field">
          <label for="sign-in-password">{t.passwordLabel}</label>
          <input
            ref={inputs.password}
            {...fieldProps('password')}
            type="password"
            name="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {fieldError('password')}
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.signingIn : t.signInButton}
          </button>
        </div>
      </form>
      <section class="sign-in-help" aria-labelledby="sign-in-forgot-heading">
        <h2 id="sign-in-forgot-heading">{t.signInForgotHeading}</h2>
        <p>{t.signInForgot}</p>
        {offices.length > 0 && (
          <ul class="network-offices">
            {offices.map(({ code, office }) => (
              <li key={code}>
                {code}: {office.name}, <a href={`mailto:${office.email}`}>{office.email}</a>,{' '}
                <a href={`tel:${office.phone.replace(/\s+/g, '')}`}>{office.phone}</a>
              </li>
            ))}
          </ul>
        )}
        <p>{t.signInForgotCustomers}</p>
      </section>
    </>
  );
}
