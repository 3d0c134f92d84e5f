import { useRef, useState } from 'preact/hooks';
import { request } from '../graphql.ts';
import { changePassword, memberName, myAccount, myPasswordState } from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayError, sayFailure, sayLoadFailure } from '../said.tsx';
import { signIn, useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';

// The signed-in person's own account: what it is, and changing its password. The rule for a new
// password is the server's; its message stands at the field it names (currentPassword or newPassword).
// The new password is typed twice and compared here before anything is sent: a typo in it, unseen behind
// the dots, locked its owner out at the next sign-in. A one-time password an office set (sign-in leads
// here then) is said at the top, and replaced the same way.

type Field = 'currentPassword' | 'newPassword' | 'newPasswordRepeat';
type Errors = Partial<Record<Field | 'form', Said>>;

const fields: readonly Field[] = ['currentPassword', 'newPassword', 'newPasswordRepeat'];
const blank: Record<Field, string> = { currentPassword: '', newPassword: '', newPasswordRepeat: '' };

export function AccountPage() {
  const { t, day } = useLocale();
  const { session, setSession } = useSession();
  const { data, errors: loadErrors, loading } = useQuery(myAccount, session?.signedIn ? {} : undefined);
  const passwordState = useQuery(myPasswordState, session?.signedIn ? {} : undefined);
  const mustChange = passwordState.data?.myAccount?.mustChangePassword ?? false;
  const [values, setValues] = useState<Record<Field, string>>(blank);
  const [errors, setErrors] = useState<Errors>({});
  const [changed, setChanged] = useState(false);
  // The company a member's account belongs to, by its name as /zugaenge shows it (its id where that is not known). A
  // session with a one-time password reads nothing but its account (gateway/password-change.ts): the name waits.
  const memberId = data?.myAccount?.memberId;
  const mayRead = passwordState.data != null && (!mustChange || changed);
  const company = useQuery(memberName, memberId && mayRead ? { id: memberId } : undefined).data?.member?.name;
  const [busy, setBusy] = useState(false);
  const inputs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    newPasswordRepeat: useRef<HTMLInputElement>(null),
  };

  if (!session || loading) {
    return (
      <>
        <h1>{t.accountHeading}</h1>
        <p aria-busy="true">{t.loading}</p>
      </>
    );
  }
  const account = data?.myAccount;
  if (!session.signedIn || !account) {
    return (
      <>
        <h1>{t.accountHeading}</h1>
        {loadErrors.length > 0 && (
          <p class="notice notice-error" role="alert">
            {sayLoadFailure(loadErrors)}
          </p>
        )}
        <p>{session.signedIn ? t.accountNone : t.memberFormSignIn}</p>
        {!session.signedIn && (
          <p>
            <a href={`${paths.signIn}?weiter=${encodeURIComponent(paths.account)}`}>{t.navSignIn}</a>
          </p>
        )}
      </>
    );
  }

  const fail = (next: Errors) => {
    setErrors(next);
    setChanged(false);
    const first = fields.find((f) => next[f]);
    if (first) inputs[first].current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (values.newPassword !== values.newPasswordRepeat) return fail({ newPasswordRepeat: say(({ t }) => t.accountPasswordMismatch) });
    setBusy(true);
    const result = await request(changePassword, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (result.data?.changePassword) {
      // The change ends this session at its next renewal (its password's generation), and one begun with a one-time
      // password may do nothing else meanwhile: signed in anew with the new password, the person goes on as it.
      const renewed = await signIn(account.email, values.newPassword);
      setBusy(false);
      if ('signedIn' in renewed) setSession(renewed);
      setErrors({});
      setValues(blank);
      setChanged(true);
      return;
    }
    setBusy(false);
    const error = result.errors[0];
    const field = error?.extensions?.field;
    if (field === 'currentPassword' || field === 'newPassword') return fail({ [field]: sayError(error) });
    fail({ form: sayFailure(result.errors) });
  };

  const passwordField = (field: Field, autocomplete: string) => (
    <div class="field">
      <label for={`account-${field}`}>{t[`account_${field}`]}</label>
      <input
        ref={inputs[field]}
        id={`account-${field}`}
        type="password"
        autocomplete={autocomplete}
        value={values[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={[errors[field] && `account-${field}-error`, field === 'newPassword' && 'password-rule'].filter(Boolean).join(' ') || undefined}
        onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
      />
      {errors[field] && (
        <p class="field-error" id={`account-${field}-error`}>
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <>
      <h1>{t.accountHeading}</h1>
      {mustChange && !changed && (
        <p class="notice notice-warning" role="alert">
          {t.accountMustChange}
        </p>
      )}
      <dl class="facts">
        <dt>{t.accountsField_name}</dt>
        <dd>{account.name}</dd>
        <dt>{t.emailLabel}</dt>
        <dd>{account.email}</dd>
        <dt>{t.accountKind}</dt>
        <dd>
          {[t[`accountKind_${account.kind}`], account.network, account.memberId && (company ?? account.memberId), account.customer].filter(Boolean).join(' · ')}
        </dd>
        <dt>{t.accountPasswordChanged}</dt>
        <dd>{day(account.passwordChangedAt)}</dd>
      </dl>
      <h2 id="password-heading">{t.accountChangePassword}</h2>
      <form class="sign-in" onSubmit={submit} noValidate aria-labelledby="password-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {passwordField('currentPassword', 'current-password')}
        {passwordField('newPassword', 'new-password')}
        {passwordField('newPasswordRepeat', 'new-password')}
        <p class="muted" id="password-rule">
          {t.accountPasswordRule}
        </p>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.memberSaving : t.accountChangePassword}
          </button>
        </div>
        <div role="status" class="saved">
          {changed && <p class="notice notice-ok">{t.accountPasswordSaved}</p>}
        </div>
      </form>
    </>
  );
}
