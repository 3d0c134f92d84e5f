import { DataTable } from '../components/data-table.tsx';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { NetworkOptions } from '../components/network-options.tsx';
import { fieldErrorText, fieldOfError } from '../field-errors.ts';
import { request } from '../graphql.ts';
import {
  accountList,
  archiveAccount,
  createAccount,
  networkMemberNames,
  resetAccountPassword,
  restoreAccount,
  type AccountInput,
  type AccountKind,
  type ListedAccount,
  type NetworkCode,
} from '../operations.ts';
import { paths } from '../router.ts';
import { blankRequired, type Said, say, sayFailure } from '../said.tsx';
import { useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';
import { ConfirmQuestion } from '../components/confirm-question.tsx';
import { useFieldFocus } from '../use-field-focus.ts';

// An office's portal accounts: those of its network (its members' staff and its own), a form to
// create one, and archiving. Admin sees every account and may also create customers' accounts.
// Who may create which is region's rule (subgraphs/region/accounts); its errors stand at their field.
// The way back (the system sends no e-mail): "Passwort zurücksetzen" shows a one-time password once, for
// the office to pass on; archived accounts stand apart under "Archivierte Zugänge" with "Wiederherstellen",
// and one whose company has left its network is restored for the member the company is now.

type Field = 'email' | 'name' | 'password' | 'kind' | 'network' | 'memberId' | 'customer';
type Errors = Partial<Record<Field | 'form', Said>>;

const fieldOrder: Field[] = ['kind', 'network', 'memberId', 'customer', 'name', 'email', 'password'];

export function AccountsPage() {
  const { t, day } = useLocale();
  const { session } = useSession();
  const staff = session?.role === 'office' || session?.role === 'admin';
  const list = useQuery(accountList, staff ? {} : undefined);
  const [accounts, setAccounts] = useState<ListedAccount[]>([]);
  const [kind, setKind] = useState<AccountKind>('MEMBER');
  const [network, setNetwork] = useState<NetworkCode>('NIWE');
  const [values, setValues] = useState({ email: '', name: '', password: '', memberId: '', customer: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const { inputs, focusFirst } = useFieldFocus(fieldOrder);
  const members = useQuery(networkMemberNames, staff && kind === 'MEMBER' ? { network } : undefined);
  // Asked first, the safe choice focused: an account archived signs in no more until its office restores it.
  const confirm = useConfirmDialog<ListedAccount>();
  const tableHeading = useRef<HTMLHeadingElement>(null);
  // Asked alike: a reset ends the holder's sessions, a restore lets the account sign in again.
  const confirmReset = useConfirmDialog<ListedAccount>();
  const confirmRestore = useConfirmDialog<ListedAccount>();
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<Said | null>(null);
  // The one-time password, shown until the office closes it; not kept anywhere else.
  const [reset, setReset] = useState<{ name: string; password: string; expiresAt: string } | null>(null);
  const resetPanel = useRef<HTMLElement>(null);
  // An archived account whose company has left its network: restored for the member the company is now.
  const [moving, setMoving] = useState<ListedAccount | null>(null);
  const [movingTo, setMovingTo] = useState('');
  const [moveError, setMoveError] = useState<Said | null>(null);
  const moveSelect = useRef<HTMLSelectElement>(null);
  const movingMembers = useQuery(networkMemberNames, staff && moving?.network ? { network: moving.network as NetworkCode } : undefined);
  // createAccount refused an address an archived account holds: that account, to restore from the form.
  const [archivedMatch, setArchivedMatch] = useState<ListedAccount | null>(null);

  useEffect(() => setAccounts(list.data?.accounts ?? []), [list.data]);
  useEffect(() => {
    if (session?.role === 'office' && session.network) setNetwork(session.network as NetworkCode);
  }, [session]);
  useEffect(() => {
    if (reset) resetPanel.current?.focus();
  }, [reset]);
  useEffect(() => {
    if (moving) moveSelect.current?.focus();
  }, [moving]);

  if (!session || list.loading) {
    return (
      <>
        <h1>{t.accountsHeading}</h1>
        <p aria-busy="true">{t.loading}</p>
      </>
    );
  }
  if (!staff) {
    return (
      <>
        <h1>{t.accountsHeading}</h1>
        <p>{session.signedIn ? t.accountsOfficesOnly : t.memberFormSignIn}</p>
        {!session.signedIn && (
          <p>
            <a href={`${paths.signIn}?weiter=${encodeURIComponent(paths.accounts)}`}>{t.navSignIn}</a>
          </p>
        )}
      </>
    );
  }

  const fail = (next: Errors) => {
    setErrors(next);
    setStatus(null);
    focusFirst(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const required: Field[] = [...(kind === 'MEMBER' ? ['memberId' as const] : kind === 'CUSTOMER' ? ['customer' as const] : []), 'name', 'email', 'password'];
    const blank = blankRequired(required, (field) => values[field as keyof typeof values]);
    if (Object.keys(blank).length > 0) return fail(blank);
    const input: AccountInput = { email: values.email, name: values.name, password: values.password, kind };
    if (kind === 'MEMBER') input.memberId = values.memberId;
    if (kind === 'OFFICE') input.network = network;
    if (kind === 'CUSTOMER') input.customer = values.customer;
    setBusy(true);
    const result = await request(createAccount, { input });
    setBusy(false);
    const created = result.data?.createAccount;
    if (!created) {
      const error = result.errors[0];
      const archivedId = error?.extensions?.reason === 'ARCHIVED_EXISTS' ? error.extensions.accountId : undefined;
      setArchivedMatch(accounts.find((a) => a.id === archivedId && a.archivedAt) ?? null);
      const known = fieldOfError(error, fieldOrder);
      if (known) return fail({ [known]: say((locale) => fieldErrorText(error, locale)) });
      return fail({ form: sayFailure(result.errors) });
    }
    setArchivedMatch(null);
    setAccounts([...accounts, created]);
    setValues({ email: '', name: '', password: '', memberId: values.memberId, customer: '' });
    setErrors({});
    setStatus(say(({ t }) => t.accountsCreated(created.name, created.email)));
  };

  const replace = (changed: ListedAccount) => setAccounts(accounts.map((a) => (a.id === changed.id ? changed : a)));

  const archive = async () => {
    const result = await confirm.send((account) => request(archiveAccount, { id: account.id }));
    if (!result) return;
    const archived = result.data?.archiveAccount;
    if (!archived) return fail({ form: sayFailure(result.errors) });
    replace(archived);
    setStatus(say(({ t }) => t.accountsArchived(archived.name)));
    // The row's button is gone: the focus goes to the page's heading, the outcome is announced below it.
    requestAnimationFrame(() => tableHeading.current?.focus());
  };

  const resetPassword = async () => {
    const result = await confirmReset.send((account) => request(resetAccountPassword, { id: account.id }));
    if (!result) return;
    const answer = result.data?.resetAccountPassword;
    if (!answer) return setActionError(sayFailure(result.errors));
    setActionError(null);
    setStatus(null);
    replace(answer.account);
    setReset({ name: answer.account.name, password: answer.oneTimePassword, expiresAt: answer.expiresAt });
  };

  const restore = async (account: ListedAccount, memberId?: string) => {
    setActing(true);
    const result = await request(restoreAccount, memberId ? { id: account.id, memberId } : { id: account.id });
    setActing(false);
    confirmRestore.close();
    const restored = result.data?.restoreAccount;
    if (!restored) {
      const error = result.errors[0];
      // Its company has left its network: members are not restored, but the company may be one again under a new id.
      if (error?.extensions?.reason === 'ARCHIVED' && error.extensions.field === 'memberId' && !memberId) {
        setMovingTo('');
        setMoving(account);
        return setActionError(say(({ t }) => t.accountsRestoreMemberLeft(account.name)));
      }
      return setActionError(sayFailure(result.errors));
    }
    setActionError(null);
    setMoving(null);
    // Restored from the new-account form: its e-mail address is no longer taken by an archived account.
    if (archivedMatch?.id === restored.id) setErrors((now) => ({ ...now, email: undefined }));
    setArchivedMatch(null);
    replace(restored);
    setStatus(say(({ t }) => t.accountsRestored(restored.name)));
    // The row's button is gone with the row: the focus goes to the page's heading, the outcome is announced below it.
    requestAnimationFrame(() => tableHeading.current?.focus());
  };

  /** Closes a panel whose button had the focus: the focus goes to the page's heading, as after a restore. */
  const closeTo = (close: () => void) => {
    close();
    requestAnimationFrame(() => tableHeading.current?.focus());
  };

  const move = (event: Event) => {
    event.preventDefault();
    if (!moving) return;
    if (!movingTo) {
      setMoveError(say(({ t }) => t.accountsRestoreChooseMember));
      return moveSelect.current?.focus();
    }
    setMoveError(null);
    restore(moving, movingTo);
  };

  const described = (field: Field) => ({
    id: `account-new-${field}`,
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': errors[field] ? `account-new-${field}-error` : undefined,
    ref: (element: HTMLInputElement | HTMLSelectElement | null) => {
      inputs.current[field] = element;
    },
  });
  const fieldError = (field: Field) =>
    errors[field] && (
      <p class="field-error" id={`account-new-${field}-error`}>
        {errors[field]}
      </p>
    );
  const textField = (field: 'email' | 'name' | 'password' | 'customer', autocomplete: string) => {
    const props = {
      ...described(field),
      autocomplete,
      value: values[field],
      onInput: (e: Event) => setValues({ ...values, [field]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <div class="field">
        <label for={`account-new-${field}`}>{t[`accountsField_${field}`]}</label>
        {field === 'password' ? <input type="password" {...props} /> : <input type="text" {...props} />}
        {fieldError(field)}
      </div>
    );
  };
  const memberName = new Map(members.data?.members?.edges.map((e) => [e.node.id, e.node.name]) ?? []);
  const kindOf = (account: ListedAccount) =>
    [t[`accountKind_${account.kind}`], account.network, account.memberId && (memberName.get(account.memberId) ?? account.memberId), account.customer]
      .filter(Boolean)
      .join(' · ');
  const live = accounts.filter((a) => !a.archivedAt);
  const archived = accounts.filter((a) => a.archivedAt);
  const columns = [t.accountsField_name, t.accountsField_email, t.accountKind, t.accountsState];

  return (
    <>
      <h1 ref={tableHeading} tabIndex={-1}>
        {t.accountsHeading}
      </h1>
      <p class="lead">{t.accountsIntro}</p>
      <div role="status" class="saved">
        {status && <p class="notice notice-ok">{status}</p>}
      </div>
      {actionError && (
        <p class="notice notice-error" role="alert">
          {actionError}
        </p>
      )}
      {reset && (
        <section class="notice notice-ok one-time-password" aria-labelledby="one-time-password-heading" tabIndex={-1} ref={resetPanel}>
          <h2 id="one-time-password-heading">{t.accountsOneTimeHeading(reset.name)}</h2>
          <p>
            <code id="one-time-password">{reset.password}</code>
          </p>
          <p>{t.accountsOneTimeHint(reset.name, day(reset.expiresAt))}</p>
          <button type="button" class="secondary" onClick={() => closeTo(() => setReset(null))}>
            {t.accountsOneTimeDone}
          </button>
        </section>
      )}
      <DataTable caption={t.accountsHeading} columns={columns} class="accounts">
        {live.map((account) => (
          <tr key={account.id}>
            <td>{account.name}</td>
            <td>{account.email}</td>
            <td>{kindOf(account)}</td>
            <td>
              {account.id === session?.accountId ? (
                t.accountsOwn
              ) : (
                <div class="actions">
                  <button type="button" class="secondary" aria-label={t.accountsResetLabel(account.name)} onClick={() => confirmReset.ask(account)}>
                    {t.accountsReset}
                  </button>
                  <button type="button" class="secondary" aria-label={t.accountsArchiveLabel(account.name)} onClick={() => confirm.ask(account)}>
                    {t.accountsArchive}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {archived.length > 0 && (
        <>
          <h2 id="accounts-archived-heading">{t.accountsArchivedHeading}</h2>
          <p>{t.accountsArchivedIntro}</p>
          <DataTable caption={t.accountsArchivedHeading} columns={columns} class="accounts accounts-archived">
            {archived.map((account) => (
              <tr key={account.id}>
                <td>{account.name}</td>
                <td>{account.email}</td>
                <td>{kindOf(account)}</td>
                <td>
                  {t.accountsArchivedOn(day(account.archivedAt!))}{' '}
                  <button type="button" class="secondary" aria-label={t.accountsRestoreLabel(account.name)} onClick={() => confirmRestore.ask(account)}>
                    {t.accountsRestore}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {moving && (
        <form class="member-form" onSubmit={move} noValidate aria-labelledby="account-move-heading">
          <h3 id="account-move-heading">{t.accountsRestoreForMember(moving.name)}</h3>
          <div class="field">
            <label for="account-move-memberId">{t.accountsField_memberId}</label>
            <select
              id="account-move-memberId"
              ref={moveSelect}
              value={movingTo}
              aria-invalid={moveError ? 'true' : undefined}
              aria-describedby={moveError ? 'account-move-memberId-error' : undefined}
              onChange={(e) => setMovingTo(e.currentTarget.value)}
            >
              <option value="">{t.accountsChooseMember}</option>
              {movingMembers.data?.members?.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </select>
            {moveError && (
              <p class="field-error" id="account-move-memberId-error">
                {moveError}
              </p>
            )}
          </div>
          <div class="actions">
            <button type="submit" disabled={acting}>
              {t.accountsRestoreMove}
            </button>
            <button type="button" class="link-button" onClick={() => closeTo(() => setMoving(null))}>
              {t.accountsArchiveCancel}
            </button>
          </div>
        </form>
      )}
      <ConfirmQuestion
        confirm={confirm}
        id="account-archive-question"
        question={(account) => t.accountsArchiveQuestion(account.name)}
        action={t.accountsArchiveConfirm}
        cancel={t.accountsArchiveCancel}
        onConfirm={archive}
      />
      <ConfirmQuestion
        confirm={confirmReset}
        id="account-reset-question"
        question={(account) => t.accountsResetQuestion(account.name)}
        action={t.accountsResetConfirm}
        cancel={t.accountsArchiveCancel}
        onConfirm={resetPassword}
      />
      <ConfirmQuestion
        confirm={confirmRestore}
        id="account-restore-question"
        question={(account) => t.accountsRestoreQuestion(account.name)}
        action={t.accountsRestoreConfirm}
        cancel={t.accountsArchiveCancel}
        busy={acting}
        onConfirm={() => confirmRestore.subject && restore(confirmRestore.subject)}
      />

      <h2 id="account-new-heading">{t.accountsNewHeading}</h2>
      <form class="member-form" onSubmit={submit} noValidate aria-labelledby="account-new-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        <div class="field">
          <label for="account-new-kind">{t.accountKind}</label>
          <select {...described('kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as AccountKind)}>
            <option value="MEMBER">{t.accountKind_MEMBER}</option>
            <option value="OFFICE">{t.accountKind_OFFICE}</option>
            {session.role === 'admin' && <option value="CUSTOMER">{t.accountKind_CUSTOMER}</option>}
          </select>
          {fieldError('kind')}
        </div>
        {kind !== 'CUSTOMER' && session.role === 'admin' && (
          <div class="field">
            <label for="account-new-network">{t.network}</label>
            <select {...described('network')} value={network} onChange={(e) => setNetwork(e.currentTarget.value as NetworkCode)}>
              <NetworkOptions />
            </select>
            {fieldError('network')}
          </div>
        )}
        {kind === 'MEMBER' && (
          <div class="field">
            <label for="account-new-memberId">{t.accountsField_memberId}</label>
            <select {...described('memberId')} value={values.memberId} onChange={(e) => setValues({ ...values, memberId: e.currentTarget.value })}>
              <option value="">{t.accountsChooseMember}</option>
              {members.data?.members?.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </select>
            {fieldError('memberId')}
          </div>
        )}
        {kind === 'CUSTOMER' && textField('customer', 'organization')}
        {textField('name', 'off')}
        {textField('email', 'off')}
        {archivedMatch && errors.email && (
          <p>
            <button type="button" class="secondary" onClick={() => confirmRestore.ask(archivedMatch)}>
              {t.accountsRestoreLabel(archivedMatch.name)}
            </button>
          </p>
        )}
        {textField('password', 'new-password')}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.memberSaving : t.accountsCreate}
          </button>
        </div>
      </form>
    </>
  );
}
