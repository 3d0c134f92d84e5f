import { useEffect, useRef, useState } from 'preact/hooks';
import { useIdempotencyKeys } from '../retry-key.ts';
import { NetworkOptions } from '../components/network-options.tsx';
import { fieldErrorText, fieldOfError } from '../field-errors.ts';
import { request } from '../graphql.ts';
import { createMember, memberForEdit, updateMember, type EditedMember, type MemberFormFields, type NetworkCode } from '../operations.ts';
import { paths, useRoute } from '../router.ts';
import { type Said, say, sayFailure, sayLoadFailure } from '../said.tsx';
import { useSession, type Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';

// An office creates and edits its network's members (admin any network's; a member edits its own
// record). The portal checks nothing the server checks: each field's error is the server's
// (BAD_USER_INPUT with extensions.field), in the user's language (field-errors.ts), shown at that field and read out there.

type FieldName = keyof MemberFormFields;
type Values = Record<FieldName, string>;
type Errors = Partial<Record<FieldName | 'form', Said>>;

const fieldOrder: FieldName[] = ['name', 'street', 'postalCode', 'city', 'website', 'employees', 'description'];
const empty: Values = { name: '', street: '', postalCode: '', city: '', website: '', employees: '', description: '' };

/** Who may create members (offices for their network, admin for any) and edit one (also the member itself). */
function mayEdit(session: Session, member?: { id: string; network: { code: string } }): boolean {
  if (session.role === 'admin') return true;
  if (!member) return session.role === 'office';
  return (session.role === 'office' && session.network === member.network.code) || (session.role === 'member' && session.memberId === member.id);
}

const valuesOf = (member: EditedMember): Values => ({
  name: member.name,
  street: member.street ?? '',
  postalCode: member.postalCode,
  city: member.city,
  website: member.website ?? '',
  employees: member.employees === null ? '' : String(member.employees),
  description: member.description ?? '',
});

/** The form's text as the API takes it: empty optional fields are null (on an update that clears them). */
function inputOf(values: Values): MemberFormFields | { employeesNotWhole: true } {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  const employees = values.employees.trim();
  if (employees !== '' && !/^\d+$/.test(employees)) return { employeesNotWhole: true };
  return {
    name: values.name,
    street: optional(values.street),
    postalCode: values.postalCode,
    city: values.city,
    website: optional(values.website),
    employees: employees === '' ? null : Number(employees),
    description: optional(values.description),
  };
}

/** A link to the member form on a member's profile, for those who may edit the member. */
export function EditMemberLink({ member }: { member: { id: string; network: { code: string } } }) {
  const { t } = useLocale();
  const { session } = useSession();
  if (!session?.signedIn || !mayEdit(session, member)) return null;
  return (
    <p>
      <a href={paths.memberEdit(member.id)}>{t.memberEditLink}</a>
    </p>
  );
}

export function MemberFormPage({ id }: { id?: string }) {
  const { t } = useLocale();
  const route = useRoute();
  const { session } = useSession();
  // After creating, the form goes on editing the member it created.
  const [memberId, setMemberId] = useState(id);
  const [values, setValues] = useState<Values>(empty);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [network, setNetwork] = useState<NetworkCode>('NIWE');
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<EditedMember | null>(null);
  const [busy, setBusy] = useState(false);
  // A press after an answer that leaves the member possibly created sends the same key: created once.
  const keys = useIdempotencyKeys();
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const existing = useQuery(memberForEdit, id && session?.signedIn ? { id } : undefined);
  const loaded = existing.data?.member;

  useEffect(() => {
    if (!loaded) return;
    setValues(valuesOf(loaded));
    setVersion(loaded.version);
  }, [loaded]);
  useEffect(() => {
    if (session?.role === 'office' && session.network) setNetwork(session.network as NetworkCode);
  }, [session]);

  const heading = id ? t.memberEditHeading : t.memberNewHeading;
  if (!session || (id && existing.loading)) {
    return (
      <>
        <h1>{heading}</h1>
        <p aria-busy="true">{t.loading}</p>
      </>
    );
  }
  if (!session.signedIn || !mayEdit(session, loaded ?? undefined)) {
    return (
      <>
        <h1>{heading}</h1>
        <p>{session.signedIn ? t.memberFormNotAllowed : t.memberFormSignIn}</p>
        {!session.signedIn && (
          <p>
            <a href={`${paths.signIn}?weiter=${encodeURIComponent(route.path)}`}>{t.navSignIn}</a>
          </p>
        )}
      </>
    );
  }
  if (id && !loaded) {
    return (
      <>
        <h1>{heading}</h1>
        <p class="notice notice-error" role="alert">
          {existing.errors.length ? sayLoadFailure(existing.errors) : t.notFoundMember}
        </p>
      </>
    );
  }

  /** Shows the errors and moves the focus to the first field in error, whose message its screen reader then reads. */
  const fail = (next: Errors) => {
    setErrors(next);
    setSaved(null);
    const first = fieldOrder.find((f) => next[f]);
    if (first) inputs.current[first]?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const input = inputOf(values);
    if ('employeesNotWhole' in input) return fail({ employees: say(({ t }) => t.memberEmployeesWhole) });
    setBusy(true);
    const result = memberId
      ? await request(updateMember, { id: memberId, input, version: version ?? 0 })
      : await request(createMember, { network, input, idempotencyKey: keys.of() });
    setBusy(false);
    if (!memberId) keys.settle('form', result.errors);
    const member = result.data && ('createMember' in result.data ? result.data.createMember : result.data.updateMember);
    if (!member) {
      const error = result.errors[0];
      const field = fieldOfError(error, fieldOrder);
      if (field) return fail({ [field]: say((locale) => fieldErrorText(error, locale)) });
      if (error?.extensions?.code === 'CONFLICT' && memberId) return fail({ form: say(({ t }) => t.memberChanged) });
      return fail({ form: sayFailure(result.errors) });
    }
    setErrors({});
    setMemberId(member.id);
    setVersion(member.version);
    setValues(valuesOf(member));
    setSaved(member);
  };

  const field = (name: FieldName, options: { required?: boolean; multiline?: boolean; inputMode?: 'numeric' | 'url'; autocomplete?: string } = {}) => {
    const error = errors[name];
    const props = {
      id: `member-${name}`,
      name,
      value: values[name],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? `member-${name}-error` : undefined,
      'aria-required': options.required ? ('true' as const) : undefined,
      onInput: (e: Event) => setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <div class="field">
        <label for={`member-${name}`}>
          {t[`memberField_${name}`]}
          {options.required && <span aria-hidden="true"> *</span>}
        </label>
        {options.multiline ? (
          <textarea
            ref={(element) => {
              inputs.current[name] = element;
            }}
            rows={4}
            {...props}
          />
        ) : (
          <input
            ref={(element) => {
              inputs.current[name] = element;
            }}
            type="text"
            inputMode={options.inputMode}
            autocomplete={options.autocomplete}
            {...props}
          />
        )}
        {error && (
          <p class="field-error" id={`member-${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <>
      <h1 id="member-form-heading">{memberId && !id ? t.memberEditHeading : heading}</h1>
      <p class="lead">{t.memberFormIntro}</p>
      <form class="member-form" onSubmit={submit} noValidate aria-labelledby="member-form-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {!memberId && session.role === 'admin' ? (
          <div class="field">
            <label for="member-network">{t.network}</label>
            <select id="member-network" value={network} onChange={(e) => setNetwork(e.currentTarget.value as NetworkCode)}>
              <NetworkOptions />
            </select>
          </div>
        ) : (
          <p>
            {t.network}: {loaded?.network.code ?? saved?.network.code ?? network}
          </p>
        )}
        {field('name', { required: true, autocomplete: 'organization' })}
        {field('street', { autocomplete: 'street-address' })}
        <div class="field-row">
          {field('postalCode', { required: true, inputMode: 'numeric', autocomplete: 'postal-code' })}
          {field('city', { required: true, autocomplete: 'address-level2' })}
        </div>
        {field('website', { inputMode: 'url', autocomplete: 'url' })}
        {field('employees', { inputMode: 'numeric' })}
        {field('description', { multiline: true })}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.memberSaving : t.memberSave}
          </button>
        </div>
        <div role="status" class="saved">
          {saved && (
            <p class="notice notice-ok">
              {t.memberSaved(saved.name)} <a href={paths.member(saved.id)}>{t.memberShowProfile}</a>
            </p>
          )}
        </div>
      </form>
    </>
  );
}
