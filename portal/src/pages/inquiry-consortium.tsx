import { useRef, useState } from 'preact/hooks';
import { NetworkNotice } from '../components/notices.tsx';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import { memberCandidates, createConsortium, type MemberCandidate } from '../operations.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// An invited member forms a consortium (Bietergemeinschaft): it searches members of every network,
// chooses its partners and proposes the consortium (createConsortium). Each partner then answers in
// its own portal; the lead answers too and, once the consortium is complete, quotes for it.

/** Hits per partner search: enough to find a named company, few enough to read through by keyboard. */
const candidatesPerSearch = 20;

export function FormConsortium({ inquiryId, leadId, onFormed }: { inquiryId: string; leadId: string; onFormed: () => void }) {
  const text = useInquiryText();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberCandidate[] | null>(null);
  const [searchErrors, setSearchErrors] = useState<GraphQLErrorLike[]>([]);
  const [searching, setSearching] = useState(false);
  // Chosen partners stay listed (and checked) across searches, so a consortium may gather hits of several.
  const [chosen, setChosen] = useState<MemberCandidate[]>([]);
  const [error, setError] = useState<{ atPartners: boolean; message: Said } | null>(null);
  const [busy, setBusy] = useState(false);
  const searchField = useRef<HTMLInputElement>(null);
  const partners = useRef<HTMLFieldSetElement>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    setSearching(true);
    const words = query.trim();
    const result = await request(memberCandidates, { filter: words ? { text: words } : {}, first: candidatesPerSearch });
    setSearching(false);
    setSearchErrors(result.errors);
    setHits((result.data?.members?.edges ?? []).map((edge) => edge.node).filter((member) => member.id !== leadId));
  };

  const fail = (atPartners: boolean, message: Said) => {
    setError({ atPartners, message });
    if (!atPartners) return;
    const box = partners.current?.querySelector<HTMLElement>('input[type="checkbox"]');
    (box ?? searchField.current)?.focus();
  };
  const propose = async (event: Event) => {
    event.preventDefault();
    if (!chosen.length)
      return fail(
        true,
        say((locale) => (hits === null ? inquiryText(locale).partnerSearchFirst : inquiryText(locale).choosePartner)),
      );
    setBusy(true);
    const result = await request(createConsortium, { inquiryId, partners: chosen.map((member) => member.id) });
    setBusy(false);
    if (result.data?.createConsortium) {
      setError(null);
      return onFormed();
    }
    const first = result.errors[0];
    if (first?.extensions?.field === 'partners') return fail(true, sayError(first));
    return fail(false, sayFailure(result.errors));
  };

  const choose = (member: MemberCandidate, on: boolean) => {
    setChosen(on ? [...chosen, member] : chosen.filter((c) => c.id !== member.id));
    if (on && error?.atPartners) setError(null);
  };
  const listed = [...chosen, ...(hits ?? []).filter((hit) => !chosen.some((c) => c.id === hit.id))];
  const atPartners = error?.atPartners === true;

  return (
    <section aria-labelledby="consortium-form-heading">
      <h2 id="consortium-form-heading">{text.formHeading}</h2>
      <p>{text.formIntro}</p>
      <form class="partner-search" onSubmit={search} role="search" aria-label={text.partnerSearchLabel}>
        <div class="field">
          <label for="consortium-partner-search">{text.partnerSearchLabel}</label>
          <input ref={searchField} id="consortium-partner-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <button type="submit" class="secondary" disabled={searching}>
          {searching ? text.partnerSearching : text.partnerSearch}
        </button>
      </form>
      <NetworkNotice errors={searchErrors} />
      <form class="consortium-form" onSubmit={propose} noValidate aria-labelledby="consortium-form-heading">
        {error && !atPartners && (
          <p class="notice notice-error" role="alert">
            {error.message}
          </p>
        )}
        <fieldset ref={partners} class="checkboxes" aria-describedby={atPartners ? 'consortium-partners-error' : undefined}>
          <legend>{text.partnersLegend}</legend>
          {listed.map((member) => (
            <label key={member.id}>
              <input
                type="checkbox"
                name="partners"
                value={member.id}
                checked={chosen.some((c) => c.id === member.id)}
                onChange={(e) => choose(member, e.currentTarget.checked)}
              />
              {text.partnerOption(member.name, member.city, member.network.code)}
            </label>
          ))}
          {hits?.length === 0 && <p>{text.noPartnerHits}</p>}
        </fieldset>
        {atPartners && (
          <p class="field-error" id="consortium-partners-error">
            {error.message}
          </p>
        )}
        <div role="status">{chosen.length > 0 && <p class="hint">{text.chosenPartners(chosen.length)}</p>}</div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.proposing : text.propose}
          </button>
        </div>
      </form>
    </section>
  );
}
