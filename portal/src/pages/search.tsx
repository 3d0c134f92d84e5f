import { useState } from 'preact/hooks';
import { certificates, processName } from '../catalog.ts';
import { HitMap, type MapPoint } from '../components/map.tsx';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { CheckboxGroup, MaterialPicker, ProcessPicker } from '../components/pickers.tsx';
import { searchMembers, type FacetCount, type MemberOrder, type NetworkCode, type SearchHit } from '../operations.ts';
import { navigate, paths, rememberSearch } from '../router.ts';
import { filtered, readSearch, searchFilter, searchOrder, writeSearch, type SearchState } from '../search-state.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';

// The region-wide search: filters in a form, facets with counts, the hits with the reasons each was
// found, a map and cursor paging. The URL holds all of it; the form renders at once, the hits follow.

const pageSize = 20;
const radii = [10, 25, 50, 100, 200];
const networkCodes: NetworkCode[] = ['NIWE', 'LINAT', 'KONAT'];

function optionalNumber(value: string): number | undefined {
  return value === '' ? undefined : Math.max(0, Math.round(Number(value)));
}

function SearchForm({ initial }: { initial: SearchState }) {
  const { t, number } = useLocale();
  const [state, setState] = useState(initial);
  const set = (change: Partial<SearchState>) => setState({ ...state, ...change });
  return (
    <form
      role="search"
      class="filters"
      aria-labelledby="filters-heading"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(paths.search + writeSearch({ ...state, after: undefined }));
      }}
    >
      <h2 id="filters-heading">{t.filtersHeading}</h2>
      <div class="field">
        <label for="search-text">{t.textLabel}</label>
        <input
          id="search-text"
          type="search"
          value={state.text}
          maxLength={200}
          placeholder={t.searchPlaceholder}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </div>
      <ProcessPicker name="process" label={t.processesLabel} values={state.processes} onChange={(processes) => set({ processes })} />
      <MaterialPicker name="material" label={t.materialsLabel} values={state.materials} onChange={(materials) => set({ materials })} />
      <CheckboxGroup
        legend={t.certificationsLabel}
        name="certificate"
        options={certificates}
        values={state.certifications}
        onChange={(certifications) => set({ certifications })}
      />
      <div class="field-row">
        <div class="field">
          <label for="search-postal-code">{t.postalCodeLabel}</label>
          <input
            id="search-postal-code"
            inputMode="numeric"
            pattern="[0-9]{5}"
            maxLength={5}
            autoComplete="postal-code"
            value={state.postalCode}
            onInput={(e) => set({ postalCode: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="search-radius">{t.radiusLabel}</label>
          <select id="search-radius" value={state.radiusKm ?? ''} onChange={(e) => set({ radiusKm: optionalNumber(e.currentTarget.value) })}>
            <option value="">{t.anyRadius}</option>
            {radii.map((km) => (
              <option key={km} value={km}>
                {t.km(number(km))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset class="field-row">
        <legend>{t.employeesLabel}</legend>
        <div class="field">
          <label for="search-employees-min">{t.employeesMin}</label>
          <input
            id="search-employees-min"
            type="number"
            min={0}
            step={1}
            value={state.employeesMin ?? ''}
            onInput={(e) => set({ employeesMin: optionalNumber(e.currentTarget.value) })}
          />
        </div>
        <div class="field">
          <label for="search-employees-max">{t.employeesMax}</label>
          <input
            id="search-employees-max"
            type="number"
            min={0}
            step={1}
            value={state.employeesMax ?? ''}
            onInput={(e) => set({ employeesMax: optionalNumber(e.currentTarget.value) })}
          />
        </div>
      </fieldset>
      <CheckboxGroup
        legend={t.networksLabel}
        name="network"
        options={networkCodes}
        values={state.networks}
        onChange={(networks) => set({ networks: networks as NetworkCode[] })}
      />
      <div class="field">
        <label for="search-sort">{t.sortLabel}</label>
        <select id="search-sort" value={state.sort ?? ''} onChange={(e) => set({ sort: (e.currentTarget.value || undefined) as MemberOrder | undefined })}>
          <option value="">{t.sortDefault}</option>
          {/* Each only where it can be had (search-state.ts searchOrder): said so, and not to be chosen. */}
          <option value="RELEVANCE" disabled={!state.text.trim()}>
            {state.text.trim() ? t.sortRELEVANCE : `${t.sortRELEVANCE} (${t.sortNeedsText})`}
          </option>
          <option value="DISTANCE" disabled={!state.postalCode.trim()}>
            {state.postalCode.trim() ? t.sortDISTANCE : `${t.sortDISTANCE} (${t.sortNeedsPostalCode})`}
          </option>
          <option value="NAME">{t.sortNAME}</option>
        </select>
      </div>
      <div class="actions">
        <button type="submit">{t.searchButton}</button>
        <a href={paths.search}>{t.resetFilters}</a>
      </div>
    </form>
  );
}

/** A facet's values as links that add or drop that value from the search; `label` names a value where the graph's label will not do. */
function Facet({
  title,
  facets,
  chosen,
  toggle,
  label = (facet) => facet.label,
}: {
  title: string;
  facets: FacetCount[];
  chosen: string[];
  toggle: (value: string) => string;
  label?: (facet: FacetCount) => string;
}) {
  const { number } = useLocale();
  if (!facets.length) return null;
  return (
    <div class="facet">
      <h3>{title}</h3>
      <ul>
        {facets.map((facet) => (
          <li key={facet.value}>
            <a href={toggle(facet.value)} aria-current={chosen.includes(facet.value) ? 'true' : undefined}>
              {label(facet)} <span class="facet-count">{number(facet.count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function toggled(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

function Reasons({ hit }: { hit: SearchHit }) {
  const { t, language } = useLocale();
  const m = hit.matched;
  const reasons: string[] = [];
  if (m.text.length) reasons.push(t.matchedText(m.text.map((f) => (t as unknown as Record<string, string>)[`field_${f}`] ?? f).join(', ')));
  if (m.processes.length) reasons.push(t.matchedProcesses(m.processes.map((c) => `${c} ${processName(c, language)}`).join(', ')));
  if (m.materials.length) reasons.push(t.matchedMaterials(m.materials.join(', ')));
  if (m.certifications.length) reasons.push(t.matchedCertifications(m.certifications.join(', ')));
  if (m.withinRadius) reasons.push(t.matchedRadius);
  if (m.employees) reasons.push(t.matchedEmployees);
  if (!reasons.length) return null;
  return (
    <p class="reasons">
      <strong>{t.whyHit}:</strong> {reasons.join(' · ')}
    </p>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t, number, percent, language } = useLocale();
  const node = hit.node;
  const facts = [`${node.postalCode} ${node.city}`, node.network.code];
  if (node.employees !== null) facts.push(t.employeesCount(number(node.employees)));
  if (hit.distanceKm !== null) facts.push(t.distance(number(hit.distanceKm, 1)));
  if (hit.score !== null) facts.push(t.relevance(percent(hit.score)));
  return (
    <li class="hit">
      <h3>
        <a href={paths.member(node.id)}>{node.name}</a>
      </h3>
      <p class="muted">{facts.join(' · ')}</p>
      <Reasons hit={hit} />
      {node.processes.length > 0 && (
        <p class="processes">
          {node.processes
            .slice(0, 6)
            .map((p) => processName(p.code, language))
            .join(', ')}
          {node.processes.length > 6 ? ' …' : ''}
        </p>
      )}
    </li>
  );
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const { t, number, language } = useLocale();
  const search = readSearch(params);
  rememberSearch(paths.search + (params.toString() ? `?${params}` : ''));
  const from = Math.max(1, Number(params.get('from')) || 1);
  const { data, errors, loading } = useQuery(searchMembers, {
    filter: searchFilter(search),
    orderBy: searchOrder(search),
    first: pageSize,
    after: search.after,
  });
  const members = data?.members;
  const url = (change: Partial<SearchState>) => paths.search + writeSearch({ ...search, after: undefined, ...change });
  const points: MapPoint[] = (members?.edges ?? []).flatMap((e) =>
    e.node.location ? [{ id: e.node.id, name: e.node.name, network: e.node.network.code, at: e.node.location }] : [],
  );
  const radius = search.postalCode && search.radiusKm ? t.mapRadius(number(search.radiusKm), search.postalCode) : '';
  return (
    <>
      <h1>{t.searchHeading}</h1>
      <div class="search-layout">
        <SearchForm key={params.toString()} initial={search} />
        <section class="results" aria-labelledby="results-heading" aria-busy={loading}>
          <h2 id="results-heading">
            {t.resultsHeading}
            {members && <span class="hit-count">: {t.hits(number(members.totalCount), members.exactCounts)}</span>}
          </h2>
          <NetworkNotice errors={errors} />
          <ErrorNotice errors={errors} />
          {loading && (
            <p class="searching" role="status">
              {t.searching}
            </p>
          )}
          {members && (
            <>
              <div class="facets" aria-label={t.facetsHeading} role="group">
                <Facet
                  title={t.facetNetworks}
                  facets={members.facets.networks}
                  chosen={search.networks}
                  toggle={(v) => url({ networks: toggled(search.networks, v) as NetworkCode[] })}
                />
                <Facet
                  title={t.facetProcesses}
                  facets={members.facets.processMainGroups}
                  chosen={search.processes}
                  toggle={(v) => url({ processes: toggled(search.processes, v) })}
                  label={(facet) => processName(facet.value, language)}
                />
                <Facet
                  title={t.facetCertifications}
                  facets={members.facets.certifications}
                  chosen={search.certifications}
                  toggle={(v) => url({ certifications: toggled(search.certifications, v) })}
                />
              </div>
              {members.edges.length === 0 ? (
                <p>{filtered(search) || !search.text.trim() ? t.noHits : t.noHitsForWords}</p>
              ) : (
                <>
                  <h2 class="map-heading">{t.mapHeading}</h2>
                  {points.length ? (
                    <HitMap
                      points={points}
                      postalCode={search.postalCode || undefined}
                      radiusKm={search.radiusKm}
                      label={t.mapLabel(number(points.length), radius)}
                    />
                  ) : (
                    <p>{t.mapNoLocation}</p>
                  )}
                  <p class="muted">{t.pageOf(number(from), number(from + members.edges.length - 1))}</p>
                  <ol class="hits" start={from}>
                    {members.edges.map((hit) => (
                      <Hit key={hit.node.id} hit={hit} />
                    ))}
                  </ol>
                </>
              )}
              <nav class="paging" aria-label={t.resultsHeading}>
                {search.after && <a href={url({})}>{t.firstPage}</a>}
                {members.pageInfo.hasNextPage && members.pageInfo.endCursor && (
                  <a href={`${url({ after: members.pageInfo.endCursor })}&from=${from + members.edges.length}`} rel="next">
                    {t.nextPage}
                  </a>
                )}
              </nav>
            </>
          )}
        </section>
      </div>
    </>
  );
}
