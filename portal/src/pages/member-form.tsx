import { useEffect, useRef, useState } from 'preact/hooks';
import { parseWhole, wholeIn } from '../amounts.ts';
import { NetworkOptions } from '../components/network-options.tsx';
import { fieldErrorText, fieldOfError } from '../field-errors.ts';
import { type GraphQLErrorLike, request } from '../graphql.ts';
import type { Language } from '../i18n.ts';
import { LazyPage } from '../components/lazy-page.tsx';
import { createMember, memberForEdit, memberStanding, updateMember, type EditedMember, type MemberFormFields, type NetworkCode } from '../operations.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { paths, useRoute } from '../router.ts';
import { type Said, say, sayFailure, sayLoadFailure } from '../said.tsx';
import { useSession, type Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useNotation } from '../use-notation.ts';
import { useQuery } from '../use-query.ts';

// An office creates and edits its network's members (admin any network's; a member edits its own
// record). The portal checks nothing the server checks: each field's error is the server's
// (BAD_USER_INPUT with extensions.field), in the user's language (field-errors.ts), shown at that field and read out there.
// A save that meets a change made elsewhere since the form was read keeps what was typed: fields changed only there
// are taken over and the save goes again; a field changed on both sides shows what is saved now, to decide.

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

const sameValues = (a: Values, b: Values) => fieldOrder.every((f) => a[f] === b[f]);

/**
 * The values after a save's answer: a field as it was when the save was pressed (sent) takes the answer's value; one
 * typed while the save was on its way keeps what was typed (the answer overwrote it).
 */
const settled = (now: Values, sent: Values, answer: Values): Values =>
  Object.fromEntries(fieldOrder.map((f) => [f, now[f] === sent[f] ? answer[f] : now[f]])) as Values;

/**
 * The form's text as the API takes it: empty optional fields are null (on an update that clears them). The employees
 * are a whole number as the page's language writes it, grouped or not ("1.250" or "1 250" in German): the member import
 * took "1.250" and the form refused it.
 */
function inputOf(values: Values, language: Language): MemberFormFields | { employeesNotWhole: true } {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  const employees = values.employees.trim() === '' ? null : parseWhole(values.employees, language);
  if (Number.isNaN(employees)) return { employeesNotWhole: true };
  return {
    name: values.name,
    street: optional(values.street),
    postalCode: values.postalCode,
    city: values.city,
    website: optional(values.website),
    employees,
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

/**
 * The form of the route's member, or of a new one: it starts afresh whenever the route's member changes ("Mitglied
 * anlegen" from an edit page kept that member's id and values, and its save renamed that member). Only the change the
 * form makes itself, when the member it created becomes the URL's, keeps it, with its notice and focus.
 */
export function MemberFormPage({ id }: { id?: string }) {
  const form = useRef<{ id?: string; key: number; created?: string }>({ id, key: 0 });
  const now = form.current;
  if (now.id !== id) {
    if (!(now.id === undefined && id !== undefined && id === now.created)) now.key++;
    now.id = id;
    now.created = undefined;
  }
  return (
    <MemberForm
      key={now.key}
      id={id}
      onCreated={(created) => {
        form.current.created = created;
      }}
    />
  );
}

/** The member's lists, in the member area's chunk: fetched when an office or admin first opens an edit page. */
const profileLists = () => import('./member-area.tsx').then((module) => module.ProfileLists);

function MemberForm({ id, onCreated }: { id?: string; onCreated: (id: string) => void }) {
  const { t, language, day } = useLocale();
  const route = useRoute();
  const { session } = useSession();
  // After creating, the form goes on editing the member it created.
  const [memberId, setMemberId] = useState(id);
  const [values, setValues] = useState<Values>(empty);
  // The member as the server had it when the values were read or saved: what was typed is what differs from it.
  const [base, setBase] = useState<Values>(empty);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [network, setNetwork] = useState<NetworkCode>('NIWE');
  const [errors, setErrors] = useState<Errors>({});
  // After a CONFLICT, what is saved now in the fields changed both here and elsewhere.
  const [theirs, setTheirs] = useState<Partial<Values>>({});
  const [saved, setSaved] = useState<EditedMember | null>(null);
  // Fields changed elsewhere that the last save took over, for its notice to say.
  const [taken, setTaken] = useState<FieldName[]>([]);
  // When the member was archived, as the standing read after a save's refusal found it (the load's standing says it otherwise).
  const [archivedAt, setArchivedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A press after an answer that leaves the member possibly created sends the same key: created once.
  const keys = useIdempotencyKeys();
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const asked = id && session?.signedIn ? { id } : undefined;
  const existing = useQuery(memberForEdit, asked);
  const standing = useQuery(memberStanding, asked);
  const loaded = existing.data?.member;
  useNotation(language, (from, to) => setValues((v) => ({ ...v, employees: wholeIn(v.employees, from, to) })));

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer (loaded) is what counts; values and base are read as they are then
  useEffect(() => {
    // The version the form holds already (the member it just created or saved) brings nothing new; taken again, it
    // overwrote what was typed between the answer's render and this effect, which runs after the paint: a postal
    // code typed right after a create was lost and the old one saved (a browser test, on a loaded machine).
    if (!loaded || loaded.version === version || !sameValues(values, base)) return;
    setValues(valuesOf(loaded));
    setBase(valuesOf(loaded));
    setVersion(loaded.version);
  }, [loaded]);
  useEffect(() => {
    if (session?.role === 'office' && session.network) setNetwork(session.network as NetworkCode);
  }, [session]);

  // The member this form just created, whose edit page it now is: shown at once, not read again first.
  const created = saved && saved.id === id ? saved : undefined;
  const member = loaded ?? created;
  const leftAt = archivedAt ?? standing.data?.member?.archivedAt ?? null;
  const heading = id ? t.memberEditHeading : t.memberNewHeading;
  if (!session || (id && !member && existing.loading) || (id && !created && standing.loading && !standing.data)) {
    return (
      <>
        <h1>{heading}</h1>
        <p aria-busy="true">{t.loading}</p>
      </>
    );
  }
  if (!session.signedIn || !mayEdit(session, member)) {
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
  if (id && !member) {
    return (
      <>
        <h1>{heading}</h1>
        <p class="notice notice-error" role="alert">
          {existing.errors.length ? sayLoadFailure(existing.errors) : t.notFoundMember}
        </p>
      </>
    );
  }
  // An archived member can no longer be changed: said at once, with no form to fill in and have refused.
  if (member && leftAt) {
    return (
      <>
        <h1>{heading}</h1>
        <p class="notice notice-warning" role="alert">
          {t.memberArchived(member.network.code, day(leftAt))}
        </p>
        <p>
          <a href={paths.member(member.id)}>{t.memberShowProfile}</a>
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

  /** A save's answer; sent: the values when it was pressed (typed since, a field keeps what was typed). */
  const done = (member: EditedMember, takenOver: FieldName[], sent: Values) => {
    setErrors({});
    setTheirs({});
    setMemberId(member.id);
    setVersion(member.version);
    setValues((now) => settled(now, sent, valuesOf(member)));
    setBase(valuesOf(member));
    setSaved(member);
    setTaken(takenOver);
    // A reload of /mitglieder/neu created the member a second time: the URL becomes the created member's edit page,
    // without a history entry and without moving the focus as navigating does (office.tsx's replaceParams).
    if (!id) {
      onCreated(member.id);
      history.replaceState(null, '', paths.memberEdit(member.id));
      dispatchEvent(new PopStateEvent('popstate'));
    }
  };

  /**
   * A refused save: at its field, as the archived member it found, or as the form's notice. An update the server
   * refuses at the member's id as NOT_APPLICABLE may have met the member's archiving: its standing, read again, says.
   */
  const refused = async (result: { errors: GraphQLErrorLike[] }, updated?: string) => {
    const error = result.errors[0];
    if (updated && error?.extensions?.field === 'id' && error.extensions.reason === 'NOT_APPLICABLE') {
      const now = await request(memberStanding, { id: updated });
      const at = now.data?.member?.archivedAt;
      if (at) return setArchivedAt(at);
    }
    const field = fieldOfError(error, fieldOrder);
    if (field) return fail({ [field]: say((locale) => fieldErrorText(error, locale)) });
    return fail({ form: sayFailure(result.errors) });
  };

  /**
   * Saves the values over the member's version; a CONFLICT reads the member again. Fields changed there and not here are
   * taken over, and sent again; a field changed on both sides keeps what was typed and shows what is saved now.
   */
  const update = async (target: string, start: Values) => {
    let current = { values: start, base, version: version ?? 0 };
    const takenOver: FieldName[] = [];
    for (let round = 0; round < 3; round++) {
      // The typed employees were checked before the first round; those taken from the server are whole.
      const input = inputOf(current.values, language) as MemberFormFields;
      const result = await request(updateMember, { id: target, input, version: current.version });
      if (result.data) return done(result.data.updateMember, takenOver, start);
      // Only a version that moved is read again; another CONFLICT (a namesake at the new name or postal code) stands at its field.
      if (result.errors[0]?.extensions?.reason !== 'STALE_VERSION') return refused(result, target);
      const read = await request(memberForEdit, { id: target });
      if (!read.data?.member) return fail({ form: sayFailure(read.errors.length ? read.errors : result.errors) });
      const now = valuesOf(read.data.member);
      const typed = fieldOrder.filter((f) => current.values[f] !== current.base[f]);
      const changed = fieldOrder.filter((f) => now[f] !== current.base[f]);
      const clash = changed.filter((f) => typed.includes(f) && current.values[f] !== now[f]);
      for (const f of changed) if (!typed.includes(f) && !takenOver.includes(f)) takenOver.push(f);
      const merged = Object.fromEntries(fieldOrder.map((f) => [f, typed.includes(f) ? current.values[f] : now[f]])) as Values;
      current = { values: merged, base: now, version: read.data.member.version };
      if (clash.length > 0) {
        setValues((shown) => settled(shown, start, merged));
        setBase(now);
        setVersion(current.version);
        setTheirs(Object.fromEntries(clash.map((f) => [f, now[f]])));
        setErrors({ form: say(({ t }) => t.memberChanged) });
        setSaved(null);
        return inputs.current[clash[0]]?.focus();
      }
    }
    // Changed elsewhere on every round: the form takes the member as saved now, so that the next save starts from it.
    setValues((shown) => settled(shown, start, current.values));
    setBase(current.base);
    setVersion(current.version);
    setTheirs({});
    fail({ form: say(({ t }) => t.memberChangedAgain) });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const input = inputOf(values, language);
    if ('employeesNotWhole' in input) return fail({ employees: say(({ t }) => t.memberEmployeesWhole) });
    setBusy(true);
    if (memberId) {
      await update(memberId, values);
      return setBusy(false);
    }
    const result = await request(createMember, { network, input, idempotencyKey: keys.of() });
    setBusy(false);
    keys.settle('form', result.errors);
    if (result.data) return done(result.data.createMember, [], values);
    return refused(result);
  };

  const field = (name: FieldName, options: { required?: boolean; multiline?: boolean; inputMode?: 'numeric' | 'url'; autocomplete?: string } = {}) => {
    const error = errors[name];
    const now = theirs[name];
    const describedBy = [error && `member-${name}-error`, now !== undefined && `member-${name}-theirs`].filter(Boolean).join(' ');
    const props = {
      id: `member-${name}`,
      name,
      value: values[name],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
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
        {now !== undefined && (
          <p class="field-hint" id={`member-${name}-theirs`}>
            {t.memberTheirs(now)}
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
            {t.network}: {member?.network.code ?? saved?.network.code ?? network}
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
              {t.memberSaved(saved.name)}
              {taken.length > 0 && ` ${t.memberTaken(taken.map((f) => t[`memberField_${f}`]).join(', '))}`}{' '}
              <a href={paths.member(saved.id)}>{t.memberShowProfile}</a>
            </p>
          )}
        </div>
      </form>
      {/* The member keeps its lists on Mein Unternehmen; its office and admin had only these fields, and the API, for them. */}
      {memberId && session.role !== 'member' && !leftAt && <LazyPage load={profileLists} props={{ memberId, audience: 'office' as const }} />}
    </>
  );
}
