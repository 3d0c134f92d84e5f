import { useRef, useState } from 'preact/hooks';
import { processName } from '../catalog.ts';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { ListState } from '../components/data-table.tsx';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import { confirmRelationship, endRelationship, memberRelationships, requestRelationship, type RelationshipKind, type RelationshipView } from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { errorField, Field, SignInFirst } from './cooperation.tsx';
import { cooperationText, useCooperationText } from './cooperation-messages.ts';

// A member's business relationships (/beziehungen): those it asked for and those asked of it, to confirm or end,
// a request to a partner (the graph's error at the partner field: oneself, unknown, or a duplicate), and partner
// suggestions within a radius, each with the reasons the graph gives (README "Business relationships").
// Members consent for themselves; offices and admin read relationships elsewhere.

const kinds: RelationshipKind[] = ['SUPPLIER_OF', 'CUSTOMER_OF', 'DEVELOPMENT_PARTNER', 'JOINT_PROJECT'];
/** Radii offered for suggestions; 50 km is the graph's default, about the region's extent from Eschwege. */
const radii = [25, 50, 100, 200];

/**
 * A refusal at the partner in this page's words where the general ones would quote the server's English ("Hinweis des
 * Servers: A member cannot have a business relationship with itself."): oneself, a member that does not exist, and an
 * id that is none (the general words said to choose the entry again, in a field where one types it).
 */
function partnerError(error: GraphQLErrorLike | undefined, partnerId: string): Said {
  if (error?.extensions?.reason === 'NOT_APPLICABLE') return say((locale) => cooperationText(locale).partnerIsYou);
  if (error?.extensions?.reason === 'NOT_AN_ID') return say((locale) => cooperationText(locale).partnerNotAnId(partnerId.slice(0, 40)));
  if (error?.extensions?.code === 'NOT_FOUND') return say((locale) => cooperationText(locale).partnerUnknown(partnerId.slice(0, 40)));
  return sayError(error!);
}

export function RelationshipsPage() {
  const text = useCooperationText();
  const { t, number, memberName, language } = useLocale();
  const { session } = useSession();
  const [radiusKm, setRadiusKm] = useState(50);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [partnerId, setPartnerId] = useState('');
  const [kind, setKind] = useState<RelationshipKind>('SUPPLIER_OF');
  const [errors, setErrors] = useState<{ partnerId?: Said; form?: Said }>({});
  const [status, setStatus] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const partnerInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const kindSelect = useRef<HTMLSelectElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const statusNotice = useRef<HTMLParagraphElement>(null);
  const formNotice = useRef<HTMLParagraphElement>(null);
  const memberId = session?.role === 'member' ? session.memberId : undefined;
  const loaded = useReloadable(memberRelationships, memberId ? { memberId, radiusKm, includeEnded } : undefined);

  if (session && !session.signedIn) return <SignInFirst heading={text.relationshipsHeading}>{text.relationshipsSignIn}</SignInFirst>;
  if (session && !memberId)
    return (
      <>
        <h1>{text.relationshipsHeading}</h1>
        <p>{text.relationshipsMembersOnly}</p>
      </>
    );

  const relationships = loaded.data?.relationships ?? [];
  // A suggestion whose network stopped answering after region made it has no name to show or choose: left out,
  // with the network's notice above.
  const suggestions = (loaded.data?.member?.partnerSuggestions ?? []).flatMap(({ member, ...s }) => (member ? [{ ...s, member }] : []));

  const send = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    // What the last request said is over: a refused second request left "… ist gesendet" standing beside its error.
    setStatus(null);
    if (!partnerId.trim()) {
      setErrors({ partnerId: say((locale) => cooperationText(locale).partnerMissing) });
      partnerInput.current?.focus();
      return;
    }
    setBusy(true);
    const result = await request(requestRelationship, { partnerId: partnerId.trim(), kind });
    setBusy(false);
    const made = result.data?.requestRelationship;
    if (!made) {
      const error = result.errors[0];
      // Oneself and a malformed id name partnerId; an unknown member or a duplicate of the pair are about the partner too.
      const atPartner = errorField(error) === 'partnerId' || ['NOT_FOUND', 'CONFLICT'].includes(String(error?.extensions?.code));
      setErrors(atPartner ? { partnerId: partnerError(error, partnerId.trim()) } : { form: sayFailure(result.errors) });
      // The button was disabled while the request went out, and the keyboard's focus with it: to the error, once shown.
      if (atPartner) partnerInput.current?.focus();
      else requestAnimationFrame(() => formNotice.current?.focus());
      return;
    }
    setErrors({});
    setPartnerId('');
    setStatus(say((locale) => cooperationText(locale).requested(locale.memberName(made.partner, made.partnerRef.id))));
    // The form is empty again: the keyboard continues at the notice that says what was asked (as after a change of a
    // relationship at the list's heading), not at the page's start.
    statusNotice.current?.focus();
    loaded.reload();
  };

  const change = async (relationship: RelationshipView, action: 'confirm' | 'end') => {
    // One change at a time: a double click confirmed, then said the second confirmation failed, both at once.
    if (busy) return;
    setBusy(true);
    const result = action === 'confirm' ? await request(confirmRelationship, { id: relationship.id }) : await request(endRelationship, { id: relationship.id });
    setBusy(false);
    const changed = result.data && ('confirmRelationship' in result.data ? result.data.confirmRelationship : result.data.endRelationship);
    if (!changed) {
      setStatus(null);
      setErrors({ form: sayFailure(result.errors) });
      return;
    }
    setErrors({});
    const [other, otherId] = changed.requesterRef.id === memberId ? [changed.partner, changed.partnerRef.id] : [changed.requester, changed.requesterRef.id];
    setStatus(say((locale) => `${locale.memberName(other, otherId)}: ${cooperationText(locale).relationshipStatus[changed.status]}.`));
    // The row's buttons change with it: the keyboard continues at the list's heading.
    listHeading.current?.focus();
    loaded.reload();
  };

  const choose = (id: string) => {
    setPartnerId(id);
    setErrors({});
    kindSelect.current?.focus();
  };

  return (
    <>
      <h1>{text.relationshipsHeading}</h1>
      <p class="lead">{text.relationshipsIntro}</p>
      <NetworkNotice errors={loaded.errors} />
      <ErrorNotice errors={loaded.errors} />
      <p role="status" class="relationship-status" ref={statusNotice} tabIndex={-1}>
        {status}
      </p>
      <section aria-labelledby="relationships-heading" aria-busy={loaded.loading ? 'true' : undefined}>
        <h2 id="relationships-heading" ref={listHeading} tabIndex={-1}>
          {loaded.data?.member?.name ? `${text.relationshipsHeading}: ${loaded.data.member.name}` : text.relationshipsHeading}
        </h2>
        <label class="check">
          <input type="checkbox" checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} /> {text.showEnded}
        </label>
        <ListState loading={!loaded.data && loaded.loading} list={loaded.data && relationships} empty={text.noRelationships}>
          {(relationships) => (
            <ul class="relationships">
              {relationships.map((r) => {
                const incoming = r.partnerRef.id === memberId;
                return (
                  <li key={r.id} data-id={r.id} data-status={r.status}>
                    <p>
                      <a href={paths.member(r.requesterRef.id)}>{memberName(r.requester, r.requesterRef.id)}</a> {text.relationshipKind[r.kind]}{' '}
                      <a href={paths.member(r.partnerRef.id)}>{memberName(r.partner, r.partnerRef.id)}</a>
                    </p>
                    <p class="muted">
                      {text.relationshipStatus[r.status]}
                      {r.status === 'REQUESTED' && !incoming && ` (${text.waitingForPartner})`}
                      {r.crossNetwork && ` · ${text.crossNetwork}`}
                    </p>
                    {r.status !== 'ENDED' && (
                      <div class="row-actions">
                        {r.status === 'REQUESTED' && incoming && (
                          <button
                            type="button"
                            onClick={() => change(r, 'confirm')}
                            aria-disabled={busy ? 'true' : undefined}
                            aria-label={`${text.confirmRelationship}: ${memberName(r.requester, r.requesterRef.id)}`}
                          >
                            {text.confirmRelationship}
                          </button>
                        )}
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => change(r, 'end')}
                          aria-disabled={busy ? 'true' : undefined}
                          aria-label={`${text.endRelationship}: ${incoming ? memberName(r.requester, r.requesterRef.id) : memberName(r.partner, r.partnerRef.id)}`}
                        >
                          {text.endRelationship}
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </ListState>
      </section>
      <section aria-labelledby="relationship-request-heading">
        <h2 id="relationship-request-heading">{text.requestHeading}</h2>
        <form class="relationship-form" onSubmit={send} noValidate aria-labelledby="relationship-request-heading">
          {errors.form && (
            <p class="notice notice-error" role="alert" ref={formNotice} tabIndex={-1}>
              {errors.form}
            </p>
          )}
          <div class="field-row">
            <Field
              id="relationship-partner"
              label={text.partnerId}
              value={partnerId}
              onInput={setPartnerId}
              error={errors.partnerId}
              required
              inputRef={(e) => {
                partnerInput.current = e;
              }}
            />
            <div class="field">
              <label for="relationship-kind">{text.relationshipKindLabel}</label>
              <select id="relationship-kind" ref={kindSelect} value={kind} onChange={(e) => setKind(e.currentTarget.value as RelationshipKind)}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {text.relationshipKind[k]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {text.requestButton}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">{text.suggestionsHeading}</h2>
        <p>{text.suggestionsIntro(number(radiusKm))}</p>
        <div class="field">
          <label for="suggestions-radius">{text.radius}</label>
          <select id="suggestions-radius" value={radiusKm} onChange={(e) => setRadiusKm(Number(e.currentTarget.value))}>
            {radii.map((r) => (
              <option key={r} value={r}>
                {t.km(number(r))}
              </option>
            ))}
          </select>
        </div>
        <ListState loading={!loaded.data && loaded.loading} list={loaded.data && suggestions} empty={text.noSuggestions}>
          {(suggestions) => (
            <ol class="suggestions">
              {suggestions.map((s) => (
                <li key={s.member.id} data-id={s.member.id}>
                  <p>
                    <a href={paths.member(s.member.id)}>{s.member.name}</a>{' '}
                    <span class="muted">
                      ({s.member.network.code}, {s.member.city}
                      {s.distanceKm !== null && `, ${text.distance(number(s.distanceKm, 1))}`})
                    </span>
                  </p>
                  <p class="reasons-label">{text.reasons}:</p>
                  <ul class="reasons">
                    {s.steps.map((step) => (
                      <li key={`${step.first} ${step.next}`}>
                        {text.step(processName(step.first, language), processName(step.next, language), step.theirsIsNext)}
                      </li>
                    ))}
                  </ul>
                  <button type="button" class="secondary" onClick={() => choose(s.member.id)}>
                    {text.choosePartner(s.member.name)}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </ListState>
      </section>
    </>
  );
}
